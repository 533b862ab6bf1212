// From NAMEs to dialled addresses: qualified and plain NAMEs, one override covering every name
// that shares the configured address, conflicts, unknown NAMEs, CA files and credentials per address.
import { caFilesFor, resolveAddresses, unknownNameFindings } from '../../lib/validation/live/address-map';
import { planCredentials } from '../../lib/validation/live/credentials';
import { PingInfo } from '../../lib/proxy-client';
import { ClusterRef } from '../../lib/validation/live/targets';
import { clearSecrets, redact } from '../../lib/report/redact';

afterEach(() => clearSecrets());

const provider = (stack: string, name: string, configured?: unknown): ClusterRef => ({
  stack,
  name,
  configured,
  source: `provider.${name} addr`,
  kind: 'provider',
});
const root = (stack: string, name: string | undefined, configured?: unknown): ClusterRef => ({
  stack,
  name,
  configured,
  source: 'spec.web_proxy_addr',
  kind: 'root',
});
const ping = (clusterName: string): PingInfo => ({ clusterName, serverVersion: '18.1.4', tlsRoutingEnabled: true });

describe('resolveAddresses', () => {
  test('a plain NAME applies in every stack; <stack>/<name> picks one and wins over the plain one', () => {
    const a = provider('a', 'teleport', '${var.addr}');
    const b = provider('b', 'teleport', '${var.addr}');
    const map = resolveAddresses(
      [a, b],
      new Map([
        ['teleport', '10.0.0.1:443'],
        ['b/teleport', '10.0.0.2:443'],
      ]),
    );
    expect(map.resolve(a).dial).toBe('10.0.0.1:443');
    expect(map.resolve(b).dial).toBe('10.0.0.2:443');
  });

  test('one override covers every name whose configured address is the same literal (case-insensitive)', () => {
    const p = provider('one', 'root', 'rootcluster.example.com:443');
    const tc = root('one', 'rootcluster.example.com', 'RootCluster.example.com:443');
    const elsewhere = root('two', 'rootcluster.example.com', 'rootcluster.example.com:3080');
    const map = resolveAddresses([p, tc, elsewhere], new Map([['root', '127.0.0.1:9443']]));
    expect(map.resolve(tc).dial).toBe('127.0.0.1:9443');
    expect(map.resolve(elsewhere).dial).toBe('rootcluster.example.com:3080');
    expect(map.dialFor('rootcluster.example.com:443')).toBe('127.0.0.1:9443');
    expect(map.dialFor('rootcluster.example.com:3024')).toBe('rootcluster.example.com:3024');
    expect([...map.clusters.keys()]).toEqual(['127.0.0.1:9443', 'rootcluster.example.com:3080']);
    expect(map.clusters.get('127.0.0.1:9443')).toEqual([p, tc]);
    expect(map.findings).toEqual([]);
  });

  test('two overrides of one address: a warning; each name keeps its own', () => {
    const p = provider('s', 'root', 'r.example.com:443');
    const tc = root('s', 'r.example.com', 'r.example.com:443');
    const map = resolveAddresses(
      [p, tc],
      new Map([
        ['root', '127.0.0.1:1001'],
        ['r.example.com', '127.0.0.1:1002'],
      ]),
    );
    expect(map.resolve(p).dial).toBe('127.0.0.1:1001');
    expect(map.resolve(tc).dial).toBe('127.0.0.1:1002');
    expect(map.findings).toEqual([expect.objectContaining({ severity: 'warning', check: 'validate.proxy-conflict', resource: 'r.example.com:443' })]);
  });

  test('skipped with a reason: a variable, a literal that is not host:port, the Auth port', () => {
    const variable = provider('s', 'leaf', '${var.leaf}');
    const smuggled = root('s', 'x', '127.0.0.1:1/webapi/trustedclusters/validate?');
    const auth = provider('s', 'auth', 'auth.example.com:3025');
    const map = resolveAddresses([variable, smuggled, auth], new Map());
    expect(map.resolve(variable)).toEqual({ skipped: { why: 'provider.leaf addr is not a literal', fix: 'give --proxy leaf=HOST:PORT.' } });
    expect(map.resolve(smuggled).skipped?.why).toContain('is not a plain host:port');
    expect(map.resolve(auth).skipped?.why).toContain('Auth Service port (3025)');
    expect(map.clusters.size).toBe(0);
  });
});

test('unknown NAMEs (a typo) are warned about; plain and qualified known names are not', () => {
  const refs = [provider('s', 'teleport', 'a:443'), root('s', 'root.example.com', 'r:443')];
  expect(unknownNameFindings('--proxy', ['teleport', 's/root.example.com', '*'], refs)).toEqual([]);
  expect(unknownNameFindings('--proxy', ['root.exmaple.com', 't/teleport'], refs).map((f) => [f.resource, f.severity])).toEqual([
    ['--proxy root.exmaple.com', 'warning'],
    ['--proxy t/teleport', 'warning'],
  ]);
});

test('CA files of a cluster: every NAME that reaches it, qualified or not, and every bare one', () => {
  const refs = [provider('s', 'root', 'r:443'), root('s', 'root.example.com', 'r:443')];
  expect(
    caFilesFor(
      refs,
      new Map([
        ['root.example.com', ['tc.pem']],
        ['s/root', ['p.pem']],
        ['*', ['all-1.pem', 'all-2.pem']],
        ['other', ['x.pem']],
      ]),
    ).sort(),
  ).toEqual(['all-1.pem', 'all-2.pem', 'p.pem', 'tc.pem']);
});

