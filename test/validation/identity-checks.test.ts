// validate with identities, through the CLI, against a fake root and leaf (web API + Auth Service
// behind TLS routing): provider-block credentials picked up as the provider reads them; each
// identity check passing and failing; web-session and identity answers feeding the same rules;
// PERMISSION_DENIED, UNIMPLEMENTED, no TLS routing, an Auth address; expired, wrong and broken
// identities; deadlines; HTTPS_PROXY. The Auth Services only ever see reads.
import * as fs from 'fs';
import * as path from 'path';
import { METHOD } from '../../lib/auth-client';
import { clearSecrets } from '../../lib/report/redact';
import { runCli } from '../support/cli';
import { startConnectProxy } from '../support/connect-proxy';
import { FakeAuth, startFakeAuth } from '../support/fake-auth';
import {
  IdentityClusters,
  LEAF_NAME,
  ONE_STACK_TC,
  ROOT_NAME,
  change,
  leafFixtures,
  nonReads,
  oneStackPlan,
  startIdentityClusters,
} from '../support/fake-auth-clusters';
import { testIdentity } from '../support/fake-auth-identity';

const TC = 'teleport_trusted_cluster.tc';
const JOIN_TOKEN = 'literal-join-token-3b6f0e21c9';
let env: IdentityClusters;

beforeAll(async () => {
  env = await startIdentityClusters('validate-identity-');
});
afterAll(async () => {
  await env.close();
  expect(nonReads(env.calls)).toEqual([]);
});
beforeEach(() => env.reset());
afterEach(() => clearSecrets());

const ids = () => ['--identity', `root=${env.root.identityFile}`, '--identity', `leaf=${env.leaf.identityFile}`];
const validate = (target: string, extra: string[] = [], vars: Record<string, string> = {}) =>
  runCli(['validate', target, ...env.proxyArgs, ...extra, '--json'], vars);
const ofCheck = (report: any, check: string) => report.findings.filter((f: any) => f.check === check);
const callsTo = (auth: FakeAuth, since: number) =>
  env.calls
    .slice(since)
    .filter((c) => c.server === auth.address)
    .map((c) => c.method);

let configs = 0;
/** A root and a leaf provider and a trusted cluster on the leaf, as cdk.tf.json in its own directory. */
function config(
  o: {
    spec?: Record<string, unknown>;
    root?: Record<string, unknown>;
    leaf?: Record<string, unknown>;
    local?: string[];
    extra?: Record<string, unknown>;
  } = {},
): string {
  const dir = path.join(env.dir, `config-${++configs}`);
  fs.mkdirSync(dir, { recursive: true });
  const doc = {
    terraform: { required_providers: { teleport: { source: 'terraform.releases.teleport.dev/gravitational/teleport', version: '~> 18.0' } } },
    provider: {
      teleport: [
        { alias: 'root', addr: `${ROOT_NAME}:443`, ...o.root },
        { alias: 'leaf', addr: `${LEAF_NAME}:443`, ...o.leaf },
      ],
    },
    resource: {
      teleport_trusted_cluster: {
        tc: {
          provider: 'teleport.leaf',
          version: 'v2',
          metadata: { name: ROOT_NAME },
          spec: {
            token: '${var.join_token}',
            web_proxy_addr: `${ROOT_NAME}:443`,
            tunnel_addr: `${ROOT_NAME}:443`,
            role_map: [{ remote: 'access', local: o.local ?? ['access'] }],
            ...o.spec,
          },
        },
      },
    },
    variable: { join_token: { type: 'string', sensitive: true } },
    ...o.extra,
  };
  fs.writeFileSync(path.join(dir, 'cdk.tf.json'), JSON.stringify(doc));
  return dir;
}

