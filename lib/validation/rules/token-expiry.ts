// A literal metadata.expires must be in the future and far enough ahead to apply both sides.
import { Finding } from '../../report/finding';
import { TfStack } from '../../config/model';
import { OfflineOptions, isLiteral, ofType } from './context';

export function tokenExpiryFindings(stack: TfStack, options: OfflineOptions): Finding[] {
  const out: Finding[] = [];
  const now = options.now ?? new Date();
  const min = options.minTokenLifetimeSeconds ?? 600;
  for (const t of ofType(stack, 'teleport_provision_token')) {
    const expires = t.values.metadata?.expires;
    if (!isLiteral(expires)) continue;
    const when = new Date(expires);
    const path = 'metadata.expires';
    if (Number.isNaN(when.getTime())) {
      out.push({
        severity: 'error',
        check: 'validate.token-expiry',
        resource: t.address,
        path,
        message: `"${expires}" is not an RFC 3339 time.`,
        fix: 'write e.g. "2030-01-01T00:00:00Z", or use a TTL relative to the plan (ProvisionToken ttl).',
      });
    } else if (when.getTime() <= now.getTime()) {
      out.push({
        severity: 'error',
        check: 'validate.token-expiry',
        resource: t.address,
        path,
        message: `${expires} is in the past: the provider rejects it and Teleport has deleted (or will delete) the token.`,
        fix: 'use a TTL relative to the plan (timeadd(plantimestamp(), "1h") with ignore_changes), as ProvisionToken does.',
      });
    } else if (when.getTime() - now.getTime() < min * 1000) {
      out.push({
        severity: 'warning',
        check: 'validate.token-expiry',
        resource: t.address,
        path,
        message: `${expires} is less than ${min} s away: the token may expire before both sides are applied.`,
        fix: 'give the token more time, or a TTL relative to the plan.',
      });
    }
  }
  return out;
}
