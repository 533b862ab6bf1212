// The proxy client against real HTTPS servers on 127.0.0.1 with a CA made here.
import * as fs from 'fs';
import * as net from 'net';
import * as path from 'path';
import { request } from 'undici';
import {
  ALLOWED_REQUESTS,
  CaFileError,
  NEVER_CALLED,
  ProxyClient,
  ProxyClientError,
  advertisedTunnelAddr,
  caContext,
  isAllowed,
  normalizePing,
  probeTcp,
} from '../../lib/proxy-client';
import { MAX_SERVER_TEXT } from '../../lib/report/sanitize';
import { clearSecrets, redact } from '../../lib/report/redact';
import { freePort } from '../support/cli';
import { ConnectProxy, startConnectProxy } from '../support/connect-proxy';
import { proxyFailure } from '../support/cluster-pair';
import { tempDir } from '../support/synth';
import { FakeServer, RecordedRequest, SESSION_SECRETS, pingBody, startFakeProxy, testCa } from '../support/teleport-servers';

const TOKEN = 'root-join-token-5e7d1a-secret';
const ca = testCa();
let server: FakeServer;
let other: FakeServer;
let caFile: string;
let dir: string;
/** Every request any server of this file received, for the whole run; never reset. */
const seen: RecordedRequest[] = [];

beforeAll(async () => {
  dir = tempDir('proxy-client-');
  caFile = path.join(dir, 'ca.pem');
  fs.writeFileSync(caFile, ca.certificatePem);
  server = await startFakeProxy({ clusterName: 'root.example.com', version: '18.1.4', tlsRouting: true }, ca, { log: seen });
  other = await startFakeProxy({ clusterName: 'elsewhere', version: '18.1.4', tlsRouting: true }, ca, { log: seen });
});
afterAll(async () => {
  await server.close();
  await other.close();
  fs.rmSync(dir, { recursive: true, force: true });
  // The allow-list, asserted over everything the servers saw in this file (not just one test's).
  expect(seen.length).toBeGreaterThan(30);
  expect(seen.filter((r) => !isAllowed(r.method, r.url) || r.url.includes('?'))).toEqual([]);
  expect(seen.some((r) => NEVER_CALLED.includes(r.path))).toBe(false);
});
beforeEach(() => {
  server.faults = {};
  server.requests.length = 0;
  server.cluster = { clusterName: 'root.example.com', version: '18.1.4', tlsRouting: true };
});
afterEach(() => clearSecrets());

const client = (extra: Partial<ConstructorParameters<typeof ProxyClient>[0]> = {}) =>
  new ProxyClient({ address: server.address, caFile, connectTimeoutMs: 3000, requestTimeoutMs: 3000, backoffMs: 10, ...extra });

const failure = proxyFailure;

describe('ping shapes', () => {
  test('v18: TLS routing, edition, versions; the tunnel is on the web address', async () => {
    const p = await client().find();
    expect(p).toMatchObject({
      clusterName: 'root.example.com',
      serverVersion: '18.1.4',
      edition: 'ent',
      tlsRoutingEnabled: true,
      publicAddr: 'root.example.com:443',
    });
    expect(advertisedTunnelAddr(p, '127.0.0.1')).toBe('root.example.com:443');
  });

  test('pre-16 body (assist_enabled, no edition), separate tunnel listener', () => {
    const p = normalizePing(pingBody({ clusterName: 'old', version: '15.4.2', tlsRouting: false, old: true }))!;
    expect(p).toMatchObject({ clusterName: 'old', serverVersion: '15.4.2', tlsRoutingEnabled: false, tunnelPublicAddr: 'old:3024' });
    expect(p.edition).toBeUndefined();
    expect(advertisedTunnelAddr(p, 'x')).toBe('old:3024');
  });

  test('unspecified listener host 0.0.0.0:3080 is replaced by the host dialled', () => {
    const p = normalizePing({
      cluster_name: 'c',
      server_version: '18.0.0',
      proxy: { tls_routing_enabled: false, ssh: { web_listen_addr: '0.0.0.0:3080', tunnel_listen_addr: '0.0.0.0:3024' } },
    })!;
    expect(advertisedTunnelAddr(p, 'proxy.internal')).toBe('proxy.internal:3024');
  });

  test('a port-only listener (":3024") gets the host dialled, not ":3024:3024"', () => {
    const p = normalizePing({
      cluster_name: 'c',
      server_version: '18.0.0',
      proxy: { tls_routing_enabled: false, ssh: { tunnel_listen_addr: ':3024' } },
    })!;
    expect(advertisedTunnelAddr(p, 'proxy.internal')).toBe('proxy.internal:3024');
  });

  test('a body that is not a ping answer is malformed', async () => {
    server.faults = { '/webapi/find': { status: 200, body: { hello: 'world' } } };
    expect((await failure(client().find())).kind).toBe('malformed');
  });
});

