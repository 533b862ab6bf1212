// What went wrong, named for what happened: the run's deadline, an HTTPS proxy that opened no
// tunnel (407 is "proxy authentication required", not a timeout), a timeout, a plain HTTP server on
// the port (not a "TLS verification failure"), TLS, a reset, or no connection at all.
import { Deadline, DeadlineExceededError, RequestTimeoutError } from '../common/deadline';
import { ProxyClientError } from './errors';
import { serverText } from '../report/sanitize';
import { ProxyTunnelError } from './transport';

/** Where the failure happened: the cluster, the request, the run's deadline, whether HTTPS_PROXY is set. */
export interface FailureContext {
  readonly address: string;
  readonly method: string;
  readonly path: string;
  readonly deadline: Deadline;
  readonly viaProxy: boolean;
}

const TLS_CODES = /^(UNABLE_TO_|SELF_SIGNED|DEPTH_ZERO|CERT_|ERR_TLS|ERR_SSL|HOSTNAME_MISMATCH)/;
/** What OpenSSL says when the other side answers a ClientHello in plain text (an HTTP server). */
const PLAIN_TEXT_CODES = /^ERR_SSL_(WRONG_VERSION_NUMBER|PACKET_LENGTH_TOO_LONG|HTTP_REQUEST)$/;
const PLAIN_TEXT_MESSAGES = /wrong version number|packet length too long/i;

/** One ProxyClientError for whatever a request threw. */
export function describeFailure(e: unknown, c: FailureContext): ProxyClientError {
  if (e instanceof ProxyClientError) return e;
  if (e instanceof DeadlineExceededError || c.deadline.expired) {
    const reason = c.deadline.signal.reason instanceof Error ? c.deadline.signal.reason.message : "the run's deadline passed";
    return new ProxyClientError(
      'deadline',
      c.address,
      `${c.method} ${c.path} was stopped: ${reason}. Check the network${c.viaProxy ? ' and the HTTPS proxy' : ''}, or raise --timeout.`,
    );
  }
  if (e instanceof ProxyTunnelError) return tunnelFailure(e, c);
  const err = e as Error & { code?: string; cause?: { code?: string; message?: string } };
  const code = err.code ?? err.cause?.code ?? '';
  const text = serverText(err.cause?.message ?? err.message ?? String(e));
  if (e instanceof RequestTimeoutError || err.name === 'TimeoutError' || /TIMEOUT/.test(code)) {
    return new ProxyClientError(
      'timeout',
      c.address,
      `${c.path} did not answer in time (${text}). Check the address and the network, or raise --timeout.`,
    );
  }
  if (PLAIN_TEXT_CODES.test(code) || PLAIN_TEXT_MESSAGES.test(text)) {
    return new ProxyClientError(
      'plain-http',
      c.address,
      `the server on this port answered in plain HTTP, not TLS (${code || text}): it is not a Teleport proxy's HTTPS web address. Give the proxy's web address (e.g. :443, or :3080 without TLS routing).`,
    );
  }
  if (TLS_CODES.test(code) || /certificate|TLS|SSL/i.test(text)) {
    return new ProxyClientError(
      'tls',
      c.address,
      `TLS verification failed (${code || text}). Give the cluster's CA with --ca-file, or check the address.`,
    );
  }
  if (/ECONNRESET|UND_ERR_SOCKET|EPIPE/.test(code) || /other side closed|socket hang up/i.test(text)) {
    return new ProxyClientError(
      'unreachable',
      c.address,
      `the connection was closed before an answer to ${c.path} (${code || 'reset'}). Check that the address is the proxy's web port.`,
    );
  }
  return new ProxyClientError(
    'unreachable',
    c.address,
    `cannot connect (${code || text}). Check the address and port, and that the proxy is reachable from here.`,
  );
}

/** Why the HTTPS proxy opened no tunnel (its URL is never quoted: it may hold a password). */
function tunnelFailure(e: ProxyTunnelError, c: FailureContext): ProxyClientError {
  const asked = `when asked to CONNECT to ${c.address} (for ${c.path})`;
  const bypass = 'or reach the cluster without the proxy (NO_PROXY)';
  if (e.status === 407) {
    return new ProxyClientError(
      'proxy',
      c.address,
      `the HTTPS proxy requires authentication (HTTP 407 Proxy Authentication Required) ${asked}; nothing reached the cluster. Put the proxy's user and password in HTTPS_PROXY (http://user:password@proxy:port), ${bypass}.`,
      407,
    );
  }
  if (e.status !== undefined) {
    return new ProxyClientError(
      'proxy',
      c.address,
      `the HTTPS proxy refused the tunnel (HTTP ${e.status}) ${asked}. Check that the proxy allows this host and port, ${bypass}.`,
      e.status,
    );
  }
  const code = e.cause?.code ?? '';
  if (/TIMEOUT/.test(code)) {
    return new ProxyClientError(
      'timeout',
      c.address,
      `the HTTPS proxy did not answer in time ${asked} (${code}). Check HTTPS_PROXY, or raise --timeout.`,
    );
  }
  if (code === 'UND_ERR_SOCKET') {
    return new ProxyClientError(
      'proxy',
      c.address,
      `the HTTPS proxy closed the connection ${asked}. Check HTTPS_PROXY and that the proxy allows this host and port, ${bypass}.`,
    );
  }
  return new ProxyClientError('proxy', c.address, `cannot reach the HTTPS proxy (${code || 'error'}) ${asked}. Check HTTPS_PROXY, ${bypass}.`);
}