describe('credentials Terraform already has', () => {
  test("the provider blocks' identity_file_path, relative to the stack directory: both clusters are checked without --identity", async () => {
    const dir = config({ root: { identity_file_path: 'identity/root' }, leaf: { identity_file_path: 'identity/leaf' }, local: ['ops'] });
    fs.mkdirSync(path.join(dir, 'identity'));
    fs.copyFileSync(env.root.identityFile, path.join(dir, 'identity', 'root'));
    fs.copyFileSync(env.leaf.identityFile, path.join(dir, 'identity', 'leaf'));
    const since = env.calls.length;
    const r = await validate(dir);
    expect(r.code).toBe(1);
    expect(ofCheck(r.report, 'validate.role-exists')).toEqual([
      expect.objectContaining({ severity: 'error', message: 'role "ops" does not exist on the leaf: Teleport rejects the trusted cluster.' }),
    ]);
    expect(callsTo(env.root.auth, since)).toContain(METHOD.ping);
    expect(callsTo(env.leaf.auth, since)).toEqual([METHOD.ping, METHOD.getRole, METHOD.getTrustedCluster]);
  });

  test('identity_file from a sensitive variable: TF_VAR_* for the leaf, a --var-file (HCL heredoc) for the root', async () => {
    const dir = config({ root: { identity_file: '${var.root_identity}' }, leaf: { identity_file: '${var.leaf_identity}' } });
    const varFile = path.join(dir, 'secrets.tfvars');
    const rootText = fs.readFileSync(env.root.identityFile, 'utf8');
    fs.writeFileSync(varFile, `root_identity = <<EOT\n${rootText}EOT\n`);
    const since = env.calls.length;
    const r = await validate(dir, ['--var-file', varFile], { TF_VAR_leaf_identity: fs.readFileSync(env.leaf.identityFile, 'utf8') });
    expect(r.code).toBe(0);
    expect([callsTo(env.root.auth, since)[0], callsTo(env.leaf.auth, since)[0]]).toEqual([METHOD.ping, METHOD.ping]);
    for (const secret of [...env.root.secrets, ...env.leaf.secrets]) expect(r.stdout + r.stderr).not.toContain(secret);
  });

  test('--identity wins over the provider block; a variable without a value is "not checked", saying how to give it', async () => {
    const dir = config({ leaf: { identity_file: '${var.leaf_identity}' } });
    const r = await validate(dir);
    expect(r.report.findings).toContainEqual(
      expect.objectContaining({
        severity: 'info',
        check: 'validate.not-checked',
        resource: 'provider.teleport.leaf',
        message: expect.stringContaining('identity_file is var.leaf_identity, which has no value here'),
        fix: expect.stringContaining('--identity NAME=FILE'),
      }),
    );
    const since = env.calls.length;
    expect((await validate(dir, ['--identity', `leaf=${env.leaf.identityFile}`])).code).toBe(0);
    expect(callsTo(env.leaf.auth, since)[0]).toBe(METHOD.ping);
  });
});

