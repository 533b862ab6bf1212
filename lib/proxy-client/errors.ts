/**
 * What went wrong talking to a cluster; every kind maps to exit 2 in the CLI. `plain-http`: the port
 * answered without TLS; `proxy`: the HTTPS_PROXY proxy would not open a tunnel (407, another status,
 * closed, unreachable); `deadline`: the run's overall deadline passed (lib/common/deadline.ts).
 */
export type ProxyClientErrorKind =
  'unreachable' | 'tls' | 'plain-http' | 'proxy' | 'timeout' | 'deadline' | 'http' | 'malformed' | 'too-large' | 'redirect' | 'not-allowed' | 'login';

/** A failed request, with a one-line message that names the cluster and never holds a secret. */
export class ProxyClientError extends Error {
  constructor(
    public readonly kind: ProxyClientErrorKind,
    public readonly address: string,
    message: string,
    public readonly status?: number,
  ) {
    super(`${address}: ${message}`);
  }
}
