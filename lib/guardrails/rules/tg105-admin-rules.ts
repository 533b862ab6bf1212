import { RuleGrant } from '../../access/model';
import { q, roleHit, roleText } from '../context';
import { GuardrailRule, RuleHit } from '../rule';

/** Resources whose write access is administration of the leaf's access control. */
export const ADMIN_RESOURCES = [
  'role',
  'user',
  'token',
  'trusted_cluster',
  'cluster_auth_preference',
  'cert_authority',
  'auth_connector',
  'github',
  'oidc',
  'saml',
  '*',
];
/** Verbs that change a resource. */
export const WRITE_VERBS = ['create', 'update', 'delete', '*'];

/** The (resource, verb) pairs of one rule that write an admin resource. */
function adminWrites(rule: RuleGrant): string[] {
  const out: string[] = [];
  for (const resource of rule.resources) {
    if (!ADMIN_RESOURCES.includes(resource)) continue;
    for (const verb of rule.verbs) if (WRITE_VERBS.includes(verb)) out.push(`${resource}:${verb}`);
  }
  return out;
}

/** True when a deny rule of the role set takes that write away (deny wins, a `where` clause aside). */
function denied(pair: string, denyRules: readonly RuleGrant[]): boolean {
  const [resource, verb] = pair.split(':');
  return denyRules.some(
    (d) => !d.where && (d.resources.includes(resource) || d.resources.includes('*')) && (d.verbs.includes(verb) || d.verbs.includes('*')),
  );
}

export const TG105: GuardrailRule = {
  id: 'TG105',
  level: 'error',
  recommended: true,
  title: 'A root-reachable leaf role can write roles, users, tokens, trusted clusters, auth settings or connectors',
  explanation:
    'A `rules` entry with `create`, `update`, `delete` or `*` on `role`, `user`, `token`, `trusted_cluster`, ' +
    '`cluster_auth_preference`, `cert_authority`, an auth connector (`auth_connector`, `github`, `oidc`, `saml`) or `*` ' +
    "lets root users rewrite the leaf's access control: give themselves any role, issue join tokens, change the trust " +
    'itself. The leaf is then administered from the root, whatever its own roles say.',
  sources: [
    'Teleport role reference (role-spec.mdx) `rules`: resources and verbs',
    'gravitational/teleport lib/services/presets.go @ 00d0ff93 `NewPresetEditorRole` (the administrator preset writes exactly these)',
  ],
  fix: "Keep only `list` and `read` in the leaf role's rules for these resources, or administer the leaf with its own users instead of mapped root users.",
  check(context) {
    const hits: RuleHit[] = [];
    for (const role of context.reached) {
      const pairs = new Set<string>();
      for (const { path } of role.reaches) {
        for (const rule of path.grants.rules) {
          if (rule.role !== role.name) continue;
          for (const pair of adminWrites(rule)) if (!denied(pair, path.grants.denyRules)) pairs.add(pair);
        }
      }
      if (pairs.size === 0) continue;
      hits.push(
        roleHit(role, 'allow.rules', `${roleText(role)} can write ${[...pairs].map(q).join(', ')} on the leaf, and ${role.from} reaches it.`),
      );
    }
    return hits;
  },
};
