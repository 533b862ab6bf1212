// Every example stack exports to both formats: operator manifests pass the schemas derived from the
// operator's CRD reference, no output holds a secret or a character that steers a terminal, and the
// tctl output loads back through TctlResources into the same synthesized JSON.
import * as fs from 'fs';
import * as path from 'path';
import { buildExamples } from '../../examples/main';
import { ExportFormat, TctlResources, TeleportExport } from '../../lib';
import { withoutServerDefaults } from '../../lib/export/role-defaults';
import { runCli } from '../support/cli';
import { newStack, synthJson } from '../support/constructs';
import { filesBelow, readStack, tempDir } from '../support/synth';
import { UNSAFE, documents, manifestProblems } from './support';

let dir: string;
let outdir: string;
beforeAll(() => {
  process.env.CDKTF_TELEPORT_QUIET = '1';
  dir = tempDir('export-examples-');
  outdir = path.join(dir, 'cdktf.out');
  buildExamples(outdir).synth();
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const STACKS = ['from-yaml-leaf', 'one-stack', 'root-two-leaves', 'seed-l1-leaf', 'seed-l1-root', 'two-stack-leaf', 'two-stack-root'];
/** The guide's literal token line (examples/from-yaml/trusted_cluster.yaml): it must reach no output. */
const GUIDE_TOKEN = '(=presets.tokens.first=)';

test('the CLI writes the operator manifests of every example into --out: they pass the derived CRD schemas and hold no secret', async () => {
  const out = path.join(dir, 'k8s');
  const run = await runCli(['export', outdir, '--to', 'operator', '--out', out]);
  expect(run.code).toBe(0);
  expect(run.stdout).toBe('');
  const files = filesBelow(out);
  expect(files).toEqual([
    'from-yaml-leaf.yaml',
    'one-stack-leaf.yaml',
    'one-stack-root.yaml',
    'root-two-leaves-leaf_eu.yaml',
    'root-two-leaves-leaf_us.yaml',
    'root-two-leaves-root.yaml',
    'seed-l1-leaf.yaml',
    'seed-l1-root.yaml',
    'two-stack-leaf.yaml',
    'two-stack-root.yaml',
  ]);
  const kinds: string[] = [];
  for (const f of files) {
    const text = fs.readFileSync(path.join(out, f), 'utf8');
    expect(text).not.toMatch(UNSAFE);
    expect(text).not.toContain(GUIDE_TOKEN);
    for (const doc of documents(text)) {
      expect({ f, problems: manifestProblems(doc) }).toEqual({ f, problems: [] });
      kinds.push(doc.kind);
    }
  }
  expect([...new Set(kinds)].sort()).toEqual(['Secret', 'TeleportRoleV7', 'TeleportTrustedClusterV2']);
  // The summary names each placeholder and each join-token command; the roots' tokens are not custom resources.
  expect(run.stderr).toContain('Placeholders (6): fill them before applying:');
  expect(run.stderr).toContain('two-stack-root (teleport): tctl tokens add --type=trusted_cluster --ttl=15m');
  expect(run.stderr).toContain('not exported as a TeleportProvisionToken');
});

describe.each(STACKS)('%s', (name) => {
  test('tctl: one document per resource, roles before the trusted clusters that map them, loading back into the same configuration', () => {
    const original = readStack(outdir, name);
    const result = TeleportExport.fromConfig([{ name, config: original }], { format: ExportFormat.TCTL });
    expect(result.notes.filter((n) => n.severity === 'error')).toEqual([]);
    for (const file of result.files) {
      expect(file.content).not.toMatch(UNSAFE);
      expect(file.content).not.toContain(GUIDE_TOKEN);
      const docs = documents(file.content);
      expect(docs).toHaveLength(file.documents);
      const kinds = docs.map((d) => d.kind);
      expect(kinds).toEqual(
        [...kinds].sort((a, b) => ['token', 'role', 'trusted_cluster'].indexOf(a) - ['token', 'role', 'trusted_cluster'].indexOf(b)),
      );
      if (docs.length === 0) continue;
      const stack = newStack();
      TctlResources.fromYaml(stack, 'Back', file.content);
      const back = synthJson(stack);
      for (const type of ['teleport_role', 'teleport_trusted_cluster']) {
        const mine = (o: any) => Object.values<any>(o?.[type] ?? {});
        const before = mine(original.resource)
          .filter((r) => (r.provider ?? 'teleport') === file.provider)
          .map(comparable(name));
        expect(mine(back.resource).map(comparable(name))).toEqual(before);
      }
    }
  });

  test('operator: every manifest passes its schema; each trusted cluster token is a secret:// lookup of an annotated Secret without a value', () => {
    const result = TeleportExport.fromConfig([{ name, config: readStack(outdir, name) }], { format: ExportFormat.OPERATOR, namespace: 'teleport' });
    expect(result.notes.filter((n) => n.severity === 'error')).toEqual([]);
    for (const file of result.files) {
      expect(file.content).not.toMatch(UNSAFE);
      const docs = documents(file.content);
      for (const doc of docs) {
        expect(manifestProblems(doc)).toEqual([]);
        expect(doc.metadata.namespace).toBe('teleport');
      }
      for (const cluster of docs.filter((d) => d.kind === 'TeleportTrustedClusterV2')) {
        const secret = docs.find((d) => d.kind === 'Secret' && cluster.spec.token === `secret://${d.metadata.name}/token`);
        expect(secret?.metadata.annotations).toEqual({ 'resources.teleport.dev/allow-lookup-from-cr': cluster.metadata.name });
        expect(docs.indexOf(secret)).toBeLessThan(docs.indexOf(cluster));
      }
    }
  });
});

/**
 * What must survive the round trip: version, metadata, spec; the token aside (a placeholder in
 * tctl YAML, a sensitive variable once loaded). The seed-l1 stacks are raw L1 roles without the
 * server's defaults, which Role writes out: compared as the server stores them.
 */
function comparable(stack: string) {
  return (r: any) => {
    const spec = { ...r.spec };
    delete spec.token;
    const l1 = stack.startsWith('seed-l1') && r.spec?.allow !== undefined;
    return { version: r.version, metadata: r.metadata, spec: l1 ? withoutServerDefaults(r.version, spec) : spec };
  };
}
