// cdktf-teleport check --guardrails on hand-written Terraform JSON (no cdktf): every rule reported,
// the default (off), acknowledgements honoured and listed apart, usage errors, schema errors first.
import * as fs from 'fs';
import * as path from 'path';
import { RULES } from '../../lib/guardrails/rules';
import { runCli } from '../support/cli';
import { tempDir } from '../support/synth';

const FIXTURE = path.join(__dirname, 'fixtures', 'all-rules.tf.json');
const REASON = 'The visitor role is the demo role: every node is meant for every visitor.';

/** A copy of the fixture, edited. */
function edited(edit: (config: any) => void): string {
  const config = JSON.parse(fs.readFileSync(FIXTURE, 'utf8'));
  edit(config);
  const file = path.join(tempDir('gr-cli-'), 'main.tf.json');
  fs.writeFileSync(file, JSON.stringify(config, null, 2));
  return file;
}

test('--guardrails strict on a hand-written stack reports each rule, in the finding shape, rule id as check', async () => {
  const run = await runCli(['check', FIXTURE, '--guardrails', 'strict', '--json']);
  expect(run.code).toBe(1);
  expect(run.report.ok).toBe(false);
  expect([...new Set(run.report.findings.map((f: any) => f.check))].sort()).toEqual(RULES.map((r) => r.id));
  expect(run.report.findings.every((f: any) => f.severity === 'error')).toBe(true);
  expect(run.report.findings.find((f: any) => f.check === 'TG104')).toEqual({
    severity: 'error',
    check: 'TG104',
    resource: 'teleport_trusted_cluster.root',
    path: 'spec.role_map[0].remote',
    message: 'role_map[0] remote "*" maps every role of root "root.example.com" to "visitor".',
    fix: expect.stringMatching(
      /^Map named root roles .* Or, where it is intended, acknowledge it with a reason: Guardrails\.acknowledge\(construct, 'TG104', '<why, in a sentence>'\), or \{"rule": "TG104", "reason": "\.\.\."\}/,
    ),
  });
  expect(run.report.acknowledged).toEqual([]);
  // TG202's secret is the token's name: no output holds it.
  expect(run.stdout).not.toContain('hand-written-node-join-secret');
});

test('without --guardrails, check stays a schema check', async () => {
  const run = await runCli(['check', FIXTURE, '--json']);
  expect(run.code).toBe(0);
  expect(run.report).toEqual({ schemaVersion: 1, ok: true, findings: [] });
  expect((await runCli(['check', FIXTURE, '--guardrails', 'off'])).stdout).toBe(
    'OK: 1 stack(s) checked, guardrails off: 0 error(s), 0 warning(s), 0 info\n',
  );
});

test('recommended: its levels (TG107 a warning, TG109 not run); changes on the command line', async () => {
  const recommended = await runCli(['check', FIXTURE, '--guardrails', 'recommended', '--json']);
  const levels = Object.fromEntries(recommended.report.findings.map((f: any) => [f.check, f.severity]));
  expect(levels.TG107).toBe('warning');
  expect(levels.TG109).toBeUndefined();
  const changed = await runCli(['check', FIXTURE, '--guardrails', 'recommended,TG107=off,TG109=warning,max_session_ttl=36h', '--json']);
  const checks = changed.report.findings.map((f: any) => f.check);
  expect(checks).not.toContain('TG107');
  expect(checks).not.toContain('TG108');
  expect(changed.report.findings.find((f: any) => f.check === 'TG109')?.severity).toBe('warning');
});

