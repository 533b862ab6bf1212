// role_map local roles: defined in the same configuration on the same provider, preset, an
// expansion (`$1`), or else they must already exist on the leaf (Teleport's checkLocalRoles).
import { PRESET_ROLES } from '../../constructs/role/preset-role';
import { Finding } from '../../report/finding';
import { TfStack } from '../../config/model';
import { isLiteral, ofType } from './context';

export function roleMapFindings(stack: TfStack): Finding[] {
  const out: Finding[] = [];
  const rolesByProvider = new Map<string, Set<string>>();
  for (const r of ofType(stack, 'teleport_role')) {
    const name = r.values.metadata?.name;
    if (!isLiteral(name)) continue;
    if (!rolesByProvider.has(r.providerKey)) rolesByProvider.set(r.providerKey, new Set());
    rolesByProvider.get(r.providerKey)!.add(name);
  }
  for (const tc of ofType(stack, 'teleport_trusted_cluster')) {
    const defined = rolesByProvider.get(tc.providerKey) ?? new Set<string>();
    (tc.values.spec?.role_map ?? []).forEach((m: { local?: unknown[] }, i: number) => {
      for (const local of m.local ?? []) {
        if (!isLiteral(local) || local.includes('$') || defined.has(local) || PRESET_ROLES.includes(local)) continue;
        out.push({
          severity: 'warning',
          check: 'validate.role-map-role',
          resource: tc.address,
          path: `spec.role_map[${i}].local`,
          message: `role "${local}" is not defined in this configuration for provider ${tc.providerKey} and is not a preset role: it must already exist on the leaf, or Teleport rejects the trusted cluster ("a role ... referenced in a mapping ... is not defined").`,
          fix: 'create the role on the leaf (a Role with the leaf provider), or run validate with a web session on the leaf to confirm it exists.',
        });
      }
    });
  }
  return out;
}
