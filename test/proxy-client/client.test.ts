// The proxy client against real HTTPS servers on 127.0.0.1 with a CA made here.
import * as fs from 'fs';
import * as net from 'net';
import * as path from 'path';
import { ALLOWED_REQUESTS, NEVER_CALLED, ProxyClient, ProxyClientError, advertisedTunnelAddr, isAllowed, normalizePing } from '../../lib/proxy-client';
import { clearSecrets, redact } from '../../lib/report/redact';
import { tempDir } from '../support/synth';
import { FakeServer, SESSION_SECRETS, pingBody, startFakeProxy, testCa } from '../support/teleport-servers';

const TOKEN = 'root-join-token-5e7d1a-secret';
const ca = testCa();
let server: FakeServer;
let other: FakeServer;
let caFile: string;
let dir: string;

beforeAll(async () => {
  dir = tempDir('proxy-client-');
  caFile = path.join(dir, 'ca.pem');
  fs.writeFileSync(caFile, ca.certificatePem);
  server = await startFakeProxy({ clusterName: 'root.example.com', version: '18.1.4', tlsRouting: true }, ca);
  other = await startFakeProxy({ clusterName: 'elsewhere', version: '18.1.4', tlsRouting: true }, ca);
});
afterAll(async () => {
  await server.close();
  await other.close();
  fs.rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => {
  server.faults = {};
  server.requests.length = 0;
  server.cluster = { clusterName: 'root.example.com', version: '18.1.4', tlsRouting: true };
});
afterEach(() => clearSecrets());

const client = (extra: Partial<ConstructorParameters<typeof ProxyClient>[0]> = {}) =>
  new ProxyClient({ address: server.address, caFile, connectTimeoutMs: 500, requestTimeoutMs: 300, backoffMs: 10, ...extra });

async function failure(p: Promise<unknown>): Promise<ProxyClientError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(ProxyClientError);
    return e as ProxyClientError;
  }
  throw new Error('expected a ProxyClientError');
}

describe('ping shapes', () => {
  test('v18: TLS routing, edition, versions; the tunnel is on the web address', async () => {
    const p = await client().find();
    expect(p).toMatchObject({ clusterName: 'root.example.com', serverVersion: '18.1.4', edition: 'ent', tlsRoutingEnabled: true, publicAddr: 'root.example.com:443' });
    expect(advertisedTunnelAddr(p, '127.0.0.1')).toBe('root.example.com:443');
  });

  test('pre-16 body (assist_enabled, no edition), separate tunnel listener', () => {
    const p = normalizePing(pingBody({ clusterName: 'old', version: '15.4.2', tlsRouting: false, old: true }))!;
    expect(p).toMatchObject({ clusterName: 'old', serverVersion: '15.4.2', tlsRoutingEnabled: false, tunnelPublicAddr: 'old:3024' });
    expect(p.edition).toBeUndefined();
    expect(advertisedTunnelAddr(p, 'x')).toBe('old:3024');
  });

  test('unspecified listener host 0.0.0.0:3080 is replaced by the host dialled', () => {
    const p = normalizePing({ cluster_name: 'c', server_version: '18.0.0', proxy: { tls_routing_enabled: false, ssh: { web_listen_addr: '0.0.0.0:3080', tunnel_listen_addr: '0.0.0.0:3024' } } })!;
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
    const e = await failure(client({ retries: 0 }).find());
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
    expect(await c.parseYaml('role', 'kind: role\nversion: v99\n')).toEqual({ ok: false, supported: true, message: 'role version "v99" is not supported' });
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
    expect(ALLOWED_REQUESTS.filter((r) => r.method !== 'GET').map((r) => r.pattern.source).sort()).toEqual(['^\\/webapi\\/sessions\\/web$', '^\\/webapi\\/sessions\\/web$', '^\\/webapi\\/yaml\\/parse\\/(role|token)$'].sort());
  });

  test('every request the servers saw in this file was on the allow-list', () => {
    expect(server.requests.filter((r) => !isAllowed(r.method, r.path))).toEqual([]);
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
