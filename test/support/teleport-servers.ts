// Real HTTPS servers on 127.0.0.1 that play Teleport proxies for the validator's tests: a CA made in
// the test, fixed payloads per route, fault injection, and a record of every request.
import * as http from 'http';
import * as https from 'https';
import { AddressInfo } from 'net';
import { createCertificate, generateKey } from '../../lib/x509';

export interface FakeCluster {
  clusterName: string;
  version: string;
  tlsRouting: boolean;
  /** A pre-16 ping body: `assist_enabled`, no `edition`. */
  old?: boolean;
  edition?: string;
  /** What proxy.ssh says; defaults follow tlsRouting. */
  publicAddr?: string;
  tunnelPublicAddr?: string;
  webListenAddr?: string;
  roles?: string[];
  tokens?: { id: string; roles: string[]; expiry?: string }[];
  trustedClusters?: { name: string; token: string }[];
  sites?: { name: string; status: string }[];
  users?: Record<string, { password: string; otp?: string }>;
  /** Delay before every answer (network latency), for benchmarks. */
  latencyMs?: number;
}

export type Fault =
  | 'stall'
  | '429-once'
  | '500-always'
  | 'malformed'
  | 'huge'
  | 'reset'
  | { redirect: string }
  | { status: number; body: unknown; headers?: Record<string, string> };

export interface RecordedRequest {
  readonly method: string;
  /** The path without the query. */
  readonly path: string;
  /** The request target as received (path and query). */
  readonly url: string;
  readonly authenticated: boolean;
  /** The address of the server that received it. */
  readonly server: string;
  /** The request body as received (empty for a GET). */
  readonly body: string;
}

export interface FakeProxyOptions {
  /** A log shared by several servers (a test file's whole run); never reset by the server. */
  readonly log?: RecordedRequest[];
}

export interface FakeServer {
  readonly address: string;
  readonly caPem: string;
  readonly requests: RecordedRequest[];
  cluster: FakeCluster;
  faults: Record<string, Fault>;
  close(): Promise<void>;
}

const BEARER = 'bearer-7f1c2a9d-secret-session-token';
const COOKIE = 'sess-c0ffee-secret-cookie';

/** A CA shared by the servers of one test file. */
export function testCa() {
  return createCertificate({ commonName: 'test CA', isCa: true }, generateKey('P-256'));
}

