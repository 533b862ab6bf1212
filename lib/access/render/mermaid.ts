// A Mermaid flowchart of the map: root roles -> leaf roles -> what they reach. GitHub and GitLab
// render it in a Markdown ```mermaid block. Node ids are generated (n1, n2, ...); labels are quoted
// with `"` written as `#quot;`, and no control characters.
import { AccessMapData } from '../model';
import { resourcesText } from '../words';
import { escapeUnsafe } from '../../report/sanitize';

const label = (text: string): string =>
  `"${escapeUnsafe(text)
    .replace(/"/g, '#quot;')
    .replace(/[<>]/g, (c) => (c === '<' ? '#lt;' : '#gt;'))}"`;

/** The flowchart source, with its node and edge counts. */
export function mermaidGraph(map: AccessMapData): { source: string; nodes: number; edges: number } {
  const ids = new Map<string, string>();
  const lines = ['flowchart LR'];
  const edges = new Set<string>();
  const node = (key: string, text: string): string => {
    let id = ids.get(key);
    if (!id) {
      id = `n${ids.size + 1}`;
      ids.set(key, id);
      lines.push(`  ${id}[${label(text)}]`);
    }
    return id;
  };
  const edge = (from: string, to: string, text?: string) => {
    const line = `  ${from} -->${text ? `|${label(text)}|` : ''} ${to}`;
    if (!edges.has(line)) {
      edges.add(line);
      lines.push(line);
    }
  };
  for (const t of map.trusts) {
    if (!t.enabled) continue;
    for (const p of t.paths) {
      const root = node(`root|${t.root}|${p.rootKind}|${p.root}`, `${t.root}: ${p.rootKind === 'pattern' ? `roles matching ${p.root}` : p.root}`);
      for (const name of p.leafRoles) {
        const leafRole = node(`leaf|${t.key}|${name}`, `${t.leaf.name}: ${name}`);
        edge(root, leafRole);
        const role = t.leafRoles.find((r) => r.name === name);
        for (const g of role?.grants.allow ?? []) {
          const target = node(`target|${t.key}|${resourcesText(g)}`, `${t.leaf.name} ${resourcesText(g)}`);
          edge(leafRole, target, g.kind === 'ssh' || g.kind === 'desktop' ? `${g.kind} ${(g.logins ?? []).join(', ')}` : g.kind);
        }
      }
    }
  }
  return { source: lines.join('\n'), nodes: ids.size, edges: edges.size };
}