describe('the trusted cluster on the leaf', () => {
  test('exists with other addresses: an error per address, with the address the leaf has', async () => {
    env.leaf.auth.fixtures = {
      ...leafFixtures(),
      trustedClusters: [{ name: ROOT_NAME, proxyAddress: `${ROOT_NAME}:3080`, tunnelAddress: `${ROOT_NAME}:3024` }],
    };
    const r = await validate(config(), ids());
    expect(r.code).toBe(1);
    expect(ofCheck(r.report, 'validate.trusted-cluster-state').map((f: any) => [f.severity, f.path, f.fix])).toEqual([
      [
        'error',
        'spec.tunnel_addr',
        `set tunnel_addr to "${ROOT_NAME}:3024", or replace the trusted cluster deliberately (terraform apply -replace=${TC}) with a fresh Trusted_cluster token.`,
      ],
      [
        'error',
        'spec.web_proxy_addr',
        `set web_proxy_addr to "${ROOT_NAME}:3080", or replace the trusted cluster deliberately (terraform apply -replace=${TC}) with a fresh Trusted_cluster token.`,
      ],
    ]);
  });

  test('exists with the same addresses: info; a configuration without a token is then fine', async () => {
    env.leaf.auth.fixtures = {
      ...leafFixtures(),
      trustedClusters: [{ name: ROOT_NAME, proxyAddress: `${ROOT_NAME}:443`, tunnelAddress: `${ROOT_NAME}:443` }],
    };
    const r = await validate(config({ spec: { token: undefined } }), ids());
    expect(r.code).toBe(0);
    expect(ofCheck(r.report, 'validate.trusted-cluster-state')).toEqual([
      expect.objectContaining({ severity: 'info', message: 'exists on the leaf with the same addresses (the identity "bot-terraform").' }),
    ]);
  });

  test('does not exist and the configuration has no token: an error (the offline rule only warns)', async () => {
    const r = await validate(config({ spec: { token: undefined } }), ids());
    expect(r.code).toBe(1);
    expect(ofCheck(r.report, 'validate.trusted-cluster-state')).toEqual([
      expect.objectContaining({
        severity: 'error',
        path: 'spec.token',
        message: expect.stringContaining('does not exist on the leaf and has no join token: it cannot join the root'),
      }),
    ]);
  });

  test('a plan that creates one the leaf already has: an error (the provider refuses), with the import command', async () => {
    env.leaf.auth.fixtures = {
      ...leafFixtures(),
      roles: ['access', 'visitor'],
      trustedClusters: [{ name: ROOT_NAME, proxyAddress: `${ROOT_NAME}:443`, tunnelAddress: `${ROOT_NAME}:443` }],
    };
    const r = await runCli(['validate', oneStackPlan(env.dir, 'creates'), ...ids(), ...env.proxyArgs, '--json']);
    expect(ofCheck(r.report, 'validate.trusted-cluster-state')).toEqual([
      expect.objectContaining({
        severity: 'error',
        resource: ONE_STACK_TC,
        message: `the plan creates it, but "${ROOT_NAME}" already exists on the leaf: the provider refuses ("TrustedCluster exists in Teleport").`,
        fix: `import it (terraform import ${ONE_STACK_TC} ${ROOT_NAME}), or remove it on the leaf first (tctl rm trusted_cluster/${ROOT_NAME}) if it is stale.`,
      }),
    ]);
  });
});

describe('the root', () => {
  test('a literal token without Trusted_cluster: the same error a web session gives', async () => {
    env.root.auth.fixtures = { ...env.root.auth.fixtures, tokens: [{ name: JOIN_TOKEN, roles: ['Node'] }] };
    const r = await validate(config({ spec: { token: JOIN_TOKEN } }), ids());
    expect(ofCheck(r.report, 'validate.join-token-live')).toEqual([
      expect.objectContaining({
        severity: 'error',
        message: 'the join token exists on the root but its roles (Node) lack Trusted_cluster: the root refuses the join ("role does not match").',
      }),
    ]);
    expect(r.stdout).not.toContain(JOIN_TOKEN);
  });

  test("the leaf's remote cluster: offline while the leaf trusts the root (a warning); stale while the leaf does not (the shared warning)", async () => {
    env.root.auth.fixtures = {
      ...env.root.auth.fixtures,
      remoteClusters: [{ name: LEAF_NAME, connection: 'offline', lastHeartbeat: new Date('2030-05-06T07:08:09Z') }],
    };
    env.leaf.auth.fixtures = {
      ...leafFixtures(),
      trustedClusters: [{ name: ROOT_NAME, proxyAddress: `${ROOT_NAME}:443`, tunnelAddress: `${ROOT_NAME}:443` }],
    };
    const offline = await validate(config(), ids());
    expect(ofCheck(offline.report, 'validate.remote-cluster-status')).toEqual([
      expect.objectContaining({
        severity: 'warning',
        message: expect.stringContaining(`sees its remote cluster "${LEAF_NAME}" offline (last heartbeat 2030-05-06T07:08:09.000Z)`),
      }),
    ]);
    env.leaf.auth.fixtures = leafFixtures();
    const stale = await validate(config(), ids());
    expect(ofCheck(stale.report, 'validate.remote-cluster-exists')).toEqual([
      expect.objectContaining({ severity: 'warning', message: expect.stringContaining('the leaf has no trusted cluster for the root') }),
    ]);
  });
});

