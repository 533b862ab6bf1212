import { loginsOf, q, roleHit, roleText } from '../context';
import { GuardrailRule, RuleHit } from '../rule';
import { canExpandTo } from '../templates';

export const TG103: GuardrailRule = {
  id: 'TG103',
  level: 'error',
  recommended: true,
  title: 'A root-reachable leaf role allows the login `root` (or a template that can expand to it)',
  explanation:
    'Root users mapped to this role can log in as `root` on the nodes it selects: written as such, or through a ' +
    "template whose value comes from the root user's traits (`{{internal.logins}}` is whatever the root's roles and " +
    'traits put into the certificate, and the guide\'s own example shares a root role with `logins: ["root"]`). ' +
    'One misconfigured or compromised root account then owns those leaf nodes.',
  sources: [
    'Teleport trusted-cluster guide, "Sharing user traits between trusted clusters" (a root role with `logins: ["root"]` shared through `{{internal.logins}}`)',
    'gravitational/teleport lib/srv/authhandlers.go @ 4dc4f336 `UserKeyAuth` (a node accepts a login that is a certificate principal and a mapped role allows)',
  ],
  fix: 'List the logins root users need, none of them `root`; where a template must stay, deny `root` in the leaf role (`deny.logins: ["root"]`, Role.denyLogins(\'root\')).',
  check(context) {
    const hits: RuleHit[] = [];
    for (const role of context.reached) {
      const found = loginsOf(role).filter(({ login, reach }) => {
        if (!canExpandTo(login.login, 'root')) return false;
        const denies = reach.path.grants.deny.filter((d) => d.kind === 'ssh');
        return !denies.some((d) => d.everyResource || (d.logins ?? []).includes('root'));
      });
      const logins = [...new Set(found.map((l) => l.login.login))];
      if (logins.length === 0) continue;
      const how = logins.map((l) => (l === 'root' ? q(l) : `${q(l)} (can expand to "root")`)).join(', ');
      hits.push(roleHit(role, 'allow.logins', `${roleText(role)} allows the login ${how}, and ${role.from} reaches it.`));
    }
    return hits;
  },
};
