// A thin, read-only client of a Teleport proxy's web API (undici). Every request is checked against
// the allow-list; TLS is always verified (a CA file adds trust; `insecure` only when asked);
// HTTPS_PROXY/NO_PROXY are honoured; redirects are never followed; bodies are capped; idempotent
// GETs are retried with backoff on 429, 5xx and resets; the login POST is never retried.
import * as fs from 'fs';
import * as tls from 'tls';
import { Agent, Dispatcher, EnvHttpProxyAgent, request } from 'undici';
import { redact, registerSecret } from '../report/redact';
import { isAllowed } from './allow-list';
import { ProxyClientError } from './errors';
import { PingInfo, normalizePing } from './ping';

export interface ProxyClientOptions {
  /** The proxy's web address, `host:port`. */
  readonly address: string;
  /** A PEM file of CAs to trust in addition to the system's. */
  readonly caFile?: string;
  /** Skip TLS verification (test clusters only; the CLI warns loudly). */
  readonly insecure?: boolean;
  readonly connectTimeoutMs?: number;
  readonly requestTimeoutMs?: number;
  /** Responses larger than this are refused. @default 4 MiB */
  readonly maxResponseBytes?: number;
  /** Retries of idempotent requests. @default 3 */
  readonly retries?: number;
  /** Base of the exponential backoff. @default 200 ms */
  readonly backoffMs?: number;
}

interface Session {
  readonly bearer: string;
  readonly cookie: string;
}

const TLS_CODES = /^(UNABLE_TO_|SELF_SIGNED|DEPTH_ZERO|CERT_|ERR_TLS|ERR_SSL|HOSTNAME_MISMATCH)/;

export class ProxyClient {
  private readonly dispatcher: Dispatcher;
  private session?: Session;

  constructor(private readonly options: ProxyClientOptions) {
    const connect = {
      // A CA file replaces the system roots for this cluster (as curl --cacert does); one TLS
      // context per file, shared by every client (building one per connection costs ~10 ms of CPU).
      secureContext: options.caFile ? secureContextFor(options.address, options.caFile) : undefined,
      rejectUnauthorized: options.insecure !== true,
      timeout: options.connectTimeoutMs ?? 10_000,
    };
    const timeouts = { headersTimeout: options.requestTimeoutMs ?? 30_000, bodyTimeout: options.requestTimeoutMs ?? 30_000 };
    const proxied = process.env.HTTPS_PROXY ?? process.env.https_proxy;
    this.dispatcher = proxied ? new EnvHttpProxyAgent({ connect, ...timeouts }) : new Agent({ connect, ...timeouts });
  }

  public get address(): string {
    return this.options.address;
  }

  /** `GET /webapi/find`: no credentials, served from the proxy's cache. */
  public async find(): Promise<PingInfo> {
    return this.pingLike('/webapi/find');
  }

  /** `GET /webapi/ping`: no credentials; needs the Auth Service reachable. */
  public async ping(): Promise<PingInfo> {
    return this.pingLike('/webapi/ping');
  }

  /** Preset role names (`GET /webapi/presetroles`), or undefined on versions without the endpoint. */
  public async presetRoles(): Promise<string[] | undefined> {
    const r = await this.call('GET', '/webapi/presetroles', { allowStatus: [404] });
    if (r.status === 404) return undefined;
    return itemsOf(r.json).map((i: any) => String(i.name));
  }

