// Addresses: the shared address rules (lib/common/address-rules.ts), the same the constructs apply
// at synth: a plain host:port with an explicit port (Teleport dials tunnel_addr exactly as written
// and adds no default port), and no tunnel on a port that never serves one.
import { AddressField, addressProblem } from '../../common/address-rules';
import { Finding } from '../../report/finding';
import { TfStack } from '../../config/model';
import { isExpression, ofType } from './context';

export function addressFindings(stack: TfStack): Finding[] {
  const out: Finding[] = [];
  const check = (resource: string, path: string, field: AddressField, value: unknown) => {
    // Any literal string, even empty: the constructs reject an empty address too.
    const problem = typeof value === 'string' && !isExpression(value) ? addressProblem(field, value) : undefined;
    if (problem) out.push({ severity: 'error', check: 'validate.address-port', resource, path, message: problem.message, fix: problem.fix });
  };
  for (const tc of ofType(stack, 'teleport_trusted_cluster')) {
    check(tc.address, 'spec.web_proxy_addr', 'web_proxy_addr', tc.values.spec?.web_proxy_addr);
    check(tc.address, 'spec.tunnel_addr', 'tunnel_addr', tc.values.spec?.tunnel_addr);
    if (tc.values.spec?.enabled === false) {
      out.push({
        severity: 'warning',
        check: 'validate.disabled',
        resource: tc.address,
        path: 'spec.enabled',
        message: "is false: the root's CAs are deactivated on the leaf and root users lose access.",
        fix: 'set enabled: true unless the trust is meant to be off.',
      });
    }
  }
  for (const p of stack.providers) check(`provider.${p.key}`, 'addr', 'provider_addr', p.values.addr);
  return out;
}
