// The one host:port parser of the project: constructs (at synth), validate's offline rules and the
// proxy client (before it builds anything) all read addresses through it, so that an address is
// either valid everywhere or nowhere. A cluster address is a plain `host:port`: a DNS name, an IPv4
// address or a bracketed IPv6 address, and a port from 1 to 65535. Nothing else: no scheme, path,
// query, fragment or userinfo (`a@b:443`), because the address is dialled exactly as written (by
// Teleport) and becomes the origin of every request (of the client).

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

/**
 * A listener address as a server advertises it (`0.0.0.0:3080`, `:3024`, `[::]:443`, a bare
 * host): host (possibly empty or unspecified) and port (possibly absent). Only for reading what a
 * Teleport proxy reports about itself; configured addresses go through {@link parseHostPort}.
 */
export function splitListenAddress(addr: string): { host: string; port?: string } {
  const m = /^(\[[^\]]+\]|[^:]*)(?::(\d+))?$/.exec(addr);
  return m ? { host: m[1], port: m[2] } : { host: addr };
}
