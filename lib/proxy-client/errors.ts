/** What went wrong talking to a cluster; every kind maps to exit 2 in the CLI. */
export type ProxyClientErrorKind = 'unreachable' | 'tls' | 'timeout' | 'http' | 'malformed' | 'too-large' | 'redirect' | 'not-allowed' | 'login';

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
