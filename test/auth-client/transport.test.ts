// The Auth client against real servers on 127.0.0.1: a fake Auth Service (gRPC over mutual TLS)
// directly and behind a fake TLS-routing front; the allow-list refusing before a byte leaves;
// the identity's CA as the only trust; fallbacks on UNIMPLEMENTED; deadlines; HTTPS_PROXY and
// NO_PROXY; malformed and oversized answers. Every method the fakes saw is a read.
import * as http from 'http';
import * as net from 'net';
import { AuthClient, AuthClientError, AuthRoute, ClientIdentity, METHOD, parseIdentityFile } from '../../lib/auth-client';
import { unaryCall } from '../../lib/auth-client/unary';
import { Deadline } from '../../lib/common/deadline';
import { clearSecrets, redact } from '../../lib/report/redact';
import { createCertificate } from '../../lib/x509';
import { freePort } from '../support/cli';
import { startConnectProxy } from '../support/connect-proxy';
import { AuthCall, FakeAuth, startFakeAuth } from '../support/fake-auth';
import { nonReads } from '../support/fake-auth-clusters';
import { testCluster, testIdentity } from '../support/fake-auth-identity';
import { TlsRouter, startTlsRouter } from '../support/fake-auth-proxy';

const NAME = 'leafcluster.example.com';
const cluster = testCluster(NAME);
const log: AuthCall[] = [];
let auth: FakeAuth;
let front: TlsRouter;
let identity: ClientIdentity;

beforeAll(async () => {
  auth = await startFakeAuth(cluster, { clusterName: NAME, version: '18.1.4' }, { log });
  front = await startTlsRouter({ clusterName: NAME, web: '127.0.0.1:9', auth: auth.address });
  identity = parseIdentityFile(testIdentity(cluster, { key: 'rsa-pkcs1' }).text, 'test identity');
});
afterAll(async () => {
  await front.close();
  await auth.close();
  expect(log.length).toBeGreaterThan(0);
  expect(nonReads(log)).toEqual([]);
});
beforeEach(() => {
  auth.fixtures = {
    clusterName: NAME,
    version: '18.1.4',
    roles: ['access', 'visitor'],
    trustedClusters: [{ name: 'root', proxyAddress: 'root:443', tunnelAddress: 'root:443', token: 'leaf-side-join-token-aa' }],
  };
  auth.faults = {};
});
afterEach(() => clearSecrets());

const clients: AuthClient[] = [];
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
});
const client = (
  o: {
    address?: string;
    route?: AuthRoute;
    id?: ClientIdentity;
    env?: NodeJS.ProcessEnv;
    timeoutMs?: number;
    signal?: AbortSignal;
    maxResponseBytes?: number;
  } = {},
) => {
  const c = new AuthClient({
    address: o.address ?? front.address,
    route: o.route ?? { kind: 'tls-routing', clusterName: NAME },
    identity: o.id ?? identity,
    env: o.env ?? {},
    timeoutMs: o.timeoutMs ?? 5000,
    signal: o.signal,
    maxResponseBytes: o.maxResponseBytes,
  });
  clients.push(c);
  return c;
};
const rejection = async (p: Promise<unknown>): Promise<AuthClientError> => {
  const e = await p.then(
    () => undefined,
    (x) => x,
  );
  expect(e).toBeInstanceOf(AuthClientError);
  return e as AuthClientError;
};

describe('routes', () => {
  test('through TLS routing: the auth route first, then h2; the front forwarded the raw stream; the server saw our certificate', async () => {
    const since = log.length;
    expect(await client().ping()).toEqual({ clusterName: NAME, serverVersion: '18.1.4', proxyPublicAddr: `${NAME}:443` });
    expect(front.routed.at(-1)).toEqual({
      alpn: ['teleport-auth@6c656166636c75737465722e6578616d706c652e636f6d.teleport.cluster.local', 'h2'],
      to: 'auth',
    });
    expect(log.slice(since)).toEqual([{ method: METHOD.ping, user: 'bot-terraform', server: auth.address }]);
  });

  test('directly to an Auth address: h2 only', async () => {
    const c = client({ address: auth.address, route: { kind: 'direct' } });
    expect(c.alpn).toEqual(['h2']);
    expect((await c.ping()).clusterName).toBe(NAME);
  });

  test('a connection the server ended between calls is dialled again', async () => {
    const c = client({ address: auth.address, route: { kind: 'direct' } });
    await c.ping();
    const handshakes = auth.connections();
    const session = await (c as unknown as { session: Promise<import('http2').ClientHttp2Session> }).session;
    auth.dropConnections();
    while (!session.destroyed) await new Promise((r) => setTimeout(r, 10));
    expect((await c.ping()).clusterName).toBe(NAME);
    expect(auth.connections()).toBe(handshakes + 1);
  });

  test('a TLS-routing front for another cluster refuses the route: a connection error, nothing reaches Auth', async () => {
    const since = log.length;
    const e = await rejection(client({ route: { kind: 'tls-routing', clusterName: 'other.example.com' } }).ping());
    expect(e.kind).toBe('tls');
    expect(log.length).toBe(since);
  });
});

