import { TrustEdge } from '../../access/model';
import { hostOf } from '../../access/values';
import { q } from '../context';
import { GuardrailRule, RuleHit } from '../rule';

/** Names of one cluster: a root's `metadata.name` and its proxy host are the same cluster. */
class ClusterNames {
  private readonly parent = new Map<string, string>();

  find(name: string): string {
    let at = name.toLowerCase();
    while (this.parent.has(at) && this.parent.get(at) !== at) at = this.parent.get(at)!;
    return at;
  }

  same(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent.set(ra, rb);
  }
}

/** The trusts that lie on a cycle of leaf -> root edges (a cluster that trusts itself included). */
export function trustsOnCycles(trusts: readonly TrustEdge[]): TrustEdge[] {
  const names = new ClusterNames();
  for (const t of trusts) {
    const proxy = hostOf(t.rootProxy);
    if (proxy) names.same(t.root, proxy);
  }
  const edges = trusts.map((t) => ({ trust: t, from: names.find(t.leaf.name), to: names.find(t.root) }));
  const next = new Map<string, string[]>();
  for (const e of edges) next.set(e.from, [...(next.get(e.from) ?? []), e.to]);
  // An edge from -> to is on a cycle when `from` is reachable from `to`.
  const reaches = (start: string, goal: string): boolean => {
    const seen = new Set<string>();
    const stack = [start];
    while (stack.length) {
      const at = stack.pop()!;
      if (at === goal) return true;
      if (seen.has(at)) continue;
      seen.add(at);
      stack.push(...(next.get(at) ?? []));
    }
    return false;
  };
  return edges.filter((e) => reaches(e.to, e.from)).map((e) => e.trust);
}

export const TG204: GuardrailRule = {
  id: 'TG204',
  level: 'error',
  recommended: true,
  title: 'Trusted clusters form a cycle: a root is also a leaf of its own leaf',
  explanation:
    "A trusted cluster makes the leaf accept what the root's certificate authority signs. When the root is also a leaf " +
    "of that cluster (directly, or through other clusters, across stacks), each side accepts the other's " +
    'certificates: users of either reach both, and the one-way root/leaf boundary is gone. Teleport refuses a cluster ' +
    'that trusts itself but cannot see a cycle spread over several clusters; the configuration can.',
  sources: [
    'gravitational/teleport lib/auth/trustedcluster.go @ 000ee221 `establishTrust` ("remote cluster name can not be the same as local cluster name")',
    'Teleport trusted-cluster guide (the leaf trusts the root; root users reach the leaf, not the reverse)',
  ],
  fix: 'Choose one root for each pair of clusters and remove the trusted cluster on the other side.',
  check(context) {
    const hits: RuleHit[] = [];
    for (const trust of trustsOnCycles(context.map.trusts)) {
      hits.push({
        location: trust.location,
        path: 'metadata.name',
        message: `leaf ${q(trust.leaf.name)} trusts root ${q(trust.root)}, which (directly or through other clusters) trusts ${q(trust.leaf.name)} back.`,
      });
    }
    return hits;
  },
};
