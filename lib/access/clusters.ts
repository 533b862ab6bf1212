// Which cluster each provider configuration talks to, and the roles configured on each cluster.
// A cluster is named by the host of its provider's `addr`; a provider whose address is not literal
// (or not set: TF_TELEPORT_ADDR) is a cluster of its own, `<stack>/<provider>`.
import { TfResource, TfStack } from '../config/model';
import { ClusterRef, ConfigLocation } from './model';
import { hostOf } from './values';

/** A `teleport_role` of the configuration. */
export interface ConfiguredRole {
  readonly name: string;
  readonly cluster: string;
  readonly resource: TfResource;
  readonly location: ConfigLocation;
}

/** Where a resource lives, with its construct path when the stack is a synthesized configuration. */
export function locationOf(r: TfResource): ConfigLocation {
  return {
    stack: r.stack,
    address: r.address,
    provider: r.providerKey,
    ...(r.constructPath !== undefined ? { constructPath: r.constructPath } : {}),
  };
}

/** The clusters and roles of a set of stacks. */
export class ClusterIndex {
  private readonly providers = new Map<string, ClusterRef>();
  /** Roles by cluster name, then by role name (several definitions kept in input order). */
  private readonly roles = new Map<string, Map<string, ConfiguredRole[]>>();

  constructor(stacks: readonly TfStack[]) {
    for (const stack of stacks) {
      for (const p of stack.providers) {
        const address = typeof p.values.addr === 'string' ? p.values.addr : undefined;
        this.providers.set(`${stack.name}\u0000${p.key}`, {
          name: hostOf(address) ?? `${stack.name}/${p.key}`,
          ...(address !== undefined ? { address } : {}),
          stack: stack.name,
          provider: p.key,
        });
      }
      for (const r of stack.resources) {
        if (r.type !== 'teleport_role' || r.mode !== 'managed') continue;
        const name = r.values.metadata?.name;
        if (typeof name !== 'string' || name === '') continue;
        const cluster = this.cluster(r.stack, r.providerKey).name;
        let byName = this.roles.get(cluster);
        if (!byName) this.roles.set(cluster, (byName = new Map()));
        const list = byName.get(name) ?? [];
        list.push({ name, cluster, resource: r, location: locationOf(r) });
        byName.set(name, list);
      }
    }
  }

  /** The cluster a stack's provider configuration talks to. */
  cluster(stack: string, provider: string): ClusterRef {
    return this.providers.get(`${stack}\u0000${provider}`) ?? { name: `${stack}/${provider}`, stack, provider };
  }

  /** The roles configured on a cluster, by name. */
  rolesOf(cluster: string | undefined): ReadonlyMap<string, ConfiguredRole[]> {
    return (cluster !== undefined ? this.roles.get(cluster) : undefined) ?? new Map();
  }

  /**
   * One definition of a role on a cluster: the one on the same stack and provider as `near` first,
   * then one in the same stack, else the first in input order.
   */
  role(cluster: string | undefined, name: string, near: { stack: string; provider?: string }): ConfiguredRole | undefined {
    const list = this.rolesOf(cluster).get(name);
    if (!list) return undefined;
    return (
      list.find((r) => r.location.stack === near.stack && r.location.provider === near.provider) ??
      list.find((r) => r.location.stack === near.stack) ??
      list[0]
    );
  }
}