describe('credentials: only to the cluster they name', () => {
  const refs = [provider('s', 'root', 'r:443'), root('s', 'root.example.com', 'r:443')];
  const clusters = new Map([['r:443', refs]]);
  const infos = new Map([['r:443', ping('root.example.com')]]);

  test('from any NAME that names the cluster (the provider alias as well as the trusted cluster name)', () => {
    const { credentials, findings } = planCredentials(['r:443'], clusters, infos, {
      TELEPORT_ROOT_USER: 'ci',
      TELEPORT_ROOT_PASSWORD: 'pw-alias-1',
      TELEPORT_ROOT_OTP: '123456',
    });
    expect(credentials.get('r:443')).toMatchObject({ user: 'ci', password: 'pw-alias-1', otp: '123456', from: 'TELEPORT_ROOT' });
    expect(findings).toEqual([]);
    expect(redact('pw-alias-1 123456')).not.toMatch(/pw-alias-1|123456/);
    expect(
      planCredentials(['r:443'], clusters, infos, {
        TELEPORT_ROOT_EXAMPLE_COM_USER: 'ci',
        TELEPORT_ROOT_EXAMPLE_COM_PASSWORD: 'pw-tc-2',
      }).credentials.get('r:443')?.from,
    ).toBe('TELEPORT_ROOT_EXAMPLE_COM');
  });

  test('two names with different credentials: a warning, the first is used; the same values twice: fine', () => {
    const env = {
      TELEPORT_ROOT_USER: 'a',
      TELEPORT_ROOT_PASSWORD: 'pw-a-1',
      TELEPORT_ROOT_EXAMPLE_COM_USER: 'b',
      TELEPORT_ROOT_EXAMPLE_COM_PASSWORD: 'pw-b-2',
    };
    const { credentials, findings } = planCredentials(['r:443'], clusters, infos, env);
    expect(credentials.get('r:443')?.user).toBe('a');
    expect(findings).toEqual([
      expect.objectContaining({
        severity: 'warning',
        check: 'validate.credentials-conflict',
        message: expect.stringContaining('TELEPORT_ROOT_EXAMPLE_COM_* is ignored'),
      }),
    ]);
    expect(JSON.stringify(findings)).not.toMatch(/pw-a-1|pw-b-2/);
    expect(
      planCredentials(['r:443'], clusters, infos, { ...env, TELEPORT_ROOT_EXAMPLE_COM_USER: 'a', TELEPORT_ROOT_EXAMPLE_COM_PASSWORD: 'pw-a-1' })
        .findings,
    ).toEqual([]);
  });

  test('none set: no credentials', () => {
    expect(planCredentials(['r:443'], clusters, infos, {}).credentials.size).toBe(0);
  });

  test("a trusted cluster whose name is not its root's cluster name: its credentials are withheld from the root (an info says so)", () => {
    const leafAlias = provider('s', 'leaf', 'l:443');
    const tcLeaf = root('s', 'leaf', 'r:443');
    const map = new Map([
      ['l:443', [leafAlias]],
      ['r:443', [tcLeaf]],
    ]);
    const named = new Map([
      ['l:443', ping('leafcluster.example.com')],
      ['r:443', ping('rootcluster.example.com')],
    ]);
    const { credentials, findings } = planCredentials(['l:443', 'r:443'], map, named, {
      TELEPORT_LEAF_USER: 'ci',
      TELEPORT_LEAF_PASSWORD: 'leaf-pw-5',
    });
    expect([...credentials.keys()]).toEqual(['l:443']);
    expect(findings).toEqual([
      expect.objectContaining({
        severity: 'info',
        check: 'validate.credentials-withheld',
        resource: 'r:443',
        message:
          'TELEPORT_LEAF_* were not sent to r:443: trusted cluster "leaf" (stack s) points there, but its /webapi/find names the cluster "rootcluster.example.com"; credentials go only to the cluster they name.',
      }),
    ]);
  });

  test('one prefix naming two clusters (a provider alias in two stacks): sent to neither, with a warning', () => {
    const a = provider('a', 'teleport', 'x:443');
    const b = provider('b', 'teleport', 'y:443');
    const map = new Map([
      ['x:443', [a]],
      ['y:443', [b]],
    ]);
    const named = new Map([
      ['x:443', ping('one')],
      ['y:443', ping('two')],
    ]);
    const { credentials, findings } = planCredentials(['x:443', 'y:443'], map, named, {
      TELEPORT_TELEPORT_USER: 'ci',
      TELEPORT_TELEPORT_PASSWORD: 'pw-both-3',
    });
    expect(credentials.size).toBe(0);
    expect(findings).toEqual([
      expect.objectContaining({
        severity: 'warning',
        check: 'validate.credentials-ambiguous',
        resource: 'TELEPORT_TELEPORT_*',
        message: expect.stringContaining('names 2 clusters'),
      }),
    ]);
    // The same alias in two stacks at one cluster (two addresses of it) is not ambiguous.
    const same = planCredentials(
      ['x:443', 'y:443'],
      map,
      new Map([
        ['x:443', ping('one')],
        ['y:443', ping('one')],
      ]),
      { TELEPORT_TELEPORT_USER: 'ci', TELEPORT_TELEPORT_PASSWORD: 'pw-both-3' },
    );
    expect([...same.credentials.keys()]).toEqual(['x:443', 'y:443']);
  });
});
