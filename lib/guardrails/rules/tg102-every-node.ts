import { loginsOf, q, roleHit, roleText } from '../context';
import { GuardrailRule, RuleHit } from '../rule';
import { isOpenLogin } from './tg101-every-node-open-login';

export const TG102: GuardrailRule = {
  id: 'TG102',
  level: 'error',
  recommended: true,
  title: 'A root-reachable leaf role allows every node of the leaf',
  explanation:
    "Root users mapped to this role can open a session on every node of the leaf (`'*': '*'` node labels, or a " +
    '`node_labels_expression` that is always true), including every node that joins later, with no change to the ' +
    "configuration. Teleport's guide makes role mapping the way to restrict what root users reach on a leaf. " +
    '(Logins that are templates or `root` are TG101; this rule is the rest: fixed, non-root logins.)',
  sources: [
    'Teleport trusted-cluster guide, "Role mapping and cluster-level labels": "use role mapping as the primary way to restrict access to leaf clusters"',
    'Teleport role reference (role-spec.mdx) `node_labels`; gravitational/teleport lib/services/role.go `CheckLabelsMatch`',
  ],
  fix: 'Give the leaf role `node_labels` (or a `node_labels_expression`) that select only the nodes root users need, e.g. `env: staging`.',
  check(context) {
    const hits: RuleHit[] = [];
    for (const role of context.reached) {
      const fixed = [
        ...new Set(
          loginsOf(role)
            .filter((l) => l.login.everyNode && !isOpenLogin(l.login.login))
            .map((l) => l.login.login),
        ),
      ];
      if (fixed.length === 0) continue;
      hits.push(
        roleHit(
          role,
          'allow.node_labels',
          `${roleText(role)} allows every node of the leaf (as ${fixed.map(q).join(', ')}), and ${role.from} reaches it.`,
        ),
      );
    }
    return hits;
  },
};
