// Teleport's role_map syntax (api/types/trustedcluster.go RoleMap.Map, api/utils ReplaceRegexp and
// GlobToRegexp): a remote `^...$` is a Go RE2 regular expression, anything else a glob whose every
// `*` becomes a capture group `(.*)`; local names may use `$1`, `${1}`, `${name}` expansions
// (Go's Regexp.Expand). Internal.

/** True when a local role name is an expansion (`$1`, `${name}`): Teleport does not require it to exist. */
export function isExpansion(name: string): boolean {
  return name.includes('$');
}

/** True when a remote role is a regular expression (`^...$`), as Teleport decides it. */
export function isRegex(remote: string): boolean {
  return remote.startsWith('^') && remote.endsWith('$');
}

/** A scan of a regular expression: what is outside escapes and character classes. */
interface Scan {
  /** Capturing groups, numbered and named. */
  readonly groups: number;
  /** Names of named groups (`(?P<n>`, `(?<n>`). */
  readonly names: string[];
  /** The first construct RE2 does not support, described for a message. */
  readonly unsupported?: string;
}

function scan(expression: string): Scan {
  let groups = 0;
  const names: string[] = [];
  let unsupported: string | undefined;
  let inClass = false;
  for (let i = 0; i < expression.length; i++) {
    const c = expression[i];
    if (c === '\\') {
      const next = expression[i + 1] ?? '';
      if (/[1-9]/.test(next) || (next === 'k' && expression[i + 2] === '<'))
        unsupported ??= `a backreference (\\${next}${next === 'k' ? '<...>' : ''})`;
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') {
      inClass = true;
      if (expression[i + 1] === ']') i++; // a leading ] is literal
      continue;
    }
    if (c !== '(') continue;
    const rest = expression.slice(i + 1);
    const lookaround = /^\?(<?[=!])/.exec(rest);
    if (lookaround) {
      unsupported ??= `a ${lookaround[1].startsWith('<') ? 'lookbehind' : 'lookahead'} ((?${lookaround[1]}...)`;
      continue;
    }
    const named = /^\?P?<([A-Za-z_][A-Za-z0-9_]*)>/.exec(rest);
    if (named) {
      groups++;
      names.push(named[1]);
    } else if (!rest.startsWith('?')) {
      groups++;
    }
  }
  return { groups, names, unsupported };
}

/** What Go's RE2 rejects although JavaScript accepts it (lookarounds, backreferences), or undefined. */
export function re2Unsupported(expression: string): string | undefined {
  return scan(expression).unsupported;
}

/**
 * True when an RE2 expression is well formed. RE2-only syntax (`(?P<name>`, inline flags such as
 * `(?i)`) is translated first, then JavaScript parses the rest (the two agree on everything else
 * role_map expressions use); `re2Unsupported` covers what JavaScript accepts and RE2 does not.
 */
export function re2Compiles(expression: string): boolean {
  const js = expression
    .replace(/\(\?P</g, '(?<')
    .replace(/\(\?[imsU-]+\)/g, '')
    .replace(/\(\?[imsU-]+:/g, '(?:');
  try {
    new RegExp(js);
    return true;
  } catch {
    return false;
  }
}

/** The group references of a local role name, as Go's Regexp.Expand reads them (`$1x` is the name "1x"). */
function references(local: string): string[] {
  const out: string[] = [];
  for (const m of local.matchAll(/\$(\$|\{([^}]*)\}|([A-Za-z0-9_]+))/g)) {
    if (m[1] === '$') continue; // $$ is a literal $
    out.push(m[2] ?? m[3]);
  }
  return out;
}

/**
 * Why a local role's expansion cannot work with this remote, or undefined: it refers to a group the
 * remote does not have (a plain name has none; a glob has one per `*`), which Teleport expands to
 * nothing, silently granting no role (or a different one).
 */
export function expansionProblem(remote: string, local: string): string | undefined {
  const refs = references(local);
  if (refs.length === 0) return undefined;
  const regex = isRegex(remote);
  const { groups, names } = regex ? scan(remote) : { groups: (remote.match(/\*/g) ?? []).length, names: [] as string[] };
  for (const ref of refs) {
    const known = /^\d+$/.test(ref) ? Number(ref) <= groups : names.includes(ref);
    if (known) continue;
    const what = regex
      ? `the regular expression "${remote}"`
      : groups
        ? `the glob "${remote}"`
        : `"${remote}", neither a ^...$ regular expression nor a glob with *,`;
    return `local role "${local}" refers to group "${ref}", but ${what} has ${groups ? `${groups} capture group${groups > 1 ? 's' : ''}${names.length ? ` (named: ${names.join(', ')})` : ''}` : 'no capture groups'}: Teleport expands the reference to an empty string, so the mapping silently grants no role or a different one.`;
  }
  return undefined;
}