describe('transport faults: each a clear error of its own kind', () => {
  test('wrong CA: tls', async () => {
    const wrong = path.join(dir, 'wrong.pem');
    fs.writeFileSync(wrong, testCa().certificatePem);
    const e = await failure(client({ caFile: wrong }).find());
    expect(e.kind).toBe('tls');
    expect(e.message).toContain(`${server.address}: TLS verification failed`);
    expect(e.message).toContain('--ca-file');
  });

  test('no CA given: tls; insecure only when asked', async () => {
    expect((await failure(client({ caFile: undefined }).find())).kind).toBe('tls');
    expect((await client({ caFile: undefined, insecure: true }).find()).clusterName).toBe('root.example.com');
  });

  test('429 then success: retried', async () => {
    server.faults = { '/webapi/find': '429-once' };
    expect((await client().find()).clusterName).toBe('root.example.com');
    expect(server.requests.filter((r) => r.path === '/webapi/find')).toHaveLength(2);
  });

  test('5xx until the retries are spent: http, with the attempts counted', async () => {
    server.faults = { '/webapi/find': '500-always' };
    const e = await failure(client({ retries: 2 }).find());
    expect(e).toMatchObject({ kind: 'http', status: 500 });
    expect(server.requests.filter((r) => r.path === '/webapi/find')).toHaveLength(3);
  });

  test('a stall past the timeout: timeout', async () => {
    server.faults = { '/webapi/find': 'stall' };
    const e = await failure(client({ retries: 0, requestTimeoutMs: 300 }).find());
    expect(e.kind).toBe('timeout');
    expect(e.message).toMatch(/did not answer in time.*--timeout/);
  });

  test('malformed JSON: malformed', async () => {
    server.faults = { '/webapi/find': 'malformed' };
    expect((await failure(client().find())).kind).toBe('malformed');
  });

  test('a huge body: too-large', async () => {
    server.faults = { '/webapi/find': 'huge' };
    const e = await failure(client({ maxResponseBytes: 1 << 20 }).find());
    expect(e.kind).toBe('too-large');
  });

  test('a redirect to another host: not followed', async () => {
    server.faults = { '/webapi/find': { redirect: `https://${other.address}/webapi/find` } };
    const e = await failure(client().find());
    expect(e.kind).toBe('redirect');
    expect(e.message).toContain(`another host (${other.address})`);
    expect(other.requests).toEqual([]);
  });

  test('a redirect to another path on the same host is not called "another host"', async () => {
    server.faults = { '/webapi/find': { redirect: '/web/login' } };
    const e = await failure(client().find());
    expect(e.kind).toBe('redirect');
    expect(e.message).toContain('to another path on the same host (/web/login)');
    expect(e.message).not.toContain('another host');
  });

  test('a connection reset on every attempt: retried, then a clear unreachable error', async () => {
    server.faults = { '/webapi/find': 'reset' };
    const e = await failure(client({ retries: 2 }).find());
    expect(e.kind).toBe('unreachable');
    expect(e.message).toContain('the connection was closed before an answer to /webapi/find');
    expect(server.requests.filter((r) => r.path === '/webapi/find')).toHaveLength(3);
  });

  test('connection refused: unreachable', async () => {
    const port = await freePort();
    const e = await failure(new ProxyClient({ address: `127.0.0.1:${port}`, caFile, retries: 0 }).find());
    expect(e.kind).toBe('unreachable');
    expect(e.message).toContain(`127.0.0.1:${port}: cannot connect`);
  });
});

