import { loginsOf, q, roleHit, roleText } from '../context';
import { GuardrailRule, RuleHit } from '../rule';
import { isOpenValue } from '../templates';

/** A login that is not a fixed, non-root name: a template, a value known only at apply, or `root`. */
export const isOpenLogin = (login: string): boolean => isOpenValue(login) || login === 'root';

export const TG101: GuardrailRule = {
  id: 'TG101',
  level: 'error',
  recommended: true,
  title: 'A root-reachable leaf role allows every node with a login that is not a fixed, non-root name',
  explanation:
    "Root users mapped to this role can open a session on every node of the leaf (`'*': '*'` node labels, or a " +
    '`node_labels_expression` that is always true) as `root`, or as a login chosen by a template (`{{internal.logins}}`, ' +
    "`{{external.*}}`) or known only at apply. A template login is whatever the root user's traits or the identity " +
    'provider say: whoever controls those on the root chooses the account on every leaf node, and the leaf gives up ' +
    'its own say over SSH access.',
  sources: [
    'Teleport trusted-cluster guide, "Sharing user traits between trusted clusters": `{{internal.logins}}` on the leaf is what the root role issues',
    'gravitational/teleport lib/services/access_checker.go @ d5b24a10 `AccessInfoFromRemoteSSHIdentity` (the leaf sets the `logins` trait from the root certificate)',
    "gravitational/teleport lib/services/role.go `CheckLabelsMatch` (an allow needs labels and expression to match; `'*': '*'` matches every node)",
  ],
  fix: "Narrow the leaf role's `node_labels` to the nodes root users need, and list fixed, non-root logins (e.g. `visitor`) instead of templates.",
  check(context) {
    const hits: RuleHit[] = [];
    for (const role of context.reached) {
      const open = [
        ...new Set(
          loginsOf(role)
            .filter((l) => l.login.everyNode && isOpenLogin(l.login.login))
            .map((l) => l.login.login),
        ),
      ];
      if (open.length === 0) continue;
      hits.push(roleHit(role, 'allow.node_labels', `${roleText(role)} allows every node as ${open.map(q).join(', ')}, and ${role.from} reaches it.`));
    }
    return hits;
  },
};
