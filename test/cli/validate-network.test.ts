// validate against a network that misbehaves: every run ends within its deadline (3 × --timeout)
// with exit 2 and one clear line, whatever the proxy or the server does. Counts and exit codes are
// asserted, never elapsed time; a hang fails the test at its (generous) jest timeout.
import * as http from 'http';
import { AddressInfo } from 'net';
import { clearSecrets } from '../../lib/report/redact';
import { runCli } from '../support/cli';
import { ClusterPair, LEAF_CLUSTER, LEAF_STACK, ROOT_CLUSTER, startClusterPair } from '../support/cluster-pair';
import { ConnectProxy, startConnectProxy } from '../support/connect-proxy';
import { FakeServer, startFakeProxy } from '../support/teleport-servers';

jest.setTimeout(60_000);

let pair: ClusterPair;
let root: FakeServer;
let leaf: FakeServer;
let caFile: string;
let stack: string;

beforeAll(async () => {
  pair = await startClusterPair('validate-network-');
  ({ root, leaf, caFile } = pair);
  stack = pair.writeConfig('leaf', LEAF_STACK);
});
afterAll(() => pair.close());
beforeEach(() => pair.reset());
afterEach(() => clearSecrets());

const overrides = () => ['--proxy', `teleport=${leaf.address}`, '--proxy', `rootcluster.example.com=${root.address}`, '--ca-file', caFile];
/** The lines of a failed human run: errors only (progress lines start with "validate:" or two spaces). */
const errorLines = (stderr: string) => stderr.split('\n').filter((l) => l !== '' && !l.startsWith('validate: checking') && !l.startsWith('  '));

describe('HTTPS_PROXY at a proxy that closes the socket on CONNECT, --timeout 2', () => {
  let proxy: ConnectProxy;
  beforeEach(async () => {
    proxy = await startConnectProxy('close');
  });
  afterEach(() => proxy.close());

  test.each([['human'], ['--json']])('%s: exit 2 with one clear line; the proxy sees one CONNECT per cluster at most', async (mode) => {
    const json = mode === '--json';
    const r = await runCli(['validate', stack, ...overrides(), '--timeout', '2', ...(json ? ['--json'] : [])], { HTTPS_PROXY: proxy.url });
    expect(r.code).toBe(2);
    const error = json
      ? r.report.error
      : errorLines(r.stderr)
          .join('\n')
          .replace(/^cdktf-teleport: /, '');
    expect(error).toMatch(
      /^cannot validate against the cluster: 127\.0\.0\.1:\d+: the HTTPS proxy closed the connection when asked to CONNECT to 127\.0\.0\.1:\d+ \(for \/webapi\/find\)\. Check HTTPS_PROXY/,
    );
    expect(proxy.connects.length).toBeGreaterThanOrEqual(1);
    expect(proxy.connects.length).toBeLessThanOrEqual(2);
  });
});

test('HTTPS_PROXY at a proxy that answers 407: "proxy authentication required", not a timeout; the proxy password never printed', async () => {
  const proxy = await startConnectProxy(407);
  try {
    const r = await runCli(['validate', stack, ...overrides()], { HTTPS_PROXY: proxy.url.replace('http://', 'http://ci:proxy-pw-4e2@') });
    expect(r.code).toBe(2);
    const [line] = errorLines(r.stderr);
    expect(line).toContain('the HTTPS proxy requires authentication (HTTP 407 Proxy Authentication Required)');
    expect(line).not.toMatch(/in time|raise --timeout/);
    expect(r.stdout + r.stderr).not.toContain('proxy-pw-4e2');
  } finally {
    await proxy.close();
  }
});

test('a plain HTTP server on the port: "answered in plain HTTP", not a TLS verification failure', async () => {
  const plain = http.createServer((_req, res) => res.end('hello'));
  await new Promise<void>((r) => plain.listen(0, '127.0.0.1', r));
  try {
    const plainAddress = `127.0.0.1:${(plain.address() as AddressInfo).port}`;
    const r = await runCli([
      'validate',
      stack,
      '--proxy',
      `teleport=${plainAddress}`,
      '--proxy',
      `rootcluster.example.com=${root.address}`,
      '--ca-file',
      caFile,
      '--json',
    ]);
    expect(r.code).toBe(2);
    expect(r.report.error).toMatch(/^cannot validate against the cluster: 127\.0\.0\.1:\d+: the server on this port answered in plain HTTP, not TLS/);
    expect(r.report.error).not.toContain('TLS verification failed');
  } finally {
    await new Promise<void>((r) => plain.close(() => r()));
  }
});

test('a 429 with Retry-After: 3600 under --timeout 2: ends at once, one request, the reason said', async () => {
  // A server of its own, so that no request of another test is counted.
  const limited = await startFakeProxy(ROOT_CLUSTER, pair.ca);
  limited.faults = { '/webapi/find': { status: 429, body: { error: { message: 'rate limit exceeded' } }, headers: { 'retry-after': '3600' } } };
  try {
    const file = pair.writeConfig('rate-limited', { provider: { teleport: [{ addr: 'rootcluster.example.com:443' }] } });
    const r = await runCli(['validate', file, '--proxy', `teleport=${limited.address}`, '--ca-file', caFile, '--timeout', '2', '--json']);
    expect(r.code).toBe(2);
    expect(r.report.error).toBe(
      `cannot validate against the cluster: ${limited.address}: GET /webapi/find answered HTTP 429: rate limit exceeded; it asked to retry after 3600 s, longer than validate waits (at most 5 s, and never past the run's deadline).`,
    );
    expect(limited.requests.map((q) => q.path)).toEqual(['/webapi/find']);
  } finally {
    await limited.close();
  }
});

test('answers that each come within --timeout but together outlast the run: stopped by the deadline (3 × --timeout)', async () => {
  // 30 roles for the server's own parse, one after the other, 300 ms each, under --timeout 1: the
  // deadline (3 s) passes long before the last one.
  const roles = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`r${i}`, { version: 'v7', metadata: { name: `r${i}` }, spec: {} }]));
  const file = pair.writeConfig('many-roles', {
    provider: { teleport: [{ addr: 'leafcluster.example.com:443' }] },
    resource: { teleport_role: roles },
  });
  leaf.cluster = { ...LEAF_CLUSTER, latencyMs: 300, users: { ci: { password: 'slow-pw-31f' } } };
  const since = pair.seen.length;
  const r = await runCli(['validate', file, '--proxy', `teleport=${leaf.address}`, '--ca-file', caFile, '--timeout', '1', '--json'], {
    TELEPORT_TELEPORT_USER: 'ci',
    TELEPORT_TELEPORT_PASSWORD: 'slow-pw-31f',
  });
  expect(r.code).toBe(2);
  expect(r.report.error).toMatch(
    /^cannot validate against the cluster: 127\.0\.0\.1:\d+: POST \/webapi\/yaml\/parse\/role was stopped: the run's deadline \(3 s: 3 × --timeout 1 s\) passed\. Check the network, or raise --timeout\.$/,
  );
  const parses = pair.seen.slice(since).filter((q) => q.path === '/webapi/yaml/parse/role').length;
  expect(parses).toBeGreaterThan(0);
  expect(parses).toBeLessThan(30);
});

test('--timeout past an hour, zero or not a number: a usage error', async () => {
  for (const value of ['1e9', '0', 'soon']) {
    const r = await runCli(['validate', stack, '--timeout', value]);
    expect([r.code, r.stderr]).toEqual([2, `cdktf-teleport: --timeout takes a number of seconds up to 3600, got "${value}"\n`]);
  }
});
