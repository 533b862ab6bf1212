// What a cluster said, in one shape whichever credential asked: a web session (lists read over the
// proxy's web API) or an identity (reads over gRPC from the Auth Service). The rules in
// trust-rules.ts read only this, so both credential kinds feed the same rule functions.

/** An answer about one named thing: the thing, `null` when the cluster has none, undefined when not asked. */
export type Lookup<T> = (name: string) => T | null | undefined;

export interface TrustedClusterFact {
  /** web_proxy_addr and tunnel_addr as the leaf stores them; undefined where the credential cannot see them (web session). */
  readonly proxyAddress?: string;
  readonly tunnelAddress?: string;
}

export interface TokenFact {
  readonly roles: readonly string[];
  /** RFC 3339; Go's zero time or absent for "never". */
  readonly expiry?: string;
}

export interface RemoteClusterFact {
  /** `online` / `offline`, when known. */
  readonly connection?: string;
  readonly lastHeartbeat?: string;
}

/** A read that was not made, and why (shown as "not checked"). */
export type Unavailable = 'roles' | 'trustedClusters' | 'tokens' | 'remoteClusters';

export interface ClusterFacts {
  /** How the facts were read, for messages: `a web session`, `the identity <user>`. */
  readonly via: string;
  /** The cluster's name as its Auth Service reports it (identity only). */
  readonly clusterName?: string;
  readonly role?: Lookup<true>;
  readonly trustedCluster?: Lookup<TrustedClusterFact>;
  readonly token?: Lookup<TokenFact>;
  readonly remoteCluster?: Lookup<RemoteClusterFact>;
  readonly unavailable?: ReadonlyMap<Unavailable, string>;
}

/** A lookup over a complete list (what the web API returns): absent from the list means none. */
export function fromList<T>(items: readonly T[] | undefined, key: (item: T) => string): Lookup<T> | undefined {
  if (!items) return undefined;
  const byName = new Map(items.map((i) => [key(i), i]));
  return (name) => byName.get(name) ?? null;
}

/** A lookup over a complete list of names, each answering `value`. */
export function fromNames<T>(names: readonly string[] | undefined, value: T): Lookup<T> | undefined {
  if (!names) return undefined;
  const set = new Set(names);
  return (name) => (set.has(name) ? value : null);
}

/** A lookup over the names that were asked one by one: unasked names stay unknown. */
export function fromAnswers<T>(answers: ReadonlyMap<string, T | null>): Lookup<T> {
  return (name) => (answers.has(name) ? answers.get(name)! : undefined);
}

/** One cluster's facts from both credential kinds: where both answered, the identity's (read from Auth, fuller) win. */
export function mergeFacts(session: ClusterFacts | undefined, identity: ClusterFacts | undefined): ClusterFacts | undefined {
  if (!session || !identity) return session ?? identity;
  const pick = <T>(a: Lookup<T> | undefined, b: Lookup<T> | undefined): Lookup<T> | undefined => (a && b ? (n) => a(n) ?? b(n) : (a ?? b));
  return {
    via: `${identity.via} and ${session.via}`,
    clusterName: identity.clusterName,
    role: pick(identity.role, session.role),
    trustedCluster: pick(identity.trustedCluster, session.trustedCluster),
    token: pick(identity.token, session.token),
    remoteCluster: pick(identity.remoteCluster, session.remoteCluster),
    unavailable: identity.unavailable,
  };
}