  /** Creates a web session for a local user (password and, when required, a TOTP code). Never retried. */
  public async login(user: string, password: string, otp?: string): Promise<void> {
    registerSecret(password);
    registerSecret(otp);
    const r = await this.call('POST', '/webapi/sessions/web', { body: { user, pass: password, second_factor_token: otp ?? '' }, retry: false, allowStatus: [400, 401, 403] });
    if (r.status !== 200) {
      throw new ProxyClientError('login', this.address, `login as ${user} failed (HTTP ${r.status}): ${errorMessage(r.json) ?? 'access denied'}. Only local users with a password (and TOTP, if required) can log in here.`, r.status);
    }
    const bearer = String((r.json as any)?.token ?? '');
    const cookie = (r.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]).join('; ');
    registerSecret(bearer);
    for (const c of (r.headers['set-cookie'] ?? [])) registerSecret(c.split(';')[0].split('=').slice(1).join('='));
    if (!bearer) throw new ProxyClientError('malformed', this.address, 'the login answer has no bearer token.');
    this.session = { bearer, cookie };
  }

  public async logout(): Promise<void> {
    if (!this.session) return;
    await this.call('DELETE', '/webapi/sessions/web', { authenticated: true, retry: false, allowStatus: [401, 403, 404] }).catch(() => undefined);
    this.session = undefined;
  }

  /** Role names (`GET /webapi/roles`). */
  public async roles(): Promise<string[]> {
    const r = await this.call('GET', '/webapi/roles', { authenticated: true });
    return itemsOf(r.json).map((i: any) => String(i.name));
  }

  /** Provision tokens (`GET /webapi/tokens`); every token value is registered as a secret first. */
  public async tokens(): Promise<{ id: string; roles: string[]; expiry?: string }[]> {
    const r = await this.call('GET', '/webapi/tokens', { authenticated: true });
    return itemsOf(r.json).map((t: any) => {
      registerSecret(t.id);
      return { id: String(t.id), roles: Array.isArray(t.roles) ? t.roles.map(String) : [], expiry: typeof t.expiry === 'string' ? t.expiry : undefined };
    });
  }

  /** Trusted cluster names (`GET /webapi/trustedcluster`); the YAML's spec.token is registered as a secret. */
  public async trustedClusters(): Promise<string[]> {
    const r = await this.call('GET', '/webapi/trustedcluster', { authenticated: true });
    return itemsOf(r.json).map((i: any) => {
      // The resource YAML holds the join token in spec.token: make sure it can never print.
      for (const m of String(i.content ?? '').matchAll(/^\s*token:\s*["']?([^"'\s]+)/gm)) registerSecret(m[1]);
      return String(i.name);
    });
  }

  /** The local cluster and its remote (leaf) clusters (`GET /webapi/sites`). */
  public async sites(): Promise<{ name: string; status?: string }[]> {
    const r = await this.call('GET', '/webapi/sites', { authenticated: true });
    return itemsOf(r.json).map((s: any) => ({ name: String(s.name), status: typeof s.status === 'string' ? s.status : undefined }));
  }

  /** The server's own parse of a role or token (`POST /webapi/yaml/parse/<kind>`; stores nothing). */
  public async parseYaml(kind: 'role' | 'token', yaml: string): Promise<{ ok: boolean; message?: string; supported: boolean }> {
    const r = await this.call('POST', `/webapi/yaml/parse/${kind}`, { authenticated: true, body: { yaml }, allowStatus: [400, 404] });
    if (r.status === 404) return { ok: true, supported: false };
    return r.status === 200 ? { ok: true, supported: true } : { ok: false, supported: true, message: errorMessage(r.json) ?? `HTTP ${r.status}` };
  }

  public async close(): Promise<void> {
    await this.dispatcher.close();
  }

  private async pingLike(path: string): Promise<PingInfo> {
    const r = await this.call('GET', path);
    const info = normalizePing(r.json);
    if (!info) throw new ProxyClientError('malformed', this.address, `${path} answered without cluster_name and server_version: is this a Teleport proxy?`);
    return info;
  }

  private async call(
    method: 'GET' | 'POST' | 'DELETE',
    path: string,
    opts: { body?: unknown; authenticated?: boolean; retry?: boolean; allowStatus?: number[] } = {},
  ): Promise<{ status: number; json: unknown; headers: Record<string, string[]> }> {
    if (!isAllowed(method, path)) throw new ProxyClientError('not-allowed', this.address, `${method} ${path} is not on the validator's allow-list; it is never sent.`);
    if (opts.authenticated && !this.session) throw new ProxyClientError('login', this.address, `${path} needs a web session; log in first.`);
    const retries = opts.retry === false || method !== 'GET' ? 0 : this.options.retries ?? 3;
    for (let attempt = 0; ; attempt++) {
      try {
        const r = await this.once(method, path, opts);
        if ((r.status === 429 || r.status >= 500) && attempt < retries) {
          await sleep(this.backoff(attempt, r.retryAfter));
          continue;
        }
        if (r.status !== 200 && !(opts.allowStatus ?? []).includes(r.status)) {
          throw new ProxyClientError('http', this.address, `${method} ${path} answered HTTP ${r.status}${errorMessage(r.json) ? `: ${errorMessage(r.json)}` : ''}.`, r.status);
        }
        return r;
      } catch (e) {
        const err = this.classify(e, path);
        if (err.kind === 'unreachable' && /ECONNRESET|socket|closed/i.test(String((e as any)?.code ?? (e as Error).message)) && attempt < retries) {
          await sleep(this.backoff(attempt));
          continue;
        }
        throw err;
      }
    }
  }

  private async once(method: string, path: string, opts: { body?: unknown; authenticated?: boolean }) {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (opts.body !== undefined) headers['content-type'] = 'application/json';
    if (opts.authenticated && this.session) {
      headers.authorization = `Bearer ${this.session.bearer}`;
      headers.cookie = this.session.cookie;
    }
    const res = await request(`https://${this.address}${path}`, {
      method: method as Dispatcher.HttpMethod,
      headers,
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
      dispatcher: this.dispatcher,
      signal: AbortSignal.timeout(this.options.requestTimeoutMs ?? 30_000),
    });
    const responseHeaders = Object.fromEntries(Object.entries(res.headers).map(([k, v]) => [k, Array.isArray(v) ? v : v === undefined ? [] : [String(v)]]));
    if (res.statusCode >= 300 && res.statusCode < 400) {
      await res.body.dump();
      const location = responseHeaders.location?.[0] ?? '';
      let target = location;
      try {
        target = new URL(location, `https://${this.address}`).host;
      } catch {
        // keep the raw value
      }
      throw new ProxyClientError('redirect', this.address, `${path} redirects to ${target === this.address ? 'another path' : `another host (${target})`}; redirects are not followed. Point the address at the proxy itself.`, res.statusCode);
    }
    const text = await readCapped(res.body, this.options.maxResponseBytes ?? 4 << 20, this.address, path);
    let json: unknown = undefined;
    if (text.length) {
      try {
        json = JSON.parse(text);
      } catch {
        if (res.statusCode === 200) throw new ProxyClientError('malformed', this.address, `${path} answered with something that is not JSON (${text.length} bytes).`);
      }
    }
    const retryAfter = Number(responseHeaders['retry-after']?.[0]);
    return { status: res.statusCode, json, headers: responseHeaders, retryAfter: Number.isFinite(retryAfter) ? retryAfter : undefined };
  }

  private backoff(attempt: number, retryAfterSeconds?: number): number {
    const base = this.options.backoffMs ?? 200;
    const exp = base * 2 ** attempt;
    const wait = retryAfterSeconds !== undefined ? Math.min(retryAfterSeconds * 1000, 5000) : exp;
    return wait + Math.random() * base;
  }

  private classify(e: unknown, path: string): ProxyClientError {
    if (e instanceof ProxyClientError) return e;
    const err = e as Error & { code?: string; cause?: { code?: string; message?: string } };
    const code = err.code ?? err.cause?.code ?? '';
    const text = redact(err.cause?.message ?? err.message ?? String(e));
    if (err.name === 'TimeoutError' || err.name === 'AbortError' || /TIMEOUT/.test(code)) {
      return new ProxyClientError('timeout', this.address, `${path} did not answer in time (${text}). Check the address and the network, or raise --timeout.`);
    }
    if (TLS_CODES.test(code) || /certificate|TLS|SSL/i.test(text)) {
      return new ProxyClientError('tls', this.address, `TLS verification failed (${code || text}). Give the cluster's CA with --ca-file, or check the address.`);
    }
    return new ProxyClientError('unreachable', this.address, `cannot connect (${code || text}). Check the address and port, and that the proxy is reachable from here.`);
  }
}

const contexts = new Map<string, tls.SecureContext>();

function secureContextFor(address: string, file: string): tls.SecureContext {
  let context = contexts.get(file);
  if (!context) {
    let pem: string;
    try {
      pem = fs.readFileSync(file, 'utf8');
    } catch (e) {
      throw new ProxyClientError('tls', address, `cannot read CA file ${file} (${(e as NodeJS.ErrnoException).code ?? 'error'}).`);
    }
    context = tls.createSecureContext({ ca: pem });
    contexts.set(file, context);
  }
  return context;
}

async function readCapped(body: AsyncIterable<Buffer> & { destroy(): void }, max: number, address: string, path: string): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.length;
    if (size > max) {
      body.destroy();
      throw new ProxyClientError('too-large', address, `${path} answered with more than ${max} bytes; refusing to read it.`);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function itemsOf(json: unknown): any[] {
  if (Array.isArray(json)) return json;
  const items = (json as { items?: unknown })?.items;
  return Array.isArray(items) ? items : [];
}

function errorMessage(json: unknown): string | undefined {
  const m = (json as { error?: { message?: unknown }; message?: unknown })?.error?.message ?? (json as { message?: unknown })?.message;
  return typeof m === 'string' ? redact(m) : undefined;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
