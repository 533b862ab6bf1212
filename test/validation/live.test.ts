// validate against two local HTTPS servers playing root and leaf, through the CLI (--json document,
// exit codes), with and without web sessions: each live check passing and failing, every example
// stack, names and addresses, credentials; no secret in any output.
import * as fs from 'fs';
import * as net from 'net';
import * as path from 'path';
import { buildExamples } from '../../examples/main';
import { NEVER_CALLED, isAllowed } from '../../lib/proxy-client';
import { clearSecrets } from '../../lib/report/redact';
import { freePort, runCli } from '../support/cli';
import { tempDir } from '../support/synth';
import { FakeCluster, FakeServer, RecordedRequest, SESSION_SECRETS, startFakeProxy, testCa } from '../support/teleport-servers';

const PLANS = path.join(__dirname, '..', 'fixtures', 'plans');
const ROOT_TOKEN = 'placeholder-root_join_token'; // the value terraform-check gave the variable in the plan fixture
const OTHER_TOKEN = 'another-root-token-77aa-secret';
const TC_TOKEN = 'trusted-cluster-yaml-token-5b5b-secret';
const ca = testCa();
/** Every request root and leaf received in this file, for the whole run; never reset. */
const seen: RecordedRequest[] = [];
let root: FakeServer;
let leaf: FakeServer;
let dir: string;
let caFile: string;
let examples: string;

const ROOT: FakeCluster = { clusterName: 'rootcluster.example.com', version: '18.1.4', tlsRouting: true };
const LEAF: FakeCluster = { clusterName: 'leafcluster.example.com', version: '18.0.2', tlsRouting: true };

beforeAll(async () => {
  dir = tempDir('validate-live-');
  caFile = path.join(dir, 'ca.pem');
  fs.writeFileSync(caFile, ca.certificatePem);
  examples = path.join(dir, 'cdktf.out');
  buildExamples(examples).synth();
  root = await startFakeProxy(ROOT, ca, { log: seen });
  leaf = await startFakeProxy(LEAF, ca, { log: seen });
});
afterAll(async () => {
  await root.close();
  await leaf.close();
  fs.rmSync(dir, { recursive: true, force: true });
  // The allow-list, asserted over everything both servers saw in this file.
  expect(seen.length).toBeGreaterThan(0);
  expect(seen.filter((q) => !isAllowed(q.method, q.url) || q.url.includes('?'))).toEqual([]);
  expect(seen.some((q) => NEVER_CALLED.includes(q.path))).toBe(false);
});
beforeEach(() => {
  root.cluster = { ...ROOT };
  leaf.cluster = { ...LEAF };
  root.faults = {};
  leaf.faults = {};
});
afterEach(() => clearSecrets());

const stack = (name: string) => path.join(examples, 'stacks', name);
const overrides = () => ['--proxy', `teleport=${leaf.address}`, '--proxy', `rootcluster.example.com=${root.address}`, '--ca-file', caFile];
const validate = (args: string[], env: Record<string, string> = {}) => runCli(['validate', ...args], env);
const checks = (report: any, severity = 'error') => report.findings.filter((f: any) => f.severity === severity).map((f: any) => f.check);
const ofCheck = (report: any, check: string) => report.findings.filter((f: any) => f.check === check);

/** A cdk.tf.json written under the test directory. */
function writeConfig(name: string, config: unknown): string {
  const file = path.join(dir, name, 'cdk.tf.json');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(config));
  return file;
}

/** The seed leaf's cdk.tf.json with its trusted cluster's spec changed. */
function seedWith(name: string, spec: Record<string, unknown>, constraint?: string): string {
  const config = JSON.parse(fs.readFileSync(path.join(stack('seed-l1-leaf'), 'cdk.tf.json'), 'utf8'));
  const tc = config.resource.teleport_trusted_cluster.rootcluster;
  tc.spec = { ...tc.spec, ...spec };
  for (const [k, v] of Object.entries(tc.spec)) if (v === undefined) delete tc.spec[k];
  if (constraint) config.terraform.required_providers.teleport.version = constraint;
  return writeConfig(name, config);
}

/** A one-provider configuration with some roles and tokens. */
const leafConfig = (name: string, resource: Record<string, unknown>, constraint = '~> 18.0') =>
  writeConfig(name, {
    terraform: { required_providers: { teleport: { source: 'terraform.releases.teleport.dev/gravitational/teleport', version: constraint } } },
    provider: { teleport: [{ addr: 'leafcluster.example.com:443' }] },
    resource,
  });
