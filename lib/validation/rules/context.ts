// Shared helpers of the offline rules.
import { TfResource, TfStack } from '../../config/model';

export const isExpression = (v: unknown): boolean => typeof v === 'string' && v.includes('${');
export const isLiteral = (v: unknown): v is string => typeof v === 'string' && v !== '' && !v.includes('${');

export function ofType(stack: TfStack, type: string): TfResource[] {
  return stack.resources.filter((r) => r.type === type && r.mode === 'managed');
}

/** Not given: absent, null or empty (an unknown plan value is not "not given": see isUnknownAt). */
export const isUnset = (v: unknown): boolean => v === undefined || v === null || v === '';

/** True when a plan's `after_unknown` tree marks `path` (dotted) as known only after apply. */
export function isUnknownAt(unknown: Record<string, any> | undefined, path: string): boolean {
  let node: any = unknown;
  for (const key of path.split('.')) {
    if (node === true) return true;
    if (!node || typeof node !== 'object') return false;
    node = node[key];
  }
  return node === true;
}

/** Options of the offline checks. */
export interface OfflineOptions {
  /** "Now", for expiry checks. @default the current time */
  readonly now?: Date;
  /** A literal token expiry must be at least this far ahead (time to apply both sides). @default 600 */
  readonly minTokenLifetimeSeconds?: number;
}