describe('web session', () => {
  beforeEach(() => {
    server.cluster = {
      ...server.cluster,
      users: { ci: { password: 'pw-9f8e', otp: '123456' } },
      roles: ['visitor', 'auditor'],
      tokens: [{ id: TOKEN, roles: ['Trusted_cluster'], expiry: '2099-01-01T00:00:00Z' }],
      trustedClusters: [{ name: 'root.example.com', token: TOKEN }],
      sites: [{ name: 'leaf.example.com', status: 'online' }],
    };
  });

  test('login, then reads with cookie and bearer; logout', async () => {
    const c = client();
    await c.login('ci', 'pw-9f8e', '123456');
    expect(await c.roles()).toEqual(['visitor', 'auditor']);
    expect(await c.tokens()).toEqual([{ id: TOKEN, roles: ['Trusted_cluster'], expiry: '2099-01-01T00:00:00Z' }]);
    expect(await c.trustedClusters()).toEqual(['root.example.com']);
    expect((await c.sites()).map((s) => s.name)).toEqual(['root.example.com', 'leaf.example.com']);
    expect(await c.parseYaml('role', 'kind: role\nversion: v7\n')).toEqual({ ok: true, supported: true });
    expect(await c.parseYaml('role', 'kind: role\nversion: v99\n')).toEqual({
      ok: false,
      supported: true,
      message: 'role version "v99" is not supported',
    });
    await c.logout();
    expect(server.requests.filter((r) => r.path !== '/webapi/sessions/web').every((r) => r.authenticated)).toBe(true);
    // Everything the server handed out is now a registered secret.
    for (const s of [TOKEN, ...SESSION_SECRETS, 'pw-9f8e', '123456']) expect(redact(`x ${s} y`)).not.toContain(s);
  });

  test('bad credentials: a login error; the POST is never retried, even on 5xx', async () => {
    expect((await failure(client().login('ci', 'wrong', '123456'))).kind).toBe('login');
    server.faults = { '/webapi/sessions/web': '500-always' };
    server.requests.length = 0;
    await failure(client({ retries: 3 }).login('ci', 'pw-9f8e', '123456'));
    expect(server.requests.filter((r) => r.path === '/webapi/sessions/web')).toHaveLength(1);
  });

  test('insecure: login refuses to send the password unless explicitly allowed', async () => {
    const e = await failure(client({ caFile: undefined, insecure: true }).login('ci', 'pw-9f8e', '123456'));
    expect(e.kind).toBe('not-allowed');
    expect(e.message).toContain('refusing to send a password to a server whose certificate was not verified');
    expect(server.requests).toEqual([]);
    await client({ caFile: undefined, insecure: true, sendCredentialsInsecurely: true }).login('ci', 'pw-9f8e', '123456');
    expect(server.requests.map((r) => r.path)).toEqual(['/webapi/sessions/web']);
  });

  test('an error body that echoes a token is redacted', async () => {
    const c = client();
    await c.login('ci', 'pw-9f8e', '123456');
    await c.tokens();
    server.faults = { '/webapi/roles': { status: 400, body: { error: { message: `bad token ${TOKEN}` } } } };
    const e = await failure(c.roles());
    expect(e.message).toContain('HTTP 400');
    expect(e.message).not.toContain(TOKEN);
  });
});

describe('the allow-list', () => {
  test('the handshake and host credentials endpoints are never allowed, nor any write', () => {
    for (const p of NEVER_CALLED) expect(isAllowed('POST', p)).toBe(false);
    expect(isAllowed('POST', '/webapi/roles')).toBe(false);
    expect(isAllowed('PUT', '/webapi/roles/visitor')).toBe(false);
    expect(isAllowed('DELETE', '/webapi/tokens')).toBe(false);
    expect(
      ALLOWED_REQUESTS.filter((r) => r.method !== 'GET')
        .map((r) => r.pattern.source)
        .sort(),
    ).toEqual(['^\\/webapi\\/sessions\\/web$', '^\\/webapi\\/sessions\\/web$', '^\\/webapi\\/yaml\\/parse\\/(role|token)$'].sort());
  });

  test('isAllowed looks at the path only, never trusting a query to hide it', () => {
    expect(isAllowed('GET', '/webapi/find?x=1')).toBe(true);
    expect(isAllowed('POST', '/webapi/trustedclusters/validate?')).toBe(false);
    expect(isAllowed('GET', '/webapi/find/../trustedclusters/validate')).toBe(false);
  });
});

describe('addresses: plain host:port only, checked before anything is built', () => {
  test.each([
    ['a path and query smuggled into the address', (a: string) => `${a}/webapi/trustedclusters/validate?`],
    ['a scheme', (a: string) => `https://${a}`],
    ['userinfo', (a: string) => `user:pw@${a}`],
    ['a fragment', (a: string) => `${a}#x`],
    ['no port', () => '127.0.0.1'],
    ['port 0', () => '127.0.0.1:0'],
    ['a space', (a: string) => ` ${a}`],
  ])('%s: refused, nothing sent', (_what, make) => {
    const before = seen.length;
    const address = make(server.address);
    expect(() => new ProxyClient({ address, caFile })).toThrow(
      expect.objectContaining({ kind: 'not-allowed', message: expect.stringContaining('is not host:port') }),
    );
    expect(seen.length).toBe(before);
  });

  test('host names, IPv4 and bracketed IPv6 are accepted; hosts compare case-insensitively', () => {
    for (const address of ['Root.Example.com:443', '10.0.0.1:3080', '[::1]:3080']) expect(() => new ProxyClient({ address })).not.toThrow();
  });
});

