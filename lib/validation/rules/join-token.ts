// A trusted cluster joins with a Trusted_cluster join token: by reference to a provision token with
// that role, from a variable (not checkable offline), or a literal (plaintext in the config). The
// token is only used to join: a trusted cluster whose leaf already joined may omit it (the provider
// attribute is optional, and Terraform keeps the state value), so a missing token is a warning in
// a configuration, an error in a plan that creates the trusted cluster, and fine in one that
// updates it or leaves it alone.
import { Finding } from '../../report/finding';
import { TfResourceChange, TfStack } from '../../config/model';
import { isTrustedClusterRole } from '../../common/system-roles';
import { isExpression, isLiteral, isUnknownAt, isUnset, ofType } from './context';

export function joinTokenFindings(stack: TfStack, kind: 'config' | 'plan', changes: readonly TfResourceChange[] = []): Finding[] {
  const out: Finding[] = [];
  const tokens = new Map(ofType(stack, 'teleport_provision_token').map((t) => [t.address, t]));
  for (const tc of ofType(stack, 'teleport_trusted_cluster')) {
    const token = tc.values.spec?.token;
    const path = 'spec.token';
    if (tc.redacted?.includes(path)) {
      out.push({
        severity: 'info',
        check: 'validate.join-token',
        resource: tc.address,
        path,
        message:
          'not checked: the plan holds this token redacted (sensitive), so whether it exists on the root, has Trusted_cluster and has not expired cannot be checked from it.',
        fix: 'to check the token by value, write the plan with terraform-check --plan-json DIR --plan-json-keep-sensitive (plaintext secrets on disk: keep the file private and delete it after), or terraform show -json.',
      });
      continue;
    }
    if (isUnset(token)) {
      const fix = 'give the token of a Trusted_cluster provision token on the root (JoinToken.fromProvisionToken or a sensitive variable).';
      if (kind === 'config') {
        out.push({
          severity: 'warning',
          check: 'validate.join-token',
          resource: tc.address,
          path,
          message: 'has no token: fine if this leaf already joined the root; a new trusted cluster cannot join without one.',
          fix,
        });
      } else if (!isUnknownAt(tc.unknown, path) && changes.find((c) => c.address === tc.address)?.actions.includes('create')) {
        out.push({
          severity: 'error',
          check: 'validate.join-token',
          resource: tc.address,
          path,
          message: 'the plan creates this trusted cluster without a join token: it cannot join the root.',
          fix,
        });
      }
      continue;
    }
    if (isLiteral(token) && kind === 'config') {
      out.push({
        severity: 'warning',
        check: 'validate.join-token',
        resource: tc.address,
        path,
        message: 'is a literal: the join token is written in plaintext to the configuration and the plan.',
        fix: "take it from a sensitive variable or by reference to the root's provision token.",
      });
      continue;
    }
    if (!isExpression(token)) continue;
    const ref = /\$\{(teleport_provision_token\.[A-Za-z0-9_-]+)\.metadata\.name\}/.exec(token);
    if (ref) {
      const t = tokens.get(ref[1]);
      const roles: unknown[] = t?.values.spec?.roles ?? [];
      if (t && !roles.some(isTrustedClusterRole)) {
        out.push({
          severity: 'error',
          check: 'validate.join-token',
          resource: tc.address,
          path,
          message: `comes from ${ref[1]}, whose roles (${roles.join(', ') || 'none'}) lack Trusted_cluster: the root refuses the join ("role does not match").`,
          fix: 'give that provision token the role Trusted_cluster (ProvisionToken.forTrustedCluster).',
        });
      }
    }
  }
  return out;
}