describe('reads the identity may not make, or the server does not know', () => {
  test('PERMISSION_DENIED: "not checked: no permission" infos, never an error', async () => {
    env.leaf.auth.faults = { [METHOD.getRole]: 'permission-denied' };
    env.root.auth.faults = { [METHOD.getToken]: 'permission-denied', [METHOD.getRemoteCluster]: 'permission-denied' };
    const r = await validate(config({ local: ['ops'], spec: { token: JOIN_TOKEN } }), ids());
    expect(r.code).toBe(0);
    expect(ofCheck(r.report, 'validate.not-checked').map((f: any) => f.message)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^role "ops" on the leaf was not checked: no permission: the identity "bot-terraform" may not read roles/),
        expect.stringMatching(/^the join token on the root was not checked: no permission/),
        expect.stringMatching(
          /^the root's remote cluster "leafcluster.example.com" was not checked: no permission: .*the terraform-provider preset role does not grant remote_cluster\.$/,
        ),
      ]),
    );
  });

  test('UNIMPLEMENTED: the fallback answers, else "not checked"', async () => {
    env.leaf.auth.faults = { [METHOD.getRole]: 'unimplemented', [METHOD.getTrustedCluster]: 'unimplemented' };
    env.root.auth.faults = { [METHOD.getRemoteCluster]: 'unimplemented' };
    const since = env.calls.length;
    const r = await validate(config({ local: ['ops'] }), ids());
    expect(ofCheck(r.report, 'validate.role-exists')).toEqual([expect.objectContaining({ severity: 'error' })]); // via ListRoles
    expect(callsTo(env.leaf.auth, since)).toEqual([
      METHOD.ping,
      METHOD.getRole,
      METHOD.listRoles,
      METHOD.getTrustedCluster,
      METHOD.getTrustedClusters,
    ]);
    expect(ofCheck(r.report, 'validate.not-checked')).toContainEqual(
      expect.objectContaining({ message: expect.stringContaining('does not implement the read of remote clusters (UNIMPLEMENTED') }),
    );
  });
});

describe('routes', () => {
  test('a proxy without TLS routing: "not checked over this address", and nothing is sent to its Auth Service', async () => {
    env.root.web.cluster = { ...env.root.web.cluster, tlsRouting: false };
    const routed = env.root.front.routed.filter((x) => x.to === 'auth').length;
    const since = env.calls.length;
    const r = await validate(config(), ids());
    expect(r.report.findings).toContainEqual(
      expect.objectContaining({
        severity: 'info',
        check: 'validate.not-checked',
        resource: env.root.front.address,
        message: expect.stringContaining('has no TLS routing'),
        fix: expect.stringContaining('--proxy NAME=HOST:3025'),
      }),
    );
    expect(callsTo(env.root.auth, since)).toEqual([]);
    expect(env.root.front.routed.filter((x) => x.to === 'auth').length).toBe(routed);
  });

  test('a provider addr on the Auth port (3025): the identity goes straight to Auth', async () => {
    const host = `127.${1 + Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${1 + Math.floor(Math.random() * 250)}`;
    const direct = await startFakeAuth(env.leaf.cluster, { ...leafFixtures(), roles: ['access'] }, { host, port: 3025, log: env.calls });
    try {
      const dir = config({ leaf: { addr: `${host}:3025` }, local: ['ops'] });
      const r = await runCli(['validate', dir, '--proxy', `root=${env.root.front.address}`, '--ca-file', env.caFile, ...ids(), '--json']);
      expect(ofCheck(r.report, 'validate.role-exists')).toEqual([
        expect.objectContaining({ severity: 'error', message: expect.stringContaining('"ops" does not exist on the leaf') }),
      ]);
      expect(direct.calls.map((c) => c.method)).toEqual([METHOD.ping, METHOD.getRole, METHOD.getTrustedCluster]);
    } finally {
      await direct.close();
    }
  });

  test('HTTPS_PROXY: both Auth Services are reached through the CONNECT proxy', async () => {
    const proxy = await startConnectProxy();
    try {
      const r = await validate(config(), ids(), { HTTPS_PROXY: proxy.url, NO_PROXY: '' });
      expect(r.code).toBe(0);
      expect(new Set(proxy.connects)).toEqual(new Set([env.root.front.address, env.leaf.front.address]));
    } finally {
      await proxy.close();
    }
  });
});

