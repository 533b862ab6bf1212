// A plain TCP connect to `host:port`, closed as soon as it is open: no byte is sent. Direct, not
// through HTTPS_PROXY (the leaf dials the tunnel directly too).
import * as net from 'net';
import { parseHostPort } from '../common/host-port';

export interface TcpProbeResult {
  readonly reachable: boolean;
  /** Why not: an errno code (ECONNREFUSED, ENOTFOUND, ...), `timeout`, or `not host:port`. */
  readonly reason?: string;
}

/** Ends within `timeoutMs`, or sooner when `stop` aborts (the run's deadline): then `reason` is `stopped`. */
export function probeTcp(address: string, timeoutMs: number, stop?: AbortSignal): Promise<TcpProbeResult> {
  const hp = parseHostPort(address);
  if (!hp) return Promise.resolve({ reachable: false, reason: 'not host:port' });
  if (stop?.aborted) return Promise.resolve({ reachable: false, reason: 'stopped' });
  return new Promise((resolve) => {
    const socket = net.connect({ host: hp.host.replace(/^\[|\]$/g, ''), port: hp.port });
    const onStop = () => done({ reachable: false, reason: 'stopped' });
    const done = (result: TcpProbeResult) => {
      clearTimeout(timer);
      stop?.removeEventListener('abort', onStop);
      socket.destroy();
      resolve(result);
    };
    stop?.addEventListener('abort', onStop, { once: true });
    const timer = setTimeout(() => done({ reachable: false, reason: 'timeout' }), timeoutMs);
    socket.once('connect', () => done({ reachable: true }));
    socket.once('error', (e: NodeJS.ErrnoException) => done({ reachable: false, reason: e.code ?? e.message }));
  });
}
