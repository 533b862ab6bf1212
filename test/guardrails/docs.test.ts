// docs/guardrails.md lists every rule, generated from the rule data, and is fresh; every rule has
// its data and its own test file.
import * as fs from 'fs';
import * as path from 'path';
import { DOC_BEGIN, DOC_END, renderRuleReference, withRuleReference } from '../../lib/guardrails/doc';
import { RULES } from '../../lib/guardrails/rules';

const DOC = path.join(__dirname, '..', '..', 'docs', 'guardrails.md');

test('the rule reference in docs/guardrails.md is what the rule data generates (node scripts/guardrails-doc.js)', () => {
  const doc = fs.readFileSync(DOC, 'utf8');
  expect(doc).toBe(withRuleReference(doc));
  const generated = doc.slice(doc.indexOf(DOC_BEGIN) + DOC_BEGIN.length, doc.indexOf(DOC_END));
  expect(generated.trim()).toBe(renderRuleReference().trim());
  for (const r of RULES) {
    expect(generated).toContain(`| [${r.id}](#${r.id.toLowerCase()}) |`);
    expect(generated).toContain(`### ${r.id}\n\n**${r.title}**`);
  }
});

test('a stale reference is detected: a changed title no longer matches', () => {
  const doc = fs.readFileSync(DOC, 'utf8');
  const stale = doc.replace(RULES[0].title, 'An old title');
  expect(withRuleReference(stale)).not.toBe(stale);
});

test.each(RULES.map((r) => [r.id, r]))('%s: data complete, a test file of its own', (id, rule) => {
  expect(rule.id).toMatch(/^TG[12]\d\d$/);
  expect(['error', 'warning']).toContain(rule.level);
  for (const text of [rule.title, rule.explanation, rule.fix]) expect(text.length).toBeGreaterThan(20);
  expect(rule.title).not.toContain('\n');
  expect(rule.sources.length).toBeGreaterThan(0);
  expect(fs.existsSync(path.join(__dirname, 'rules', `${id}.test.ts`))).toBe(true);
});

test('rule ids are unique', () => {
  expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
});
