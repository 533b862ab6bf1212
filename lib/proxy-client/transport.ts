// The undici dispatcher of one cluster: verified TLS (CA files replace the system roots; `insecure`
// only when asked), connect and request timeouts, HTTPS_PROXY/NO_PROXY, and the allow-list guard at
// the dispatch point. Through a proxy, undici ignores `connect` for the origin: the TLS options of
// the cluster go in `requestTls` (and the connect timeout in `proxyTls` for the proxy itself); the
// CONNECT to the proxy gets the request timeouts through its own pool (else a proxy that accepts
// and never answers hangs the request: undici does not abort a queued CONNECT).
//
// Every failure of the CONNECT itself (the proxy closes the socket, answers 407 or another status,
// times out, cannot be reached) becomes one ProxyTunnelError. That names what happened, and it
// fails the request at once: undici 7 treats a socket error while connecting as recoverable and
// reconnects without end (~1,400 CONNECTs a second against a proxy that closes on CONNECT).
import { Agent, Dispatcher, EnvHttpProxyAgent, Pool } from 'undici';
import { caContext } from './ca-files';
import { allowListGuard } from './dispatch-guard';
import { ProxyClientError } from './errors';

export interface TransportOptions {
  readonly address: string;
  readonly caFiles: readonly string[];
  readonly insecure: boolean;
  readonly connectTimeoutMs: number;
  readonly requestTimeoutMs: number;
  /** Where HTTPS_PROXY and NO_PROXY (either case) are read. */
  readonly env: NodeJS.ProcessEnv;
}

/** The HTTPS proxy did not open the tunnel: `status` is its answer to CONNECT, `cause` what failed before one. */
export class ProxyTunnelError extends Error {
  /** Not a code undici retries on (UND_ERR_SOCKET is): the queued request fails with this error. */
  public readonly code = 'UND_ERR_PROXY_TUNNEL';
  constructor(
    public readonly status?: number,
    public readonly cause?: Error & { code?: string },
  ) {
    super(
      status !== undefined
        ? `the proxy answered CONNECT with HTTP ${status}`
        : `the CONNECT to the proxy failed (${cause?.code ?? cause?.message ?? 'error'})`,
    );
    this.name = 'ProxyTunnelError';
  }
}

/** The pool to the HTTPS proxy: its CONNECTs either open a tunnel (HTTP 200) or fail with a ProxyTunnelError. */
class TunnelPool extends Pool {
  public override connect(options: any, callback?: any): any {
    if (callback) return super.connect(options, callback);
    return super.connect(options).then(
      (data) => {
        if (data.statusCode === 200) return data;
        data.socket.on('error', () => undefined).destroy();
        throw new ProxyTunnelError(data.statusCode);
      },
      (e: Error) => {
        throw e instanceof ProxyTunnelError ? e : new ProxyTunnelError(undefined, e);
      },
    );
  }
}

export function createDispatcher(o: TransportOptions): Dispatcher {
  const tls = {
    secureContext: o.caFiles.length ? caContext(o.caFiles) : undefined,
    rejectUnauthorized: !o.insecure,
    timeout: o.connectTimeoutMs,
  };
  const timeouts = { headersTimeout: o.requestTimeoutMs, bodyTimeout: o.requestTimeoutMs };
  const httpsProxy = o.env.https_proxy || o.env.HTTPS_PROXY;
  let base: Dispatcher;
  if (httpsProxy) {
    try {
      new URL(httpsProxy);
    } catch {
      // Never quote the value: a proxy URL may hold a user and password.
      throw new ProxyClientError('proxy', o.address, 'HTTPS_PROXY is set but is not a URL (e.g. http://proxy.internal:3128).');
    }
    const noProxy = o.env.no_proxy ?? o.env.NO_PROXY ?? '';
    base = new EnvHttpProxyAgent({
      httpsProxy,
      httpProxy: httpsProxy,
      noProxy,
      connect: tls,
      requestTls: tls,
      proxyTls: { timeout: o.connectTimeoutMs },
      clientFactory: (origin: URL, opts: Pool.Options) => new TunnelPool(origin, { ...opts, ...timeouts }),
      ...timeouts,
    });
  } else {
    base = new Agent({ connect: tls, ...timeouts });
  }
  return base.compose(allowListGuard(o.address));
}
