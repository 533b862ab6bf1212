// The text report: per leaf and trusted cluster, per root role or pattern, the grants in a table.
import { AccessDiffData, AccessMapData, TrustEdge } from '../model';
import { escapeUnsafe } from '../../report/sanitize';
import { Row, hints, roleMapText, trustRows } from './rows';
import { changeSummary, mapSummary } from './summary';

const COLUMNS: [keyof Row, string][] = [
  ['root', 'ROOT ROLE'],
  ['leafRoles', 'LEAF ROLES'],
  ['access', 'ACCESS'],
  ['on', 'ON'],
  ['who', 'FOR'],
];

function table(rows: Row[]): string[] {
  const cells = [COLUMNS.map(([, h]) => h), ...rows.map((r) => COLUMNS.map(([k]) => escapeUnsafe(r[k])))];
  const widths = COLUMNS.map((_, i) => Math.min(48, Math.max(...cells.map((c) => c[i].length))));
  return cells.map(
    (c) =>
      '  ' +
      c
        .map((v, i) => (i === c.length - 1 ? v : v.padEnd(widths[i])))
        .join('  ')
        .trimEnd(),
  );
}

export const trustTitle = (t: TrustEdge): string =>
  `leaf ${t.leaf.name} trusts root ${t.root} (${t.enabledAtApply ? 'enabled: known at apply' : t.enabled ? 'enabled' : 'DISABLED'})`;

export const whereText = (t: TrustEdge): string =>
  `${t.location.address} in stack ${t.location.stack}, provider ${t.location.provider}${t.location.constructPath ? ` (${t.location.constructPath})` : ''}`;

export function renderText(map: AccessMapData, diff?: AccessDiffData): string {
  const lines: string[] = [`cdktf-teleport access: ${mapSummary(map)}`];
  if (diff) {
    lines.push(`changes against the base: ${changeSummary(diff)}`);
    for (const c of diff.changes)
      lines.push(
        `  ${c.change.toUpperCase().padEnd(8)} ${escapeUnsafe(c.trust)}  ${escapeUnsafe(c.root)}: ${escapeUnsafe(c.grant)}${c.before !== undefined || c.after !== undefined ? ` (${escapeUnsafe(c.before ?? '-')} -> ${escapeUnsafe(c.after ?? '-')})` : ''}`,
      );
  }
  for (const t of map.trusts) {
    lines.push('', escapeUnsafe(trustTitle(t)), `  ${escapeUnsafe(whereText(t))}`);
    for (const m of roleMapText(t)) lines.push(`  ${escapeUnsafe(m)}`);
    for (const n of t.notes) lines.push(`  note: ${escapeUnsafe(n)}`);
    for (const r of t.leafRoles) for (const n of r.notes) lines.push(`  note (leaf role ${escapeUnsafe(r.name)}): ${escapeUnsafe(n)}`);
    lines.push('', ...table(trustRows(t)));
    const h = hints(t);
    if (h.length) lines.push('', ...h.map((x) => `  hint: ${escapeUnsafe(x)}`));
  }
  return lines.join('\n') + '\n';
}
