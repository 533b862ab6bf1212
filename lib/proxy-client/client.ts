// A thin, read-only client of a Teleport proxy's web API (undici). The address must be a plain
// host:port; every request is checked against the allow-list, here and again at the dispatch point
// (transport.ts); TLS is always verified (CA files replace the system roots; `insecure` only when
// asked); HTTPS_PROXY/NO_PROXY are honoured; redirects are never followed; bodies are capped;
// idempotent GETs are retried with backoff on 429, 5xx and resets, bounded in count and in time
// (never past the run's deadline, whatever Retry-After says); the login POST is never retried.
// Every request ends within its own timeout and the run's deadline, which also closes the
// dispatcher. Failures are named for what happened (failure.ts); server text quoted in an error is
// masked and capped (serverText, lib/report/sanitize.ts).
import { Dispatcher, request } from 'undici';
import { Deadline, abortable } from '../common/deadline';
import { parseHostPort, sameAddress } from '../common/host-port';
import { registerSecret } from '../report/redact';
import { isAllowed } from './allow-list';
import { ProxyClientError } from './errors';
import { describeFailure } from './failure';
import { PingInfo, normalizePing, pingProblem } from './ping';
import { MAX_RETRY_WAIT_MS, retryAfterMs, retryWait } from './retry';
import { serverText } from '../report/sanitize';
import { createDispatcher } from './transport';

export interface ProxyClientOptions {
  /** The proxy's web address, `host:port` (nothing else is accepted). */
  readonly address: string;
  /** A PEM file of CAs that replaces the system roots for this cluster. */
  readonly caFile?: string;
  /** More such files; all of them (with `caFile`) are trusted together. */
  readonly caFiles?: readonly string[];
  /** Skip TLS verification (test clusters only; the CLI warns loudly). */
  readonly insecure?: boolean;
  /** With `insecure`: allow `login` to send a password and OTP to a server whose certificate was not verified. @default false */
  readonly sendCredentialsInsecurely?: boolean;
  readonly connectTimeoutMs?: number;
  readonly requestTimeoutMs?: number;
  /** Responses larger than this are refused. @default 4 MiB */
  readonly maxResponseBytes?: number;
  /** Retries of idempotent requests. @default 3 */
  readonly retries?: number;
  /** Base of the exponential backoff. @default 200 ms */
  readonly backoffMs?: number;
  /** Where HTTPS_PROXY and NO_PROXY are read. @default process.env */
  readonly env?: NodeJS.ProcessEnv;
  /** The run's deadline, shared by every client of the run: when it passes, this client stops and closes. @default none */
  readonly deadline?: Deadline;
}

/** A provision token as the root lists it; `id` is the secret token value. */
export interface JoinTokenInfo {
  readonly id: string;
  readonly roles: string[];
  readonly expiry?: string;
}

interface Session {
  readonly bearer: string;
  readonly cookie: string;
}

export class ProxyClient {
  private readonly dispatcher: Dispatcher;
  private readonly deadline: Deadline;
  private readonly stopAtDeadline: () => void;
  private session?: Session;

  constructor(private readonly options: ProxyClientOptions) {
    if (!parseHostPort(options.address)) {
      throw new ProxyClientError(
        'not-allowed',
        String(options.address),
        'is not host:port (no scheme, path, query or user allowed); nothing is sent to it.',
      );
    }
    this.dispatcher = createDispatcher({
      address: options.address,
      caFiles: [...(options.caFile ? [options.caFile] : []), ...(options.caFiles ?? [])],
      insecure: options.insecure === true,
      connectTimeoutMs: options.connectTimeoutMs ?? 10_000,
      requestTimeoutMs: options.requestTimeoutMs ?? 30_000,
      env: options.env ?? process.env,
    });
    this.deadline = options.deadline ?? Deadline.none();
    this.stopAtDeadline = this.deadline.onExpire(() => void this.dispatcher.destroy().catch(() => undefined));
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
    return this.names('/webapi/presetroles', r.json);
  }

