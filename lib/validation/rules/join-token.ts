// Each trusted cluster needs a Trusted_cluster join token: by reference to a provision token with
// that role, from a variable (not checkable offline), or a literal (plaintext in the config).
import { Finding } from '../../report/finding';
import { TfStack } from '../model';
import { isExpression, isLiteral, ofType } from './context';

export function joinTokenFindings(stack: TfStack, kind: 'config' | 'plan'): Finding[] {
  const out: Finding[] = [];
  const tokens = new Map(ofType(stack, 'teleport_provision_token').map((t) => [t.address, t]));
  for (const tc of ofType(stack, 'teleport_trusted_cluster')) {
    const token = tc.values.spec?.token;
    const path = 'spec.token';
    if (token === undefined || token === null || token === '') {
      if (kind === 'plan') continue; // sensitive or unknown until apply
      out.push({ severity: 'error', check: 'validate.join-token', resource: tc.address, path, message: 'has no join token: the leaf cannot join the root without one.', fix: 'give the token of a Trusted_cluster provision token on the root (JoinToken.fromProvisionToken or a sensitive variable).' });
      continue;
    }
    if (isLiteral(token) && kind === 'config') {
      out.push({ severity: 'warning', check: 'validate.join-token', resource: tc.address, path, message: 'is a literal: the join token is written in plaintext to the configuration and the plan.', fix: 'take it from a sensitive variable or by reference to the root\'s provision token.' });
      continue;
    }
    if (!isExpression(token)) continue;
    const ref = /\$\{(teleport_provision_token\.[A-Za-z0-9_-]+)\.metadata\.name\}/.exec(token);
    if (ref) {
      const t = tokens.get(ref[1]);
      const roles: unknown[] = t?.values.spec?.roles ?? [];
      if (t && !roles.some((r) => String(r).toLowerCase().replace(/_/g, '') === 'trustedcluster')) {
        out.push({ severity: 'error', check: 'validate.join-token', resource: tc.address, path, message: `comes from ${ref[1]}, whose roles (${roles.join(', ') || 'none'}) lack Trusted_cluster: the root refuses the join ("role does not match").`, fix: 'give that provision token the role Trusted_cluster (ProvisionToken.forTrustedCluster).' });
      }
    }
  }
  return out;
}
