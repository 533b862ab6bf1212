// Reading props at synth when any value may be a cdktf token: the helpers every rule table shares.
// Value checks look at literals only; a token (a reference, a variable) is never judged.
import { Token } from 'cdktf';

/** A literal string (not a token). */
export function known(v: unknown): v is string {
  return typeof v === 'string' && !Token.isUnresolved(v);
}

/** True when a value is given: a non-blank string, a non-empty list, any other value or any token. */
export function given(v: unknown): boolean {
  if (v === undefined || v === null) return false;
  if (Token.isUnresolved(v)) return true;
  if (typeof v === 'string') return v.trim() !== '';
  if (Array.isArray(v)) return v.length > 0;
  return true;
}

/** The literal entries of a list (tokens dropped), or [] for an unset or token list. */
export function items<T>(list: readonly T[] | undefined): T[] {
  if (!Array.isArray(list) || Token.isUnresolved(list)) return [];
  return list.filter((x) => x !== undefined && !Token.isUnresolved(x));
}

/** An entry of a list and its 1-based position (as messages number entries: "rule #2"). */
export interface Entry<T> {
  readonly item: T;
  readonly n: number;
}

/** The first literal entry for which `bad` holds (tokens skipped), with its 1-based position, or undefined. */
export function firstBad<T>(list: readonly T[] | undefined, bad: (x: T) => boolean): Entry<T> | undefined {
  if (!Array.isArray(list) || Token.isUnresolved(list)) return undefined;
  const i = list.findIndex((x) => x !== undefined && !Token.isUnresolved(x) && bad(x));
  return i < 0 ? undefined : { item: list[i], n: i + 1 };
}

/** Literal map entries (token maps skipped). */
export function entries<V>(map: { [key: string]: V } | undefined): [string, V][] {
  if (map === null || typeof map !== 'object' || Array.isArray(map) || Token.isUnresolved(map)) return [];
  return Object.entries(map);
}

/** `"a", "b", "c"`, for messages. */
export const quoted = (xs: readonly string[]): string => xs.map((x) => `"${x}"`).join(', ');

/** The first literal entry with a literal member for which `bad` holds: the entry's 1-based position and that member. */
export function firstBadMember<T, M>(
  list: readonly T[] | undefined,
  members: (x: T) => readonly M[] | undefined,
  bad: (m: M) => boolean,
): Entry<M> | undefined {
  if (!Array.isArray(list) || Token.isUnresolved(list)) return undefined;
  for (let i = 0; i < list.length; i++) {
    const x = list[i];
    if (x === undefined || Token.isUnresolved(x)) continue;
    const member = items(members(x)).find(bad);
    if (member !== undefined) return { item: member, n: i + 1 };
  }
  return undefined;
}

/** The first literal entry for which `problem` says something: the entry, its 1-based position and what it said. */
export function firstProblem<T, P>(
  list: readonly T[] | undefined,
  problem: (x: T) => P | undefined,
): (Entry<T> & { readonly problem: P }) | undefined {
  if (!Array.isArray(list) || Token.isUnresolved(list)) return undefined;
  for (let i = 0; i < list.length; i++) {
    const x = list[i];
    if (x === undefined || Token.isUnresolved(x)) continue;
    const p = problem(x);
    if (p !== undefined) return { item: x, n: i + 1, problem: p };
  }
  return undefined;
}
