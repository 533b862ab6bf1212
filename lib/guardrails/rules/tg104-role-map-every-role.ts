import { q } from '../context';
import { GuardrailRule, RuleHit } from '../rule';

export const TG104: GuardrailRule = {
  id: 'TG104',
  level: 'error',
  recommended: true,
  title: 'A `role_map` entry maps every root role',
  explanation:
    '`remote: "*"`, `^.*$` or any pattern that matches every name maps every role of the root cluster, including ' +
    'roles created there later, to the leaf roles listed: whoever can create or assign a role on the root reaches the ' +
    'leaf. The guide\'s own example of `*` is "to let *any* user from the root cluster connect to the leaf cluster".',
  sources: [
    'Teleport trusted-cluster guide, "Wildcard characters"',
    'gravitational/teleport lib/services/trustedcluster.go @ 61186677 `MapRoles`; api/utils/replace.go @ d98fd454 `GlobToRegexp`',
  ],
  fix: 'Map named root roles (`remote: "access"`), or a pattern anchored to a prefix the root reserves for this leaf (`^leaf-eu-(.*)$`).',
  check(context) {
    const hits: RuleHit[] = [];
    for (const trust of context.map.trusts) {
      for (const entry of trust.roleMap) {
        if (!entry.matchesEveryRole) continue;
        hits.push({
          location: trust.location,
          path: `spec.role_map[${entry.index}].remote`,
          message: `role_map[${entry.index}] remote ${q(entry.remote)} maps every role of root ${q(trust.root)} to ${entry.local.map(q).join(', ') || 'no role'}.`,
        });
      }
    }
    return hits;
  },
};