describe('identities that cannot be used', () => {
  test('an expired identity: an error finding (Terraform cannot use it either), and nothing is dialled with it', async () => {
    const expired = path.join(env.dir, 'expired-leaf');
    fs.writeFileSync(
      expired,
      testIdentity(env.leaf.cluster, { key: 'rsa-pkcs8', notBefore: new Date(Date.now() - 7200e3), notAfter: new Date(Date.now() - 3600e3) }).text,
    );
    const handshakes = env.leaf.auth.connections();
    const r = await validate(config(), ['--identity', `leaf=${expired}`]);
    expect(r.code).toBe(1);
    expect(ofCheck(r.report, 'validate.identity')).toEqual([
      expect.objectContaining({
        severity: 'error',
        resource: '--identity leaf',
        message: expect.stringMatching(/its certificate expired at .*: Terraform cannot authenticate with it either/),
        fix: expect.stringContaining('renew it'),
      }),
    ]);
    expect(env.leaf.auth.connections()).toBe(handshakes);
  });

  test('an identity for another cluster (its CA does not sign this Auth Service): exit 2 with the reason, nothing called', async () => {
    const since = env.calls.length;
    const r = await validate(config(), ['--identity', `leaf=${env.root.identityFile}`]);
    expect(r.code).toBe(2);
    expect(r.report.error).toMatch(
      new RegExp(
        `^cannot validate against the cluster: ${env.leaf.front.address}: the Auth Service's certificate did not verify against the identity's CA certificates`,
      ),
    );
    expect(callsTo(env.leaf.auth, since)).toEqual([]);
  });

  test('the Auth Service of another cluster than the proxy says: an error (its text without control characters); a proxy newer than its Auth: a warning', async () => {
    env.leaf.auth.fixtures = {
      ...leafFixtures(),
      clusterName: 'impostor\u001b[2J.example.com',
      trustedClusters: [{ name: ROOT_NAME, proxyAddress: 'evil\u0007:443', tunnelAddress: `${ROOT_NAME}:443` }],
    };
    const impostor = await validate(config(), ids());
    expect(ofCheck(impostor.report, 'validate.identity-cluster')).toEqual([
      expect.objectContaining({
        severity: 'error',
        resource: env.leaf.front.address,
        message: expect.stringContaining('reached the Auth Service of "impostor [2J.example.com"'),
      }),
    ]);
    expect(ofCheck(impostor.report, 'validate.trusted-cluster-state')).toContainEqual(
      expect.objectContaining({ path: 'spec.web_proxy_addr', message: expect.stringContaining('web_proxy_addr "evil :443"') }),
    );
    expect(impostor.stdout).not.toMatch(/(?![\t\n])\p{Cc}/u); // server text printed without control characters
    env.leaf.auth.fixtures = { ...leafFixtures(), version: '17.5.0' };
    expect(ofCheck((await validate(config(), ids())).report, 'validate.identity-cluster')).toEqual([
      expect.objectContaining({
        severity: 'warning',
        message: expect.stringContaining('runs Teleport 18.1.4 and its Auth Service 17.5.0'),
        fix: 'upgrade the Auth Service first, then the proxies.',
      }),
    ]);
  });

  test('--identity: a missing file, a key reference, a malformed flag: exit 2 before anything is sent; an unknown NAME: a warning', async () => {
    const before = env.calls.length;
    const missing = await validate(config(), ['--identity', `leaf=${path.join(env.dir, 'nosuch')}`]);
    expect([missing.code, missing.report.error]).toEqual([
      2,
      `--identity leaf (${path.join(env.dir, 'nosuch')}): cannot read ${path.join(env.dir, 'nosuch')} (ENOENT).`,
    ]);
    const piv = path.join(env.dir, 'piv-identity');
    fs.writeFileSync(
      piv,
      fs
        .readFileSync(env.leaf.identityFile, 'utf8')
        .replace(
          /-----BEGIN PRIVATE KEY-----[\s\S]+?-----END PRIVATE KEY-----/,
          '-----BEGIN PIV YUBIKEY PRIVATE KEY-----\nMTIzNDU2Kzlh\n-----END PIV YUBIKEY PRIVATE KEY-----',
        ),
    );
    expect((await validate(config(), ['--identity', `leaf=${piv}`])).report.error).toContain('the private key is a reference to a key on a YubiKey');
    expect((await validate(config(), ['--identity', 'leaf'])).report.error).toContain('--identity: takes NAME=FILE');
    expect(env.calls.length).toBe(before);
    const typo = await validate(config(), ['--identity', `laef=${env.leaf.identityFile}`]);
    expect(ofCheck(typo.report, 'validate.unknown-name')).toEqual([expect.objectContaining({ resource: '--identity laef' })]);
    expect((await runCli(['validate', config(), '--offline', '--identity', 'leaf=/nonexistent', '--json'])).code).toBe(0); // offline: not read
  });

  test('an Auth Service that never answers: exit 2 within --timeout, naming the call', async () => {
    env.leaf.auth.faults = { [METHOD.ping]: 'stall' };
    const r = await validate(config(), [...ids(), '--timeout', '1']);
    expect(r.code).toBe(2);
    expect(r.report.error).toBe(
      `cannot validate against the cluster: ${env.leaf.front.address}: /proto.AuthService/Ping did not complete in time. Check the address and the network, or raise --timeout.`,
    );
  });
});

