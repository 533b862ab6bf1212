// The examples under the recommended pack: they synthesize with their acknowledgements (what the
// seed guide does on purpose), check --guardrails honours them, and without one synth fails.
import * as fs from 'fs';
import * as path from 'path';
import { TerraformResource } from 'cdktf';
import { buildExamples } from '../../examples/main';
import { SEED_GUIDE_EVERY_NODE } from '../../examples/acknowledgements';
import { runCli } from '../support/cli';
import { filesBelow, readStack, tempDir } from '../support/synth';

const LEAVES = ['from-yaml-leaf', 'one-stack', 'root-two-leaves', 'seed-l1-leaf', 'two-stack-leaf'];
let outdir: string;

beforeAll(() => {
  outdir = tempDir('gr-examples-');
  buildExamples(outdir).synth();
});
afterAll(() => fs.rmSync(outdir, { recursive: true, force: true }));

test('every visitor role carries its acknowledgement of TG102 in the synthesized JSON', () => {
  for (const name of LEAVES) {
    const roles = Object.values<any>(readStack(outdir, name).resource.teleport_role);
    expect(roles.length).toBeGreaterThan(0);
    for (const r of roles) {
      expect(r['//'].guardrails.acknowledged).toEqual([
        { rule: 'TG102', reason: SEED_GUIDE_EVERY_NODE, by: expect.stringMatching(new RegExp(`^${name}/`)) },
      ]);
    }
  }
});

test('check --guardrails recommended: ok, every acknowledgement listed apart, only warnings left', async () => {
  const run = await runCli(['check', outdir, '--guardrails', 'recommended', '--json']);
  expect(run.code).toBe(0);
  expect(run.report.ok).toBe(true);
  expect(run.report.acknowledged.map((a: any) => `${a.stack} ${a.check} ${a.reason === SEED_GUIDE_EVERY_NODE}`)).toEqual([
    'from-yaml-leaf TG102 true',
    'one-stack TG102 true',
    'root-two-leaves TG102 true',
    'root-two-leaves TG102 true',
    'seed-l1-leaf TG102 true',
    'two-stack-leaf TG102 true',
  ]);
  expect([...new Set(run.report.findings.map((f: any) => `${f.severity} ${f.check}`))].sort()).toEqual(['warning TG107', 'warning TG108']);
});

test('without one acknowledgement, synth fails with the rule id, the construct path and the fix, and writes nothing', () => {
  const fresh = path.join(tempDir('gr-examples-'), 'cdktf.out');
  const app = buildExamples(fresh);
  // The one-stack example's visitor role, its acknowledgement taken out (cdktf's escape hatch).
  const visitor = app.node.findAll().find((c) => c.node.path === 'one-stack/Visitor/Resource') as TerraformResource;
  visitor.addOverride('//.guardrails', {});
  let message = '';
  try {
    app.synth();
  } catch (e) {
    message = (e as Error).message;
  }
  expect(message).toMatch(/^Synthesis stopped before writing anything: 1 problem\(s\) found\n/);
  expect(message).toContain(
    '[one-stack/Visitor/Resource] TG102 teleport_role.Visitor_DBAD7CCA field "spec.allow.node_labels": leaf role "visitor" allows every node of the leaf (as "visitor"), and root "rootcluster.example.com" (role "access") reaches it. Fix: Give the leaf role `node_labels` (or a `node_labels_expression`) that select only the nodes root users need, e.g. `env: staging`.',
  );
  expect(filesBelow(fresh)).toEqual([]);
});
