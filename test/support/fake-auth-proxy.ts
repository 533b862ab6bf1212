// A fake Teleport proxy's TLS routing in front of the fake web API and the fake Auth Service, as
// Teleport's ALPN router does it (lib/srv/alpnproxy): it reads only the ClientHello, and when the
// FIRST ALPN protocol is `teleport-auth@<hex(cluster)>.teleport.cluster.local` for its own cluster
// it pipes the raw TLS stream to the Auth Service (TLS runs end to end with Auth); any other
// ClientHello goes to the web API's HTTPS server. It never terminates TLS itself.
import * as net from 'net';
import { AddressInfo } from 'net';

export interface TlsRouter {
  readonly address: string;
  /** Each connection's ALPN list and where it went. */
  readonly routed: { alpn: string[]; to: 'auth' | 'web' | 'refused' }[];
  /** Bytes forwarded from clients to the Auth Service. */
  readonly bytesToAuth: () => number;
  close(): Promise<void>;
}

const MAX_HELLO = 16 << 10;

/** The ALPN protocols of a TLS ClientHello record, or undefined while the record is incomplete. */
export function clientHelloAlpn(buf: Buffer): string[] | undefined {
  if (buf.length < 5) return undefined;
  if (buf[0] !== 0x16) return [];
  const end = 5 + buf.readUInt16BE(3);
  if (buf.length < end) return undefined;
  let at = 5 + 4 + 2 + 32; // handshake header, client_version, random
  const skip = (lenBytes: number) => {
    const len = lenBytes === 1 ? buf[at] : buf.readUInt16BE(at);
    at += lenBytes + len;
  };
  skip(1); // session id
  skip(2); // cipher suites
  skip(1); // compression methods
  const extEnd = at + 2 + buf.readUInt16BE(at);
  at += 2;
  while (at + 4 <= Math.min(extEnd, end)) {
    const type = buf.readUInt16BE(at);
    const len = buf.readUInt16BE(at + 2);
    if (type === 0x0010) {
      const out: string[] = [];
      for (let p = at + 6; p < at + 4 + len; p += 1 + buf[p]) out.push(buf.subarray(p + 1, p + 1 + buf[p]).toString('latin1'));
      return out;
    }
    at += 4 + len;
  }
  return [];
}

export async function startTlsRouter(o: { clusterName: string; web: string; auth?: string }): Promise<TlsRouter> {
  const routed: TlsRouter['routed'] = [];
  const sockets = new Set<net.Socket>();
  let toAuth = 0;
  const track = (s: net.Socket) => {
    s.setNoDelay(true);
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
    s.on('error', () => s.destroy());
    return s;
  };
  const server = net.createServer((client) => {
    track(client);
    let hello = Buffer.alloc(0);
    const onData = (chunk: Buffer): void => {
      hello = Buffer.concat([hello, chunk]);
      const alpn = clientHelloAlpn(hello);
      if (alpn === undefined && hello.length < MAX_HELLO) return;
      client.off('data', onData);
      client.pause();
      const first = alpn?.[0] ?? '';
      const wanted = /^teleport-auth@([0-9a-f]*)\.teleport\.cluster\.local$/.exec(first);
      const cluster = wanted ? Buffer.from(wanted[1], 'hex').toString('utf8') : undefined;
      const to = wanted ? (cluster === o.clusterName && o.auth ? 'auth' : 'refused') : 'web';
      routed.push({ alpn: alpn ?? [], to });
      if (to === 'refused') {
        client.destroy();
        return;
      }
      const [host, port] = (to === 'auth' ? o.auth! : o.web).split(':');
      const upstream = track(net.connect(Number(port), host));
      if (to === 'auth') client.on('data', (c: Buffer) => (toAuth += c.length));
      if (to === 'auth') toAuth += hello.length;
      upstream.write(hello);
      client.pipe(upstream);
      upstream.pipe(client);
      client.resume();
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    };
    client.on('data', onData);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    address: `127.0.0.1:${(server.address() as AddressInfo).port}`,
    routed,
    bytesToAuth: () => toAuth,
    close: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}
