// Effective SSH logins across a trust. The root issues the user's certificate: its principals are
// the logins of the user's root roles (templates expanded with the root user's traits). The leaf
// maps the certificate's roles and sets the `logins` trait to those principals (gravitational/
// teleport lib/services/access_checker.go `AccessInfoFromRemoteSSHIdentity`), and the node accepts
// a login only if it is one of the certificate's principals (lib/srv/authhandlers.go `UserKeyAuth`,
// x/crypto/ssh CertChecker) and a mapped leaf role allows it on that node (`canLoginWithRBAC`).
// So a login needs both sides; templates stay symbolic; a trait the user lacks expands to nothing
// (lib/services/role.go `ApplyValueTraits` returns NotFound, and the value is skipped).
import { LoginGrant, ResourceGrant } from './model';
import { isExpression, uniqueSorted } from './values';

/** The root side of a path: the root role's logins, or unknown. */
export interface RootLogins {
  readonly known: boolean;
  readonly logins: readonly string[];
}

const TRAIT_REF = /\b(?:internal|external)\.([A-Za-z0-9_-]+)|\b(?:internal|external)\["([^"]+)"\]/g;

/**
 * True for a value with a `{{...}}` template (on one line). Linear: a regular expression here
 * (`/\{\{.*\}\}/`) backtracks quadratically on a long run of `{{` without `}}`.
 */
export function isTemplate(v: string): boolean {
  for (const line of v.split('\n')) {
    const open = line.indexOf('{{');
    if (open >= 0 && line.indexOf('}}', open + 2) >= 0) return true;
  }
  return false;
}

/** The trait names a template reads (`{{internal.logins}}` → `logins`, `{{email.local(external.email)}}` → `email`). */
export function templateTraits(v: string): string[] {
  const out: string[] = [];
  for (const m of v.matchAll(TRAIT_REF)) out.push(m[1] ?? m[2]);
  return uniqueSorted(out);
}

/** The `{{internal.logins}}` template (with any spacing): on a leaf it is the certificate's principals. */
const isInternalLogins = (v: string): boolean => /^\{\{\s*internal\.logins\s*\}\}$/.test(v);

function rootCondition(login: string, root: RootLogins): Pick<LoginGrant, 'condition' | 'traits' | 'rootValue'> {
  if (!root.known) return { condition: 'root-unknown', traits: [] };
  if (root.logins.includes(login)) return { condition: 'always', traits: [], rootValue: login };
  const templates = root.logins.filter(isTemplate);
  if (templates.length === 0) return { condition: 'not-issued', traits: [] };
  return { condition: 'trait', traits: uniqueSorted(templates.flatMap(templateTraits)), rootValue: templates.join(', ') };
}

/** The effective logins of one leaf SSH grant for one root role, with the logins the role set denies. */
export function effectiveLogins(grant: ResourceGrant, root: RootLogins, denied: ReadonlySet<string>, denyAll: boolean): LoginGrant[] {
  const where = {
    role: grant.role,
    ...(grant.labels ? { nodeLabels: grant.labels } : {}),
    ...(grant.labelsExpression !== undefined ? { nodeLabelsExpression: grant.labelsExpression } : {}),
    everyNode: grant.everyResource,
  };
  const out: LoginGrant[] = [];
  const push = (login: string, side: Pick<LoginGrant, 'condition' | 'traits' | 'rootValue'>) => {
    const isDenied = denyAll || denied.has(login);
    out.push({ login, ...where, ...side, ...(isDenied ? { condition: 'denied' } : {}) });
  };
  for (const value of grant.logins ?? []) {
    if (isExpression(value)) push(value, { condition: 'at-apply', traits: [] });
    else if (isInternalLogins(value)) {
      // The leaf's `logins` trait is the certificate's principals: the root role's own logins.
      if (!root.known) push(value, { condition: 'root-unknown', traits: ['logins'] });
      else if (root.logins.length === 0) push(value, { condition: 'not-issued', traits: [] });
      else
        for (const rootLogin of root.logins)
          push(
            rootLogin,
            isTemplate(rootLogin)
              ? { condition: 'trait', traits: templateTraits(rootLogin), rootValue: rootLogin }
              : { condition: 'always', traits: [], rootValue: rootLogin },
          );
    } else if (isTemplate(value)) {
      // Another trait of the root user, and it must also be one of the certificate's logins.
      const side = root.known
        ? { condition: root.logins.length ? 'trait' : 'not-issued', traits: templateTraits(value) }
        : { condition: 'root-unknown', traits: templateTraits(value) };
      push(value, side);
    } else push(value, rootCondition(value, root));
  }
  return out;
}
