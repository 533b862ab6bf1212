// One-line summaries of a map and of a diff.
import { AccessDiffData, AccessMapData } from '../model';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function mapSummary(map: AccessMapData): string {
  const leaves = new Set(map.trusts.map((t) => t.leaf.name)).size;
  const paths = map.trusts.reduce((n, t) => n + t.paths.length, 0);
  const disabled = map.trusts.filter((t) => !t.enabled).length;
  return `${plural(map.trusts.length, 'trusted cluster')} on ${plural(leaves, 'leaf', 'leaves')}, ${plural(paths, 'root role path')}${disabled ? `, ${disabled} disabled` : ''}`;
}

/** "+2 grants, −1 grant, 1 widened, 0 narrowed". */
export const changeSummary = (d: AccessDiffData): string =>
  `+${plural(d.added, 'grant')}, \u2212${plural(d.removed, 'grant')}, ${d.widened} widened, ${d.narrowed} narrowed`;
