// validate's offline checks: each with a passing and a failing case; inputs as configs and plans.
import * as fs from 'fs';
import * as path from 'path';
import { buildExamples } from '../../examples/main';
import { clearSecrets } from '../../lib/report/redact';
import { loadInput } from '../../lib/config/load';
import { TfInput } from '../../lib/config/model';
import { runOfflineChecks } from '../../lib/validation/rules';
import { tempDir } from '../support/synth';

const PLANS = path.join(__dirname, '..', 'fixtures', 'plans');
const NOW = new Date('2026-11-24T12:00:00Z');
let dir: string;
let examples: string;
beforeAll(() => {
  dir = tempDir('validate-offline-');
  examples = path.join(dir, 'cdktf.out');
  buildExamples(examples).synth();
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
afterEach(() => clearSecrets());

const TERRAFORM = { required_providers: { teleport: { source: 'terraform.releases.teleport.dev/gravitational/teleport', version: '~> 18.0' } } };
const VISITOR = { version: 'v7', metadata: { name: 'visitor' }, spec: { allow: { logins: ['visitor'] } } };
const tc = (spec: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  version: 'v2',
  metadata: { name: 'root.example.com' },
  spec: {
    enabled: true,
    token: '${var.t}',
    web_proxy_addr: 'root.example.com:443',
    tunnel_addr: 'root.example.com:443',
    role_map: [{ remote: 'access', local: ['visitor'] }],
    ...spec,
  },
  ...extra,
});

function config(resource: Record<string, unknown>, provider: Record<string, unknown> = { addr: 'leaf.example.com:443' }): TfInput {
  const file = path.join(dir, `c${Math.random().toString(36).slice(2)}`, 'cdk.tf.json');
  fs.mkdirSync(path.dirname(file));
  fs.writeFileSync(
    file,
    JSON.stringify({ terraform: TERRAFORM, provider: { teleport: [provider] }, variable: { t: { type: 'string', sensitive: true } }, resource }),
  );
  return loadInput(file);
}

const run = (input: TfInput) => runOfflineChecks(input, { now: NOW });
const only = (input: TfInput, check: string) => run(input).filter((f) => f.check === check);

test('every example stack: no error and no warning', () => {
  const findings = runOfflineChecks(loadInput(examples), { now: NOW });
  expect(findings.filter((f) => f.severity !== 'info')).toEqual([]);
});

test('several stacks: the stack is its own field and resource stays a pure Terraform address', () => {
  const raw = JSON.parse(fs.readFileSync(path.join(examples, 'stacks', 'seed-l1-leaf', 'cdk.tf.json'), 'utf8'));
  raw.resource.teleport_trusted_cluster.rootcluster.spec.tunnel_addr = 'rootcluster.example.com';
  const file = path.join(dir, 'multi', 'stacks', 'seed-l1-leaf', 'cdk.tf.json');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(raw));
  fs.cpSync(path.join(examples, 'stacks', 'one-stack'), path.join(dir, 'multi', 'stacks', 'one-stack'), { recursive: true });
  const input = loadInput(path.join(dir, 'multi'));
  expect(input.stacks.map((s) => s.name)).toEqual(['one-stack', 'seed-l1-leaf']);
  const findings = runOfflineChecks(input, { now: NOW });
  expect(findings).toContainEqual(
    expect.objectContaining({ check: 'validate.address-port', stack: 'seed-l1-leaf', resource: 'teleport_trusted_cluster.rootcluster' }),
  );
  expect(findings.every((f) => f.stack !== undefined && !f.resource.includes(': '))).toBe(true);
});

test('the schema check runs in validate: an unknown attribute is an error with its path', () => {
  const input = config({ teleport_trusted_cluster: { root: tc({ proxy_addr: 'root.example.com:3080' }) } });
  expect(run(input).filter((f) => f.severity === 'error' && f.check.startsWith('schema.'))).toEqual([
    expect.objectContaining({ resource: 'teleport_trusted_cluster.root', path: 'spec.proxy_addr' }),
  ]);
});

describe('role_map local roles', () => {
  test('defined here, preset, or an expansion: fine', () => {
    const input = config({
      teleport_role: { visitor: VISITOR },
      teleport_trusted_cluster: {
        root: tc({
          role_map: [
            { remote: 'access', local: ['visitor', 'auditor'] },
            { remote: '^(.*)$', local: ['$1'] },
          ],
        }),
      },
    });
    expect(only(input, 'validate.role-map-role')).toEqual([]);
  });

  test('neither: a warning that it must exist on the leaf, with the path', () => {
    expect(only(config({ teleport_trusted_cluster: { root: tc({}) } }), 'validate.role-map-role')).toEqual([
      expect.objectContaining({
        severity: 'warning',
        resource: 'teleport_trusted_cluster.root',
        path: 'spec.role_map[0].local',
        message: expect.stringContaining('role "visitor" is not defined in this configuration'),
      }),
    ]);
  });

  test('a role on another provider does not count', () => {
    const input = config({ teleport_role: { visitor: { ...VISITOR, provider: 'teleport.root' } }, teleport_trusted_cluster: { root: tc({}) } });
    expect(only(input, 'validate.role-map-role')).toHaveLength(1);
  });
});

