// From a plan: in-place updates that Teleport or the provider will not make.
import { Finding } from '../../report/finding';
import { TfResourceChange } from '../model';

const TRUSTED_CLUSTER_IMMUTABLE = ['token', 'web_proxy_addr', 'tunnel_addr'];

export function immutableChangeFindings(changes: readonly TfResourceChange[]): Finding[] {
  const out: Finding[] = [];
  for (const c of changes) {
    if (!c.before || !c.after) continue;
    if (c.type === 'teleport_trusted_cluster' && c.actions.includes('update')) {
      for (const field of TRUSTED_CLUSTER_IMMUTABLE) {
        const before = c.before.spec?.[field];
        const after = c.after.spec?.[field];
        if (after === undefined || JSON.stringify(before) === JSON.stringify(after)) continue;
        out.push({
          severity: 'error',
          check: 'validate.immutable-update',
          resource: c.address,
          path: `spec.${field}`,
          message: `the plan updates ${field} in place, which Teleport refuses ("can not update ${field} for existing leaf cluster").`,
          fix: field === 'token'
            ? 'ignore token changes after creation (lifecycle ignore_changes = [spec.token], as TrustedCluster does).'
            : 'replace the trusted cluster instead (terraform apply -replace=...), which re-runs the join handshake with a valid token.',
        });
      }
    }
    if (c.type === 'teleport_role' && c.actions.includes('delete') && c.actions.includes('create') && c.before.version !== c.after.version) {
      out.push({
        severity: 'warning',
        check: 'validate.role-replace',
        resource: c.address,
        path: 'version',
        message: `the plan replaces the role to change its version from ${c.before.version} to ${c.after.version} (the version is immutable): users holding it lose it between delete and create.`,
        fix: 'keep the version, or create a new role with the new version and move users over.',
      });
    }
  }
  return out;
}