test('a web session and an identity for the same leaf: one set of rules, one finding each', async () => {
  env.leaf.web.cluster = { ...env.leaf.web.cluster, users: { 'ci-leaf': { password: 'leaf-pw-8c1' } }, roles: ['access'], trustedClusters: [] };
  const r = await validate(config({ local: ['ops'] }), ids(), { TELEPORT_LEAF_USER: 'ci-leaf', TELEPORT_LEAF_PASSWORD: 'leaf-pw-8c1' });
  expect(ofCheck(r.report, 'validate.role-exists')).toEqual([
    expect.objectContaining({ severity: 'error', message: expect.stringContaining('"ops" does not exist') }),
  ]);
  expect(ofCheck(r.report, 'validate.trusted-cluster-state')).toEqual([
    expect.objectContaining({ message: expect.stringContaining('(the identity "bot-terraform" and a web session)') }),
  ]);
  expect(env.leaf.web.requests.some((q) => q.path === '/webapi/roles')).toBe(true);
});

test("a plan with the trusted cluster updated in place: the leaf's addresses are left to the offline comparison of before and after", async () => {
  env.leaf.auth.fixtures = {
    ...leafFixtures(),
    roles: ['access', 'visitor'],
    trustedClusters: [{ name: ROOT_NAME, proxyAddress: `${ROOT_NAME}:3080`, tunnelAddress: `${ROOT_NAME}:3080` }],
  };
  const file = oneStackPlan(env.dir, 'in-place', (plan) => {
    const tc = change(plan, ONE_STACK_TC);
    tc.actions = ['update'];
    tc.before = { ...tc.after, spec: { ...tc.after.spec, web_proxy_addr: `${ROOT_NAME}:3080`, tunnel_addr: `${ROOT_NAME}:3080` } };
  });
  const r = await runCli(['validate', file, ...ids(), ...env.proxyArgs, '--json']);
  expect(ofCheck(r.report, 'validate.trusted-cluster-state')).toEqual([]);
  expect(
    ofCheck(r.report, 'validate.immutable-update')
      .map((f: any) => f.path)
      .sort(),
  ).toEqual(['spec.tunnel_addr', 'spec.web_proxy_addr']);
});
