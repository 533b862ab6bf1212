import { q } from '../context';
import { GuardrailRule, RuleHit } from '../rule';

export const TG203: GuardrailRule = {
  id: 'TG203',
  level: 'warning',
  recommended: true,
  title: 'A trusted cluster is disabled (`enabled: false`) but left in the configuration',
  explanation:
    "Disabling closes the reverse tunnel and deactivates the root's certificate authority on the leaf, but the trust " +
    "stays: its role_map and the root's CA remain on the leaf, and one change of `enabled` restores every grant it " +
    'had, without a review of what the role_map maps by then. A dead trust is better removed.',
  sources: ['Teleport trusted-cluster guide, "Temporarily disable a trusted cluster"'],
  fix: 'Remove the trusted cluster (and its Trusted_cluster token on the root) once the trust is over; keep it disabled only for a short, tracked period, with an acknowledgement.',
  check(context) {
    const hits: RuleHit[] = [];
    for (const trust of context.map.trusts) {
      if (trust.enabled || trust.enabledAtApply) continue;
      hits.push({
        location: trust.location,
        path: 'spec.enabled',
        message: `the trust of leaf ${q(trust.leaf.name)} in root ${q(trust.root)} is disabled and kept.`,
      });
    }
    return hits;
  },
};
