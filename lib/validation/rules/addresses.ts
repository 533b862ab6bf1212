// Explicit ports: Teleport dials tunnel_addr exactly as written and adds no default port.
import { Finding } from '../../report/finding';
import { TfStack } from '../../config/model';
import { hasPort, isLiteral, ofType } from './context';

export function addressFindings(stack: TfStack): Finding[] {
  const out: Finding[] = [];
  const check = (resource: string, path: string, value: unknown, fix: string) => {
    if (isLiteral(value) && !hasPort(value)) {
      out.push({ severity: 'error', check: 'validate.address-port', resource, path, message: `"${value}" is not host:port.`, fix });
    }
  };
  for (const tc of ofType(stack, 'teleport_trusted_cluster')) {
    check(tc.address, 'spec.web_proxy_addr', tc.values.spec?.web_proxy_addr, 'write the root proxy\'s web port, e.g. "root.example.com:443" (3080 without TLS routing).');
    check(tc.address, 'spec.tunnel_addr', tc.values.spec?.tunnel_addr, 'write the port: the web port with TLS routing, else the tunnel port (usually 3024).');
    if (tc.values.spec?.enabled === false) {
      out.push({ severity: 'warning', check: 'validate.disabled', resource: tc.address, path: 'spec.enabled', message: 'is false: the root\'s CAs are deactivated on the leaf and root users lose access.', fix: 'set enabled: true unless the trust is meant to be off.' });
    }
  }
  for (const p of stack.providers) check(`provider.${p.key}`, 'addr', p.values.addr, 'give the proxy address with its port, e.g. "teleport.example.com:443".');
  return out;
}
