import { Token } from 'cdktf';
import * as l1 from '../../gen';
import { allowWithDefaults, denyWithDefaults, optionsWithDefaults } from './defaults';
import { RoleConditions, RoleOptions } from './props';

/**
 * The L1 `spec` of a role: the given conditions and options plus what the Auth Service would fill
 * in (defaults.ts), and `{}` for an empty `allow` or `deny`. The server never stores these blocks
 * as nil (they hold `namespaces: ["default"]`, a field the provider schema does not have), so the
 * role has an empty object there, which is what the newest provider plans for an omitted block too.
 */
export function toL1Spec(version: string, options: RoleOptions | undefined, allow: RoleConditions, deny: RoleConditions): l1.role.RoleSpec {
  return withoutUndefined({
    options: optionsWithDefaults(version, options),
    allow: allowWithDefaults(version, allow),
    // deny.app_resources does not exist in the schema; the rules report it, so it is dropped here.
    deny: denyWithDefaults(version, { ...deny, appResources: undefined }),
  });
}

/**
 * Drops undefined fields from plain objects (deeply; tokens untouched). The L1 bindings treat an
 * object with only undefined fields as absent, but `{}` as an empty block, which is what we mean.
 */
function withoutUndefined<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Token.isUnresolved(value)) return value;
  if (Array.isArray(value)) return value.map(withoutUndefined) as unknown as T;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (v !== undefined) out[k] = withoutUndefined(v);
  }
  return out as T;
}