describe('the dispatch guard: no code path can send what the allow-list refuses', () => {
  const dispatcherOf = (c: ProxyClient) => (c as unknown as { dispatcher: import('undici').Dispatcher }).dispatcher;

  test.each([
    ['the handshake endpoint', () => `https://${server.address}/webapi/trustedclusters/validate`, 'POST'],
    ['a write', () => `https://${server.address}/webapi/roles`, 'POST'],
    ['an allowed path with a query', () => `https://${server.address}/webapi/find?x=1`, 'GET'],
    ['another origin', () => `https://${other.address}/webapi/find`, 'GET'],
    ['plain http to the same host', () => `http://${server.address}/webapi/find`, 'GET'],
  ])('%s, dispatched directly: refused before it leaves', async (_what, url, method) => {
    const before = seen.length;
    const e = await request(url(), { method: method as 'GET', dispatcher: dispatcherOf(client()) }).then(
      () => undefined,
      (x) => x,
    );
    expect(e).toBeInstanceOf(ProxyClientError);
    expect(e.kind).toBe('not-allowed');
    expect(seen.length).toBe(before);
  });

  test('an allowed request through the same dispatcher goes out', async () => {
    const r = await request(`https://${server.address}/webapi/find`, { dispatcher: dispatcherOf(client()) });
    expect(r.statusCode).toBe(200);
    await r.body.dump();
  });
});

describe('HTTPS_PROXY: the CA, --insecure and the timeouts go through the proxy too', () => {
  let proxy: ConnectProxy;
  beforeAll(async () => {
    proxy = await startConnectProxy();
  });
  afterAll(() => proxy.close());
  beforeEach(() => {
    proxy.connects.length = 0;
  });
  const via = (extra: Partial<ConstructorParameters<typeof ProxyClient>[0]> = {}, env: NodeJS.ProcessEnv = {}) =>
    client({ env: { HTTPS_PROXY: proxy.url, ...env }, ...extra });

  test('the CA file verifies the cluster through the proxy (a CONNECT to the cluster)', async () => {
    expect((await via().find()).clusterName).toBe('root.example.com');
    expect(proxy.connects).toEqual([server.address]);
  });

  test('a wrong CA fails through the proxy: tls, not a silent success', async () => {
    const wrong = path.join(dir, 'wrong-proxied.pem');
    fs.writeFileSync(wrong, testCa().certificatePem);
    expect((await failure(via({ caFile: wrong }).find())).kind).toBe('tls');
    expect(proxy.connects).toEqual([server.address]);
  });

  test('no CA: tls through the proxy; --insecure works through it', async () => {
    expect((await failure(via({ caFile: undefined }).find())).kind).toBe('tls');
    expect((await via({ caFile: undefined, insecure: true }).find()).clusterName).toBe('root.example.com');
    expect(proxy.connects).toEqual([server.address, server.address]);
  });

  test('lower-case https_proxy works too; NO_PROXY bypasses the proxy', async () => {
    expect((await client({ env: { https_proxy: proxy.url } }).find()).clusterName).toBe('root.example.com');
    expect(proxy.connects).toEqual([server.address]);
    expect((await via({}, { NO_PROXY: '127.0.0.1' }).find()).clusterName).toBe('root.example.com');
    expect(proxy.connects).toEqual([server.address]);
  });

  test('a proxy that does not answer: a timeout, not a hang', async () => {
    const silent = await startSilentServer();
    try {
      const e = await failure(client({ env: { HTTPS_PROXY: `http://${silent.address}` }, retries: 0, requestTimeoutMs: 300 }).find());
      expect(['timeout', 'unreachable']).toContain(e.kind);
    } finally {
      await silent.close();
    }
  });

  test('an HTTPS_PROXY that is not a URL: a clear error that does not quote it', () => {
    expect(() => client({ env: { HTTPS_PROXY: 'user:s3cret-pw@::' } })).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining('s3cret-pw') }),
    );
  });
});