test('acknowledgements in the JSON: honoured, listed apart with the reason (--json and human), never counted', async () => {
  const file = edited((c) => {
    c.resource.teleport_role.visitor['//'] = { guardrails: { acknowledged: [{ rule: 'TG102', reason: REASON, by: 'infra/Visitor' }] } };
  });
  const json = await runCli(['check', file, '--guardrails', 'strict', '--json']);
  expect(json.report.findings.map((f: any) => f.check)).not.toContain('TG102');
  expect(json.report.acknowledged).toEqual([
    {
      severity: 'error',
      check: 'TG102',
      resource: 'teleport_role.visitor',
      path: 'spec.allow.node_labels',
      message: expect.stringMatching(/^leaf role "visitor" allows every node of the leaf \(as "visitor"\), and root "root\.example\.com"/),
      fix: expect.stringMatching(/^Give the leaf role/),
      reason: REASON,
      acknowledgedBy: 'infra/Visitor',
    },
  ]);
  const human = await runCli(['check', file, '--guardrails', 'strict']);
  expect(human.stdout).toContain(
    `\nAcknowledged (not counted):\n  ACKNOWLEDGED [TG102] teleport_role.visitor spec.allow.node_labels: leaf role "visitor" allows every node of the leaf`,
  );
  expect(human.stdout).toContain(`    reason: ${REASON} (by infra/Visitor)\n`);
  expect(human.stdout).toMatch(/\nFAILED: 1 stack\(s\) checked, guardrails strict: 14 error\(s\), 0 warning\(s\), 0 info, 1 acknowledged\n$/);
});

test('a reason from the file prints without its control characters', async () => {
  const file = edited((c) => {
    c.resource.teleport_role.visitor['//'] = { guardrails: { acknowledged: [{ rule: 'TG102', reason: `${REASON}\u001b[2J\u001b]0;owned\u0007` }] } };
  });
  const human = await runCli(['check', file, '--guardrails', 'strict']);
  expect(human.stdout).not.toMatch(/(?![\t\n])\p{Cc}/u);
  expect(human.stdout).toContain(`    reason: ${REASON}\\x1b[2J\\x1b]0;owned\\x07\n`);
});

test('an acknowledgement without a sentence is an error; one that matches nothing a warning', async () => {
  const file = edited((c) => {
    c.resource.teleport_role.visitor['//'] = { guardrails: { acknowledged: [{ rule: 'TG102', reason: 'fine' }] } };
    c.resource.teleport_role.root_access['//'] = {
      guardrails: { acknowledged: [{ rule: 'TG101', reason: 'Nothing here is reached from the root any more.' }] },
    };
  });
  const run = await runCli(['check', file, '--guardrails', 'strict', '--json']);
  // Sorted by resource: root_access, then visitor.
  expect(run.report.findings.filter((f: any) => f.check.startsWith('guardrails.'))).toEqual([
    {
      severity: 'warning',
      check: 'guardrails.unused-acknowledgement',
      resource: 'teleport_role.root_access',
      path: '//.guardrails.acknowledged',
      message: 'the acknowledgement of TG101 ("Nothing here is reached from the root any more.") matches no finding of TG101 here.',
      fix: expect.any(String),
    },
    {
      severity: 'error',
      check: 'guardrails.acknowledgement',
      resource: 'teleport_role.visitor',
      path: '//.guardrails.acknowledged[0].reason',
      message: 'the acknowledgement of TG102 has the reason "fine", which is not a sentence (at least 4 words and 20 characters).',
      fix: expect.stringMatching(/^say in a sentence why this exception is accepted/),
    },
  ]);
  expect(run.report.findings.map((f: any) => f.check)).toContain('TG102');
});

test('usage errors exit 2; with schema errors the guardrails do not run', async () => {
  const bad = await runCli(['check', FIXTURE, '--guardrails', 'paranoid', '--json']);
  expect(bad.code).toBe(2);
  expect(bad.report.error).toBe(
    '--guardrails "paranoid": expected recommended, strict or off, then optional ,RULE=LEVEL or ,max_session_ttl=DURATION changes.',
  );
  const typo = edited((c) => {
    c.resource.teleport_role.visitor.spec.allow.node_lables = { '*': ['*'] };
  });
  const run = await runCli(['check', typo, '--guardrails', 'strict', '--json']);
  expect(run.code).toBe(1);
  const checks = run.report.findings.map((f: any) => f.check);
  expect(checks.filter((c: string) => /^TG/.test(c))).toEqual([]);
  expect(run.report.findings.find((f: any) => f.check === 'guardrails.not-evaluated')).toEqual({
    severity: 'info',
    check: 'guardrails.not-evaluated',
    resource: '(all stacks)',
    message: 'the strict guardrails did not run: the schema check found errors, and the rules read only well-formed configurations.',
    fix: 'fix the schema errors, then check again.',
  });
});
