// A cluster address is a plain `host:port`: a DNS name, an IPv4 address or a bracketed IPv6
// address, and a port from 1 to 65535. Nothing else: no scheme, path, query, fragment or userinfo,
// because the address becomes the origin of every request the client sends.

export interface HostPort {
  /** Lower case; IPv6 in brackets. */
  readonly host: string;
  readonly port: number;
}

const HOST_PORT = /^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9](?:[A-Za-z0-9_.-]*[A-Za-z0-9])?):(\d{1,5})$/;

/** `host:port` split and normalised, or undefined when `addr` is anything else. */
export function parseHostPort(addr: unknown): HostPort | undefined {
  if (typeof addr !== 'string') return undefined;
  const m = HOST_PORT.exec(addr);
  if (!m || m[1].includes('..')) return undefined;
  const port = Number(m[2]);
  if (port < 1 || port > 65535) return undefined;
  return { host: m[1].toLowerCase(), port };
}

/** The address in a canonical form (lower-case host), or undefined when it is not `host:port`. */
export function canonicalAddress(addr: unknown): string | undefined {
  const hp = parseHostPort(addr);
  return hp ? `${hp.host}:${hp.port}` : undefined;
}

/** True when both are `host:port` and name the same host (case-insensitively) and port. */
export function sameAddress(a: unknown, b: unknown): boolean {
  const x = canonicalAddress(a);
  return x !== undefined && x === canonicalAddress(b);
}
