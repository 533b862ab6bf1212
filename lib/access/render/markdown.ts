// The Markdown report, for a pull-request comment: a summary line, the changes (with a base), a
// table per trusted cluster and a Mermaid graph; long tables and large graphs are collapsed in
// <details> sections so the comment stays readable.
import { AccessDiffData, AccessMapData } from '../model';
import { mermaidGraph } from './mermaid';
import { escapeUnsafe } from '../../report/sanitize';
import { hints, roleMapText, trustRows } from './rows';
import { changeSummary, mapSummary } from './summary';
import { trustTitle, whereText } from './text';

/** Rows beyond which a table is collapsed; edges beyond which the graph is. */
export const COLLAPSE_ROWS = 12;
export const COLLAPSE_EDGES = 40;

/** Text in a Markdown table cell or paragraph: no control characters, no Markdown or HTML syntax. */
export const md = (text: string): string =>
  escapeUnsafe(text)
    .replace(/[\\`*_[\]|#~]/g, '\\$&')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');

const tableLines = (head: string[], rows: string[][]): string[] => [
  `| ${head.join(' | ')} |`,
  `| ${head.map(() => '---').join(' | ')} |`,
  ...rows.map((r) => `| ${r.map(md).join(' | ')} |`),
];

const collapsed = (summary: string, body: string[], collapse: boolean): string[] =>
  collapse ? ['<details>', `<summary>${md(summary)}</summary>`, '', ...body, '', '</details>'] : body;

export function renderMarkdown(map: AccessMapData, diff?: AccessDiffData): string {
  const lines: string[] = [];
  lines.push(diff ? `**Teleport access:** ${md(changeSummary(diff))} (${md(mapSummary(map))})` : `**Teleport access:** ${md(mapSummary(map))}`);
  if (diff && diff.changes.length) {
    const rows = diff.changes.map((c) => [c.change, c.trust, c.root, c.grant, c.before ?? '', c.after ?? '']);
    lines.push(
      '',
      ...collapsed(
        `${diff.changes.length} changes`,
        tableLines(['change', 'trust', 'root role', 'grant', 'before', 'after'], rows),
        rows.length > COLLAPSE_ROWS,
      ),
    );
  }
  for (const t of map.trusts) {
    lines.push('', `#### ${md(trustTitle(t))}`, '', md(whereText(t)), '');
    for (const m of [...roleMapText(t), ...t.notes.map((n) => `note: ${n}`), ...hints(t).map((h) => `hint: ${h}`)]) lines.push(`- ${md(m)}`);
    const rows = trustRows(t).map((r) => [r.root, r.leafRoles, r.access, r.on, r.who]);
    lines.push(
      '',
      ...collapsed(
        `${rows.length} grants of ${t.leaf.name} <- ${t.root}`,
        tableLines(['root role', 'leaf roles', 'access', 'on', 'for'], rows),
        rows.length > COLLAPSE_ROWS,
      ),
    );
  }
  const graph = mermaidGraph(map);
  if (graph.edges)
    lines.push(
      '',
      ...collapsed(`graph: ${graph.nodes} nodes, ${graph.edges} edges`, ['```mermaid', graph.source, '```'], graph.edges > COLLAPSE_EDGES),
    );
  return lines.join('\n') + '\n';
}
