// The rows of the text and Markdown tables: per trust, per root role (or pattern), what it reaches.
import { AccessPath, RuleGrant, TrustEdge } from '../model';
import { conditionText, resourcesText, selectorText } from '../words';

/** One line of a table. */
export interface Row {
  readonly root: string;
  readonly leafRoles: string;
  readonly access: string;
  readonly on: string;
  readonly who: string;
}

export function rootLabel(p: AccessPath): string {
  if (p.rootKind === 'pattern') return `pattern ${p.root}`;
  if (p.rootKind === 'unknown-role') return `${p.root} (not in config)`;
  return p.rootSource === 'preset' ? `${p.root} (preset)` : p.root;
}

const list = (values: readonly string[] | undefined) => (values ?? []).join(', ');

/** Rules of one role with the same verbs and condition, as one rule over all their resources. */
function groupRules(rules: readonly RuleGrant[]): RuleGrant[] {
  const groups = new Map<string, RuleGrant>();
  for (const r of rules) {
    const key = `${r.role}\u0000${r.verbs.join(',')}\u0000${r.where ?? ''}`;
    const g = groups.get(key);
    groups.set(key, g ? { ...g, resources: [...g.resources, ...r.resources] } : r);
  }
  return [...groups.values()];
}

function pathRows(p: AccessPath, unknownRoles: ReadonlySet<string>): Row[] {
  const base = { root: rootLabel(p), leafRoles: p.leafRoles.join(', ') || '(none)' };
  const everyone = p.rootKind === 'role' ? 'every user of the root role' : 'root users with a matching role';
  const rows: Row[] = [];
  for (const l of p.logins)
    rows.push({
      ...base,
      access: `ssh login ${l.login}`,
      on: `nodes: ${selectorText({ labels: l.nodeLabels, labelsExpression: l.nodeLabelsExpression })}`,
      who: conditionText(l),
    });
  for (const g of p.grants.allow) {
    if (g.kind === 'ssh') continue;
    const parts: string[] = [];
    if (g.kubernetesGroups) parts.push(`groups ${list(g.kubernetesGroups)}`);
    if (g.kubernetesUsers) parts.push(`users ${list(g.kubernetesUsers)}`);
    if (g.databaseNames) parts.push(`names ${list(g.databaseNames)}`);
    if (g.databaseUsers) parts.push(`users ${list(g.databaseUsers)}`);
    if (g.databaseRoles) parts.push(`roles ${list(g.databaseRoles)}`);
    if (g.kind === 'desktop' && g.logins) parts.push(`logins ${list(g.logins)}`);
    for (const r of g.kubernetesResources ?? [])
      parts.push(`resources ${r.apiGroup ? `${r.apiGroup}/` : ''}${r.kind} in ${r.namespace}/${r.name} (verbs ${r.verbs.join(',')})`);
    rows.push({ ...base, access: `${g.kind}${parts.length ? ` ${parts.join('; ')}` : ''} (via ${g.role})`, on: resourcesText(g), who: everyone });
  }
  for (const r of groupRules(p.grants.rules))
    rows.push({
      ...base,
      access: `rule ${r.verbs.join(',')} on ${r.resources.join(', ')} (via ${r.role})`,
      on: r.where ? `where ${r.where}` : "the leaf's API",
      who: everyone,
    });
  for (const d of p.grants.deny) {
    const what = [
      ...(d.logins ?? []),
      ...(d.kubernetesGroups ?? []),
      ...(d.kubernetesUsers ?? []),
      ...(d.databaseNames ?? []),
      ...(d.databaseUsers ?? []),
    ];
    rows.push({
      ...base,
      access: `DENY ${d.kind}${what.length ? ` ${what.join(', ')}` : ''} (via ${d.role})`,
      on: resourcesText(d),
      who: 'nobody (deny wins)',
    });
  }
  for (const r of groupRules(p.grants.denyRules))
    rows.push({
      ...base,
      access: `DENY rule ${r.verbs.join(',')} on ${r.resources.join(',')} (via ${r.role})`,
      on: r.where ? `where ${r.where}` : "the leaf's API",
      who: 'nobody (deny wins)',
    });
  for (const name of p.leafRoles.filter((n) => unknownRoles.has(n)))
    rows.push({ ...base, access: `(grants of ${name} not known)`, on: '', who: 'see the note on this role' });
  if (p.leafRoles.some((n) => !unknownRoles.has(n))) {
    const o = p.grants.options;
    rows.push({
      ...base,
      access: 'options',
      on: `max_session_ttl ${o.maxSessionTtl ?? 'none'}, session MFA ${o.requireSessionMfa}, port forwarding ${o.portForwarding}, agent forwarding ${o.forwardAgent ? 'on' : 'off'}, X11 ${o.permitX11Forwarding ? 'on' : 'off'}, file copy ${o.sshFileCopy ? 'on' : 'off'}`,
      who: '',
    });
  } else if (!p.leafRoles.length) rows.push({ ...base, access: '(no leaf role)', on: '', who: 'the mapping expands to no role name' });
  return rows;
}

/** Every row of one trust. */
export function trustRows(t: TrustEdge): Row[] {
  const unknown = new Set(t.leafRoles.filter((r) => r.source === 'missing' || r.source === 'expansion').map((r) => r.name));
  return t.paths.flatMap((p) => pathRows(p, unknown));
}

/** Lines that explain what a root user needs, once per login and trait (the seed guide's traits step). */
export function hints(t: TrustEdge): string[] {
  const out = new Set<string>();
  for (const p of t.paths) {
    for (const l of p.logins) {
      if (l.condition !== 'trait' || !l.traits.length || l.login.includes('{{')) continue;
      out.add(
        `root users reach login "${l.login}" only with "${l.login}" in their ${l.traits.map((x) => `"${x}"`).join('/')} trait on the root (their root role ${p.root} issues ${l.rootValue}): set it on the root user, e.g. tctl users update <user> --set-logins=...,${l.login}`,
      );
    }
  }
  return [...out];
}

/** `access -> visitor`. */
export const roleMapText = (t: TrustEdge): string[] =>
  t.roleMap.map((e) => `role_map[${e.index}]: ${e.remote} -> ${e.local.join(', ')}${e.matchesEveryRole ? ' (maps EVERY root role)' : ''}`);