  /** Creates a web session for a local user (password and, when required, a TOTP code). Never retried; never sent unverified unless allowed. */
  public async login(user: string, password: string, otp?: string): Promise<void> {
    registerSecret(password);
    registerSecret(otp);
    if (this.options.insecure && !this.options.sendCredentialsInsecurely) {
      throw new ProxyClientError(
        'not-allowed',
        this.address,
        'refusing to send a password to a server whose certificate was not verified (insecure); nothing was sent.',
      );
    }
    const r = await this.call('POST', '/webapi/sessions/web', {
      body: { user, pass: password, second_factor_token: otp ?? '' },
      retry: false,
      allowStatus: [400, 401, 403],
    });
    if (r.status !== 200) {
      throw new ProxyClientError(
        'login',
        this.address,
        `login as ${serverText(user)} failed (HTTP ${r.status}): ${errorMessage(r.json) ?? 'access denied'}. Only local users with a password (and TOTP, if required) can log in here.`,
        r.status,
      );
    }
    const bearer = String((r.json as any)?.token ?? '');
    const cookie = (r.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]).join('; ');
    registerSecret(bearer);
    for (const c of r.headers['set-cookie'] ?? []) registerSecret(c.split(';')[0].split('=').slice(1).join('='));
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
    return this.names('/webapi/roles', r.json);
  }

  /** Provision tokens (`GET /webapi/tokens`); every token value is registered as a secret first. */
  public async tokens(): Promise<JoinTokenInfo[]> {
    const r = await this.call('GET', '/webapi/tokens', { authenticated: true });
    const items = this.items('/webapi/tokens', r.json);
    for (const t of items) registerSecret(t?.id);
    if (!items.every((t) => typeof t?.id === 'string' && t.id !== '')) throw this.malformed('/webapi/tokens', 'a token has no id');
    return items.map((t) => ({
      id: t.id,
      roles: Array.isArray(t.roles) ? t.roles.map(String) : [],
      expiry: typeof t.expiry === 'string' ? t.expiry : undefined,
    }));
  }

  /** Trusted cluster names (`GET /webapi/trustedcluster`); the YAML's spec.token is registered as a secret. */
  public async trustedClusters(): Promise<string[]> {
    const r = await this.call('GET', '/webapi/trustedcluster', { authenticated: true });
    const items = this.items('/webapi/trustedcluster', r.json);
    // The resource YAML holds the join token in spec.token: make sure it can never print.
    for (const i of items) for (const m of String(i?.content ?? '').matchAll(/^\s*token:\s*["']?([^"'\s]+)/gm)) registerSecret(m[1]);
    return this.names('/webapi/trustedcluster', items);
  }

  /** The local cluster and its remote (leaf) clusters (`GET /webapi/sites`). */
  public async sites(): Promise<{ name: string; status?: string }[]> {
    const r = await this.call('GET', '/webapi/sites', { authenticated: true });
    const names = this.names('/webapi/sites', r.json);
    return this.items('/webapi/sites', r.json).map((s, i) => ({ name: names[i], status: typeof s.status === 'string' ? s.status : undefined }));
  }

  /** The server's own parse of a role or token (`POST /webapi/yaml/parse/<kind>`; stores nothing). */
  public async parseYaml(kind: 'role' | 'token', yaml: string): Promise<{ ok: boolean; message?: string; supported: boolean }> {
    const r = await this.call('POST', `/webapi/yaml/parse/${kind}`, { authenticated: true, body: { yaml }, allowStatus: [400, 404] });
    if (r.status === 404) return { ok: true, supported: false };
    return r.status === 200 ? { ok: true, supported: true } : { ok: false, supported: true, message: errorMessage(r.json) ?? `HTTP ${r.status}` };
  }

  /** Closes every connection at once (a request still queued, e.g. behind a proxy that never opens the tunnel, is dropped). */
  public async close(): Promise<void> {
    this.stopAtDeadline();
    await this.dispatcher.destroy().catch(() => undefined);
  }

  private async pingLike(path: string): Promise<PingInfo> {
    const r = await this.call('GET', path);
    const info = normalizePing(r.json);
    if (!info) throw this.malformed(path, `${pingProblem(r.json)}: is this a Teleport proxy?`);
    return info;
  }

  /** The list in an answer: a JSON array, or `{items: [...]}`; anything else is a malformed answer. */
  private items(path: string, json: unknown): any[] {
    if (Array.isArray(json)) return json;
    const items = (json as { items?: unknown } | null)?.items;
    if (Array.isArray(items)) return items;
    throw this.malformed(path, 'the answer is not a list');
  }

  /** The `name` of every item of a list answer; an item without a name is a malformed answer. */
  private names(path: string, json: unknown): string[] {
    const items = this.items(path, json);
    if (!items.every((i) => typeof i?.name === 'string' && i.name !== '')) throw this.malformed(path, 'an item has no name');
    return items.map((i) => i.name as string);
  }

  private malformed(path: string, why: string): ProxyClientError {
    return new ProxyClientError('malformed', this.address, `${path} gave a malformed answer (${why}).`);
  }

  private async call(
    method: 'GET' | 'POST' | 'DELETE',
    path: string,
    opts: { body?: unknown; authenticated?: boolean; retry?: boolean; allowStatus?: number[] } = {},
  ): Promise<{ status: number; json: unknown; headers: Record<string, string[]> }> {
    if (!isAllowed(method, path))
      throw new ProxyClientError('not-allowed', this.address, `${method} ${path} is not on the validator's allow-list; it is never sent.`);
    if (opts.authenticated && !this.session) throw new ProxyClientError('login', this.address, `${path} needs a web session; log in first.`);
    const retries = opts.retry === false || method !== 'GET' ? 0 : (this.options.retries ?? 3);
    for (let attempt = 0; ; attempt++) {
      let wait: number | undefined;
      try {
        if (this.deadline.expired) throw this.deadline.signal.reason;
        const r = await this.once(method, path, opts);
        wait =
          (r.status === 429 || r.status >= 500) && attempt < retries
            ? retryWait(attempt, this.options.backoffMs ?? 200, this.deadline.remainingMs(), r.retryAfterMs)
            : undefined;
        if (r.status !== 200 && !(opts.allowStatus ?? []).includes(r.status) && wait === undefined) {
          const attempts = attempt > 0 ? ` (${attempt + 1} attempts)` : '';
          const detail = errorMessage(r.json);
          const notWaited =
            r.retryAfterMs !== undefined && attempt < retries
              ? `; it asked to retry after ${Math.ceil(r.retryAfterMs / 1000)} s, longer than validate waits (at most ${MAX_RETRY_WAIT_MS / 1000} s, and never past the run's deadline)`
              : '';
          throw new ProxyClientError(
            'http',
            this.address,
            `${method} ${path} answered HTTP ${r.status}${attempts}${detail ? `: ${detail}` : ''}${notWaited}.`,
            r.status,
          );
        }
        if (wait === undefined) return r;
      } catch (e) {
        const err = this.failure(e, method, path);
        const reset = err.kind === 'unreachable' && /ECONNRESET|socket|closed/i.test(String((e as any)?.code ?? (e as Error).message));
        wait = reset && attempt < retries ? retryWait(attempt, this.options.backoffMs ?? 200, this.deadline.remainingMs()) : undefined;
        if (wait === undefined) throw err;
      }
      await this.deadline.sleep(wait).catch((e) => {
        throw this.failure(e, method, path);
      });
    }
  }

  /** One attempt, ended by its own timeout or the run's deadline, whichever comes first. */
  private async once(method: string, path: string, opts: { body?: unknown; authenticated?: boolean }) {
    const { signal, done } = this.deadline.within(this.options.requestTimeoutMs ?? 30_000);
    try {
      return await abortable(this.send(method, path, opts, signal), signal);
    } finally {
      done();
    }
  }

  private async send(method: string, path: string, opts: { body?: unknown; authenticated?: boolean }, signal: AbortSignal) {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (opts.body !== undefined) headers['content-type'] = 'application/json';
    if (opts.authenticated && this.session) {
      headers.authorization = `Bearer ${this.session.bearer}`;
      headers.cookie = this.session.cookie;
    }
    const res = await request(new URL(path, `https://${this.address}`), {
      method: method as Dispatcher.HttpMethod,
      headers,
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
      dispatcher: this.dispatcher,
      signal,
    });
    const responseHeaders = Object.fromEntries(
      Object.entries(res.headers).map(([k, v]) => [k, Array.isArray(v) ? v : v === undefined ? [] : [String(v)]]),
    );
    if (res.statusCode >= 300 && res.statusCode < 400) {
      await res.body.dump();
      throw new ProxyClientError(
        'redirect',
        this.address,
        `${path} redirects ${this.redirectTarget(responseHeaders.location?.[0] ?? '')}; redirects are not followed. Point the address at the proxy itself.`,
        res.statusCode,
      );
    }
    const text = await readCapped(res.body, this.options.maxResponseBytes ?? 4 << 20, this.address, path);
    let json: unknown = undefined;
    if (text.length) {
      try {
        json = JSON.parse(text);
      } catch {
        if (res.statusCode === 200)
          throw new ProxyClientError('malformed', this.address, `${path} answered with something that is not JSON (${text.length} bytes).`);
      }
    }
    return { status: res.statusCode, json, headers: responseHeaders, retryAfterMs: retryAfterMs(responseHeaders['retry-after']?.[0]) };
  }

  /** Where a redirect points, said without calling the same host "another host". */
  private redirectTarget(location: string): string {
    let url: URL;
    try {
      url = new URL(location, `https://${this.address}`);
    } catch {
      return 'to an address that is not a URL';
    }
    const port = url.port || (url.protocol === 'http:' ? '80' : '443');
    if (sameAddress(`${url.hostname}:${port}`, this.address)) {
      return url.protocol === 'https:'
        ? `to another path on the same host (${serverText(url.pathname)})`
        : `to plain ${url.protocol.replace(':', '')} on the same host`;
    }
    return `to another host (${serverText(url.host)})`;
  }

  private failure(e: unknown, method: string, path: string): ProxyClientError {
    const env = this.options.env ?? process.env;
    return describeFailure(e, {
      address: this.address,
      method,
      path,
      deadline: this.deadline,
      viaProxy: Boolean(env.https_proxy || env.HTTPS_PROXY),
    });
  }
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

function errorMessage(json: unknown): string | undefined {
  const m = (json as { error?: { message?: unknown }; message?: unknown })?.error?.message ?? (json as { message?: unknown })?.message;
  return typeof m === 'string' ? serverText(m) : undefined;
}
