// The provision tokens of a configuration as facts about trust: which ones let a cluster join as a
// leaf (the `Trusted_cluster` role), whether their secret is written in the configuration, and how
// long they live. Sources: gravitational/teleport api/types/provisioning.go
// `ProvisionTokenV2.CheckAndSetDefaults` (roles are matched case-insensitively, `trusted_cluster`
// and `trustedcluster` are aliases; `join_method` defaults to `ec2` with `allow` rules, else to
// `token`, and for `token` the name *is* the secret) and docs/provision-token.md (how the
// constructs write a TTL: `${timeadd(plantimestamp(), "1h")}`).
import { TfInput } from '../config/model';
import { isTrustedClusterRole } from '../common/system-roles';
import { locationOf } from './clusters';
import { durationMs } from './grants';
import { ConfigLocation } from './model';
import { isExpression, stringList } from './values';

/** How long a token lives, as far as the configuration says. */
export interface TokenExpiry {
  /**
   * `none` (no `metadata.expires`: the token never expires), `ttl` (relative to the plan or the
   * apply: `timeadd(plantimestamp()|timestamp(), "<duration>")`), `absolute` (an RFC 3339 time),
   * or `at-apply` (another expression: known only at apply).
   */
  readonly kind: 'none' | 'ttl' | 'absolute' | 'at-apply';
  /** The `metadata.expires` value as written. */
  readonly text?: string;
  /** For `ttl`: the duration in milliseconds; for `absolute`: the time in epoch milliseconds. */
  readonly ms?: number;
  /** For `ttl`: the duration as written (`15m`). */
  readonly duration?: string;
}

/** One managed `teleport_provision_token`. */
export interface TokenFact {
  readonly location: ConfigLocation;
  /** `spec.roles` as written. */
  readonly roles: string[];
  /** True when the roles include `Trusted_cluster` (any spelling Teleport accepts). */
  readonly trustedCluster: boolean;
  /** The join method, with Teleport's default applied (`token`, or `ec2` with `allow` rules); `at-apply` for an expression. */
  readonly joinMethod: string;
  /** `literal` (the name is written in the configuration), `generated` (unset: the provider generates it) or `reference` (an expression). */
  readonly name: 'literal' | 'generated' | 'reference';
  readonly expiry: TokenExpiry;
}

const RELATIVE = /^\$\{\s*timeadd\(\s*(?:plan)?timestamp\(\)\s*,\s*"([^"]+)"\s*\)\s*\}$/;

function expiryOf(value: unknown): TokenExpiry {
  if (value === undefined || value === null || value === '') return { kind: 'none' };
  if (typeof value !== 'string') return { kind: 'at-apply' };
  const relative = RELATIVE.exec(value);
  if (relative) {
    const ms = durationMs(relative[1]);
    return ms === undefined ? { kind: 'at-apply', text: value } : { kind: 'ttl', text: value, ms, duration: relative[1] };
  }
  if (isExpression(value)) return { kind: 'at-apply', text: value };
  const when = Date.parse(value);
  return Number.isNaN(when) ? { kind: 'at-apply', text: value } : { kind: 'absolute', text: value, ms: when };
}

/** The provision tokens (managed resources) of every stack of an input. */
export function tokenFacts(input: TfInput): TokenFact[] {
  const out: TokenFact[] = [];
  for (const stack of input.stacks) {
    for (const r of stack.resources) {
      if (r.type !== 'teleport_provision_token' || r.mode !== 'managed') continue;
      const spec = r.values.spec && typeof r.values.spec === 'object' ? r.values.spec : {};
      const roles = stringList(spec.roles);
      const method = spec.join_method;
      const hasAllow = Array.isArray(spec.allow) ? spec.allow.length > 0 : spec.allow !== undefined && spec.allow !== null;
      const joinMethod = typeof method === 'string' && method !== '' ? (isExpression(method) ? 'at-apply' : method) : hasAllow ? 'ec2' : 'token';
      const name = r.values.metadata?.name;
      out.push({
        location: locationOf(r),
        roles,
        trustedCluster: roles.some(isTrustedClusterRole),
        joinMethod,
        name:
          name === undefined || name === null || name === ''
            ? 'generated'
            : typeof name === 'string' && !isExpression(name)
              ? 'literal'
              : 'reference',
        expiry: expiryOf(r.values.metadata?.expires),
      });
    }
  }
  return out;
}
