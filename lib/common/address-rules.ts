// The one set of address rules: what makes a literal address in a trusted cluster or a provider
// block wrong, with the message and the fix. The constructs report these at synth, `validate`
// reports the same (as errors) on any Terraform JSON or plan, and the proxy client reads addresses
// with the same parser (host-port.ts). Ports are Teleport's defaults (teleport.yaml reference).
import { parseHostPort } from './host-port';

/** The Proxy Service's SSH port. */
export const PROXY_SSH_PORT = 3023;
/** The Proxy Service's reverse tunnel port without TLS routing. */
export const TUNNEL_PORT = 3024;
/** The Auth Service's port: gRPC only, no web API. */
export const AUTH_PORT = 3025;

/** Which address: a trusted cluster's `spec.web_proxy_addr` or `spec.tunnel_addr`, or a provider's `addr`. */
export type AddressField = 'web_proxy_addr' | 'tunnel_addr' | 'provider_addr';

export interface AddressProblem {
  readonly message: string;
  readonly fix: string;
}

/** Well-known ports that are never the reverse tunnel. */
const NOT_A_TUNNEL: ReadonlyMap<number, string> = new Map([
  [PROXY_SSH_PORT, `the Proxy Service's SSH port (${PROXY_SSH_PORT})`],
  [AUTH_PORT, `the Auth Service's port (${AUTH_PORT}); a leaf dials the root's Proxy Service, never its Auth Service`],
]);

/** Where the reverse tunnel is, for fixes. */
export const TUNNEL_FIX = `with TLS routing on, use the root proxy's web address (e.g. "rootcluster.example.com:443"); with it off, the reverse tunnel listener (the root's tunnel_public_addr, usually port ${TUNNEL_PORT}).`;

const NOT_HOST_PORT: Readonly<Record<AddressField, { readonly also: string; readonly fix: string }>> = {
  web_proxy_addr: {
    also: ' Teleport dials the web proxy exactly as written and adds no default port.',
    fix: 'write the root proxy\'s web port, e.g. "rootcluster.example.com:443" (or :3080 without TLS routing).',
  },
  tunnel_addr: {
    also: ' Teleport dials the reverse tunnel exactly as written and adds no default port.',
    fix: `write the port: the root proxy's web port (e.g. :443) when it uses TLS routing, else its reverse tunnel port (usually :${TUNNEL_PORT}).`,
  },
  provider_addr: {
    also: '',
    fix: `give the proxy address with its port (e.g. "teleport.example.com:443") or the auth address (":${AUTH_PORT}").`,
  },
};

/** What is wrong with the literal address `addr` in `field`, or undefined when nothing is. */
export function addressProblem(field: AddressField, addr: string): AddressProblem | undefined {
  const hp = parseHostPort(addr);
  if (!hp) {
    const { also, fix } = NOT_HOST_PORT[field];
    return { message: `"${addr}" is not host:port (a host and a port only: no scheme, path, query or user).${also}`, fix };
  }
  const notTunnel = field === 'tunnel_addr' ? NOT_A_TUNNEL.get(hp.port) : undefined;
  if (notTunnel) return { message: `"${addr}" is ${notTunnel}, not the reverse tunnel: the leaf's tunnel would never come up.`, fix: TUNNEL_FIX };
  return undefined;
}
