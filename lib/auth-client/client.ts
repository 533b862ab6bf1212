// A thin, read-only gRPC client of a Teleport Auth Service over mutual TLS (hand-written HTTP/2
// unary calls on node:http2; see docs/auth-grpc.md for why not @grpc/grpc-js). One connection per
// client, opened on the first call; every call has a per-call timeout and the client's overall
// AbortSignal. `call` is the single point every request goes through: a method off the allow-list
// is refused there before a connection is even opened (and again where the request is written).
// NOT_FOUND is an answer ("there is none"); PERMISSION_DENIED and UNIMPLEMENTED come back as
// `unavailable` reads for the checks to report; any other status is an error.
import * as http2 from 'http2';
import { parseHostPort } from '../common/host-port';
import { isAllowedMethod } from './allow-list';
import { API_DOMAIN, authRouteAlpn, dialTls, tlsError } from './dial';
import { AuthClientError, GRPC, grpcCodeName } from './errors';
import { ClientIdentity } from './identity';
import {
  METHOD,
  PingInfo,
  RemoteClusterInfo,
  TokenInfo,
  TrustedClusterInfo,
  decodePing,
  decodeRemoteCluster,
  decodeRoleNames,
  decodeToken,
  decodeTrustedCluster,
  decodeTrustedClusters,
  emptyRequest,
  listRolesRequest,
  nameRequest,
} from './messages';
import { MalformedMessage } from './protobuf';
import { plainServerText } from '../report/sanitize';
import { UnaryResult, unaryCall } from './unary';

/** How the Auth Service is reached: through a proxy's TLS routing (for `clusterName`), or directly. */
export type AuthRoute = { readonly kind: 'tls-routing'; readonly clusterName: string } | { readonly kind: 'direct' };

export interface AuthClientOptions {
  /** `host:port`: a TLS-routing proxy's web address, or an Auth Service address. */
  readonly address: string;
  readonly route: AuthRoute;
  readonly identity: ClientIdentity;
  /** Where HTTPS_PROXY and NO_PROXY are read. @default process.env */
  readonly env?: NodeJS.ProcessEnv;
  /** Each call's deadline, the connection's included. @default 10 s */
  readonly timeoutMs?: number;
  /** The overall deadline: aborting it ends every call at once. */
  readonly signal?: AbortSignal;
  /** Answers larger than this are refused. @default 4 MiB (gRPC's default receive limit) */
  readonly maxResponseBytes?: number;
}

/** A read the identity may not make, or the server does not implement: reported, not an error. */
export type Read<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: 'permission-denied' | 'unimplemented'; readonly message: string };

const LIST_PAGE = 200;
const MAX_PAGES = 500;

export class AuthClient {
  private session?: Promise<http2.ClientHttp2Session>;
  /**
   * The connection under the session, and whether it ever carried an answer: a TLS 1.3 server
   * refuses a client certificate after the client's side of the handshake is done, so the refusal
   * shows as the first call's connection ending (Go sends an alert, Node just closes).
   */
  private socket?: import('tls').TLSSocket;
  private transportError?: Error;
  private answered = false;

  constructor(private readonly o: AuthClientOptions) {
    if (!parseHostPort(o.address)) throw new AuthClientError('not-allowed', String(o.address), 'is not host:port; nothing is sent to it.');
  }

  public get address(): string {
    return this.o.address;
  }

  /** The ALPN list offered: the auth route first (Teleport reads the cluster from the first entry only), then h2. */
  public get alpn(): string[] {
    return this.o.route.kind === 'tls-routing' ? [authRouteAlpn(this.o.route.clusterName), 'h2'] : ['h2'];
  }

  /** The single point every request goes through. */
  public async call(method: string, request: Buffer): Promise<UnaryResult> {
    if (!isAllowedMethod(method))
      throw new AuthClientError('not-allowed', this.o.address, `${method} is not on the validator's allow-list; it is never sent.`);
    const timeoutMs = this.o.timeoutMs ?? 10_000;
    const signal = AbortSignal.any([AbortSignal.timeout(timeoutMs), ...(this.o.signal ? [this.o.signal] : [])]);
    let session = await this.connect(signal);
    if (session.closed || session.destroyed) {
      // the server ended an idle connection between calls
      this.session = undefined;
      session = await this.connect(signal);
    }
    try {
      const result = await unaryCall(session, method, request, {
        signal,
        timeoutMs,
        maxBytes: this.o.maxResponseBytes ?? 4 << 20,
        where: this.o.address,
      });
      this.answered = true;
      return result;
    } catch (e) {
      if (!(e instanceof AuthClientError) || e.kind !== 'unreachable' || this.answered) throw e;
      if (this.transportError) throw tlsError(this.transportError, this.o.address);
      if (this.socket?.destroyed || this.socket?.readableEnded)
        throw tlsError(Object.assign(new Error('closed'), { code: 'ECONNRESET' }), this.o.address);
      throw e;
    }
  }

  public async ping(): Promise<PingInfo> {
    const r = await this.call(METHOD.ping, emptyRequest());
    if (r.status !== GRPC.OK) throw this.statusError(r, 'the Auth Service did not accept the identity');
    return this.decode(METHOD.ping, () => decodePing(r.payload));
  }

