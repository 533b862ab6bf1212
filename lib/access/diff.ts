// The difference between two access maps at the level of grants: a grant is an atom (one login via
// one leaf role for one root role across one trust, one Kubernetes group, one rule verb, one option,
// one deny). Atoms only in the head are added, only in the base removed (a removed deny widens, an
// added one narrows); an atom in both whose scope changed is widened or narrowed. When the tool
// cannot tell (two different expressions), the change counts as widened.
import { durationMs } from './grants';
import { AccessDiffData, AccessMapData, AccessPath, ConfigLocation, GrantChange, ResourceGrant, TrustEdge } from './model';
import { Selector, loginReaches, selectorText } from './words';
import { compareText } from './text-order';

interface Atom {
  readonly trust: TrustEdge;
  readonly path: AccessPath;
  readonly grant: string;
  readonly deny: boolean;
  /** Shown for widened and narrowed. */
  readonly text: string;
  /** < 0: base is broader, > 0: head is broader, 0: same; undefined: cannot tell (counts as widened). */
  compare(other: Atom): number | undefined;
  readonly selector?: Selector;
  readonly rank?: number;
  /** A rule's `where` ('' for none). */
  readonly where?: string;
}

const isEvery = (s: Selector) => s.labels?.['*']?.length === 1 && s.labels['*'][0] === '*' && s.labelsExpression === undefined;

/** True when selector `x` allows every resource `y` allows (Teleport's MatchLabelGetter: every key must be present and match). */
export function covers(x: Selector, y: Selector): boolean {
  if (isEvery(x)) return true;
  if (isEvery(y)) return false;
  if (x.labelsExpression !== undefined && x.labelsExpression !== y.labelsExpression) return false;
  for (const [k, xv] of Object.entries(x.labels ?? {})) {
    const yv = y.labels?.[k];
    if (!yv) return false;
    if (xv.includes('*')) continue;
    if (yv.includes('*') || !yv.every((v) => xv.includes(v))) return false;
  }
  return true;
}

function compareSelectors(base: Selector, head: Selector): number | undefined {
  const up = covers(head, base);
  const down = covers(base, head);
  if (up && down) return 0;
  if (up) return 1;
  if (down) return -1;
  return undefined;
}

const CONDITION_RANK: Record<string, number> = { always: 2, trait: 1, 'root-unknown': 1, 'at-apply': 1 };

