// The answer of /webapi/find and /webapi/ping, normalised across Teleport versions (pre-16 bodies
// have `assist_enabled` and no `edition`; v18 adds `auto_update`, `fips`, `edition`).
import { TUNNEL_PORT } from '../common/address-rules';
import { splitListenAddress } from '../common/host-port';

export interface PingInfo {
  readonly clusterName: string;
  readonly serverVersion: string;
  readonly minClientVersion?: string;
  /** `oss`, `ent` or `community`; undefined before v16. */
  readonly edition?: string;
  readonly tlsRoutingEnabled: boolean;
  /** proxy.ssh.public_addr: the web (HTTPS) public address. */
  readonly publicAddr?: string;
  readonly sshPublicAddr?: string;
  readonly tunnelPublicAddr?: string;
  readonly webListenAddr?: string;
  readonly tunnelListenAddr?: string;
}

const VERSION = /^v?\d+\.\d+\.\d+([-+][0-9A-Za-z.+-]*)?$/;

/** What makes `raw` not a ping answer, or undefined when it is one. */
export function pingProblem(raw: unknown): string | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return 'the answer is not a JSON object';
  const r = raw as Record<string, any>;
  if (typeof r.cluster_name !== 'string' || r.cluster_name.trim() === '') return 'cluster_name is missing or empty';
  if (typeof r.server_version !== 'string' || !VERSION.test(r.server_version)) return 'server_version is missing or not a version';
  if (typeof r.proxy !== 'object' || r.proxy === null || Array.isArray(r.proxy)) return 'proxy settings are missing';
  return undefined;
}

export function normalizePing(raw: unknown): PingInfo | undefined {
  if (pingProblem(raw) !== undefined) return undefined;
  const r = raw as Record<string, any>;
  const ssh = typeof r.proxy.ssh === 'object' && r.proxy.ssh !== null ? r.proxy.ssh : {};
  const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);
  return {
    clusterName: r.cluster_name,
    serverVersion: r.server_version,
    minClientVersion: str(r.min_client_version),
    edition: str(r.edition),
    tlsRoutingEnabled: r.proxy.tls_routing_enabled === true,
    publicAddr: str(ssh.public_addr),
    sshPublicAddr: str(ssh.ssh_public_addr),
    tunnelPublicAddr: str(ssh.ssh_tunnel_public_addr),
    webListenAddr: str(ssh.web_listen_addr),
    tunnelListenAddr: str(ssh.tunnel_listen_addr),
  };
}

/** The major version of a Teleport version string (`18.1.4` -> 18), or undefined. */
export function major(version: string | undefined): number | undefined {
  const m = /^v?(\d+)\./.exec(version ?? '');
  return m ? Number(m[1]) : undefined;
}

const UNSPECIFIED = ['0.0.0.0', '::', '[::]', ''];

/**
 * The reverse-tunnel address the root advertises, as Teleport derives it (webclient
 * `tunnelProxyAddr`): with TLS routing the web public address (web port), otherwise the tunnel
 * public address, else the SSH or web public host with the tunnel port, else the listeners. An
 * unspecified host is replaced by the host that was dialled.
 */
export function advertisedTunnelAddr(p: PingInfo, dialledHost: string): string | undefined {
  const fix = (addr: string, defaultPort: string, replacePort = false) => {
    const { host, port } = splitListenAddress(addr);
    const h = UNSPECIFIED.includes(host) ? dialledHost : host;
    return `${h}:${replacePort || !port ? defaultPort : port}`;
  };
  if (p.tlsRoutingEnabled) {
    const webPort = splitListenAddress(p.webListenAddr ?? '').port ?? '443';
    const addr = p.publicAddr ?? p.webListenAddr;
    return addr ? fix(addr, webPort) : undefined;
  }
  const tunnelPort = splitListenAddress(p.tunnelListenAddr ?? '').port ?? String(TUNNEL_PORT);
  if (p.tunnelPublicAddr) return fix(p.tunnelPublicAddr, tunnelPort);
  if (p.sshPublicAddr) return fix(p.sshPublicAddr, tunnelPort, true);
  if (p.publicAddr) return fix(p.publicAddr, tunnelPort, true);
  if (p.tunnelListenAddr) return fix(p.tunnelListenAddr, tunnelPort);
  if (p.webListenAddr) return fix(p.webListenAddr, tunnelPort);
  return undefined;
}
