// Terraform version constraints (`required_providers ... version`), as Terraform reads them:
// comma-separated conditions that must all hold, each `=`, `!=`, `>`, `>=`, `<`, `<=` or `~>`
// followed by a version of one to three numbers (missing numbers are zero). `~>` lets only the
// right-most given number grow: `~> 18` and `~> 18.1` mean >= that, < 19.0.0; `~> 18.1.2` means
// >= 18.1.2, < 18.2.0. Pre-release and build suffixes are ignored (Teleport versions compare by
// their numbers here).

export type Version = readonly [number, number, number];

interface Condition {
  readonly op: '=' | '!=' | '>' | '>=' | '<' | '<=' | '~>';
  readonly version: Version;
  /** How many numbers were written (for `~>`). */
  readonly given: number;
}

const CONDITION = /^(=|!=|>=|<=|>|<|~>)?\s*v?(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:[-+][0-9A-Za-z.+-]*)?$/;

/** The conditions of a constraint, or undefined when it is not Terraform constraint syntax. */
export function parseConstraint(text: string): readonly Condition[] | undefined {
  const parts = text.split(',').map((p) => p.trim());
  if (parts.length === 0 || parts.some((p) => p === '')) return undefined;
  const out: Condition[] = [];
  for (const part of parts) {
    const m = CONDITION.exec(part);
    if (!m) return undefined;
    const given = m[4] !== undefined ? 3 : m[3] !== undefined ? 2 : 1;
    out.push({ op: (m[1] ?? '=') as Condition['op'], version: [Number(m[2]), Number(m[3] ?? 0), Number(m[4] ?? 0)], given });
  }
  return out;
}

/** `1.2.3` (also `v1.2.3`, `1.2.3-rc.1`) as numbers, or undefined. */
export function parseVersion(text: string | undefined): Version | undefined {
  const m = /^v?(\d+)\.(\d+)\.(\d+)/.exec(text ?? '');
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : undefined;
}

const compare = (a: Version, b: Version): number => a[0] - b[0] || a[1] - b[1] || a[2] - b[2];

/** The exclusive upper bound of `~>`: the number before the right-most given one, bumped. */
function pessimisticUpper(c: Condition): Version {
  const [major, minor] = c.version;
  return c.given === 3 ? [major, minor + 1, 0] : [major + 1, 0, 0];
}

function holds(c: Condition, v: Version): boolean {
  const d = compare(v, c.version);
  switch (c.op) {
    case '=':
      return d === 0;
    case '!=':
      return d !== 0;
    case '>':
      return d > 0;
    case '>=':
      return d >= 0;
    case '<':
      return d < 0;
    case '<=':
      return d <= 0;
    case '~>':
      return d >= 0 && compare(v, pessimisticUpper(c)) < 0;
  }
}

/** True when `version` meets every condition. */
export function satisfies(conditions: readonly Condition[], version: Version): boolean {
  return conditions.every((c) => holds(c, version));
}

/**
 * True when some version with this major meets every condition. The versions that meet them form
 * intervals whose lowest members are the major's first version, a boundary the constraint names,
 * or the next patch after one; so those candidates are enough to test.
 */
export function admitsMajor(conditions: readonly Condition[], major: number): boolean {
  const candidates: Version[] = [[major, 0, 0]];
  for (const c of conditions) {
    for (const b of [c.version, ...(c.op === '~>' ? [pessimisticUpper(c)] : [])]) candidates.push(b, [b[0], b[1], b[2] + 1]);
  }
  return candidates.some((v) => v[0] === major && satisfies(conditions, v));
}