export async function startFakeProxy(cluster: FakeCluster, ca = testCa(), options: FakeProxyOptions = {}): Promise<FakeServer> {
  const leaf = createCertificate(
    {
      commonName: 'localhost',
      dnsNames: ['localhost'],
      ipAddresses: ['127.0.0.1'],
      issuer: { certificatePem: ca.certificatePem, privateKey: ca.privateKey },
    },
    generateKey('P-256'),
  );
  const state: State = { requests: [], log: options.log, address: '', faults: {}, cluster, fired: new Set() };
  const server = https.createServer({ key: leaf.privateKeyPem, cert: leaf.certificatePem }, (req, res) => handle(state, req, res));
  const sockets = new Set<{ destroy(): void }>();
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  state.address = `127.0.0.1:${port}`;
  return {
    address: `127.0.0.1:${port}`,
    caPem: ca.certificatePem,
    requests: state.requests,
    get cluster() {
      return state.cluster;
    },
    set cluster(c) {
      state.cluster = c;
    },
    get faults() {
      return state.faults;
    },
    set faults(f) {
      state.faults = f;
      state.fired.clear();
    },
    close: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}

interface State {
  requests: RecordedRequest[];
  log?: RecordedRequest[];
  address: string;
  faults: Record<string, Fault>;
  cluster: FakeCluster;
  fired: Set<string>;
}

function handle(state: State, req: http.IncomingMessage, res: http.ServerResponse): void {
  const url = req.url ?? '/';
  const path = url.split('?')[0];
  const authenticated = req.headers.authorization === `Bearer ${BEARER}` && String(req.headers.cookie ?? '').includes(COOKIE);
  let body = '';
  req.on('data', (d) => (body += d));
  req.on('end', () => {
    const record = { method: req.method ?? 'GET', path, url, authenticated, server: state.address, body };
    state.requests.push(record);
    state.log?.push(record);
    const fault = state.faults[path];
    if (fault === 'stall') return; // never answer
    if (fault === 'reset') return req.socket.destroy();
    if (fault === '429-once' && !state.fired.has(path)) {
      state.fired.add(path);
      return send(res, 429, { error: { message: 'rate limit exceeded' } });
    }
    if (fault === '500-always') return send(res, 500, { error: { message: 'internal error' } });
    if (fault === 'malformed') return sendRaw(res, 200, '{"cluster_name": "x", ');
    if (fault === 'huge') return sendRaw(res, 200, JSON.stringify({ pad: 'x'.repeat(6 << 20) }));
    if (typeof fault === 'object' && 'redirect' in fault) {
      res.writeHead(302, { location: fault.redirect });
      return res.end();
    }
    if (typeof fault === 'object' && 'status' in fault) return send(res, fault.status, fault.body, fault.headers);
    const latency = state.cluster.latencyMs ?? 0;
    if (latency > 0) setTimeout(() => route(state.cluster, req.method ?? 'GET', path, body, authenticated, res), latency);
    else route(state.cluster, req.method ?? 'GET', path, body, authenticated, res);
  });
}

function route(c: FakeCluster, method: string, path: string, body: string, authenticated: boolean, res: http.ServerResponse): void {
  const needAuth = () => send(res, 403, { error: { message: 'access denied' } });
  if (method === 'GET' && (path === '/webapi/find' || path === '/webapi/ping')) return send(res, 200, pingBody(c));
  if (method === 'GET' && path === '/webapi/presetroles')
    return send(
      res,
      200,
      ['access', 'editor', 'auditor'].map((name) => ({ id: `role:${name}`, kind: 'role', name })),
    );
  if (method === 'POST' && path === '/webapi/sessions/web') {
    const { user, pass, second_factor_token } = JSON.parse(body || '{}');
    const u = c.users?.[user];
    if (!u || u.password !== pass || (u.otp !== undefined && u.otp !== second_factor_token))
      return send(res, 403, { error: { message: 'invalid credentials' } });
    res.setHeader('set-cookie', `__Host-session=${COOKIE}; Path=/; Secure; HttpOnly; SameSite=Lax`);
    return send(res, 200, { type: 'bearer', token: BEARER, expires_in: 600 });
  }
  if (!authenticated) return needAuth();
  if (method === 'DELETE' && path === '/webapi/sessions/web') return send(res, 200, {});
  if (method === 'GET' && path === '/webapi/roles')
    return send(res, 200, {
      items: (c.roles ?? []).map((name) => ({ id: `role:${name}`, kind: 'role', name, content: `kind: role\nmetadata:\n  name: ${name}\n` })),
      startKey: '',
    });
  if (method === 'GET' && path === '/webapi/tokens') {
    return send(res, 200, {
      items: (c.tokens ?? []).map((t) => ({
        id: t.id,
        safeName: '****',
        roles: t.roles,
        expiry: t.expiry ?? '0001-01-01T00:00:00Z',
        method: 'token',
        isStatic: false,
      })),
    });
  }
  if (method === 'GET' && path === '/webapi/trustedcluster') {
    return send(
      res,
      200,
      (c.trustedClusters ?? []).map((t) => ({
        id: `trusted_cluster:${t.name}`,
        kind: 'trusted_cluster',
        name: t.name,
        content: `kind: trusted_cluster\nspec:\n  token: ${t.token}\n`,
      })),
    );
  }
  if (method === 'GET' && path === '/webapi/sites') return send(res, 200, [{ name: c.clusterName, status: 'online' }, ...(c.sites ?? [])]);
  if (method === 'POST' && path.startsWith('/webapi/yaml/parse/')) {
    const { yaml } = JSON.parse(body || '{}');
    if (/version"?:\s*"?v99/.test(yaml)) return send(res, 400, { error: { message: 'role version "v99" is not supported' } });
    if (String(yaml).includes('${')) return send(res, 400, { error: { message: 'cannot parse a Terraform expression as a value' } });
    return send(res, 200, { resource: {} });
  }
  send(res, 404, { error: { message: `not found: ${method} ${path}` } });
}

/** The v18 example of the reference (or a pre-16 body with `assist_enabled` and no `edition`). */
export function pingBody(c: FakeCluster): Record<string, unknown> {
  const listen = c.webListenAddr ?? (c.tlsRouting ? '0.0.0.0:443' : '0.0.0.0:3080');
  const ssh: Record<string, unknown> = c.tlsRouting
    ? { listen_addr: listen, tunnel_listen_addr: listen, web_listen_addr: listen, public_addr: c.publicAddr ?? `${c.clusterName}:443` }
    : {
        listen_addr: '0.0.0.0:3023',
        tunnel_listen_addr: '0.0.0.0:3024',
        web_listen_addr: listen,
        public_addr: c.publicAddr ?? `${c.clusterName}:3080`,
        ssh_tunnel_public_addr: c.tunnelPublicAddr ?? `${c.clusterName}:3024`,
      };
  if (c.old) {
    return {
      auth: {
        type: 'local',
        second_factor: 'otp',
        local: { name: '' },
        private_key_policy: 'none',
        piv_slot: '',
        device_trust_disabled: true,
        has_motd: false,
      },
      proxy: { kube: {}, ssh, db: {}, tls_routing_enabled: c.tlsRouting, assist_enabled: false },
      server_version: c.version,
      min_client_version: '14.0.0',
      cluster_name: c.clusterName,
      automatic_upgrades: false,
    };
  }
  return {
    auth: {
      type: 'local',
      second_factor: 'on',
      preferred_local_mfa: 'webauthn',
      local: { name: '' },
      private_key_policy: 'none',
      piv_slot: '',
      piv_pin_cache_duration: 0,
      device_trust: {},
      has_motd: false,
      default_session_ttl: '12h0m0s',
      signature_algorithm_suite: 'balanced-v1',
    },
    proxy: { kube: { enabled: true, listen_addr: listen }, ssh: { ...ssh, dial_timeout: 30000000000 }, db: {}, tls_routing_enabled: c.tlsRouting },
    server_version: c.version,
    min_client_version: `${Number(c.version.split('.')[0]) - 1}.0.0-aa`,
    auto_update: {
      tools_version: c.version,
      tools_auto_update: false,
      agent_version: c.version,
      agent_auto_update: false,
      agent_update_jitter_seconds: 60,
    },
    cluster_name: c.clusterName,
    automatic_upgrades: false,
    edition: c.edition ?? 'ent',
    fips: false,
  };
}

function send(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  sendRaw(res, status, JSON.stringify(body), headers);
}

function sendRaw(res: http.ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(text);
}

export const SESSION_SECRETS = [BEARER, COOKIE];
