// Where web-session credentials go, against two local HTTPS servers that log every request with
// its body: only to the cluster they were given for (as /webapi/find names it), never to a server
// whose certificate was not verified unless asked twice, and never printed, whatever their length.
import { REDACTED, clearSecrets } from '../../lib/report/redact';
import { runCli } from '../support/cli';
import { ClusterPair, LEAF_CLUSTER, ROOT_CLUSTER, startClusterPair } from '../support/cluster-pair';
import { FakeCluster, FakeServer } from '../support/teleport-servers';

const LEAF_PW = 'leaf-only-pw-8d3';
const ROOT: FakeCluster = { ...ROOT_CLUSTER, users: { ci: { password: 'root-pw-c17' } }, tokens: [] };
const LEAF: FakeCluster = { ...LEAF_CLUSTER, users: { ci: { password: LEAF_PW } }, roles: ['access'], trustedClusters: [] };
let pair: ClusterPair;
let root: FakeServer;
let leaf: FakeServer;

beforeAll(async () => {
  pair = await startClusterPair('credentials-live-', ROOT, LEAF);
  ({ root, leaf } = pair);
});
afterAll(() => pair.close());
beforeEach(() => pair.reset());
afterEach(() => clearSecrets());

/**
 * One stack, two aliased providers, and a trusted cluster on the leaf whose metadata.name is
 * `tcName`, with the servers' addresses written in (a --proxy leaf=... would also apply to a
 * trusted cluster named "leaf").
 */
function aliasStack(tcName: string): string {
  return pair.writeConfig(`tc-${tcName}-${pair.seen.length}`, {
    provider: {
      teleport: [
        { alias: 'root', addr: root.address },
        { alias: 'leaf', addr: leaf.address },
      ],
    },
    resource: {
      teleport_trusted_cluster: {
        t: {
          provider: 'teleport.leaf',
          version: 'v2',
          metadata: { name: tcName },
          spec: {
            token: 'a-literal-join-token-5f1',
            web_proxy_addr: root.address,
            tunnel_addr: 'rootcluster.example.com:443',
            role_map: [{ remote: 'access', local: ['access'] }],
          },
        },
      },
    },
  });
}

const to = () => ['--ca-file', pair.caFile, '--json'];
const leafEnv = { TELEPORT_LEAF_USER: 'ci', TELEPORT_LEAF_PASSWORD: LEAF_PW };
const logins = (server: FakeServer, since: number) =>
  pair.seen.slice(since).filter((q) => q.server === server.address && q.method === 'POST' && q.path === '/webapi/sessions/web');
const ofCheck = (report: any, check: string) => report.findings.filter((f: any) => f.check === check);

describe('a trusted cluster named "leaf" and a provider alias "leaf"', () => {
  test('the root is named otherwise: TELEPORT_LEAF_* go to the leaf only; the root never receives them', async () => {
    const since = pair.seen.length;
    const r = await runCli(['validate', aliasStack('leaf'), ...to()], leafEnv);
    expect(r.code).toBe(1); // the trusted cluster's name is not the root's: validate.cluster-name
    expect(logins(leaf, since)).toHaveLength(1);
    expect(logins(root, since)).toEqual([]);
    expect(pair.seen.slice(since).filter((q) => q.server === root.address && q.body.includes(LEAF_PW))).toEqual([]);
    expect(ofCheck(r.report, 'validate.credentials-withheld')).toEqual([
      expect.objectContaining({
        severity: 'info',
        resource: root.address,
        message: expect.stringContaining('trusted cluster "leaf"'),
        fix: "set that cluster's credentials under its own name (TELEPORT_ROOTCLUSTER_EXAMPLE_COM_*).",
      }),
    ]);
    expect(r.stdout + r.stderr).not.toContain(LEAF_PW);
  });

  test('the root is really named "leaf": the name denotes two clusters, so the credentials go to neither', async () => {
    root.cluster = { ...ROOT, clusterName: 'leaf' };
    const since = pair.seen.length;
    const r = await runCli(['validate', aliasStack('leaf'), ...to()], leafEnv);
    expect(logins(leaf, since)).toEqual([]);
    expect(logins(root, since)).toEqual([]);
    expect(ofCheck(r.report, 'validate.credentials-ambiguous')).toEqual([
      expect.objectContaining({ severity: 'warning', resource: 'TELEPORT_LEAF_*', message: expect.stringContaining('names 2 clusters') }),
    ]);
  });

  test("the trusted cluster carries the root's name: each cluster gets its own credentials", async () => {
    const since = pair.seen.length;
    const r = await runCli(['validate', aliasStack('rootcluster.example.com'), ...to()], {
      ...leafEnv,
      TELEPORT_ROOT_USER: 'ci',
      TELEPORT_ROOT_PASSWORD: 'root-pw-c17',
    });
    expect(r.code).toBe(1); // the literal token does not exist on the root
    expect(ofCheck(r.report, 'validate.join-token-live')).toHaveLength(1);
    expect(logins(leaf, since).map((q) => JSON.parse(q.body).pass)).toEqual([LEAF_PW]);
    expect(logins(root, since).map((q) => JSON.parse(q.body).pass)).toEqual(['root-pw-c17']);
  });
});

