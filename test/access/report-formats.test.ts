// The Markdown report read by a Markdown parser (marked): the summary line, a table per trust, the
// Mermaid block parsed for its nodes and edges, <details> beyond a size; the JSON report validated
// against schemas/access-report.schema.json with ajv; control characters never printed.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import Ajv from 'ajv';
import { Token, TokensList, lexer } from 'marked';
import { AccessMap } from '../../lib/access';
import { runCli } from '../support/cli';
import { tempDir } from '../support/synth';
import { SCENARIOS, copyTree, editStack, synthExamples } from './support';

process.env.CHECKPOINT_DISABLE = '1';
const ROOT = path.join(__dirname, '..', '..');
const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas', 'access-report.schema.json'), 'utf8'));
const validate = new Ajv({ allErrors: true, strict: true }).compile(schema);

/** Every token, depth first (tables and code blocks inside <details> are top-level tokens too). */
const flat = (tokens: TokensList | Token[]): Token[] => tokens.flatMap((t: any) => [t, ...(t.tokens ? flat(t.tokens) : [])]);

/** A strict reader of the flowchart subset the report writes: header, node definitions, edges. */
function parseMermaid(source: string): { nodes: Set<string>; edges: [string, string][] } {
  const lines = source.split('\n');
  expect(lines[0]).toBe('flowchart LR');
  const nodes = new Set<string>();
  const edges: [string, string][] = [];
  for (const line of lines.slice(1)) {
    const node = /^ {2}(n\d+)\["[^"\n]*"\]$/.exec(line);
    const edge = /^ {2}(n\d+) -->(?:\|"[^"\n]*"\|)? (n\d+)$/.exec(line);
    if (node) {
      expect(nodes.has(node[1])).toBe(false);
      nodes.add(node[1]);
    } else if (edge) {
      expect(nodes.has(edge[1]) && nodes.has(edge[2])).toBe(true);
      edges.push([edge[1], edge[2]]);
    } else throw new Error(`not a flowchart line: ${JSON.stringify(line)}`);
  }
  return { nodes, edges };
}

let examples: string;
beforeAll(() => {
  examples = synthExamples();
}, 120000);

describe('markdown', () => {
  test('the seed guide: summary line, one table, a Mermaid graph of root role -> leaf role -> nodes', async () => {
    const run = await runCli(['access', path.join(examples, 'stacks', 'seed-l1-leaf'), '--format', 'markdown']);
    expect(run.code).toBe(0);
    const tokens = flat(lexer(run.stdout));
    expect(tokens[0]).toMatchObject({ type: 'paragraph' });
    expect((tokens[0] as any).text).toBe('**Teleport access:** 1 trusted cluster on 1 leaf, 1 root role path');
    const tables = tokens.filter((t) => t.type === 'table') as any[];
    expect(tables).toHaveLength(1);
    expect(tables[0].header.map((h: any) => h.text)).toEqual(['root role', 'leaf roles', 'access', 'on', 'for']);
    expect(tables[0].rows[0].map((c: any) => c.text)).toEqual([
      'access (preset)',
      'visitor',
      'ssh login visitor',
      'nodes: all',
      'root users whose "logins" trait holds it',
    ]);
    const code = tokens.filter((t) => t.type === 'code') as any[];
    expect(code.map((c) => c.lang)).toEqual(['mermaid']);
    const graph = parseMermaid(code[0].text);
    // rootcluster: access -> leafcluster: visitor -> leafcluster nodes: all
    expect(graph.nodes.size).toBe(3);
    expect(graph.edges).toEqual([
      ['n1', 'n2'],
      ['n2', 'n3'],
    ]);
    expect(code[0].text).toContain('n2 -->|"ssh visitor"| n3');
    expect(tokens.some((t) => t.type === 'html')).toBe(false); // small: nothing collapsed
  });

  test('a diff: the summary line counts the changes; large tables and graphs are collapsed in <details>', async () => {
    const base = copyTree(SCENARIOS, path.join(tempDir('access-md-'), 'out'));
    editStack(base, 'trust-leaf', (c) => (c.resource.teleport_role.guest.spec.allow.node_labels = { env: ['dev'] }));
    const run = await runCli(['access', SCENARIOS, '--base', base, '--format', 'markdown']);
    expect(run.code).toBe(0);
    const tokens = flat(lexer(run.stdout));
    expect((tokens[0] as any).text).toBe(
      '**Teleport access:** +0 grants, \u22120 grants, 2 widened, 0 narrowed (2 trusted clusters on 2 leaves, 14 root role paths)',
    );
    const tables = tokens.filter((t) => t.type === 'table') as any[];
    expect(tables[0].header.map((h: any) => h.text)).toEqual(['change', 'trust', 'root role', 'grant', 'before', 'after']);
    // Cell text as written: the `*` of the glob is escaped so Markdown does not read it as emphasis.
    expect(tables[0].rows.map((r: any) => r.map((c: any) => c.text))).toEqual([
      ['widened', 'leaf.example.com|root.example.com', 'contractor-\\*', 'ssh login guest via guest', 'env=dev', 'env=staging'],
      ['widened', 'leaf.example.com|root.example.com', 'contractor-acme', 'ssh login guest via guest', 'env=dev', 'env=staging'],
    ]);
    // The rules leaf has more rows than fit (57): its table is inside <details>; the graph (27 edges) is not.
    const html = tokens.filter((t) => t.type === 'html').map((t: any) => t.raw.trim());
    expect(html.filter((h) => h.startsWith('<details>'))).toEqual([
      '<details>\n<summary>57 grants of rules-leaf.example.com &lt;- root.example.com</summary>',
    ]);
    const graph = parseMermaid((tokens.find((t) => t.type === 'code') as any).text);
    expect([graph.nodes.size, graph.edges.length]).toEqual([28, 27]);
  });

  test('a large graph is collapsed, with its node and edge counts in the summary', async () => {
    const dir = copyTree(SCENARIOS, path.join(tempDir('access-big-'), 'out'));
    editStack(dir, 'trust-leaf', (c) => {
      for (let i = 0; i < 30; i++)
        c.resource.teleport_role[`extra${i}`] = {
          version: 'v7',
          metadata: { name: `extra-${i}` },
          spec: { allow: { logins: ['guest'], node_labels: { team: [`t${i}`] } } },
        };
      c.resource.teleport_trusted_cluster.root.spec.role_map[1].local.push(...Array.from({ length: 30 }, (_, i) => `extra-${i}`));
    });
    const run = await runCli(['access', dir, '--format', 'markdown', '--leaf', 'leaf.example.com']);
    const tokens = flat(lexer(run.stdout));
    const graph = parseMermaid((tokens.find((t) => t.type === 'code') as any).text);
    // contractor-acme and the pattern each reach guest and the 30 extra roles; each role reaches its nodes.
    expect(graph.edges.length).toBeGreaterThan(40);
    expect(run.stdout).toContain(`<summary>graph: ${graph.nodes.size} nodes, ${graph.edges.length} edges</summary>`);
    expect(tokens.filter((t) => t.type === 'html').map((t: any) => t.raw.trim())).toContain(
      `<details>\n<summary>graph: ${graph.nodes.size} nodes, ${graph.edges.length} edges</summary>`,
    );
  });
});

