// Shared helpers of the offline rules.
import { TfResource, TfStack } from '../model';

export const isExpression = (v: unknown): boolean => typeof v === 'string' && v.includes('${');
export const isLiteral = (v: unknown): v is string => typeof v === 'string' && v !== '' && !v.includes('${');

export function ofType(stack: TfStack, type: string): TfResource[] {
  return stack.resources.filter((r) => r.type === type && r.mode === 'managed');
}

/** A literal `host:port` with a numeric port (IPv6 hosts in brackets). */
export function hasPort(addr: string): boolean {
  const m = /^(\[[0-9a-fA-F:.]+\]|[^:\s/\[\]]+):(\d{1,5})$/.exec(addr);
  return !!m && Number(m[2]) >= 1 && Number(m[2]) <= 65535;
}

/** Options of the offline checks. */
export interface OfflineOptions {
  /** "Now", for expiry checks. @default the current time */
  readonly now?: Date;
  /** A literal token expiry must be at least this far ahead (time to apply both sides). @default 600 */
  readonly minTokenLifetimeSeconds?: number;
}
