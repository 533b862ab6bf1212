// Teleport's role_map, as the leaf evaluates it for a root user's roles (gravitational/teleport
// lib/services/trustedcluster.go `MapRoles`, api/utils/replace.go `ReplaceRegexp` and
// `GlobToRegexp`): a remote `^...$` is an RE2 regular expression, anything else a glob whose every
// `*` is a capture group `(.*)`; the whole role name must match; each local name is expanded with
// Go's Regexp.Expand (`$1`, `${1}`, `${name}`), and an expansion that comes out empty maps nothing.
// RE2 runs here as re2js (linear time: a hostile pattern cannot stall the command). An exact name
// needs no regular expression (what `^QuoteMeta(name)$` matches is the name itself), so re2js loads
// only for a glob or an expression: most role maps name exact roles, and a cold synth skips it.
import type * as Re2js from 're2js';
import { isExpression } from './values';

/** How a `remote` pattern is read. */
export type RemoteKind = 'exact' | 'glob' | 'regex' | 'at-apply' | 'invalid';

/** A compiled `remote` pattern. */
export interface RemotePattern {
  readonly remote: string;
  readonly kind: RemoteKind;
  /** Why an `invalid` pattern does not compile (Teleport rejects the trusted cluster). */
  readonly error?: string;
  /** True when the pattern matches every role name (see {@link matchesEveryRole}). */
  readonly matchesEveryRole: boolean;
  /** The local role names for `role` (expanded), or undefined when `role` does not match. */
  map(role: string, locals: readonly string[]): string[] | undefined;
}

/** Go's regexp.QuoteMeta. */
const quoteMeta = (s: string): string => s.replace(/[\\.+*?()|[\]{}^$]/g, '\\$&');

/** Go's `utils.GlobToRegexp`: every (quoted) `*` becomes `(.*)`. */
export const globToRegexp = (glob: string): string => quoteMeta(glob).replace(/\\\*/g, '(.*)');

/** Names every role-matching pattern must match to count as "matches every role" (checked by probing). */
const PROBES = [
  'a',
  'Z',
  '0',
  'access',
  'editor',
  'auditor',
  'visitor',
  'root',
  'dev-team',
  'a.b_c@d:e',
  '@teleport-access-approver',
  'x'.repeat(120),
  'with space',
];

/** Go's Regexp.Expand of `template` for one match (`group(i)` / `group(name)` of the match). */
export function goExpand(template: string, group: (ref: string) => string | undefined): string {
  let out = '';
  for (let i = 0; i < template.length; i++) {
    const c = template[i];
    if (c !== '$') {
      out += c;
      continue;
    }
    const rest = template.slice(i + 1);
    if (rest.startsWith('$')) {
      out += '$';
      i++;
      continue;
    }
    const m = /^\{([A-Za-z0-9_]+)\}/.exec(rest) ?? /^([A-Za-z0-9_]+)/.exec(rest);
    if (!m) {
      out += '$'; // malformed: Go keeps the $ as text
      continue;
    }
    out += group(m[1]) ?? '';
    i += m[0].length;
  }
  return out;
}

/** An exact name: it matches only the whole name itself, whose text is group 0 (`$0`); no other group exists. */
function exactPattern(remote: string): RemotePattern {
  const map = (role: string, locals: readonly string[]): string[] | undefined => {
    if (role !== remote) return undefined;
    return locals.map((local) => goExpand(local, (ref) => (/^\d+$/.test(ref) && Number(ref) === 0 ? role : undefined)));
  };
  return { remote, kind: 'exact', matchesEveryRole: false, map };
}

function compile(remote: string): RemotePattern {
  if (isExpression(remote)) return { remote, kind: 'at-apply', matchesEveryRole: false, map: () => undefined };
  const regex = remote.startsWith('^') && remote.endsWith('$');
  if (!regex && !remote.includes('*')) return exactPattern(remote);
  const source = regex ? remote : `^${globToRegexp(remote)}$`;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { RE2JS } = require('re2js') as typeof Re2js;
  let re: ReturnType<typeof RE2JS.compile>;
  try {
    re = RE2JS.compile(source);
  } catch (e) {
    return { remote, kind: 'invalid', error: (e as Error).message, matchesEveryRole: false, map: () => undefined };
  }
  const named = re.namedGroups() as Record<string, number>;
  const map = (role: string, locals: readonly string[]): string[] | undefined => {
    const m = re.matcher(role);
    const matches: { start: number; end: number; groups: (string | null)[] }[] = [];
    while (m.find()) {
      const groups: (string | null)[] = [];
      for (let g = 0; g <= m.groupCount(); g++) groups.push(m.group(g));
      matches.push({ start: m.start(), end: m.end(), groups });
    }
    if (matches.length === 0) return undefined;
    // Go's ReplaceAllString: every match replaced by the expanded template, the rest kept.
    return locals.map((local) => {
      let out = '';
      let at = 0;
      for (const match of matches) {
        out += role.slice(at, match.start);
        out += goExpand(local, (ref) => {
          const index = /^\d+$/.test(ref) ? Number(ref) : named[ref];
          return index === undefined ? undefined : (match.groups[index] ?? undefined);
        });
        at = match.end;
      }
      return out + role.slice(at);
    });
  };
  const kind: RemoteKind = regex ? 'regex' : 'glob';
  const matchesEveryRole = PROBES.every((p) => re.matches(p));
  return { remote, kind, matchesEveryRole, map };
}

const cache = new Map<string, RemotePattern>();

/** The compiled pattern for a `remote` value (compiled once per distinct text). */
export function remotePattern(remote: string): RemotePattern {
  let p = cache.get(remote);
  if (!p) {
    p = compile(remote);
    if (cache.size > 10000) cache.clear();
    cache.set(remote, p);
  }
  return p;
}

/** True when a local role name uses an expansion (`$1`): it names a role only once a root role matched. */
export const isExpansion = (local: string): boolean => /\$/.test(local);
