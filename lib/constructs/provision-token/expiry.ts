import { Fn, Token } from 'cdktf';
import { parseGoDuration } from '../../common/duration';

/** The default lifetime of secret tokens (token, trusted cluster): long enough to apply both sides. */
export const DEFAULT_SECRET_TOKEN_TTL = '1h';

/** The lifecycle path ignored when the expiry is relative to the plan. */
export const EXPIRES_PATH = 'metadata.expires';

/** How a token's `metadata.expires` is written. */
export interface ExpiryPlan {
  /** The value of `metadata.expires`, or undefined for no expiry. */
  readonly expires?: string;
  /** True when the value is relative to the plan and changes must be ignored. */
  readonly ignoreChanges: boolean;
  /** `ttl`, `expires`, `none` or `default-ttl`. */
  readonly kind: 'ttl' | 'default-ttl' | 'expires' | 'none';
}

/**
 * Decides `metadata.expires`. A TTL becomes `timeadd(plantimestamp(), "<ttl>")`: known at plan time
 * (so the provider's must-be-in-the-future validator sees a future time on every plan) and ignored
 * after creation (so later plans show no diff). Conflicting inputs are reported by the rules; here
 * the first of ttl, expires, noExpiry wins.
 */
export function planExpiry(p: { ttl?: string; expires?: string; noExpiry?: boolean }, secret: boolean): ExpiryPlan {
  if (p.ttl !== undefined) return { expires: relativeExpiry(p.ttl), ignoreChanges: true, kind: 'ttl' };
  if (p.expires !== undefined) return { expires: p.expires, ignoreChanges: false, kind: 'expires' };
  if (p.noExpiry || !secret) return { ignoreChanges: false, kind: 'none' };
  return { expires: relativeExpiry(DEFAULT_SECRET_TOKEN_TTL), ignoreChanges: true, kind: 'default-ttl' };
}

/**
 * `${timeadd(plantimestamp(), ttl)}`; works with a literal or an unresolved TTL. A literal TTL is
 * written as the expression text itself, which synthesizes to the same JSON as `Fn.timeadd(...)`
 * without creating two cdktf tokens per provision token (each captures a full stack trace).
 */
export function relativeExpiry(ttl: string): string {
  if (!Token.isUnresolved(ttl)) return `\${timeadd(plantimestamp(), ${JSON.stringify(ttl)})}`;
  return Fn.timeadd(Fn.plantimestamp(), ttl);
}

/** True for a literal that is not a positive Go duration. */
export function isBadTtl(ttl: string | undefined): boolean {
  if (ttl === undefined || Token.isUnresolved(ttl)) return false;
  const ms = parseGoDuration(ttl);
  return ms === undefined || ms <= 0;
}