describe('json', () => {
  test('every scenario, the examples and a diff validate against the shipped schema', async () => {
    for (const args of [[SCENARIOS], [examples], [SCENARIOS, '--base', examples], [examples, '--root-role', 'auditor']]) {
      const run = await runCli(['access', ...args, '--format', 'json']);
      expect(run.code).toBe(0);
      const report = JSON.parse(run.stdout);
      expect(validate(report) ? [] : validate.errors).toEqual([]);
      expect(report.schemaVersion).toBe(1);
    }
  });

  test('the schema rejects what the report never is', () => {
    const report = AccessMap.fromPath(SCENARIOS).toReport();
    expect(validate(report)).toBe(true);
    const broken = JSON.parse(JSON.stringify(report));
    broken.map.trusts[0].paths[0].logins[0].condition = 'maybe';
    expect(validate(broken)).toBe(false);
    expect(validate({ ...report, schemaVersion: 2 })).toBe(false);
  });

  test('npm pack ships the schema', () => {
    const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8' });
    expect(JSON.parse(out)[0].files.map((f: any) => f.path)).toContain('schemas/access-report.schema.json');
  });
});

describe('hostile input', () => {
  test('control characters in role names and labels are printed as escapes, in text and Markdown', async () => {
    const dir = copyTree(SCENARIOS, path.join(tempDir('access-ctl-'), 'out'));
    editStack(dir, 'trust-leaf', (c) => {
      c.resource.teleport_role.guest.spec.allow.node_labels = { 'env\u001b[31m': ['x\u0007'] };
      c.resource.teleport_role.guest.spec.allow.logins = ['gu\u202eest'];
    });
    for (const format of ['text', 'markdown']) {
      const run = await runCli(['access', dir, '--format', format, '--leaf', 'leaf.example.com']);
      expect(run.code).toBe(0);
      expect(run.stdout).not.toMatch(/(?![\t\n])[\p{Cc}\u202e]/u);
      expect(run.stdout).toContain('\\x1b');
    }
  });

  test('a pattern with catastrophic backtracking in JavaScript finishes (RE2: linear time)', () => {
    const dir = copyTree(SCENARIOS, path.join(tempDir('access-redos-'), 'out'));
    editStack(dir, 'trust-root', (c) => (c.resource.teleport_role.team_dev.metadata.name = `${'a'.repeat(5000)}!`));
    editStack(dir, 'trust-leaf', (c) => c.resource.teleport_trusted_cluster.root.spec.role_map.push({ remote: '^(a+)+$', local: ['guest'] }));
    const map = AccessMap.fromPath(dir).filter({ leaf: 'leaf.example.com' });
    expect(map.trusts[0].roleMap[2]).toMatchObject({ remote: '^(a+)+$', kind: 'regex', matchedRootRoles: [] });
  });
});
