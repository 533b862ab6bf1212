// validate against two local HTTPS servers playing root and leaf, through the CLI (--json document,
// exit codes), with and without web sessions; transport faults exit 2; no secret in any output.
import * as fs from 'fs';
import * as net from 'net';
import * as path from 'path';
import { buildExamples } from '../../examples/main';
import { main } from '../../lib/cli/main';
import { isAllowed } from '../../lib/proxy-client';
import { clearSecrets } from '../../lib/report/redact';
import { tempDir } from '../support/synth';
import { FakeCluster, FakeServer, SESSION_SECRETS, startFakeProxy, testCa } from '../support/teleport-servers';

const PLANS = path.join(__dirname, '..', 'fixtures', 'plans');
const ROOT_TOKEN = 'placeholder-root_join_token'; // the value terraform-check gave the variable in the plan fixture
const OTHER_TOKEN = 'another-root-token-77aa-secret';
const ca = testCa();
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
  root = await startFakeProxy(ROOT, ca);
  leaf = await startFakeProxy(LEAF, ca);
});
afterAll(async () => {
  await root.close();
  await leaf.close();
  fs.rmSync(dir, { recursive: true, force: true });
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

async function validate(args: string[], env: Record<string, string> = {}) {
  const saved = { ...process.env };
  Object.assign(process.env, env);
  const io = { stdout: '', stderr: '', out: (t: string) => void (io.stdout += t), err: (t: string) => void (io.stderr += t) };
  try {
    const code = await main(['validate', ...args], io);
    return { code, ...io, report: args.includes('--json') ? JSON.parse(io.stdout) : undefined };
  } finally {
    for (const k of Object.keys(env)) if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
  }
}

const checks = (report: any, severity = 'error') => report.findings.filter((f: any) => f.severity === severity).map((f: any) => f.check);

describe('without credentials', () => {
  test('the seed leaf against a matching root and leaf: ok, progress on stderr', async () => {
    const r = await validate([stack('seed-l1-leaf'), ...overrides(), '--json']);
    expect(r.code).toBe(0);
    expect(r.report).toMatchObject({ schemaVersion: 1, ok: true });
    expect(checks(r.report)).toEqual([]);
    expect(r.stderr).toContain('validate: checking 2 cluster(s)');
    expect(r.stderr).toContain(`${root.address}: rootcluster.example.com, Teleport 18.1.4 (ent)`);
  });

  test('metadata.name is not the root\'s cluster name', async () => {
    root.cluster = { ...ROOT, clusterName: 'root-renamed.example.com', publicAddr: 'rootcluster.example.com:443' };
    const r = await validate([stack('seed-l1-leaf'), ...overrides(), '--json']);
    expect(r.code).toBe(1);
    expect(r.report.findings).toContainEqual(expect.objectContaining({ check: 'validate.cluster-name', resource: 'teleport_trusted_cluster.rootcluster', path: 'metadata.name', fix: 'set metadata.name to "root-renamed.example.com".' }));
  });

  test('TLS routing off on the root: the tunnel is on 3024, not the web address', async () => {
    root.cluster = { ...ROOT, tlsRouting: false };
    const r = await validate([stack('seed-l1-leaf'), ...overrides(), '--json']);
    expect(r.report.findings).toContainEqual(expect.objectContaining({ check: 'validate.tunnel-addr', path: 'spec.tunnel_addr', fix: 'set tunnel_addr to "rootcluster.example.com:3024".' }));
  });

  test('a leaf two majors behind (pre-16 ping shape): version skew, provider constraint', async () => {
    leaf.cluster = { ...LEAF, version: '16.4.2', old: true };
    const r = await validate([stack('seed-l1-leaf'), ...overrides(), '--json']);
    expect(r.report.findings).toContainEqual(expect.objectContaining({ check: 'validate.version-skew', severity: 'error', message: expect.stringContaining('Teleport 16.4.2 and the root 18.1.4') }));
    expect(r.report.findings).toContainEqual(expect.objectContaining({ check: 'validate.provider-version', severity: 'warning', resource: 'provider.teleport' }));
  });

  test('root and leaf with the same name', async () => {
    leaf.cluster = { ...LEAF, clusterName: 'rootcluster.example.com' };
    expect(checks((await validate([stack('seed-l1-leaf'), ...overrides(), '--json'])).report)).toContain('validate.same-name');
  });

  test('role v8 on a Teleport 17 leaf; an Enterprise-only join method on a community cluster', async () => {
    leaf.cluster = { ...LEAF, version: '17.5.0', edition: 'community' };
    const file = path.join(dir, 'v8', 'cdk.tf.json');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify({
      provider: { teleport: [{ addr: 'leafcluster.example.com:443' }] },
      resource: {
        teleport_role: { r: { version: 'v8', metadata: { name: 'r' }, spec: {} } },
        teleport_provision_token: { s: { version: 'v2', spec: { roles: ['Bot'], bot_name: 'b', join_method: 'spacelift', spacelift: { hostname: 'x.app.spacelift.io', allow: [{ space_id: 'root' }] } } } },
      },
    }));
    const r = await validate([file, '--proxy', `teleport=${leaf.address}`, '--ca-file', caFile, '--json']);
    expect(r.report.findings).toContainEqual(expect.objectContaining({ check: 'validate.role-version', resource: 'teleport_role.r' }));
    expect(r.report.findings).toContainEqual(expect.objectContaining({ check: 'validate.edition', resource: 'teleport_provision_token.s' }));
  });

  test('offline: no request at all', async () => {
    const before = root.requests.length + leaf.requests.length;
    const r = await validate([stack('seed-l1-leaf'), '--offline', '--json']);
    expect(r.code).toBe(0);
    expect(root.requests.length + leaf.requests.length).toBe(before);
  });
});

describe('with web sessions (credentials from the environment)', () => {
  const env = {
    TELEPORT_TELEPORT_USER: 'ci-leaf', TELEPORT_TELEPORT_PASSWORD: 'leaf-pw-41d', TELEPORT_TELEPORT_OTP: '111111',
    TELEPORT_ROOTCLUSTER_EXAMPLE_COM_USER: 'ci-root', TELEPORT_ROOTCLUSTER_EXAMPLE_COM_PASSWORD: 'root-pw-92e', TELEPORT_ROOTCLUSTER_EXAMPLE_COM_OTP: '222222',
  };
  beforeEach(() => {
    leaf.cluster = { ...LEAF, users: { 'ci-leaf': { password: 'leaf-pw-41d', otp: '111111' } }, roles: ['visitor', 'access'] };
    root.cluster = { ...ROOT, users: { 'ci-root': { password: 'root-pw-92e', otp: '222222' } }, tokens: [{ id: ROOT_TOKEN, roles: ['Trusted_cluster'] }, { id: OTHER_TOKEN, roles: ['Node'] }] };
  });

  test('the seed leaf plan: token on the root, roles on the leaf, server parse: ok; no secret in any output', async () => {
    const plan = path.join(PLANS, 'seed-l1-leaf.plan.json');
    const json = await validate([plan, ...overrides(), '--json'], env);
    expect(json.code).toBe(0);
    expect(checks(json.report)).toEqual([]);
    expect(json.report.findings).toContainEqual(expect.objectContaining({ check: 'validate.role-exists', severity: 'info' }));
    const human = await validate([plan, ...overrides()], env);
    for (const out of [json.stdout, json.stderr, human.stdout, human.stderr]) {
      for (const secret of [ROOT_TOKEN, OTHER_TOKEN, ...SESSION_SECRETS, 'leaf-pw-41d', 'root-pw-92e']) expect(out).not.toContain(secret);
    }
    const requests = [...root.requests, ...leaf.requests];
    expect(requests.filter((q) => !isAllowed(q.method, q.path))).toEqual([]);
    expect(requests.some((q) => q.path.includes('trustedclusters/validate'))).toBe(false);
  });

  test('the join token is not on the root', async () => {
    root.cluster = { ...root.cluster, tokens: [{ id: OTHER_TOKEN, roles: ['Trusted_cluster'] }] };
    const r = await validate([path.join(PLANS, 'seed-l1-leaf.plan.json'), ...overrides(), '--json'], env);
    expect(r.report.findings).toContainEqual(expect.objectContaining({ check: 'validate.join-token-live', message: expect.stringContaining('does not exist on the root') }));
    expect(r.stdout).not.toContain(OTHER_TOKEN);
  });

  test('a mapped role missing on the leaf; a remote cluster on the root that blocks a re-join', async () => {
    root.cluster = { ...root.cluster, sites: [{ name: 'leafcluster.example.com', status: 'offline' }] };
    const file = path.join(dir, 'ops', 'cdk.tf.json');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const config = JSON.parse(fs.readFileSync(path.join(stack('seed-l1-leaf'), 'cdk.tf.json'), 'utf8'));
    config.resource.teleport_trusted_cluster.rootcluster.spec.role_map = [{ remote: 'access', local: ['visitor'] }, { remote: 'editor', local: ['ops'] }];
    fs.writeFileSync(file, JSON.stringify(config));
    const r = await validate([file, ...overrides(), '--json'], env);
    expect(r.report.findings).toContainEqual(expect.objectContaining({ check: 'validate.role-exists', severity: 'error', path: 'spec.role_map[1].local', message: 'role "ops" does not exist on the leaf: Teleport rejects the trusted cluster.' }));
    expect(r.report.findings.filter((f: any) => f.check === 'validate.role-map-role')).toEqual([]); // settled live
    expect(r.report.findings).toContainEqual(expect.objectContaining({ check: 'validate.remote-cluster-exists', severity: 'warning', fix: 'on the root: tctl rm rc/leafcluster.example.com.' }));
  });

  test('the server\'s own parse rejects a role', async () => {
    const file = path.join(dir, 'v99', 'cdk.tf.json');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify({ provider: { teleport: [{ addr: 'x:443' }] }, resource: { teleport_role: { r: { version: 'v99', metadata: { name: 'r' }, spec: {} } } } }));
    const r = await validate([file, '--proxy', `teleport=${leaf.address}`, '--ca-file', caFile, '--json'], env);
    expect(r.report.findings).toContainEqual(expect.objectContaining({ check: 'validate.server-parse', resource: 'teleport_role.r', message: expect.stringContaining('role version "v99" is not supported') }));
  });
});