describe('join token', () => {
  test('by reference to a Trusted_cluster token: fine', () => {
    const input = config({
      teleport_provision_token: { j: { version: 'v2', spec: { roles: ['Trusted_cluster'] } } },
      teleport_trusted_cluster: { root: tc({ token: '${teleport_provision_token.j.metadata.name}' }) },
    });
    expect(only(input, 'validate.join-token')).toEqual([]);
  });

  test('by reference to a token without Trusted_cluster: error', () => {
    const input = config({
      teleport_provision_token: { j: { version: 'v2', spec: { roles: ['Node'] } } },
      teleport_trusted_cluster: { root: tc({ token: '${teleport_provision_token.j.metadata.name}' }) },
    });
    expect(only(input, 'validate.join-token')).toEqual([
      expect.objectContaining({ severity: 'error', path: 'spec.token', message: expect.stringContaining('lack Trusted_cluster') }),
    ]);
  });

  test('a literal: warning, and the value never appears', () => {
    const secret = 'literal-token-3a9f-secret';
    const findings = only(config({ teleport_trusted_cluster: { root: tc({ token: secret }) } }), 'validate.join-token');
    expect(findings).toEqual([expect.objectContaining({ severity: 'warning', message: expect.stringContaining('plaintext') })]);
    expect(JSON.stringify(findings)).not.toContain(secret);
  });

  test('missing in a configuration: a warning (fine once the leaf joined; a new trusted cluster cannot join)', () => {
    const { token: _token, ...spec } = tc({}).spec;
    for (const input of [
      config({ teleport_trusted_cluster: { root: tc({ token: '' }) } }),
      config({ teleport_trusted_cluster: { root: { ...tc({}), spec } } }),
    ]) {
      expect(only(input, 'validate.join-token')).toEqual([
        expect.objectContaining({
          severity: 'warning',
          message: 'has no token: fine if this leaf already joined the root; a new trusted cluster cannot join without one.',
        }),
      ]);
    }
  });

  test('missing in a plan: an error when the plan creates the trusted cluster; fine for an update or no-op; unknown is not missing', () => {
    const planWith = (actions: string[], token: unknown, unknown = false) => {
      const plan = JSON.parse(fs.readFileSync(path.join(PLANS, 'seed-l1-leaf.plan.json'), 'utf8'));
      for (const c of plan.resource_changes.filter((x: any) => x.type === 'teleport_trusted_cluster')) {
        c.change.actions = actions;
        c.change.before = actions.includes('create') ? null : { ...c.change.after };
        c.change.after.spec.token = token;
        if (unknown) c.change.after_unknown.spec.token = true;
      }
      for (const r of plan.planned_values.root_module.resources.filter((x: any) => x.type === 'teleport_trusted_cluster'))
        r.values.spec.token = token;
      const file = path.join(dir, `tokenless-${actions.join('-')}-${unknown}.plan.json`);
      fs.writeFileSync(file, JSON.stringify(plan));
      return only(loadInput(file), 'validate.join-token');
    };
    expect(planWith(['create'], null)).toEqual([
      expect.objectContaining({ severity: 'error', message: expect.stringContaining('creates this trusted cluster without a join token') }),
    ]);
    expect(planWith(['delete', 'create'], null)).toEqual([expect.objectContaining({ severity: 'error' })]);
    expect(planWith(['update'], null)).toEqual([]);
    expect(planWith(['no-op'], null)).toEqual([]);
    expect(planWith(['create'], null, true)).toEqual([]);
  });
});

describe('explicit ports', () => {
  test('host:port everywhere: fine', () => {
    expect(only(config({ teleport_trusted_cluster: { root: tc({}) } }), 'validate.address-port')).toEqual([]);
  });

  test('tunnel_addr, web_proxy_addr and provider addr without a port: errors with their paths', () => {
    const findings = only(
      config(
        { teleport_trusted_cluster: { root: tc({ tunnel_addr: 'root.example.com', web_proxy_addr: 'root.example.com' }) } },
        { addr: 'leaf.example.com' },
      ),
      'validate.address-port',
    );
    expect(findings.map((f) => [f.resource, f.path])).toEqual([
      ['teleport_trusted_cluster.root', 'spec.web_proxy_addr'],
      ['teleport_trusted_cluster.root', 'spec.tunnel_addr'],
      ['provider.teleport', 'addr'],
    ]);
  });

  test('enabled: false is a warning', () => {
    expect(only(config({ teleport_trusted_cluster: { root: tc({ enabled: false }) } }), 'validate.disabled')).toEqual([
      expect.objectContaining({ severity: 'warning', path: 'spec.enabled' }),
    ]);
  });
});