describe('reads', () => {
  test('roles by name, trusted clusters (addresses, token registered), tokens, remote clusters; NOT_FOUND is "none"', async () => {
    auth.fixtures = {
      ...auth.fixtures,
      tokens: [{ name: 'tok-123456', roles: ['Trusted_cluster'] }],
      remoteClusters: [{ name: 'leaf2', connection: 'online', lastHeartbeat: new Date('2030-01-01T00:00:00Z') }],
    };
    const c = client();
    expect(await c.roles(['visitor', 'ops'])).toEqual({
      ok: true,
      value: new Map([
        ['visitor', true],
        ['ops', false],
      ]),
    });
    expect(await c.trustedCluster('root')).toEqual({
      ok: true,
      value: {
        name: 'root',
        enabled: true,
        proxyAddress: 'root:443',
        reverseTunnelAddress: 'root:443',
        roleMap: [{ remote: 'access', local: ['visitor'] }],
      },
    });
    expect(await c.trustedCluster('nope')).toEqual({ ok: true, value: null });
    expect(await c.token('tok-123456')).toEqual({ ok: true, value: { roles: ['Trusted_cluster'], joinMethod: 'token', expires: undefined } });
    expect(await c.token('tok-gone')).toEqual({ ok: true, value: null });
    expect(await c.remoteCluster('leaf2')).toEqual({
      ok: true,
      value: { name: 'leaf2', connection: 'online', lastHeartbeat: new Date('2030-01-01T00:00:00Z') },
    });
    expect(await c.remoteCluster('leaf3')).toEqual({ ok: true, value: null });
  });

  test("PERMISSION_DENIED: an unavailable read with the server's reason, not an error", async () => {
    auth.faults = {
      [METHOD.getRemoteCluster]: 'permission-denied',
      [METHOD.getRole]: { status: 7, message: 'access denied\u001b[31m to perform action "read" on "role"' },
    };
    const c = client();
    expect(await c.remoteCluster('leaf2')).toEqual({ ok: false, reason: 'permission-denied', message: expect.stringContaining('access denied') });
    expect(await c.roles(['visitor'])).toEqual({
      ok: false,
      reason: 'permission-denied',
      message: 'access denied [31m to perform action "read" on "role"',
    }); // no control characters
  });

  test('UNIMPLEMENTED: GetRole falls back to ListRoles (every page), then GetRoles; GetTrustedCluster to GetTrustedClusters', async () => {
    auth.fixtures = { ...auth.fixtures, roles: ['a', 'b', 'c', 'd', 'e', 'visitor'], pageSize: 2 };
    auth.faults = { [METHOD.getRole]: 'unimplemented', [METHOD.getTrustedCluster]: 'unimplemented' };
    const since = log.length;
    const c = client();
    expect(await c.roles(['visitor', 'ops'])).toEqual({
      ok: true,
      value: new Map([
        ['visitor', true],
        ['ops', false],
      ]),
    });
    expect(log.slice(since).map((x) => x.method)).toEqual([METHOD.getRole, METHOD.listRoles, METHOD.listRoles, METHOD.listRoles]);
    auth.faults = { ...auth.faults, [METHOD.listRoles]: 'unimplemented' };
    expect(await c.roles(['e'])).toEqual({ ok: true, value: new Map([['e', true]]) });
    expect(log.at(-1)!.method).toBe(METHOD.getRoles);
    auth.faults = { ...auth.faults, [METHOD.getRoles]: 'unimplemented' };
    expect(await c.roles(['e'])).toMatchObject({ ok: false, reason: 'unimplemented' });
    expect(await c.trustedCluster('root')).toMatchObject({ ok: true, value: { name: 'root', proxyAddress: 'root:443' } });
    expect(log.at(-1)!.method).toBe(METHOD.getTrustedClusters);
  });

  test('any other status is an error naming it; a malformed or oversized answer is refused', async () => {
    auth.faults = { [METHOD.getToken]: { status: 13, message: 'backend exploded' } };
    expect((await rejection(client().token('x'))).message).toBe(`${front.address}: /proto.AuthService/GetToken failed: INTERNAL (backend exploded).`);
    auth.faults = { [METHOD.getToken]: { raw: Buffer.from([0x2a, 0x05, 0x01]) } };
    expect(await rejection(client().token('x'))).toMatchObject({ kind: 'malformed', message: expect.stringContaining('does not parse') });
    auth.faults = {};
    auth.fixtures = { ...auth.fixtures, roles: Array.from({ length: 400 }, (_, i) => `role-${i}-${'x'.repeat(40)}`) };
    expect(await rejection(client({ maxResponseBytes: 1000 }).call(METHOD.getRoles, Buffer.alloc(0)))).toMatchObject({
      kind: 'too-large',
      message: expect.stringContaining('answered with more than 1000 bytes'),
    });
  });
});

