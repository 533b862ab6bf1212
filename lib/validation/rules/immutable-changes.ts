// From a plan: in-place updates that Teleport or the provider will not make, and role version
// changes. The newest provider has no RequiresReplace on a role's version, so a real plan shows an
// in-place update (the server then applies the new version's defaults); an older provider, or
// -replace, shows delete and create.
import { Finding } from '../../report/finding';
import { TfResourceChange } from '../../config/model';

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
          fix:
            field === 'token'
              ? 'ignore token changes after creation (lifecycle ignore_changes = [spec.token], as TrustedCluster does).'
              : 'replace the trusted cluster instead (terraform apply -replace=...), which re-runs the join handshake with a valid token.',
        });
      }
    }
    if (c.type === 'teleport_role' && c.before.version !== c.after.version && c.after.version !== undefined) {
      out.push(...roleVersionChange(c));
    }
  }
  return out;
}

function roleVersionChange(c: TfResourceChange): Finding[] {
  const from = `from ${c.before!.version} to ${c.after!.version}`;
  if (c.actions.includes('delete') && c.actions.includes('create')) {
    return [
      {
        severity: 'error',
        check: 'validate.role-replace',
        resource: c.address,
        path: 'version',
        message: `the plan replaces the role to change its version ${from}: Teleport refuses to delete a role assigned to users, and users holding it lose access between delete and create.`,
        fix: 'change the version in place (a provider without RequiresReplace on version), or create a new role with the new version and move users over.',
      },
    ];
  }
  if (!c.actions.includes('update')) return [];
  return [
    {
      severity: 'warning',
      check: 'validate.role-version-update',
      resource: c.address,
      path: 'version',
      message: `the plan changes the role's version in place ${from}: the server applies the new version's defaults (e.g. kubernetes_resources semantics change from v6 to v7 to v8), so access can change without any other line of the role changing.`,
      fix: 'review what the new version defaults (Role writes them out per version), or create a new role with the new version and move users over.',
    },
  ];
}
