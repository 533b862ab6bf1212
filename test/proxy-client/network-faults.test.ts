// What the network does that is not Teleport's answer, each named for what happened and each
// bounded: a proxy that closes on CONNECT or wants authentication, a plain HTTP server on the port,
// a Retry-After longer than the run, a request that outlives the run's deadline. Assertions are on
// kinds, messages and counts, never on elapsed time.
import * as fs from 'fs';
import * as http from 'http';
import { AddressInfo } from 'net';
import * as path from 'path';
import { Deadline } from '../../lib/common/deadline';
import { ProxyClient, probeTcp } from '../../lib/proxy-client';
import { clearSecrets } from '../../lib/report/redact';
import { ConnectProxy, startConnectProxy } from '../support/connect-proxy';
import { proxyFailure } from '../support/cluster-pair';
import { tempDir } from '../support/synth';
import { FakeServer, startFakeProxy, testCa } from '../support/teleport-servers';

// A hang fails the test here (before the fixes, the first case never ended).
jest.setTimeout(30_000);

const ca = testCa();
let server: FakeServer;
let plain: http.Server;
let plainAddress: string;
let dir: string;
let caFile: string;

beforeAll(async () => {
  dir = tempDir('network-faults-');
  caFile = path.join(dir, 'ca.pem');
  fs.writeFileSync(caFile, ca.certificatePem);
  server = await startFakeProxy({ clusterName: 'root.example.com', version: '18.1.4', tlsRouting: true }, ca);
  plain = http.createServer((_req, res) => res.end('<html>plain</html>'));
  await new Promise<void>((r) => plain.listen(0, '127.0.0.1', r));
  plainAddress = `127.0.0.1:${(plain.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await server.close();
  await new Promise<void>((r) => plain.close(() => r()));
  fs.rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => {
  server.faults = {};
  server.requests.length = 0;
});
afterEach(() => clearSecrets());

const client = (extra: Partial<ConstructorParameters<typeof ProxyClient>[0]> = {}) =>
  new ProxyClient({ address: server.address, caFile, connectTimeoutMs: 5000, requestTimeoutMs: 5000, backoffMs: 10, ...extra });

const failure = proxyFailure;

describe('an HTTPS proxy that opens no tunnel', () => {
  let proxy: ConnectProxy | undefined;
  afterEach(async () => {
    await proxy?.close();
    proxy = undefined;
  });
  const via = async (fault: 'close' | number, url = (p: ConnectProxy) => p.url) => {
    proxy = await startConnectProxy(fault);
    const c = client({ env: { HTTPS_PROXY: url(proxy) } });
    try {
      return await failure(c.find());
    } finally {
      await c.close();
    }
  };

  test('it closes the socket on CONNECT: one CONNECT, a "proxy" error that says so (undici alone reconnects without end)', async () => {
    const e = await via('close');
    expect(e.kind).toBe('proxy');
    expect(e.message).toBe(
      `${server.address}: the HTTPS proxy closed the connection when asked to CONNECT to ${server.address} (for /webapi/find). Check HTTPS_PROXY and that the proxy allows this host and port, or reach the cluster without the proxy (NO_PROXY).`,
    );
    expect(proxy!.connects).toEqual([server.address]);
    expect(server.requests).toEqual([]);
  });

  test('it answers 407: proxy authentication required, not a timeout; the proxy URL (and its password) is never quoted', async () => {
    const e = await via(407, (p) => p.url.replace('http://', 'http://ci:proxy-pw-9c1@'));
    expect(e).toMatchObject({ kind: 'proxy', status: 407 });
    expect(e.message).toContain('the HTTPS proxy requires authentication (HTTP 407 Proxy Authentication Required)');
    expect(e.message).toContain("Put the proxy's user and password in HTTPS_PROXY");
    expect(e.message).not.toMatch(/timeout|in time|proxy-pw-9c1|127\.0\.0\.1:\d+@/);
    expect(proxy!.connects).toEqual([server.address]);
  });

  test('it answers 403: the proxy refused the tunnel', async () => {
    const e = await via(403);
    expect(e).toMatchObject({ kind: 'proxy', status: 403 });
    expect(e.message).toContain('the HTTPS proxy refused the tunnel (HTTP 403)');
  });
});

describe('a plain HTTP server on the port', () => {
  test('direct: "answered in plain HTTP", not a TLS verification failure', async () => {
    const e = await failure(client({ address: plainAddress }).find());
    expect(e.kind).toBe('plain-http');
    expect(e.message).toMatch(
      /^127\.0\.0\.1:\d+: the server on this port answered in plain HTTP, not TLS \(ERR_SSL_[A-Z_]+\): it is not a Teleport proxy's HTTPS web address\./,
    );
    expect(e.message).not.toContain('TLS verification failed');
  });

  test('with --insecure and through an HTTPS proxy: the same', async () => {
    expect((await failure(client({ address: plainAddress, insecure: true }).find())).kind).toBe('plain-http');
    const proxy = await startConnectProxy();
    try {
      expect((await failure(client({ address: plainAddress, env: { HTTPS_PROXY: proxy.url } }).find())).kind).toBe('plain-http');
    } finally {
      await proxy.close();
    }
  });
});

describe('retries are bounded in count and in time', () => {
  test('a 429 with Retry-After: 3600 is not waited for: one request, an error that says why', async () => {
    server.faults = { '/webapi/find': { status: 429, body: { error: { message: 'slow down' } }, headers: { 'retry-after': '3600' } } };
    const e = await failure(client().find());
    expect(e).toMatchObject({ kind: 'http', status: 429 });
    expect(e.message).toBe(
      `${server.address}: GET /webapi/find answered HTTP 429: slow down; it asked to retry after 3600 s, longer than validate waits (at most 5 s, and never past the run's deadline).`,
    );
    expect(server.requests).toHaveLength(1);
  });

  test('a Retry-After as an HTTP date far ahead: the same', async () => {
    server.faults = { '/webapi/find': { status: 503, body: {}, headers: { 'retry-after': new Date(Date.now() + 86_400_000).toUTCString() } } };
    expect((await failure(client().find())).status).toBe(503);
    expect(server.requests).toHaveLength(1);
  });

  test('a short Retry-After is honoured, up to the retry count', async () => {
    server.faults = { '/webapi/find': { status: 429, body: {}, headers: { 'retry-after': '0' } } };
    const e = await failure(client({ retries: 2 }).find());
    expect(e.message).toContain('answered HTTP 429 (3 attempts)');
    expect(server.requests).toHaveLength(3);
  });

  test('a retry that would end past the deadline is not made', async () => {
    server.faults = { '/webapi/find': '500-always' };
    const deadline = Deadline.after(60_000);
    const e = await failure(client({ deadline, retries: 3, backoffMs: 120_000 }).find());
    deadline.dispose();
    expect(e).toMatchObject({ kind: 'http', status: 500 });
    expect(server.requests).toHaveLength(1);
  });
});