function atomsOf(trust: TrustEdge, path: AccessPath): Atom[] {
  const out: Atom[] = [];
  const selectorAtom = (grant: string, selector: Selector, deny: boolean, rank = 0): Atom => ({
    trust,
    path,
    grant,
    deny,
    selector,
    rank,
    text: selectorText(selector),
    compare(other) {
      const s = compareSelectors(other.selector!, selector);
      const r = Math.sign(rank - (other.rank ?? 0));
      if (s === undefined) return undefined;
      if (s === 0) return r;
      if (r === 0 || r === s) return s;
      return undefined;
    },
  });
  const where = (g: ResourceGrant): Selector => ({ labels: g.labels, labelsExpression: g.labelsExpression });
  for (const l of path.logins.filter(loginReaches)) {
    out.push(
      selectorAtom(
        `ssh login ${l.login} via ${l.role}`,
        { labels: l.nodeLabels, labelsExpression: l.nodeLabelsExpression },
        false,
        CONDITION_RANK[l.condition] ?? 0,
      ),
    );
  }
  for (const g of path.grants.allow) {
    const principals: [string, string[] | undefined][] = [
      ['Kubernetes group', g.kubernetesGroups],
      ['Kubernetes user', g.kubernetesUsers],
      ['database name', g.databaseNames],
      ['database user', g.databaseUsers],
      ['database role', g.databaseRoles],
      ['desktop login', g.kind === 'desktop' ? g.logins : undefined],
    ];
    for (const [what, values] of principals) for (const v of values ?? []) out.push(selectorAtom(`${what} ${v} via ${g.role}`, where(g), false));
    if (g.kind === 'app') out.push(selectorAtom(`apps via ${g.role}`, where(g), false));
    for (const r of g.kubernetesResources ?? [])
      out.push(
        selectorAtom(
          `Kubernetes ${r.verbs.join('|')} on ${r.apiGroup ? `${r.apiGroup}/` : ''}${r.kind} ${r.namespace}/${r.name} via ${g.role}`,
          where(g),
          false,
        ),
      );
  }
  for (const d of path.grants.deny) {
    const values = [
      ...(d.logins ?? []),
      ...(d.kubernetesGroups ?? []),
      ...(d.kubernetesUsers ?? []),
      ...(d.databaseNames ?? []),
      ...(d.databaseUsers ?? []),
    ];
    const sel = where(d);
    if (d.labels || d.labelsExpression !== undefined) out.push(selectorAtom(`deny ${d.kind} on ${selectorText(sel)} via ${d.role}`, {}, true));
    for (const v of values) out.push(selectorAtom(`deny ${d.kind} ${v} via ${d.role}`, {}, true));
  }
  for (const [rules, deny] of [
    [path.grants.rules, false],
    [path.grants.denyRules, true],
  ] as const) {
    for (const r of rules) {
      for (const res of r.resources) {
        for (const verb of r.verbs) {
          const where = r.where ?? '';
          // No `where` is the broadest; two different conditions cannot be compared.
          const compare = (other: Atom) => (where === other.where ? 0 : where === '' ? 1 : other.where === '' ? -1 : undefined);
          out.push({
            trust,
            path,
            deny,
            grant: `${deny ? 'deny ' : ''}rule ${verb} on ${res} via ${r.role}`,
            text: where ? `where ${where}` : 'always',
            where,
            compare,
          });
        }
      }
    }
  }
  const o = path.grants.options;
  const option = (name: string, text: string, rank: number | undefined): Atom => ({
    trust,
    path,
    deny: false,
    grant: `option ${name}`,
    text,
    rank,
    compare: (other) => (rank === undefined || other.rank === undefined ? (text === other.text ? 0 : undefined) : Math.sign(rank - other.rank)),
  });
  out.push(option('max_session_ttl', o.maxSessionTtl ?? 'none', durationMs(o.maxSessionTtl)));
  out.push(option('require_session_mfa', o.requireSessionMfa, { always: 0, 'per-role': 1, never: 2 }[o.requireSessionMfa]));
  out.push(option('permit_x11_forwarding', String(o.permitX11Forwarding), Number(o.permitX11Forwarding)));
  out.push(option('forward_agent', String(o.forwardAgent), Number(o.forwardAgent)));
  out.push(option('port_forwarding', o.portForwarding, { off: 0, local: 1, remote: 1, on: 2 }[o.portForwarding]));
  out.push(option('ssh_file_copy', String(o.sshFileCopy), Number(o.sshFileCopy)));
  return out;
}

const pathKey = (t: TrustEdge, p: AccessPath) => `${t.key}#${p.rootKind}:${p.root}`;

function atomMap(map: AccessMapData): Map<string, Atom> {
  const out = new Map<string, Atom>();
  for (const t of map.trusts) {
    if (!t.enabled) continue; // a disabled trust grants nothing
    for (const p of t.paths) for (const a of atomsOf(t, p)) out.set(`${pathKey(t, p)}#${a.grant}`, a);
  }
  return out;
}

const change = (kind: string, a: Atom, location: ConfigLocation, extra: Partial<GrantChange> = {}): GrantChange => ({
  change: kind,
  trust: a.trust.key,
  root: a.path.root,
  grant: a.grant,
  ...extra,
  location,
});

/** The grant-level difference from `base` to `head`. */
export function diffAccessMaps(base: AccessMapData, head: AccessMapData): AccessDiffData {
  const before = atomMap(base);
  const after = atomMap(head);
  const changes: GrantChange[] = [];
  for (const [key, a] of after) {
    const b = before.get(key);
    if (!b) {
      if (a.grant.startsWith('option ')) continue; // a new path's options come with its grants
      changes.push(change(a.deny ? 'narrowed' : 'added', a, a.trust.location, a.deny ? { after: 'deny added' } : {}));
      continue;
    }
    if (a.text === b.text && (a.rank ?? 0) === (b.rank ?? 0)) continue;
    const c = a.compare(b);
    if (c === 0) continue;
    const widened = c === undefined || (a.deny ? c < 0 : c > 0);
    changes.push(change(widened ? 'widened' : 'narrowed', a, a.trust.location, { before: b.text, after: a.text }));
  }
  for (const [key, b] of before) {
    if (after.has(key) || b.grant.startsWith('option ')) continue;
    changes.push(change(b.deny ? 'widened' : 'removed', b, b.trust.location, b.deny ? { before: 'deny removed' } : {}));
  }
  changes.sort(
    (x, y) => compareText(x.trust, y.trust) || compareText(x.root, y.root) || compareText(x.change, y.change) || compareText(x.grant, y.grant),
  );
  const count = (k: string) => changes.filter((c) => c.change === k).length;
  return { added: count('added'), removed: count('removed'), widened: count('widened'), narrowed: count('narrowed'), changes };
}
