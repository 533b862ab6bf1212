import { Token } from 'cdktf';
import { canonicalSystemRole } from '../../common/system-roles';

// The enum and its canonical spellings are shared with the role rules (lib/common/system-roles.ts).
export { SystemRole } from '../../common/system-roles';

/** Canonicalizes known literal roles; unknown roles and unresolved tokens pass through unchanged. */
export function canonicalRoles(roles: readonly string[]): string[] {
  if (Token.isUnresolved(roles)) return [...roles];
  return roles.map((r) => (Token.isUnresolved(r) ? r : (canonicalSystemRole(r) ?? r)));
}