  /** Whether each role exists (GetRole by name; ListRoles, then GetRoles, where GetRole is unimplemented). */
  public async roles(names: readonly string[]): Promise<Read<ReadonlyMap<string, boolean>>> {
    const out = new Map<string, boolean>();
    for (const name of names) {
      const r = await this.read(
        METHOD.getRole,
        nameRequest(name),
        () => true,
        () => false,
      );
      if (!r.ok) return r.reason === 'unimplemented' ? this.listedRoles(names) : r;
      out.set(name, r.value);
    }
    return { ok: true, value: out };
  }

  /** A trusted cluster by name, null when there is none (GetTrustedClusters where GetTrustedCluster is unimplemented). */
  public async trustedCluster(name: string): Promise<Read<TrustedClusterInfo | null>> {
    const r = await this.read(METHOD.getTrustedCluster, nameRequest(name), decodeTrustedCluster, () => null);
    if (r.ok || r.reason !== 'unimplemented') return r;
    const all = await this.read(METHOD.getTrustedClusters, emptyRequest(), decodeTrustedClusters);
    return all.ok ? { ok: true, value: all.value.find((t) => t.name === name) ?? null } : all;
  }

  /** A provision token by its value (a secret the caller already holds), null when there is none. */
  public token(value: string): Promise<Read<TokenInfo | null>> {
    return this.read(METHOD.getToken, nameRequest(value), decodeToken, () => null);
  }

  /** A remote cluster by name, null when there is none. */
  public remoteCluster(name: string): Promise<Read<RemoteClusterInfo | null>> {
    return this.read(METHOD.getRemoteCluster, nameRequest(name), decodeRemoteCluster, () => null);
  }

  public async close(): Promise<void> {
    const pending = this.session;
    this.session = undefined;
    const session = await pending?.catch(() => undefined);
    if (!session || session.destroyed) return;
    await new Promise<void>((resolve) => {
      session.close(() => resolve());
      setTimeout(() => {
        session.destroy();
        resolve();
      }, 1000).unref();
    });
  }

  private async listedRoles(names: readonly string[]): Promise<Read<ReadonlyMap<string, boolean>>> {
    const all = new Set<string>();
    let startKey = '';
    for (let page = 0; page < MAX_PAGES; page++) {
      const r = await this.read(METHOD.listRoles, listRolesRequest(LIST_PAGE, startKey), decodeRoleNames);
      if (!r.ok && r.reason === 'unimplemented') return this.allRoles(names);
      if (!r.ok) return r;
      r.value.names.forEach((n) => all.add(n));
      if (!r.value.nextKey || r.value.nextKey === startKey) return { ok: true, value: new Map(names.map((n) => [n, all.has(n)])) };
      startKey = r.value.nextKey;
    }
    throw new AuthClientError('malformed', this.o.address, `${METHOD.listRoles} kept answering with more pages (${MAX_PAGES}); giving up.`);
  }

  private async allRoles(names: readonly string[]): Promise<Read<ReadonlyMap<string, boolean>>> {
    const r = await this.read(METHOD.getRoles, emptyRequest(), decodeRoleNames);
    return r.ok ? { ok: true, value: new Map(names.map((n) => [n, r.value.names.includes(n)])) } : r;
  }

  private async read<T>(method: string, request: Buffer, decode: (payload: Buffer) => T, notFound?: () => T): Promise<Read<T>> {
    const r = await this.call(method, request);
    if (r.status === GRPC.OK) return { ok: true, value: this.decode(method, () => decode(r.payload)) };
    if (r.status === GRPC.NOT_FOUND && notFound) return { ok: true, value: notFound() };
    if (r.status === GRPC.PERMISSION_DENIED) return { ok: false, reason: 'permission-denied', message: plainServerText(r.message) };
    if (r.status === GRPC.UNIMPLEMENTED) return { ok: false, reason: 'unimplemented', message: plainServerText(r.message) };
    throw this.statusError(r, `${method} failed`);
  }

  private decode<T>(method: string, f: () => T): T {
    try {
      return f();
    } catch (e) {
      if (e instanceof MalformedMessage)
        throw new AuthClientError('malformed', this.o.address, `${method} answered with a message that does not parse (${e.message}).`);
      throw e;
    }
  }

  private statusError(r: UnaryResult, what: string): AuthClientError {
    return new AuthClientError(
      'grpc',
      this.o.address,
      `${what}: ${grpcCodeName(r.status)}${r.message ? ` (${plainServerText(r.message)})` : ''}.`,
      r.status,
    );
  }

  private connect(signal: AbortSignal): Promise<http2.ClientHttp2Session> {
    if (!this.session) {
      const hp = parseHostPort(this.o.address)!;
      this.session = dialTls({
        host: hp.host,
        port: hp.port,
        alpn: this.alpn,
        identity: this.o.identity,
        env: this.o.env ?? process.env,
        signal,
        where: this.o.address,
      }).then((socket) => {
        this.socket = socket;
        socket.on('error', (e) => (this.transportError = e));
        const session = http2.connect(`https://${API_DOMAIN}`, { createConnection: () => socket });
        session.on('error', () => undefined); // each stream reports its own failure
        return session;
      });
      this.session.catch(() => (this.session = undefined));
    }
    return this.session;
  }
}
