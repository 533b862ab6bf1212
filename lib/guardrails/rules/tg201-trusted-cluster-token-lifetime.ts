import { TokenFact } from '../../access/tokens';
import { q } from '../context';
import { GuardrailRule, RuleHit } from '../rule';

/** How long a token lives past `now`, in words, or undefined when within the threshold (or unknown). */
function tooLong(token: TokenFact, maxMs: number, now: number): string | undefined {
  const e = token.expiry;
  if (e.kind === 'none') return 'never expires (no metadata.expires)';
  if (e.kind === 'ttl' && e.ms! > maxMs) return `lives ${q(e.duration!)} from the apply`;
  if (e.kind === 'absolute' && e.ms! - now > maxMs) return `expires at ${q(e.text!)}, more than the threshold from now`;
  return undefined;
}

export const TG201: GuardrailRule = {
  id: 'TG201',
  level: 'error',
  recommended: true,
  title: 'A `Trusted_cluster` join token never expires or lives longer than the threshold (`maxTrustedClusterTokenTtl`, 1h by default)',
  explanation:
    'A token with the `Trusted_cluster` role is the invitation a leaf presents to join the root; it only has to live ' +
    'until both sides are applied. Without an expiry (`noExpiry`) or with a long one it stays a standing invitation: ' +
    'anyone who learns it can attach a cluster of their own to the root as a leaf. The guide creates it with ' +
    '`tctl tokens add --type=trusted_cluster --ttl=15m`.',
  sources: [
    'Teleport trusted-cluster guide, step 2 (a `trusted_cluster` token with `--ttl=15m`)',
    'gravitational/teleport api/types/provisioning.go `ProvisionTokenV2.CheckAndSetDefaults` (expired tokens fail validation; a token without expiry never expires)',
    'docs/provision-token.md (how TTLs are written)',
  ],
  fix: "Give the token a TTL of an hour or less (`ProvisionToken.forTrustedCluster(..., { ttl: '15m' })`; `TrustedClusterLink` uses 1h), and switch to the joined phase once the leaf has joined.",
  check(context) {
    const hits: RuleHit[] = [];
    const { maxTrustedClusterTokenTtl, maxTrustedClusterTokenTtlMs, now } = context.thresholds;
    for (const token of context.tokens) {
      if (!token.trustedCluster) continue;
      const why = tooLong(token, maxTrustedClusterTokenTtlMs, now);
      if (!why) continue;
      hits.push({
        location: token.location,
        path: 'metadata.expires',
        message: `this Trusted_cluster join token ${why}; the threshold is ${q(maxTrustedClusterTokenTtl)}.`,
      });
    }
    return hits;
  },
};
