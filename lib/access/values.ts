// Reading attribute values of the Terraform JSON model: literals, `${...}` expressions (known only
// at apply, never guessed) and plans' unknown markers.
import { TfResource } from '../config/model';

/** True for a string that holds a Terraform expression (`${...}`): its value is known only at apply. */
export const isExpression = (v: unknown): boolean => typeof v === 'string' && v.includes('${');

/** True when a plan's `after_unknown` tree marks `path` (dotted) as known only after apply. */
export function unknownInPlan(resource: TfResource, path: string): boolean {
  let node: unknown = resource.unknown;
  for (const key of path.split('.')) {
    if (node === true) return true;
    if (!node || typeof node !== 'object') return false;
    node = (node as Record<string, unknown>)[key];
  }
  return node === true;
}

/** A value at `path` (dotted) of a resource's values; undefined when absent or null. */
export function valueAt(values: Record<string, unknown> | undefined, path: string): unknown {
  let node: unknown = values;
  for (const key of path.split('.')) {
    if (!node || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node === null ? undefined : node;
}

/** A list of strings as written: non-strings are dropped; a whole-list expression is one entry. */
export function stringList(v: unknown): string[] {
  if (v === undefined || v === null) return [];
  if (typeof v === 'string') return [v];
  if (!Array.isArray(v)) return [];
  return v.filter((x): x is string => typeof x === 'string');
}

/** A label selector (`{key: [values]}`) as written; a whole-map expression becomes `{"${...}": []}`. */
export function labelMap(v: unknown): Record<string, string[]> | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string') return { [v]: [] };
  if (typeof v !== 'object' || Array.isArray(v)) return undefined;
  const out: Record<string, string[]> = {};
  for (const [k, values] of Object.entries(v as Record<string, unknown>)) out[k] = stringList(values);
  return out;
}

/** True for a selector Teleport reads as "everything": `'*': ['*']` (services.MatchLabelGetter). */
export function isWildcardSelector(labels: Record<string, string[]> | undefined): boolean {
  const values = labels?.['*'];
  return values !== undefined && values.length === 1 && values[0] === '*';
}

/** A map with at least one key (Go's `len(labels) > 0`). */
export const hasKeys = (m: Record<string, unknown> | undefined): boolean => m !== undefined && Object.keys(m).length > 0;

/** Sorted, deduplicated. */
export const uniqueSorted = (values: Iterable<string>): string[] => [...new Set(values)].sort();

/** The host of a `host:port` address (lowercased), or undefined when it is an expression or empty. */
export function hostOf(address: unknown): string | undefined {
  if (typeof address !== 'string' || address === '' || isExpression(address)) return undefined;
  const bare = address.replace(/^[a-z]+:\/\//i, '').replace(/\/.*$/, '');
  const m = /^\[([^\]]+)\](?::\d+)?$/.exec(bare) ?? /^([^:]+)(?::\d+)?$/.exec(bare);
  return (m ? m[1] : bare).toLowerCase();
}