const role = (version: string) => ({ teleport_role: { r: { version, metadata: { name: 'r' }, spec: {} } } });
const spacelift = {
  teleport_provision_token: {
    s: {
      version: 'v2',
      spec: { roles: ['Bot'], bot_name: 'b', join_method: 'spacelift', spacelift: { hostname: 'x.app.spacelift.io', allow: [{ space_id: 'root' }] } },
    },
  },
};
const leafOnly = () => ['--proxy', `teleport=${leaf.address}`, '--ca-file', caFile, '--json'];

describe('without credentials', () => {
  test('the seed leaf against a matching root and leaf: ok, no provider-constraint warning, progress on stderr', async () => {
    const r = await validate([stack('seed-l1-leaf'), ...overrides(), '--json']);
    expect(r.code).toBe(0);
    expect(r.report).toMatchObject({ schemaVersion: 1, ok: true });
    expect(checks(r.report)).toEqual([]);
    expect(checks(r.report, 'warning')).toEqual([]);
    expect(r.stderr).toContain('validate: checking 2 cluster(s)');
    expect(r.stderr).toContain(`${root.address}: rootcluster.example.com, Teleport 18.1.4 (ent)`);
  });

  test("metadata.name is not the root's cluster name", async () => {
    root.cluster = { ...ROOT, clusterName: 'root-renamed.example.com', publicAddr: 'rootcluster.example.com:443' };
    const r = await validate([stack('seed-l1-leaf'), ...overrides(), '--json']);
    expect(r.code).toBe(1);
    expect(r.report.findings).toContainEqual(
      expect.objectContaining({
        check: 'validate.cluster-name',
        resource: 'teleport_trusted_cluster.rootcluster',
        stack: 'seed-l1-leaf',
        path: 'metadata.name',
        fix: 'set metadata.name to "root-renamed.example.com".',
      }),
    );
  });

  describe('tunnel_addr against what the root advertises', () => {
    test('TLS routing off: the web address fails, the tunnel port passes', async () => {
      root.cluster = { ...ROOT, tlsRouting: false };
      const web = await validate([stack('seed-l1-leaf'), ...overrides(), '--json']);
      expect(ofCheck(web.report, 'validate.tunnel-addr')).toEqual([
        expect.objectContaining({ severity: 'error', path: 'spec.tunnel_addr', fix: 'set tunnel_addr to "rootcluster.example.com:3024".' }),
      ]);
      const tunnel = await validate([seedWith('tunnel-3024', { tunnel_addr: 'rootcluster.example.com:3024' }), ...overrides(), '--json']);
      expect(ofCheck(tunnel.report, 'validate.tunnel-addr')).toEqual([]);
      expect(tunnel.code).toBe(0);
    });

    test('TLS routing on: the tunnel port fails (the tunnel shares the web address); hosts compare case-insensitively', async () => {
      const r = await validate([seedWith('tunnel-3024-on', { tunnel_addr: 'rootcluster.example.com:3024' }), ...overrides(), '--json']);
      expect(ofCheck(r.report, 'validate.tunnel-addr')).toEqual([
        expect.objectContaining({
          severity: 'error',
          message: expect.stringContaining('TLS routing on'),
          fix: 'set tunnel_addr to "rootcluster.example.com:443".',
        }),
      ]);
      const upper = await validate([seedWith('tunnel-upper', { tunnel_addr: 'RootCluster.Example.com:443' }), ...overrides(), '--json']);
      expect(ofCheck(upper.report, 'validate.tunnel-addr')).toEqual([]);
    });

    test('unset: Teleport uses web_proxy_addr, which passes with TLS routing on and fails (saying so) with it off', async () => {
      const unset = seedWith('tunnel-unset', { tunnel_addr: undefined });
      expect(ofCheck((await validate([unset, ...overrides(), '--json'])).report, 'validate.tunnel-addr')).toEqual([]);
      root.cluster = { ...ROOT, tlsRouting: false };
      const r = await validate([unset, ...overrides(), '--json']);
      expect(ofCheck(r.report, 'validate.tunnel-addr')).toEqual([
        expect.objectContaining({
          severity: 'error',
          message: expect.stringContaining('is not set, so Teleport uses web_proxy_addr "rootcluster.example.com:443" as the tunnel address'),
          fix: 'set tunnel_addr to "rootcluster.example.com:3024".',
        }),
      ]);
    });

    test('the tunnel address takes a TCP connect: a closed port is a warning (not exit 2), an open one is fine', async () => {
      const listener = net.createServer((s) => s.destroy());
      await new Promise<void>((r) => listener.listen(0, '127.0.0.1', r));
      const open = `127.0.0.1:${(listener.address() as net.AddressInfo).port}`;
      const closed = `127.0.0.1:${await freePort()}`;
      try {
        root.cluster = { ...ROOT, publicAddr: closed };
        const bad = await validate([seedWith('tunnel-closed', { tunnel_addr: closed }), ...overrides(), '--json']);
        expect(bad.code).toBe(0);
        expect(ofCheck(bad.report, 'validate.tunnel-reachable')).toEqual([
          expect.objectContaining({
            severity: 'warning',
            path: 'spec.tunnel_addr',
            message: expect.stringMatching(/is not reachable from this machine \(ECONNREFUSED\); the leaf must reach it/),
          }),
        ]);
        root.cluster = { ...ROOT, publicAddr: open };
        const good = await validate([seedWith('tunnel-open', { tunnel_addr: open }), ...overrides(), '--json']);
        expect(ofCheck(good.report, 'validate.tunnel-reachable')).toEqual([]);
        expect(checks(good.report)).toEqual([]);
      } finally {
        await new Promise<void>((r) => listener.close(() => r()));
      }
    });
  });

  describe('version skew', () => {
    test('a leaf two majors behind (pre-16 ping shape): error, and the provider constraint warns', async () => {
      leaf.cluster = { ...LEAF, version: '16.4.2', old: true };
      const r = await validate([stack('seed-l1-leaf'), ...overrides(), '--json']);
      expect(r.report.findings).toContainEqual(
        expect.objectContaining({
          check: 'validate.version-skew',
          severity: 'error',
          message: expect.stringContaining('Teleport 16.4.2 and the root 18.1.4'),
        }),
      );
      expect(r.report.findings).toContainEqual(
        expect.objectContaining({ check: 'validate.provider-version', severity: 'warning', resource: 'provider.teleport' }),
      );
    });

    test('a leaf newer than the root: error, upgrade the root first', async () => {
      root.cluster = { ...ROOT, version: '17.5.0' };
      const r = await validate([stack('seed-l1-leaf'), ...overrides(), '--json']);
      expect(ofCheck(r.report, 'validate.version-skew')).toEqual([expect.objectContaining({ severity: 'error', fix: 'upgrade the root first.' })]);
    });

    test('a leaf one major behind: fine', async () => {
      leaf.cluster = { ...LEAF, version: '17.5.0' };
      const r = await validate([seedWith('skew-one', {}, '>= 17.0, < 19.0'), ...overrides(), '--json']);
      expect(ofCheck(r.report, 'validate.version-skew')).toEqual([]);
      expect(r.code).toBe(0);
    });
  });

  test('the provider constraint is read as Terraform does: ">= 17.0, < 20.0" fits 18.0.2, "~> 17.0" does not', async () => {
    const fits = await validate([leafConfig('constraint-fits', role('v7'), '>= 17.0, < 20.0'), ...leafOnly()]);
    expect(ofCheck(fits.report, 'validate.provider-version')).toEqual([]);
    const off = await validate([leafConfig('constraint-off', role('v7'), '~> 17.0'), ...leafOnly()]);
    expect(ofCheck(off.report, 'validate.provider-version')).toEqual([
      expect.objectContaining({
        severity: 'warning',
        message: expect.stringContaining('admits no provider 18.x'),
        fix: 'pin the provider to "~> 18.0" for this cluster.',
      }),
    ]);
  });

  test('root and leaf with the same name', async () => {
    leaf.cluster = { ...LEAF, clusterName: 'rootcluster.example.com' };
    expect(checks((await validate([stack('seed-l1-leaf'), ...overrides(), '--json'])).report)).toContain('validate.same-name');
  });

  test('role version against the server: v7 on 17 passes; v8 on 17 and v9 on 18 fail', async () => {
    leaf.cluster = { ...LEAF, version: '17.5.0' };
    expect(ofCheck((await validate([leafConfig('v7', role('v7'), '~> 17.0'), ...leafOnly()])).report, 'validate.role-version')).toEqual([]);
    expect(ofCheck((await validate([leafConfig('v8', role('v8'), '~> 17.0'), ...leafOnly()])).report, 'validate.role-version')).toEqual([
      expect.objectContaining({
        severity: 'error',
        resource: 'teleport_role.r',
        path: 'version',
        message: expect.stringContaining('role version v8 needs Teleport 18 or newer'),
      }),
    ]);
    leaf.cluster = { ...LEAF };
    expect(ofCheck((await validate([leafConfig('v9', role('v9')), ...leafOnly()])).report, 'validate.role-version')).toEqual([
      expect.objectContaining({ severity: 'error', message: expect.stringContaining('role version v9 needs Teleport 19 or newer') }),
    ]);
  });

  test('edition: an Enterprise-only join method passes on Enterprise, fails on community; a pre-16 cluster is not checked', async () => {
    const file = leafConfig('spacelift', spacelift);
    leaf.cluster = { ...LEAF, edition: 'ent' };
    expect(ofCheck((await validate([file, ...leafOnly()])).report, 'validate.edition')).toEqual([]);
    leaf.cluster = { ...LEAF, edition: 'community' };
    expect(ofCheck((await validate([file, ...leafOnly()])).report, 'validate.edition')).toEqual([
      expect.objectContaining({ severity: 'error', resource: 'teleport_provision_token.s', message: expect.stringContaining('community edition') }),
    ]);
    leaf.cluster = { ...LEAF, version: '15.4.2', old: true };
    const old = await validate([leafConfig('spacelift-old', spacelift, '~> 15.0'), ...leafOnly()]);
    expect(ofCheck(old.report, 'validate.edition')).toEqual([]);
    expect(ofCheck(old.report, 'validate.not-checked')).toContainEqual(
      expect.objectContaining({ resource: 'teleport_provision_token.s', message: expect.stringContaining('does not report its edition') }),
    );
  });

  test('offline: no request at all', async () => {
    const before = seen.length;
    const r = await validate([stack('seed-l1-leaf'), '--offline', '--json']);
    expect(r.code).toBe(0);
    expect(seen.length).toBe(before);
  });

  test('--insecure: loud on stderr, and a warning finding in the --json document', async () => {
    const r = await validate([
      stack('seed-l1-leaf'),
      '--proxy',
      `teleport=${leaf.address}`,
      '--proxy',
      `rootcluster.example.com=${root.address}`,
      '--insecure',
      '--json',
    ]);
    expect(r.stderr).toContain('WARNING: --insecure: TLS certificates are NOT verified');
    expect(r.code).toBe(0);
    expect(
      ofCheck(r.report, 'validate.insecure')
        .map((f: any) => [f.severity, f.resource])
        .sort(),
    ).toEqual(
      [
        ['warning', leaf.address],
        ['warning', root.address],
      ].sort(),
    );
  });
});