describe('the allow-list', () => {
  test('a method off the list fails before a connection is even opened', async () => {
    const handshakes = auth.connections();
    const routed = front.routed.length;
    const e = await rejection(client().call('/proto.AuthService/DeleteRole', Buffer.alloc(0)));
    expect(e).toMatchObject({
      kind: 'not-allowed',
      message: `${front.address}: /proto.AuthService/DeleteRole is not on the validator's allow-list; it is never sent.`,
    });
    expect([auth.connections(), front.routed.length]).toEqual([handshakes, routed]);
  });

  test('with a connection open, a write method handed straight to the HTTP/2 layer: refused, not a byte more reaches Auth', async () => {
    const c = client();
    await c.ping();
    const session = await (c as unknown as { session: Promise<import('http2').ClientHttp2Session> }).session;
    // HTTP/2 housekeeping (SETTINGS and WINDOW_UPDATE frames) may still trickle out after the answer: wait until it stops.
    for (let last = -1; last !== front.bytesToAuth();) {
      last = front.bytesToAuth();
      await new Promise((r) => setTimeout(r, 50));
    }
    const [bytes, calls] = [front.bytesToAuth(), log.length];
    for (const method of [
      '/proto.AuthService/UpsertRole',
      '/proto.AuthService/CreateTokenV2',
      '/proto.AuthService/UpsertTrustedCluster',
      '/proto.AuthService/GetTokens',
    ]) {
      const e = await rejection(
        unaryCall(session, method, Buffer.alloc(0), { signal: new AbortController().signal, timeoutMs: 1000, maxBytes: 1000, where: 'x' }),
      );
      expect(e.kind).toBe('not-allowed');
    }
    await new Promise((r) => setImmediate(r));
    expect([front.bytesToAuth(), log.length]).toEqual([bytes, calls]);
  });
});