describe('answers that are not what Teleport sends: malformed, never read as empty', () => {
  beforeEach(() => {
    server.cluster = { ...server.cluster, users: { ci: { password: 'pw-9f8e' } }, roles: ['visitor'] };
  });

  test.each([
    ['/webapi/roles', { hello: 'world' }, (c: ProxyClient) => c.roles()],
    ['/webapi/roles', [{ id: 'role:x' }], (c: ProxyClient) => c.roles()],
    ['/webapi/tokens', { items: 'nope' }, (c: ProxyClient) => c.tokens()],
    ['/webapi/tokens', { items: [{ roles: ['Node'] }] }, (c: ProxyClient) => c.tokens()],
    ['/webapi/sites', null, (c: ProxyClient) => c.sites()],
    ['/webapi/trustedcluster', { items: [{}] }, (c: ProxyClient) => c.trustedClusters()],
  ])('%s answering 200 with %j', async (route, body, read) => {
    const c = client();
    await c.login('ci', 'pw-9f8e');
    server.faults = { [route]: { status: 200, body } };
    const e = await failure(read(c));
    expect(e.kind).toBe('malformed');
    expect(e.message).toContain(`${route} gave a malformed answer`);
  });

  test.each([
    ['an empty cluster_name', { ...pingBody({ clusterName: 'x', version: '18.1.4', tlsRouting: true }), cluster_name: '' }, 'cluster_name'],
    ['a junk server_version', { ...pingBody({ clusterName: 'x', version: '18.1.4', tlsRouting: true }), server_version: 'latest' }, 'server_version'],
    ['no proxy settings', { ...pingBody({ clusterName: 'x', version: '18.1.4', tlsRouting: true }), proxy: undefined }, 'proxy settings'],
  ])('a ping answer with %s', async (_what, body, word) => {
    expect(normalizePing(body)).toBeUndefined();
    server.faults = { '/webapi/find': { status: 200, body } };
    const e = await failure(client().find());
    expect(e.kind).toBe('malformed');
    expect(e.message).toContain(word);
  });
});

describe('server text in errors: masked and capped', () => {
  test('a token-shaped string the client never registered is masked; long text is cut', async () => {
    const hex = 'a3f9c2d1e8b7a6f5c4d3e2f1a0b9c8d7';
    server.faults = { '/webapi/find': { status: 403, body: { error: { message: `token ${hex} rejected ${'x'.repeat(2000)}` } } } };
    const e = await failure(client().find());
    expect(e.message).not.toContain(hex);
    expect(e.message).toContain('***REDACTED***');
    expect(e.message.length).toBeLessThan(MAX_SERVER_TEXT + 200);
  });
});

describe('CA files', () => {
  test('a file that is not a PEM certificate: a clear error naming it', () => {
    const junk = path.join(dir, 'junk.pem');
    fs.writeFileSync(junk, 'not a certificate\n');
    expect(() => caContext([junk])).toThrow(new CaFileError(`${junk} is not a PEM certificate`));
    expect(() => client({ caFile: junk })).toThrow(CaFileError);
  });

  test('several CA files are trusted together', async () => {
    const unrelated = path.join(dir, 'unrelated.pem');
    fs.writeFileSync(unrelated, testCa().certificatePem);
    expect((await client({ caFile: unrelated, caFiles: [caFile] }).find()).clusterName).toBe('root.example.com');
    expect((await failure(client({ caFile: unrelated }).find())).kind).toBe('tls');
  });
});

describe('TCP probe of a tunnel address', () => {
  test('an open port: reachable, and no byte is sent; a closed one: the reason', async () => {
    const received: Buffer[] = [];
    const listener = net.createServer((s) => s.on('data', (d) => received.push(d)));
    await new Promise<void>((r) => listener.listen(0, '127.0.0.1', r));
    const port = (listener.address() as net.AddressInfo).port;
    expect(await probeTcp(`127.0.0.1:${port}`, 1000)).toEqual({ reachable: true });
    await new Promise((r) => setTimeout(r, 50));
    await new Promise<void>((r) => listener.close(() => r()));
    expect(received).toEqual([]);
    expect(await probeTcp(`127.0.0.1:${port}`, 1000)).toEqual({ reachable: false, reason: 'ECONNREFUSED' });
    expect(await probeTcp('not an address', 1000)).toEqual({ reachable: false, reason: 'not host:port' });
  });
});

/** A TCP server that accepts and never answers (a stalled proxy). */
async function startSilentServer(): Promise<{ address: string; close(): Promise<void> }> {
  const sockets = new Set<net.Socket>();
  const s = net.createServer((c) => sockets.add(c));
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  return {
    address: `127.0.0.1:${(s.address() as net.AddressInfo).port}`,
    close: () =>
      new Promise<void>((r) => {
        for (const c of sockets) c.destroy();
        s.close(() => r());
      }),
  };
}