describe('names and addresses', () => {
  test('one --proxy per cluster covers every name sharing its address (one-stack needs no --proxy rootcluster.example.com=)', async () => {
    const r = await validate([
      stack('one-stack'),
      '--proxy',
      `root=${root.address}`,
      '--proxy',
      `leaf=${leaf.address}`,
      '--ca-file',
      caFile,
      '--json',
    ]);
    expect(r.code).toBe(0);
    // Only that the providers' identity files (identity/root, identity/leaf) are not here.
    expect(r.report.findings.map((f: any) => `${f.check} ${f.resource}`)).toEqual([
      'validate.not-checked provider.teleport.leaf',
      'validate.not-checked provider.teleport.root',
    ]);
    expect(r.stderr).toContain('validate: checking 2 cluster(s)');
  });

  test('a --proxy with a path and query smuggled in: exit 2 before anything is sent', async () => {
    const before = seen.length;
    const r = await validate([
      stack('seed-l1-leaf'),
      '--proxy',
      `teleport=${leaf.address}`,
      '--proxy',
      `x=${root.address}/webapi/trustedclusters/validate?`,
      '--json',
    ]);
    expect(r.code).toBe(2);
    expect(r.report.error).toMatch(/^--proxy x: ".*" is not a plain host:port/);
    expect(seen.length).toBe(before);
  });

  test('a literal in the config that is not host:port: that target is skipped with a finding, the rest is checked', async () => {
    const r = await validate([
      seedWith('smuggled', { web_proxy_addr: `${root.address}/webapi/trustedclusters/validate?` }),
      '--proxy',
      `teleport=${leaf.address}`,
      '--ca-file',
      caFile,
      '--json',
    ]);
    expect(r.code).toBe(1); // the offline port check
    expect(r.report.findings).toContainEqual(
      expect.objectContaining({ severity: 'info', check: 'validate.not-checked', message: expect.stringContaining('is not a plain host:port') }),
    );
    expect(seen.filter((q) => q.server === root.address && q.url.includes('trustedclusters'))).toEqual([]);
  });

  test('a provider on the Auth port (3025): skipped with an info finding, the run goes on', async () => {
    const r = await validate([
      writeConfig('auth-port', { provider: { teleport: [{ addr: 'auth.example.com:3025' }] }, resource: role('v7') }),
      '--json',
    ]);
    expect(r.code).toBe(0);
    expect(r.report.findings).toContainEqual(
      expect.objectContaining({
        severity: 'info',
        check: 'validate.not-checked',
        resource: 'provider.teleport',
        message: expect.stringContaining('Auth Service port (3025)'),
      }),
    );
  });

  test('a variable address without --proxy, or an unknown leaf: info "not checked" findings', async () => {
    const file = writeConfig('variables', {
      variable: { a: { type: 'string' } },
      provider: { teleport: [{ addr: '${var.a}' }] },
      resource: {
        teleport_trusted_cluster: {
          t: {
            version: 'v2',
            metadata: { name: 'rootcluster.example.com' },
            spec: { token: '${var.a}', web_proxy_addr: '${var.a}', tunnel_addr: '${var.a}', role_map: [{ remote: 'a', local: ['access'] }] },
          },
        },
      },
    });
    const r = await validate([file, '--json']);
    expect(r.code).toBe(0);
    expect(ofCheck(r.report, 'validate.not-checked').map((f: any) => f.message)).toEqual(
      expect.arrayContaining([
        'the cluster was not checked: provider.teleport addr is not a literal.',
        'the root was not checked: teleport_trusted_cluster.t spec.web_proxy_addr is not a literal.',
        expect.stringContaining('the leaf (provider.teleport) was not checked'),
      ]),
    );
  });

  test('TF_TELEPORT_ADDR is the address of a provider block without addr', async () => {
    const file = writeConfig('env-addr', { provider: { teleport: [{ identity_file_path: 'x' }] }, resource: role('v7') });
    const r = await validate([file, '--ca-file', caFile, '--json'], { TF_TELEPORT_ADDR: leaf.address });
    expect(r.code).toBe(0);
    expect(seen.filter((q) => q.server === leaf.address).length).toBeGreaterThan(0);
    expect(r.report.findings.map((f: any) => `${f.check} ${f.resource}`)).toEqual(['validate.not-checked provider.teleport']); // identity file x is not here
  });

  test('NAMEs in --proxy and --ca-file that match nothing: warnings (a typo is not silent)', async () => {
    const r = await validate([
      stack('seed-l1-leaf'),
      ...overrides(),
      '--proxy',
      `rootclustr.example.com=${root.address}`,
      '--ca-file',
      `nosuch=${caFile}`,
      '--json',
    ]);
    expect(
      ofCheck(r.report, 'validate.unknown-name')
        .map((f: any) => f.resource)
        .sort(),
    ).toEqual(['--ca-file nosuch', '--proxy rootclustr.example.com']);
  });

  test('--ca-file by NAME matches any name that reaches the address (here the trusted cluster name for the root)', async () => {
    const r = await validate([
      stack('seed-l1-leaf'),
      '--proxy',
      `teleport=${leaf.address}`,
      '--proxy',
      `rootcluster.example.com=${root.address}`,
      '--ca-file',
      `teleport=${caFile}`,
      '--ca-file',
      `rootcluster.example.com=${caFile}`,
      '--json',
    ]);
    expect(r.code).toBe(0);
  });
});