describe('trust', () => {
  test("the identity's CA is the only trust: another cluster's Host CA fails verification, and nothing is called", async () => {
    const other = testCluster('other.example.com');
    const id = parseIdentityFile(testIdentity(cluster, { trust: [other.hostCa] }).text, 'x');
    const since = log.length;
    const e = await rejection(client({ id }).ping());
    expect(e).toMatchObject({
      kind: 'tls',
      message: expect.stringMatching(
        /did not verify against the identity's CA certificates \((UNABLE_TO_VERIFY_LEAF_SIGNATURE|UNABLE_TO_GET_ISSUER_CERT_LOCALLY)\)/,
      ),
    });
    expect(log.length).toBe(since);
  });

  test("a client certificate the server does not trust (another cluster's User CA): the handshake ends, nothing is called", async () => {
    const id = parseIdentityFile(testIdentity(cluster, { signer: createCertificate({ commonName: 'stranger', isCa: true }) }).text, 'x');
    const since = log.length;
    const e = await rejection(client({ id }).ping());
    expect(e.kind).toBe('tls');
    expect(e.message).toMatch(/refused the identity's certificate/);
    expect(log.length).toBe(since);
  });
});

describe('deadlines', () => {
  test('a method that never answers: a timeout naming it', async () => {
    auth.faults = { [METHOD.ping]: 'stall' };
    const e = await rejection(client({ timeoutMs: 300 }).ping());
    expect(e).toMatchObject({
      kind: 'timeout',
      message: `${front.address}: /proto.AuthService/Ping did not complete in time. Check the address and the network, or raise --timeout.`,
    });
  });

  test('the overall AbortSignal ends a call at once', async () => {
    auth.faults = { [METHOD.ping]: 'stall' };
    const abort = new AbortController();
    const pending = client({ signal: abort.signal, timeoutMs: 60_000 }).ping();
    setTimeout(() => abort.abort(), 50);
    expect((await rejection(pending)).kind).toBe('timeout');
    expect((await rejection(client({ signal: abort.signal }).ping())).kind).toBe('timeout'); // already aborted: nothing is dialled
  });

  test("the run's deadline (lib/common/deadline.ts) as the overall signal: the call stops and says so", async () => {
    auth.faults = { [METHOD.ping]: 'stall' };
    const deadline = Deadline.after(50, '0.05 s: a test');
    const e = await rejection(client({ signal: deadline.signal, timeoutMs: 60_000 }).ping());
    expect(e).toMatchObject({
      kind: 'timeout',
      message: `${front.address}: /proto.AuthService/Ping was stopped: the run's deadline (0.05 s: a test) passed. Check the network, or raise --timeout.`,
    });
  });

  test('a server that accepts and never finishes the handshake: a timeout', async () => {
    const silent = net.createServer(() => undefined);
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    const sockets: net.Socket[] = [];
    silent.on('connection', (s) => sockets.push(s));
    try {
      const e = await rejection(
        client({ address: `127.0.0.1:${(silent.address() as net.AddressInfo).port}`, route: { kind: 'direct' }, timeoutMs: 300 }).ping(),
      );
      expect(e).toMatchObject({
        kind: 'timeout',
        message: expect.stringContaining('the TLS handshake with the Auth Service did not complete in time'),
      });
    } finally {
      sockets.forEach((s) => s.destroy());
      await new Promise((r) => silent.close(r));
    }
  });

  test('nothing listening: unreachable', async () => {
    const e = await rejection(client({ address: `127.0.0.1:${await freePort()}`, route: { kind: 'direct' } }).ping());
    expect(e).toMatchObject({ kind: 'unreachable', message: expect.stringContaining('ECONNREFUSED') });
  });
});

describe('HTTPS_PROXY and NO_PROXY', () => {
  test('through a CONNECT proxy (its password registered as a secret); NO_PROXY bypasses it', async () => {
    const proxy = await startConnectProxy();
    try {
      const url = proxy.url.replace('http://', 'http://ci:proxy-pass-123@');
      expect((await client({ env: { HTTPS_PROXY: url } }).ping()).clusterName).toBe(NAME);
      expect(proxy.connects).toEqual([front.address]);
      expect(redact('proxy-pass-123')).toBe('***REDACTED***');
      expect((await client({ env: { https_proxy: url, NO_PROXY: 'example.com, 127.0.0.1' } }).ping()).clusterName).toBe(NAME);
      expect((await client({ env: { HTTPS_PROXY: url, no_proxy: `127.0.0.1:${front.address.split(':')[1]}` } }).ping()).clusterName).toBe(NAME);
      expect(proxy.connects).toEqual([front.address]);
    } finally {
      await proxy.close();
    }
  });

  test('a proxy that refuses the CONNECT, or an HTTPS_PROXY that is not a URL: a proxy error', async () => {
    const refusing = http.createServer();
    refusing.on('connect', (_req, socket: net.Socket) => socket.end('HTTP/1.1 403 Forbidden\r\n\r\n'));
    await new Promise<void>((r) => refusing.listen(0, '127.0.0.1', r));
    try {
      const e = await rejection(client({ env: { HTTPS_PROXY: `http://127.0.0.1:${(refusing.address() as net.AddressInfo).port}` } }).ping());
      expect(e).toMatchObject({
        kind: 'proxy',
        message: expect.stringContaining(`the HTTPS proxy refused the CONNECT to ${front.address} (HTTP 403)`),
      });
      const bad = await rejection(client({ env: { HTTPS_PROXY: 'not a url with p4ssw0rd' } }).ping());
      expect(bad.message).toBe(`${front.address}: HTTPS_PROXY is set but is not a URL (e.g. http://proxy.internal:3128).`);
    } finally {
      await new Promise((r) => refusing.close(r));
    }
  });
});