describe('transport faults: exit 2 with a clear message, --json still printed', () => {
  test.each<[string, () => Promise<string[]>, RegExp]>([
    ['an unreachable leaf', async () => [stack('seed-l1-leaf'), '--proxy', `teleport=127.0.0.1:${await freePort()}`, '--proxy', `rootcluster.example.com=${root.address}`, '--ca-file', caFile], /cannot connect/],
    ['a wrong CA', async () => {
      const wrong = path.join(dir, 'wrong.pem');
      fs.writeFileSync(wrong, testCa().certificatePem);
      return [stack('seed-l1-leaf'), '--proxy', `teleport=${leaf.address}`, '--proxy', `rootcluster.example.com=${root.address}`, '--ca-file', wrong];
    }, /TLS verification failed/],
    ['a malformed answer', async () => {
      root.faults = { '/webapi/find': 'malformed' };
      return [stack('seed-l1-leaf'), ...overrides()];
    }, /not JSON/],
    ['an error body that echoes a token', async () => {
      root.faults = { '/webapi/find': { status: 403, body: { error: { message: `token ${ROOT_TOKEN} is not valid` } } } };
      return [path.join(PLANS, 'seed-l1-leaf.plan.json'), ...overrides()];
    }, /HTTP 403/],
  ])('%s', async (_what, args, pattern) => {
    const r = await validate([...(await args()), '--json', '--timeout', '2']);
    expect(r.code).toBe(2);
    expect(r.report).toMatchObject({ schemaVersion: 1, ok: false, findings: [], error: expect.stringMatching(pattern) });
    expect(r.report.error).toMatch(/^cannot validate against the cluster: 127\.0\.0\.1:\d+: /);
    expect(r.stdout).not.toContain(ROOT_TOKEN);
    expect(r.stdout).not.toMatch(/\n\s+at /); // no stack trace
  });

  test('--insecure warns loudly', async () => {
    const r = await validate([stack('seed-l1-leaf'), '--proxy', `teleport=${leaf.address}`, '--proxy', `rootcluster.example.com=${root.address}`, '--insecure']);
    expect(r.stderr).toContain('WARNING: --insecure: TLS certificates are NOT verified');
    expect(r.code).toBe(0);
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}
