import { q, roleHit, roleText } from '../context';
import { GuardrailRule, RuleHit } from '../rule';
import { canExpandTo } from '../templates';

const MASTERS = 'system:masters';

export const TG106: GuardrailRule = {
  id: 'TG106',
  level: 'error',
  recommended: true,
  title: 'A root-reachable leaf role grants the Kubernetes group `system:masters` (or `*`)',
  explanation:
    'Members of `system:masters` bypass Kubernetes authorization: every request is allowed, on every Kubernetes ' +
    "cluster the role's labels select. A `*` group, or a template that the root user's traits can fill with " +
    "`system:masters` (`{{internal.kubernetes_groups}}` is what the root role issues; the guide's example root role " +
    'carries `system:masters`), does the same.',
  sources: [
    'Kubernetes documentation, "Using RBAC Authorization": `system:masters` is the super-user group',
    'Teleport trusted-cluster guide, "Sharing user traits between trusted clusters" (`kubernetes_groups: ["system:masters"]` shared through `{{internal.kubernetes_groups}}`)',
  ],
  fix: 'Grant named groups bound to narrow Roles/ClusterRoles (`kubernetes_groups: ["viewers"]`); where a template must stay, map only root roles that issue such groups.',
  check(context) {
    const hits: RuleHit[] = [];
    for (const role of context.reached) {
      const groups = new Set<string>();
      for (const { path } of role.reaches) {
        const deniedGroups = path.grants.deny.filter((d) => d.kind === 'kubernetes').flatMap((d) => d.kubernetesGroups ?? []);
        if (deniedGroups.includes(MASTERS) || deniedGroups.includes('*')) continue;
        for (const grant of path.grants.allow) {
          if (grant.kind !== 'kubernetes' || grant.role !== role.name) continue;
          for (const g of grant.kubernetesGroups ?? []) if (g === '*' || canExpandTo(g, MASTERS)) groups.add(g);
        }
      }
      if (groups.size === 0) continue;
      hits.push(
        roleHit(
          role,
          'allow.kubernetes_groups',
          `${roleText(role)} grants the Kubernetes group(s) ${[...groups].map(q).join(', ')}, and ${role.from} reaches it.`,
        ),
      );
    }
    return hits;
  },
};
