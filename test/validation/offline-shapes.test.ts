// validate --offline reads what check reports (issue 10, item 4): inputs of the wrong shape are schema
// findings (exit 1) in a configuration and validate.plan-shape findings in a plan, never an internal
// error. And a plan written redacted (item 18): a redacted join token is "not checked", not missing.
import * as fs from 'fs';
import * as path from 'path';
import { buildExamples } from '../../examples/main';
import { REDACTED_VALUE } from '../../lib/config/redacted';
import { clearSecrets } from '../../lib/report/redact';
import { runCli } from '../support/cli';
import { tempDir } from '../support/synth';

const PLANS = path.join(__dirname, '..', 'fixtures', 'plans');
let dir: string;
let leaf: any;
beforeAll(() => {
  dir = tempDir('offline-shapes-');
  const out = path.join(dir, 'cdktf.out');
  buildExamples(out).synth();
  leaf = JSON.parse(fs.readFileSync(path.join(out, 'stacks', 'seed-l1-leaf', 'cdk.tf.json'), 'utf8'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
afterEach(() => clearSecrets());

const copy = <T>(v: T): T => JSON.parse(JSON.stringify(v));
let n = 0;
function write(doc: unknown, name = 'cdk.tf.json'): string {
  const d = path.join(dir, `case-${n++}`);
  fs.mkdirSync(d);
  fs.writeFileSync(path.join(d, name), JSON.stringify(doc));
  return path.join(d, name);
}

describe('a configuration: the same findings as check, never an internal error', () => {
  const cases: [string, (c: any) => unknown][] = [
    ['role_map: "abc"', (c) => ((c.resource.teleport_trusted_cluster.rootcluster.spec.role_map = 'abc'), c)],
    ['role_map: [null]', (c) => ((c.resource.teleport_trusted_cluster.rootcluster.spec.role_map = [null]), c)],
    [
      'role_map: [{local: "visitor"}]',
      (c) => ((c.resource.teleport_trusted_cluster.rootcluster.spec.role_map = [{ remote: 'a', local: 'visitor' }]), c),
    ],
    ['a null resource body', (c) => ((c.resource.teleport_trusted_cluster.rootcluster = null), c)],
    ['a null spec', (c) => ((c.resource.teleport_trusted_cluster.rootcluster.spec = null), c)],
    ['resource: "x"', (c) => ((c.resource = 'x'), c)],
    ['a null document', () => null],
  ];
  test.each(cases)('%s', async (_what, mutate) => {
    const file = write(mutate(copy(leaf)));
    const check = await runCli(['check', file, '--json']);
    const validate = await runCli(['validate', '--offline', file, '--json']);
    expect(check.code).toBe(1);
    expect(validate.code).toBe(1);
    expect(validate.stdout + validate.stderr).not.toMatch(/internal error|TypeError|\n\s+at /);
    // Every schema finding check reports, validate reports too.
    const schema = (r: any) => r.report.findings.filter((f: any) => f.check.startsWith('schema.')).map((f: any) => [f.check, f.resource, f.path]);
    expect(schema(validate)).toEqual(schema(check));
  });

  test('a list element of the wrong shape keeps the index of the ones after it', async () => {
    const c = copy(leaf);
    c.resource.teleport_trusted_cluster.rootcluster.spec.role_map = [null, { remote: 'access', local: ['nowhere'] }];
    const r = await runCli(['validate', '--offline', write(c), '--json']);
    expect(r.report.findings).toContainEqual(
      expect.objectContaining({
        check: 'validate.role-map-role',
        path: 'spec.role_map[1].local',
        message: expect.stringContaining('role "nowhere"'),
      }),
    );
  });

  test('role_map local roles and names that are JavaScript builtins are plain names', async () => {
    const c = copy(leaf);
    c.resource.teleport_trusted_cluster.rootcluster.spec.role_map = [{ remote: 'access', local: ['constructor', '__proto__', 'toString'] }];
    const r = await runCli(['validate', '--offline', write(c), '--json']);
    expect(r.code).toBe(0);
    expect(r.report.findings.filter((f: any) => f.check === 'validate.role-map-role').map((f: any) => f.message.match(/role "([^"]+)"/)[1])).toEqual([
      'constructor',
      '__proto__',
      'toString',
    ]);
  });
});

describe('a plan: parts of the wrong shape are validate.plan-shape errors', () => {
  const plan = () => JSON.parse(fs.readFileSync(path.join(PLANS, 'seed-l1-leaf.plan.json'), 'utf8'));
  const cases: [string, (p: any) => void, RegExp][] = [
    [
      'resources: [null]',
      (p) => (p.planned_values.root_module.resources = [null]),
      /planned_values\.root_module\.resources\[0\] is not an object: skipped/,
    ],
    ['resource_changes: [null]', (p) => (p.resource_changes = [null]), /resource_changes\[0\] is not an object: skipped/],
    [
      'a null provider_config entry',
      (p) => (p.configuration.provider_config.teleport = null),
      /configuration\.provider_config\["teleport"\] is not an object/,
    ],
    ['provider_config: "x"', (p) => (p.configuration.provider_config = 'x'), /configuration\.provider_config is not an object/],
    ['change.actions: "create"', (p) => (p.resource_changes[0].change = 'create'), /resource_changes\[0\]\.change is not an object/],
    [
      'role_map: "abc" in planned values',
      (p) => (p.planned_values.root_module.resources.find((r: any) => r.type === 'teleport_trusted_cluster').values.spec.role_map = 'abc'),
      /teleport_trusted_cluster\.rootcluster: spec\.role_map does not have the type the provider schema gives it/,
    ],
  ];
  test.each(cases)('%s', async (_what, mutate, message) => {
    const p = plan();
    mutate(p);
    const r = await runCli(['validate', '--offline', write(p, 'leaf.plan.json'), '--json']);
    expect(r.code).toBe(1);
    expect(r.report.findings).toContainEqual(
      expect.objectContaining({ severity: 'error', check: 'validate.plan-shape', message: expect.stringMatching(message) }),
    );
    expect(r.stdout + r.stderr).not.toMatch(/internal error|\n\s+at /);
  });

  test('the unchanged plan has no shape finding', async () => {
    const r = await runCli(['validate', '--offline', path.join(PLANS, 'seed-l1-leaf.plan.json'), '--json']);
    expect(r.report.findings.filter((f: any) => f.check === 'validate.plan-shape')).toEqual([]);
  });
});

describe('a plan written with its sensitive values redacted', () => {
  test('a redacted join token is "not checked" info, not a missing token', async () => {
    const p = JSON.parse(fs.readFileSync(path.join(PLANS, 'seed-l1-leaf.plan.json'), 'utf8'));
    const tc = p.planned_values.root_module.resources.find((r: any) => r.type === 'teleport_trusted_cluster');
    tc.values.spec.token = REDACTED_VALUE;
    for (const c of p.resource_changes) if (c.type === 'teleport_trusted_cluster') c.change.after.spec.token = REDACTED_VALUE;
    const r = await runCli(['validate', '--offline', write(p, 'leaf.plan.json'), '--json']);
    expect(r.code).toBe(0);
    expect(r.report.findings.filter((f: any) => f.check === 'validate.join-token')).toEqual([
      expect.objectContaining({
        severity: 'info',
        resource: 'teleport_trusted_cluster.rootcluster',
        path: 'spec.token',
        message: expect.stringMatching(/^not checked: the plan holds this token redacted/),
      }),
    ]);
    // The same plan with the token removed instead: the plan creates the trusted cluster without one.
    delete tc.values.spec.token;
    for (const c of p.resource_changes) if (c.type === 'teleport_trusted_cluster') delete c.change.after.spec.token;
    const missing = await runCli(['validate', '--offline', write(p, 'leaf.plan.json'), '--json']);
    expect(missing.report.findings).toContainEqual(
      expect.objectContaining({ severity: 'error', check: 'validate.join-token', message: expect.stringContaining('without a join token') }),
    );
  });
});
