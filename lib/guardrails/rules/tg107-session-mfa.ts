import { roleHit, roleText } from '../context';
import { GuardrailRule, RuleHit } from '../rule';

export const TG107: GuardrailRule = {
  id: 'TG107',
  level: 'warning',
  recommended: true,
  title: 'A root-reachable leaf role grants logins or Kubernetes groups without per-session MFA',
  explanation:
    'Without `require_session_mfa`, a stolen root certificate opens SSH and Kubernetes sessions on the leaf for as ' +
    'long as it lives. With it, every session asks for a fresh MFA check. Teleport asks when a role that requires it ' +
    "is the one granting access, so it belongs on the leaf role. (The leaf's cluster auth preference can also " +
    'require it cluster-wide; that is not in this configuration: acknowledge the finding if it does.)',
  sources: [
    'Teleport role reference (role-spec.mdx) `options.require_session_mfa`: "require per-session MFA for any assigned user of this role"',
    'gravitational/teleport lib/services/role.go `getMFARequired`',
  ],
  fix: 'Set `options.require_session_mfa` on the leaf role (Role option `requireSessionMfa: RequireMfaType.SESSION`).',
  check(context) {
    const hits: RuleHit[] = [];
    for (const role of context.reached) {
      const options = role.role.grants.options;
      if (options.requireSessionMfa !== 'never' || options.atApply.includes('require_session_mfa')) continue;
      const allow = role.role.grants.allow;
      const logins = allow.some((g) => g.kind === 'ssh' && (g.logins ?? []).length > 0);
      const groups = allow.some((g) => g.kind === 'kubernetes' && (g.kubernetesGroups ?? []).length > 0);
      if (!logins && !groups) continue;
      const what = [logins ? 'SSH logins' : '', groups ? 'Kubernetes groups' : ''].filter(Boolean).join(' and ');
      hits.push(
        roleHit(role, 'options.require_session_mfa', `${roleText(role)} grants ${what} without per-session MFA, and ${role.from} reaches it.`),
      );
    }
    return hits;
  },
};