describe('token expiry', () => {
  const token = (expires: string) => ({
    teleport_provision_token: { j: { version: 'v2', metadata: { expires }, spec: { roles: ['Trusted_cluster'] } } },
  });
  test('far enough ahead, or relative to the plan: fine', () => {
    expect(only(config(token('2026-11-25T12:00:00Z')), 'validate.token-expiry')).toEqual([]);
    expect(only(config(token('${timeadd(plantimestamp(), "1h")}')), 'validate.token-expiry')).toEqual([]);
  });
  test('in the past: error', () => {
    expect(only(config(token('2026-11-24T11:00:00Z')), 'validate.token-expiry')).toEqual([
      expect.objectContaining({ severity: 'error', message: expect.stringContaining('is in the past') }),
    ]);
  });
  test('too soon to apply both sides: warning', () => {
    expect(only(config(token('2026-11-24T12:05:00Z')), 'validate.token-expiry')).toEqual([
      expect.objectContaining({ severity: 'warning', message: expect.stringContaining('less than 600 s away') }),
    ]);
  });
});

describe('plans from terraform show -json', () => {
  test('the real plan of the seed leaf (from terraform-check): loads, no errors', () => {
    const input = loadInput(path.join(PLANS, 'seed-l1-leaf.plan.json'));
    expect(input.kind).toBe('plan');
    expect(input.stacks[0].resources.map((r) => r.address).sort()).toEqual(['teleport_role.visitor', 'teleport_trusted_cluster.rootcluster']);
    expect(input.stacks[0].providerVersionConstraint).toBe('~> 18.0');
    expect(input.changes.map((c) => c.actions.join())).toEqual(['create', 'create']);
    expect(runOfflineChecks(input, { now: NOW }).filter((f) => f.severity === 'error')).toEqual([]);
  });

  /** The seed leaf's plan with the trusted cluster's `before` spec and the role's action and `before` version changed. */
  const changedPlan = (name: string, tcBefore: Record<string, unknown>, roleActions: string[], roleBeforeVersion: string) => {
    const plan = JSON.parse(fs.readFileSync(path.join(PLANS, 'seed-l1-leaf.plan.json'), 'utf8'));
    for (const c of plan.resource_changes) {
      const after = c.change.after;
      if (c.type === 'teleport_trusted_cluster') {
        c.change.actions = ['update'];
        c.change.before = { ...after, spec: { ...after.spec, ...tcBefore } };
      } else {
        c.change.actions = roleActions;
        c.change.before = { ...after, version: roleBeforeVersion };
      }
    }
    const file = path.join(dir, `${name}.plan.json`);
    fs.writeFileSync(file, JSON.stringify(plan));
    return runOfflineChecks(loadInput(file), { now: NOW });
  };

  test('an in-place update of token and web_proxy_addr; a role replaced to change its version: errors', () => {
    const findings = changedPlan('changed', { token: 'old-token-value-1b2c', web_proxy_addr: 'old.example.com:443' }, ['delete', 'create'], 'v6');
    expect(findings.filter((f) => f.check === 'validate.immutable-update').map((f) => f.path)).toEqual(['spec.token', 'spec.web_proxy_addr']);
    expect(findings.find((f) => f.path === 'spec.token')?.fix).toContain('ignore_changes');
    expect(findings.filter((f) => f.check.startsWith('validate.role-'))).toEqual([
      expect.objectContaining({
        severity: 'error',
        check: 'validate.role-replace',
        resource: 'teleport_role.visitor',
        message: expect.stringContaining('from v6 to v7'),
      }),
    ]);
    expect(JSON.stringify(findings)).not.toContain('old-token-value-1b2c');
  });

  test('an in-place update of tunnel_addr: error; a role version updated in place (the newest provider): warning', () => {
    const findings = changedPlan('tunnel', { tunnel_addr: 'rootcluster.example.com:3024' }, ['update'], 'v6');
    expect(findings.filter((f) => f.check === 'validate.immutable-update')).toEqual([
      expect.objectContaining({
        severity: 'error',
        resource: 'teleport_trusted_cluster.rootcluster',
        path: 'spec.tunnel_addr',
        message: expect.stringContaining('can not update tunnel_addr'),
      }),
    ]);
    expect(findings.filter((f) => f.check.startsWith('validate.role-'))).toEqual([
      expect.objectContaining({
        severity: 'warning',
        check: 'validate.role-version-update',
        path: 'version',
        message: expect.stringContaining('from v6 to v7'),
      }),
    ]);
  });

  test('no change to the immutable fields or the role version: no finding', () => {
    const findings = changedPlan('unchanged', {}, ['update'], 'v7');
    expect(findings.filter((f) => f.check === 'validate.immutable-update' || f.check.startsWith('validate.role-'))).toEqual([]);
  });
});

test('unreadable input: a clear error naming the file', () => {
  expect(() => loadInput(path.join(dir, 'nope.json'))).toThrow(/nope\.json/);
});