describe("the run's deadline", () => {
  test('stops a request its own timeout would let run on, and closes the client: later calls send nothing', async () => {
    server.faults = { '/webapi/find': 'stall' };
    const deadline = Deadline.after(300, '0.3 s: a test');
    const c = client({ deadline, requestTimeoutMs: 600_000 });
    const e = await failure(c.find());
    expect(e.kind).toBe('deadline');
    expect(e.message).toBe(
      `${server.address}: GET /webapi/find was stopped: the run's deadline (0.3 s: a test) passed. Check the network, or raise --timeout.`,
    );
    server.faults = {};
    expect((await failure(c.find())).kind).toBe('deadline');
    expect(server.requests).toHaveLength(1);
  });

  test('stops a request queued behind a proxy that never answers CONNECT', async () => {
    const silent = http.createServer();
    const held: import('stream').Duplex[] = [];
    silent.on('connect', (_req, socket) => void held.push(socket)); // accepts, never answers
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    const deadline = Deadline.after(300);
    try {
      const c = client({
        deadline,
        requestTimeoutMs: 600_000,
        connectTimeoutMs: 600_000,
        env: { HTTPS_PROXY: `http://127.0.0.1:${(silent.address() as AddressInfo).port}` },
      });
      expect((await failure(c.find())).kind).toBe('deadline');
      // The deadline closed the proxy agent too: the connection to the proxy is gone.
      await Promise.all(
        held.map((s) => new Promise((r) => (s.destroyed || s.readableEnded ? r(undefined) : s.once('end', r).once('close', r).once('error', r)))),
      );
    } finally {
      for (const s of held) s.destroy();
      await new Promise<void>((r) => silent.close(() => r()));
    }
  });
});

test('a TCP probe stops when the run\'s deadline passes (reason "stopped", never "unreachable")', async () => {
  const deadline = Deadline.after(0);
  expect(await probeTcp(server.address, 60_000, deadline.signal)).toEqual({ reachable: false, reason: 'stopped' });
});
