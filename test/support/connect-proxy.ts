// A local HTTP CONNECT proxy on 127.0.0.1 (what HTTPS_PROXY points at in the tests): it records
// the target of every CONNECT and pipes bytes both ways; it never sees inside the TLS. A broken
// proxy for fault tests: `close` destroys the socket on CONNECT, a number answers with that status.
import * as http from 'http';
import * as net from 'net';
import { AddressInfo } from 'net';

export interface ConnectProxy {
  /** `http://127.0.0.1:PORT` */
  readonly url: string;
  /** `host:port` of every CONNECT received, in order. */
  readonly connects: string[];
  close(): Promise<void>;
}

export type ConnectFault = 'close' | number;

export async function startConnectProxy(fault?: ConnectFault): Promise<ConnectProxy> {
  const connects: string[] = [];
  const sockets = new Set<net.Socket>();
  const server = http.createServer((_req, res) => {
    res.writeHead(405);
    res.end();
  });
  server.on('connect', (req: http.IncomingMessage, client: net.Socket, head: Buffer) => {
    connects.push(String(req.url));
    sockets.add(client);
    client.on('error', () => undefined);
    if (fault === 'close') return void client.destroy();
    if (typeof fault === 'number')
      return void client.end(
        `HTTP/1.1 ${fault} ${http.STATUS_CODES[fault] ?? 'Error'}\r\n${fault === 407 ? 'Proxy-Authenticate: Basic realm="proxy"\r\n' : ''}Content-Length: 0\r\n\r\n`,
      );
    const [host, port] = String(req.url).split(':');
    const upstream = net.connect(Number(port), host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    sockets.add(upstream);
    const end = () => {
      client.destroy();
      upstream.destroy();
    };
    upstream.on('error', end);
    client.on('error', end);
    client.on('close', end);
    upstream.on('close', end);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    connects,
    close: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}