describe('every example stack against a root and a leaf', () => {
  const all = () => [
    examples,
    '--proxy',
    `one-stack/root=${root.address}`,
    '--proxy',
    `one-stack/leaf=${leaf.address}`,
    '--proxy',
    `leaf_eu=${leaf.address}`,
    '--proxy',
    `leaf_us=${leaf.address}`,
    '--ca-file',
    caFile,
    '--json',
  ];
  const errorsByStack = (report: any) => {
    const out: Record<string, string[]> = {};
    for (const f of report.findings.filter((x: any) => x.severity === 'error')) (out[f.stack] ??= []).push(`${f.check} ${f.resource}`);
    return out;
  };

  test('TLS routing on: only root-two-leaves (tunnel port 3024) fails, with a tunnel-addr error per leaf', async () => {
    const r = await validate(all());
    expect(r.code).toBe(1);
    expect(errorsByStack(r.report)).toEqual({
      'root-two-leaves': [
        'validate.tunnel-addr teleport_trusted_cluster.Root-eu_TrustedCluster_97997B72',
        'validate.tunnel-addr teleport_trusted_cluster.Root-us_TrustedCluster_0271EE8D',
      ],
    });
    expect(r.report.findings.every((f: any) => typeof f.stack === 'string' && !f.resource.includes(': '))).toBe(true);
    expect(r.stderr).toContain('validate: checking 2 cluster(s)');
    expect(seen.filter((q) => q.method === 'POST')).toEqual([]);
  });

  test('TLS routing off: root-two-leaves passes (its tunnel 3024 only warns that it is unreachable from here); every stack tunnelling to 443 fails', async () => {
    root.cluster = { ...ROOT, tlsRouting: false };
    const r = await validate(all());
    const errors = errorsByStack(r.report);
    expect(errors['root-two-leaves']).toBeUndefined();
    expect(Object.keys(errors).sort()).toEqual(['from-yaml-leaf', 'one-stack', 'seed-l1-leaf', 'two-stack-leaf']);
    for (const list of Object.values(errors)) expect(list.every((e) => e.startsWith('validate.tunnel-addr '))).toBe(true);
    expect(r.report.findings.filter((f: any) => f.stack === 'root-two-leaves' && f.check === 'validate.tunnel-reachable')).toHaveLength(2);
  });
});