describe('--insecure: credentials are not sent to servers that were not verified', () => {
  const env = { ...leafEnv, TELEPORT_ROOT_USER: 'ci', TELEPORT_ROOT_PASSWORD: 'root-pw-c17' };
  const insecure = () => ['--insecure', '--json'];

  test('without --insecure-send-credentials: no login anywhere, a "not checked" info per cluster', async () => {
    const since = pair.seen.length;
    const r = await runCli(['validate', aliasStack('rootcluster.example.com'), ...insecure()], env);
    expect(pair.seen.slice(since).filter((q) => q.method === 'POST')).toEqual([]);
    expect(pair.seen.slice(since).filter((q) => q.body.includes('pw-'))).toEqual([]);
    expect(r.code).toBe(0);
    expect(
      ofCheck(r.report, 'validate.not-checked')
        .filter((f: any) => f.message.includes('--insecure'))
        .map((f: any) => f.resource)
        .sort(),
    ).toEqual([leaf.address, root.address].sort());
    expect(ofCheck(r.report, 'validate.insecure')).toHaveLength(2);
  });

  test('with --insecure-send-credentials: the logins happen, and stderr says so', async () => {
    const since = pair.seen.length;
    const r = await runCli(['validate', aliasStack('rootcluster.example.com'), ...insecure(), '--insecure-send-credentials'], env);
    expect(logins(root, since)).toHaveLength(1);
    expect(logins(leaf, since)).toHaveLength(1);
    expect(r.stderr).toContain('WARNING: --insecure-send-credentials: passwords and OTPs are sent to servers whose certificates were NOT verified.');
  });

  test('--insecure-send-credentials alone: a usage error', async () => {
    const r = await runCli(['validate', aliasStack('rootcluster.example.com'), '--insecure-send-credentials']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('cdktf-teleport: --insecure-send-credentials only applies with --insecure (credentials always go to verified servers)\n');
  });
});

test('a 3-character password echoed by the server is redacted in every output', async () => {
  leaf.cluster = { ...LEAF, users: { ci: { password: 'pw3' } } };
  leaf.faults = { '/webapi/sessions/web': { status: 403, body: { error: { message: 'bad password "pw3" for ci (pw3)' } } } };
  const env = { TELEPORT_LEAF_USER: 'ci', TELEPORT_LEAF_PASSWORD: 'pw3' };
  const json = await runCli(['validate', aliasStack('rootcluster.example.com'), ...to()], env);
  const human = await runCli(['validate', aliasStack('rootcluster.example.com'), ...to().slice(0, -1)], env);
  expect([json.code, human.code]).toEqual([2, 2]);
  expect(json.report.error).toContain(`login as ci failed (HTTP 403): bad password "${REDACTED}" for ci (${REDACTED}).`);
  for (const out of [json.stdout, json.stderr, human.stdout, human.stderr]) expect(out).not.toContain('pw3');
});
