// The TLS connection to an Auth Service, directly or through a Teleport proxy's TLS routing:
// TCP (or an HTTP CONNECT tunnel when HTTPS_PROXY applies), then TLS with the identity's
// certificate and key, server name teleport.cluster.local, only the identity's CA certificates
// trusted, and the ALPN list given (for TLS routing `teleport-auth@<hex(cluster)>.teleport.cluster.local`
// first, then `h2`). HTTP/2 must be negotiated: gRPC runs on nothing else.
import * as net from 'net';
import * as tls from 'tls';
import { abortable } from './abortable';
import { AuthClientError } from './errors';
import { ClientIdentity } from './identity';
import { proxyFor } from './proxy-env';

/** The name Auth and Proxy host certificates carry for the cluster's internal API. */
export const API_DOMAIN = 'teleport.cluster.local';

/** The ALPN value that asks a TLS-routing proxy to forward the connection to `cluster`'s Auth Service. */
export function authRouteAlpn(cluster: string): string {
  return `teleport-auth@${Buffer.from(cluster, 'utf8').toString('hex')}.${API_DOMAIN}`;
}

export interface DialOptions {
  /** Host as parseHostPort gives it (IPv6 in brackets) and port. */
  readonly host: string;
  readonly port: number;
  readonly alpn: readonly string[];
  readonly identity: ClientIdentity;
  readonly env: NodeJS.ProcessEnv;
  readonly signal: AbortSignal;
  /** The address, for messages. */
  readonly where: string;
}

const MAX_CONNECT_RESPONSE = 16 << 10;
const VERIFY_CODES = /^(UNABLE_TO_|SELF_SIGNED|DEPTH_ZERO|CERT_|ERR_TLS_CERT_ALTNAME|HOSTNAME_MISMATCH)/;

export async function dialTls(o: DialOptions): Promise<tls.TLSSocket> {
  const proxy = proxyFor(o.host, o.port, o.env, o.where);
  const bare = o.host.replace(/^\[|\]$/g, '');
  const tunnel = proxy ? await connectTunnel(proxy, `${o.host}:${o.port}`, o) : undefined;
  const socket = await abortable<tls.TLSSocket>(o.signal, o.where, 'the TLS handshake with the Auth Service', (resolve, reject) => {
    const s = tls.connect({
      ...(tunnel ? { socket: tunnel } : { host: bare, port: o.port }),
      servername: API_DOMAIN,
      ALPNProtocols: [...o.alpn],
      key: o.identity.keyPem,
      cert: o.identity.certPem,
      ca: [...o.identity.caPems],
      rejectUnauthorized: true,
      minVersion: 'TLSv1.2',
    });
    s.setNoDelay(true); // gRPC writes HEADERS and DATA separately: without this, Nagle and delayed ACKs add ~40 ms a call
    s.once('secureConnect', () => resolve(s));
    s.once('error', (e) => reject(tlsError(e, o.where)));
    s.once('close', () =>
      reject(
        new AuthClientError(
          'tls',
          o.where,
          "the connection closed during the TLS handshake: the server refused the identity's certificate, or this is not an Auth Service or a TLS-routing proxy.",
        ),
      ),
    );
    return () => {
      s.destroy();
      tunnel?.destroy();
    };
  });
  if (socket.alpnProtocol !== 'h2') {
    socket.destroy();
    throw new AuthClientError(
      'tls',
      o.where,
      `the server did not agree to HTTP/2 (ALPN ${socket.alpnProtocol || 'none'}): it is not a Teleport Auth Service${o.alpn.length > 1 ? ' behind a TLS-routing proxy' : ''}.`,
    );
  }
  return socket;
}

/** A TLS or connection failure as the error to report (verification, refusal by the server, or else unreachable). */
export function tlsError(e: unknown, where: string): AuthClientError {
  const code = String((e as NodeJS.ErrnoException).code ?? '');
  if (VERIFY_CODES.test(code)) {
    return new AuthClientError(
      'tls',
      where,
      `the Auth Service's certificate did not verify against the identity's CA certificates (${code}): the identity is for another cluster, or the address is not this cluster's.`,
    );
  }
  if (/ALERT|ERR_SSL|ECONNRESET|EPIPE/.test(code)) {
    return new AuthClientError(
      'tls',
      where,
      `the server ended the TLS handshake (${code}): it refused the identity's certificate (signed by another cluster's CA, or expired), or this is not an Auth Service.`,
    );
  }
  return new AuthClientError(
    'unreachable',
    where,
    `cannot connect (${code || 'error'}). Check the address and port, and that it is reachable from here.`,
  );
}

/** An HTTP CONNECT tunnel to `target` through `proxy` (http:// or https://; credentials in the URL as Basic auth). */
function connectTunnel(proxy: URL, target: string, o: DialOptions): Promise<net.Socket> {
  return abortable<net.Socket>(o.signal, o.where, `the CONNECT through the HTTPS proxy to ${target}`, (resolve, reject) => {
    const port = Number(proxy.port) || (proxy.protocol === 'https:' ? 443 : 80);
    const host = proxy.hostname.replace(/^\[|\]$/g, '');
    const s: net.Socket =
      proxy.protocol === 'https:' ? tls.connect({ host, port, servername: net.isIP(host) ? undefined : host }) : net.connect({ host, port });
    s.setNoDelay(true);
    const auth = proxy.username
      ? `Proxy-Authorization: Basic ${Buffer.from(`${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}`).toString('base64')}\r\n`
      : '';
    s.once(proxy.protocol === 'https:' ? 'secureConnect' : 'connect', () => s.write(`CONNECT ${target} HTTP/1.1\r\nHost: ${target}\r\n${auth}\r\n`));
    let head = Buffer.alloc(0);
    const onData = (chunk: Buffer) => {
      head = Buffer.concat([head, chunk]);
      const end = head.indexOf('\r\n\r\n');
      if (end < 0) {
        if (head.length > MAX_CONNECT_RESPONSE)
          reject(new AuthClientError('proxy', o.where, 'the HTTPS proxy answered the CONNECT with an oversized header.'));
        return;
      }
      s.off('data', onData);
      const status = /^HTTP\/1\.[01] (\d{3})/.exec(head.subarray(0, end).toString('latin1'));
      if (!status || status[1] !== '200') {
        reject(
          new AuthClientError(
            'proxy',
            o.where,
            `the HTTPS proxy refused the CONNECT to ${target} (${status ? `HTTP ${status[1]}` : 'not an HTTP answer'}). Check HTTPS_PROXY and NO_PROXY.`,
          ),
        );
        return;
      }
      const rest = head.subarray(end + 4);
      if (rest.length) s.unshift(rest);
      resolve(s);
    };
    s.on('data', onData);
    s.once('error', (e: NodeJS.ErrnoException) =>
      reject(new AuthClientError('proxy', o.where, `cannot reach the HTTPS proxy (${e.code ?? 'error'}). Check HTTPS_PROXY.`)),
    );
    s.once('close', () => reject(new AuthClientError('proxy', o.where, 'the HTTPS proxy closed the connection before answering the CONNECT.')));
    return () => s.destroy();
  });
}