describe('with web sessions (credentials from the environment)', () => {
  const env = {
    TELEPORT_TELEPORT_USER: 'ci-leaf',
    TELEPORT_TELEPORT_PASSWORD: 'leaf-pw-41d',
    TELEPORT_TELEPORT_OTP: '111111',
    TELEPORT_ROOTCLUSTER_EXAMPLE_COM_USER: 'ci-root',
    TELEPORT_ROOTCLUSTER_EXAMPLE_COM_PASSWORD: 'root-pw-92e',
    TELEPORT_ROOTCLUSTER_EXAMPLE_COM_OTP: '222222',
  };
  const SECRETS = [ROOT_TOKEN, OTHER_TOKEN, TC_TOKEN, ...SESSION_SECRETS, 'leaf-pw-41d', 'root-pw-92e', '111111', '222222'];
  const logins = (server: FakeServer, since: number) =>
    seen.slice(since).filter((q) => q.server === server.address && q.method === 'POST' && q.path === '/webapi/sessions/web').length;
  const seedPlan = path.join(PLANS, 'seed-l1-leaf.plan.json');
  beforeEach(() => {
    leaf.cluster = {
      ...LEAF,
      users: { 'ci-leaf': { password: 'leaf-pw-41d', otp: '111111' } },
      roles: ['visitor', 'access'],
      trustedClusters: [{ name: 'rootcluster.example.com', token: TC_TOKEN }],
    };
    root.cluster = {
      ...ROOT,
      users: { 'ci-root': { password: 'root-pw-92e', otp: '222222' } },
      tokens: [
        { id: ROOT_TOKEN, roles: ['Trusted_cluster'] },
        { id: OTHER_TOKEN, roles: ['Node'] },
      ],
    };
  });

  test('the seed leaf plan: token on the root, roles on the leaf, server parse: ok; one login per cluster; no remote_cluster finding; no secret in any output', async () => {
    leaf.cluster = { ...leaf.cluster, trustedClusters: [] }; // the plan creates it
    const since = seen.length;
    const json = await validate([seedPlan, ...overrides(), '--json'], env);
    expect(json.code).toBe(0);
    expect(checks(json.report)).toEqual([]);
    expect(json.report.findings).toContainEqual(expect.objectContaining({ check: 'validate.role-exists', severity: 'info' }));
    expect(ofCheck(json.report, 'validate.remote-cluster-exists')).toEqual([]);
    expect([logins(root, since), logins(leaf, since)]).toEqual([1, 1]);
    for (const server of [root, leaf])
      expect(seen.slice(since).filter((q) => q.server === server.address && q.path === '/webapi/find')).toHaveLength(1);
    expect(seen.slice(since).filter((q) => q.server === root.address && q.path === '/webapi/tokens')).toHaveLength(1);
    const human = await validate([seedPlan, ...overrides()], env);
    for (const out of [json.stdout, json.stderr, human.stdout, human.stderr]) for (const secret of SECRETS) expect(out).not.toContain(secret);
  });

  test('the join token: missing on the root, without the Trusted_cluster role, expired', async () => {
    const tokenFinding = async (tokens: FakeCluster['tokens']) => {
      root.cluster = { ...root.cluster, tokens };
      const r = await validate([seedPlan, ...overrides(), '--json'], env);
      for (const secret of SECRETS) expect(r.stdout).not.toContain(secret);
      return ofCheck(r.report, 'validate.join-token-live');
    };
    expect(await tokenFinding([{ id: OTHER_TOKEN, roles: ['Trusted_cluster'] }])).toEqual([
      expect.objectContaining({ severity: 'error', message: expect.stringContaining('does not exist on the root') }),
    ]);
    expect(await tokenFinding([{ id: ROOT_TOKEN, roles: ['Node'] }])).toEqual([
      expect.objectContaining({ severity: 'error', message: expect.stringContaining('lack Trusted_cluster') }),
    ]);
    expect(await tokenFinding([{ id: ROOT_TOKEN, roles: ['Trusted_cluster'], expiry: '2001-01-01T00:00:00Z' }])).toEqual([
      expect.objectContaining({ severity: 'error', message: 'the join token expired at 2001-01-01T00:00:00Z.' }),
    ]);
  });

  test('provider-alias credentials (TELEPORT_ROOT_*) reach the root too: the token check runs', async () => {
    const file = writeConfig('aliases', {
      provider: {
        teleport: [
          { alias: 'root', addr: 'rootcluster.example.com:443' },
          { alias: 'leaf', addr: 'leafcluster.example.com:443' },
        ],
      },
      resource: {
        teleport_trusted_cluster: {
          t: {
            provider: 'teleport.leaf',
            version: 'v2',
            metadata: { name: 'rootcluster.example.com' },
            spec: {
              token: OTHER_TOKEN,
              web_proxy_addr: 'rootcluster.example.com:443',
              tunnel_addr: 'rootcluster.example.com:443',
              role_map: [{ remote: 'access', local: ['access'] }],
            },
          },
        },
      },
    });
    const since = seen.length;
    const r = await validate([file, '--proxy', `root=${root.address}`, '--proxy', `leaf=${leaf.address}`, '--ca-file', caFile, '--json'], {
      TELEPORT_ROOT_USER: 'ci-root',
      TELEPORT_ROOT_PASSWORD: 'root-pw-92e',
      TELEPORT_ROOT_OTP: '222222',
    });
    expect(logins(root, since)).toBe(1);
    expect(logins(leaf, since)).toBe(0);
    expect(ofCheck(r.report, 'validate.join-token-live')).toEqual([
      expect.objectContaining({ message: expect.stringContaining('lack Trusted_cluster') }),
    ]);
    expect(r.stdout).not.toContain(OTHER_TOKEN);
  });

  test('two names with different credentials for one cluster: a warning, one login', async () => {
    const since = seen.length;
    const r = await validate(
      [stack('one-stack'), '--proxy', `root=${root.address}`, '--proxy', `leaf=${leaf.address}`, '--ca-file', caFile, '--json'],
      {
        ...env,
        TELEPORT_ROOT_USER: 'ci-root',
        TELEPORT_ROOT_PASSWORD: 'root-pw-92e',
        TELEPORT_ROOT_OTP: '222222',
        TELEPORT_ROOTCLUSTER_EXAMPLE_COM_PASSWORD: 'other-pw-1',
      },
    );
    expect(r.code).toBe(0);
    expect(ofCheck(r.report, 'validate.credentials-conflict')).toEqual([
      expect.objectContaining({
        severity: 'warning',
        resource: root.address,
        message: expect.stringContaining('TELEPORT_ROOTCLUSTER_EXAMPLE_COM_* is ignored'),
      }),
    ]);
    expect(logins(root, since)).toBe(1);
    expect(r.stdout).not.toContain('other-pw-1');
    // The root's token has a plan-relative expiry (an expression): it is left out of the server's parse, not sent as text.
    expect(seen.slice(since).filter((q) => q.server === root.address && q.path === '/webapi/yaml/parse/token')).toHaveLength(1);
    expect(ofCheck(r.report, 'validate.server-parse')).toEqual([]);
  });

  test('credentials for a cluster where nothing is read: no login, the OTP is not burned', async () => {
    const since = seen.length;
    const file = writeConfig('nothing-to-read', { provider: { teleport: [{ addr: 'leafcluster.example.com:443' }] } });
    const r = await validate([file, ...leafOnly()], env);
    expect(r.code).toBe(0);
    expect(logins(leaf, since)).toBe(0);
  });

  describe("a remote cluster on the root under the leaf's name", () => {
    const opsConfig = (name: string) => {
      const config = JSON.parse(fs.readFileSync(path.join(stack('seed-l1-leaf'), 'cdk.tf.json'), 'utf8'));
      config.resource.teleport_trusted_cluster.rootcluster.spec.role_map = [
        { remote: 'access', local: ['visitor'] },
        { remote: 'editor', local: ['ops'] },
      ];
      return writeConfig(name, config);
    };
    beforeEach(() => {
      root.cluster = { ...root.cluster, sites: [{ name: 'leafcluster.example.com', status: 'offline' }] };
    });

    test('the leaf was asked and has no trusted cluster for the root: a warning (and a mapped role missing on the leaf)', async () => {
      leaf.cluster = { ...leaf.cluster, trustedClusters: [] };
      const r = await validate([opsConfig('ops'), ...overrides(), '--json'], env);
      expect(r.report.findings).toContainEqual(
        expect.objectContaining({
          check: 'validate.role-exists',
          severity: 'error',
          path: 'spec.role_map[1].local',
          message: 'role "ops" does not exist on the leaf: Teleport rejects the trusted cluster.',
        }),
      );
      expect(ofCheck(r.report, 'validate.role-map-role')).toEqual([]); // settled live
      expect(ofCheck(r.report, 'validate.remote-cluster-exists')).toEqual([
        expect.objectContaining({
          severity: 'warning',
          message: expect.stringContaining('the leaf has no trusted cluster for the root'),
          fix: expect.stringContaining('never while a leaf still uses it'),
        }),
      ]);
    });

    test('the leaf trusts the root under that name (a working trust): no warning', async () => {
      const r = await validate([opsConfig('ops-working'), ...overrides(), '--json'], env);
      expect(ofCheck(r.report, 'validate.remote-cluster-exists')).toEqual([]);
    });

    test('no leaf session: an info "not checked", never advice to delete it', async () => {
      const { TELEPORT_TELEPORT_USER: _u, TELEPORT_TELEPORT_PASSWORD: _p, TELEPORT_TELEPORT_OTP: _o, ...rootOnly } = env;
      const r = await validate([opsConfig('ops-no-leaf'), ...overrides(), '--json'], rootOnly);
      expect(ofCheck(r.report, 'validate.remote-cluster-exists')).toEqual([]);
      expect(ofCheck(r.report, 'validate.not-checked')).toContainEqual(
        expect.objectContaining({ message: expect.stringContaining('without a web session on the leaf') }),
      );
      expect(r.stdout).not.toContain('tctl rm');
    });

    test('a plan that creates the trusted cluster: a warning even without a leaf session', async () => {
      const { TELEPORT_TELEPORT_USER: _u, TELEPORT_TELEPORT_PASSWORD: _p, TELEPORT_TELEPORT_OTP: _o, ...rootOnly } = env;
      const r = await validate([seedPlan, ...overrides(), '--json'], rootOnly);
      expect(ofCheck(r.report, 'validate.remote-cluster-exists')).toEqual([
        expect.objectContaining({ message: expect.stringContaining('the plan creates this trusted cluster') }),
      ]);
    });
  });

  test("the server's own parse rejects a role, and a token", async () => {
    const v99 = leafConfig('v99', role('v99'));
    expect(ofCheck((await validate([v99, ...leafOnly()], env)).report, 'validate.server-parse')).toEqual([
      expect.objectContaining({ resource: 'teleport_role.r', message: expect.stringContaining('role version "v99" is not supported') }),
    ]);
    leaf.faults = { '/webapi/yaml/parse/token': { status: 400, body: { error: { message: 'spacelift: hostname must not have a scheme' } } } };
    const token = await validate([leafConfig('bad-token', spacelift), ...leafOnly()], env);
    expect(ofCheck(token.report, 'validate.server-parse')).toEqual([
      expect.objectContaining({
        severity: 'error',
        resource: 'teleport_provision_token.s',
        message: expect.stringContaining('rejects this token: spacelift: hostname must not have a scheme'),
      }),
    ]);
  });

  test("config mode: the root's tokens are read whenever a root session exists, so a token a server echoes is redacted", async () => {
    leaf.faults = { '/webapi/yaml/parse/role': { status: 400, body: { error: { message: `bad role, by the way ${OTHER_TOKEN}` } } } };
    const since = seen.length;
    const json = await validate([stack('seed-l1-leaf'), ...overrides(), '--json'], env);
    const human = await validate([stack('seed-l1-leaf'), ...overrides()], env);
    expect(seen.slice(since).some((q) => q.server === root.address && q.path === '/webapi/tokens')).toBe(true);
    expect(ofCheck(json.report, 'validate.server-parse')).toEqual([
      expect.objectContaining({ message: expect.stringContaining('bad role, by the way ***REDACTED***') }),
    ]);
    for (const out of [json.stdout, json.stderr, human.stdout, human.stderr]) expect(out).not.toContain(OTHER_TOKEN);
  });

  test("the trusted cluster YAML's spec.token (returned by the leaf) never reaches human, --json or failure output", async () => {
    leaf.faults = { '/webapi/yaml/parse/role': { status: 400, body: { error: { message: `role clashes with trusted cluster token ${TC_TOKEN}` } } } };
    const json = await validate([stack('seed-l1-leaf'), ...overrides(), '--json'], env);
    expect(ofCheck(json.report, 'validate.server-parse')).toHaveLength(1);
    const human = await validate([stack('seed-l1-leaf'), ...overrides()], env);
    root.faults = { '/webapi/sites': { status: 400, body: { error: { message: `cannot list sites for ${TC_TOKEN}` } } } };
    const failedJson = await validate([stack('seed-l1-leaf'), ...overrides(), '--json'], env);
    const failedHuman = await validate([stack('seed-l1-leaf'), ...overrides()], env);
    expect([failedJson.code, failedHuman.code]).toEqual([2, 2]);
    expect(failedJson.report.error).toContain('/webapi/sites answered HTTP 400');
    for (const out of [
      json.stdout,
      json.stderr,
      human.stdout,
      human.stderr,
      failedJson.stdout,
      failedJson.stderr,
      failedHuman.stdout,
      failedHuman.stderr,
    ])
      expect(out).not.toContain(TC_TOKEN);
  });
});
