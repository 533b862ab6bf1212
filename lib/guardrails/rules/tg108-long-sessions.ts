import { durationMs } from '../../access/grants';
import { q, roleHit, roleText } from '../context';
import { GuardrailRule, RuleHit } from '../rule';

export const TG108: GuardrailRule = {
  id: 'TG108',
  level: 'warning',
  recommended: true,
  title: 'A root-reachable leaf role allows sessions longer than the threshold (`maxSessionTtl`, 8h by default)',
  explanation:
    '`max_session_ttl` caps how long a certificate for the role lives; when it is not set the Auth Service fills in ' +
    "30h. A long TTL keeps a root user's access to the leaf alive long after the user has left or the root role has " +
    "changed. The role reference's example uses 8h, the default threshold here.",
  sources: [
    'Teleport role reference (role-spec.mdx) `options.max_session_ttl` (example: `8h`)',
    'gravitational/teleport api/types/role.go `CheckAndSetDefaults` (30h when unset; docs/role-defaults.md)',
  ],
  fix: "Set `options.max_session_ttl` to a working session (8h or less), or raise the pack's `maxSessionTtl` threshold where longer sessions are policy.",
  check(context) {
    const hits: RuleHit[] = [];
    const { maxSessionTtl, maxSessionTtlMs } = context.thresholds;
    for (const role of context.reached) {
      const ttl = role.role.grants.options.maxSessionTtl;
      const ms = durationMs(ttl);
      if (ttl === undefined || ms === undefined || ms <= maxSessionTtlMs) continue;
      hits.push(
        roleHit(
          role,
          'options.max_session_ttl',
          `${roleText(role)} allows sessions of ${q(ttl)}, above ${q(maxSessionTtl)}, and ${role.from} reaches it.`,
        ),
      );
    }
    return hits;
  },
};
