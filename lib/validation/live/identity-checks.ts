// What an identity reads from each cluster's Auth Service over gRPC (lib/auth-client): through the
// proxy's TLS routing when /webapi/find says it is on, or straight to an Auth address (a provider
// addr on port 3025). Without TLS routing there is no SSH-free route through the proxy: those
// clusters are reported "not checked over this address". Every cluster with an identity is
// pinged (does Terraform's identity work at all, and is it the cluster the proxy says?); then only
// what the trusted clusters need is read: mapped roles and the trusted cluster on leaves, tokens
// given by value and the leaf's remote cluster on roots. The answers become cluster facts for the
// shared rules (trust-rules.ts).
import { AuthClient, AuthRoute, ClientIdentity, Read, identityProblem, varValues } from '../../auth-client';
import { plainServerText } from '../../report/sanitize';
import { major } from '../../proxy-client/ping';
import { Finding } from '../../report/finding';
import { isLiteral } from '../rules/context';
import { ClusterFacts, RemoteClusterFact, TokenFact, TrustedClusterFact, Unavailable, fromAnswers } from './cluster-facts';
import { LiveContext } from './context';
import { chooseIdentity } from './identity-sources';
import { POOL_SIZE, mapPool } from './pool';
import { mappedLocalRoles } from './trust-rules';
import { ClusterRef, ProviderTarget, TrustedClusterTarget } from './targets';

export interface IdentityOptions {
  /** Identities given with `--identity NAME=FILE`, parsed, by NAME (a provider alias, a trusted cluster name, or `<stack>/<name>`). */
  readonly identities?: ReadonlyMap<string, ClientIdentity>;
  /** `--var-file` paths, for provider credentials given as `${var.NAME}`. */
  readonly varFiles?: readonly string[];
  /** The overall deadline of validate: aborting it ends every Auth call. */
  readonly signal?: AbortSignal;
}

export interface IdentityInput extends IdentityOptions {
  readonly trusted: readonly TrustedClusterTarget[];
  readonly providers: readonly ProviderTarget[];
  readonly env: NodeJS.ProcessEnv;
  readonly now: Date;
  readonly timeoutMs: number;
  readonly progress?: (line: string) => void;
}

interface Cluster {
  readonly key: string;
  readonly client: AuthClient;
  readonly identity: ClientIdentity;
  readonly via: string;
  clusterName?: string;
  readonly roles: Set<string>;
  readonly trustedClusters: Set<string>;
  readonly tokens: Set<string>;
  readonly remoteClusters: Set<string>;
  readonly answers: {
    roles?: ReadonlyMap<string, boolean>;
    trustedClusters: Map<string, TrustedClusterFact | null>;
    tokens: Map<string, TokenFact | null>;
    remoteClusters: Map<string, RemoteClusterFact | null>;
  };
  readonly unavailable: Map<Unavailable, string>;
}

/** The cluster key of a ref: its dialled web address, or its Auth address. */
export function clusterKey(ref: ClusterRef | undefined, ctx: LiveContext): string | undefined {
  if (!ref) return undefined;
  const r = ctx.addresses.resolve(ref);
  return r.dial ?? r.auth;
}

export async function identityFacts(input: IdentityInput, ctx: LiveContext): Promise<{ facts: Map<string, ClusterFacts>; findings: Finding[] }> {
  const findings: Finding[] = [];
  const clusters = new Map<string, Cluster>();
  const vars = varValues(input.env, input.varFiles ?? []);
  try {
    for (const [key, refs] of targets(input, ctx)) {
      const choice = chooseIdentity(refs, { providers: input.providers, identities: input.identities ?? new Map(), vars, env: input.env });
      if (!choice) continue;
      if ('findings' in choice) {
        findings.push(...choice.findings);
        continue;
      }
      const problem = identityProblem(choice.identity, input.now);
      if (problem) {
        findings.push({
          severity: 'error',
          check: 'validate.identity',
          ...(choice.stack ? { stack: choice.stack } : {}),
          resource: choice.resource,
          message: `${choice.identity.source}: ${problem}: Terraform cannot authenticate with it either (the provider skips expired credentials); nothing was read with it.`,
          fix: 'renew it (tbot renews on its own; or tctl auth sign / tctl terraform env again), then run validate again.',
        });
        continue;
      }
      const route = routeOf(key, refs, ctx, findings);
      if (!route) continue;
      const client = new AuthClient({
        address: key,
        route,
        identity: choice.identity,
        env: input.env,
        timeoutMs: input.timeoutMs,
        signal: input.signal,
      });
      const who = choice.identity.subject
        ? `the identity "${plainServerText(choice.identity.subject)}"`
        : `the identity from ${choice.identity.source}`;
      clusters.set(key, {
        key,
        client,
        identity: choice.identity,
        via: who,
        roles: new Set(),
        trustedClusters: new Set(),
        tokens: new Set(),
        remoteClusters: new Set(),
        answers: { trustedClusters: new Map(), tokens: new Map(), remoteClusters: new Map() },
        unavailable: new Map(),
      });
    }
    for (const t of input.trusted) plan(t, clusters, ctx);
    await mapPool([...clusters.values()], POOL_SIZE, async (c) => {
      findings.push(...(await ping(c, ctx, input.progress)));
      await readLeafAndTokens(c);
    });
    for (const t of input.trusted) {
      const leafKey = clusterKey(t.leaf?.ref, ctx);
      const root = clusters.get(clusterKey(t.root, ctx) ?? '');
      const leafName = leafKey ? (clusters.get(leafKey)?.clusterName ?? ctx.infos.get(leafKey)?.clusterName) : undefined;
      if (root && leafName) root.remoteClusters.add(leafName);
    }
    await mapPool([...clusters.values()], POOL_SIZE, readRemoteClusters);
    return { facts: new Map([...clusters].map(([key, c]) => [key, factsOf(c)])), findings };
  } finally {
    await Promise.all([...clusters.values()].map((c) => c.client.close()));
  }
}

/** Every cluster an identity could be used for: the dialled web addresses, and provider addresses on the Auth port. */
function targets(input: IdentityInput, ctx: LiveContext): Map<string, readonly ClusterRef[]> {
  const out = new Map<string, ClusterRef[]>([...ctx.addresses.clusters].map(([k, refs]) => [k, [...refs]]));
  for (const p of input.providers) {
    const auth = ctx.addresses.resolve(p.ref).auth;
    if (auth) out.set(auth, [...(out.get(auth) ?? []), p.ref]);
  }
  return out;
}

function routeOf(key: string, refs: readonly ClusterRef[], ctx: LiveContext, findings: Finding[]): AuthRoute | undefined {
  if (!ctx.infos.has(key)) return refs.some((r) => ctx.addresses.resolve(r).auth === key) ? { kind: 'direct' } : undefined;
  const info = ctx.infos.get(key)!;
  if (info.tlsRoutingEnabled) return { kind: 'tls-routing', clusterName: info.clusterName };
  findings.push({
    severity: 'info',
    check: 'validate.not-checked',
    resource: key,
    message: `the identity checks were not run over this address: ${info.clusterName}'s proxy has no TLS routing, and through a proxy without it the Auth Service is reached only over SSH, which validate does not do.`,
    fix: 'give the Auth Service address as well (--proxy NAME=HOST:3025 for a provider alias), or run validate against a proxy with TLS routing.',
  });
  return undefined;
}

/** Records what each trusted cluster needs read on its leaf and its root. */
function plan(t: TrustedClusterTarget, clusters: ReadonlyMap<string, Cluster>, ctx: LiveContext): void {
  const leaf = clusters.get(clusterKey(t.leaf?.ref, ctx) ?? '');
  const rootKey = clusterKey(t.root, ctx);
  const root = clusters.get(rootKey ?? '');
  if (leaf) {
    for (const m of mappedLocalRoles(t)) if (!m.managedHere) leaf.roles.add(m.role);
    const name = t.name ?? (rootKey ? ctx.infos.get(rootKey)?.clusterName : undefined);
    if (name) leaf.trustedClusters.add(name);
  }
  const token = t.resource.values.spec?.token;
  if (root && isLiteral(token)) root.tokens.add(token);
}

async function ping(c: Cluster, ctx: LiveContext, progress?: (line: string) => void): Promise<Finding[]> {
  const auth = await c.client.ping();
  c.clusterName = auth.clusterName;
  progress?.(
    `  ${c.key}: ${c.via} reached the Auth Service of ${plainServerText(auth.clusterName)}, Teleport ${plainServerText(auth.serverVersion)}`,
  );
  const proxy = ctx.infos.get(c.key);
  if (!proxy) return [];
  if (auth.clusterName !== proxy.clusterName) {
    return [
      {
        severity: 'error',
        check: 'validate.identity-cluster',
        resource: c.key,
        message: `the proxy at ${c.key} is "${plainServerText(proxy.clusterName)}", but ${c.via} reached the Auth Service of "${plainServerText(auth.clusterName)}".`,
        fix: 'give the identity of this cluster (the one Terraform uses for this provider).',
      },
    ];
  }
  if (auth.serverVersion === proxy.serverVersion) return [];
  const newerProxy = (major(proxy.serverVersion) ?? 0) > (major(auth.serverVersion) ?? 0);
  return [
    {
      severity: newerProxy ? 'warning' : 'info',
      check: 'validate.identity-cluster',
      resource: c.key,
      message: `the proxy at ${c.key} runs Teleport ${proxy.serverVersion} and its Auth Service ${plainServerText(auth.serverVersion)}${newerProxy ? ': a proxy newer than its Auth Service is not supported' : ''}.`,
      ...(newerProxy ? { fix: 'upgrade the Auth Service first, then the proxies.' } : {}),
    },
  ];
}

function unavailableWhy(c: Cluster, r: Exclude<Read<unknown>, { ok: true }>, what: string): string {
  return r.reason === 'permission-denied'
    ? `no permission: ${c.via} may not read ${what}${r.message ? ` (${r.message})` : ''}`
    : `${c.key} does not implement the read of ${what} (UNIMPLEMENTED: an older or newer Teleport)`;
}

async function readLeafAndTokens(c: Cluster): Promise<void> {
  if (c.roles.size) {
    const r = await c.client.roles([...c.roles]);
    if (r.ok) c.answers.roles = r.value;
    else c.unavailable.set('roles', unavailableWhy(c, r, 'roles'));
  }
  for (const name of c.trustedClusters) {
    const r = await c.client.trustedCluster(name);
    if (!r.ok) {
      c.unavailable.set('trustedClusters', unavailableWhy(c, r, 'trusted clusters'));
      break;
    }
    c.answers.trustedClusters.set(name, r.value && { proxyAddress: r.value.proxyAddress, tunnelAddress: r.value.reverseTunnelAddress });
  }
  for (const value of c.tokens) {
    const r = await c.client.token(value);
    if (!r.ok) {
      c.unavailable.set('tokens', unavailableWhy(c, r, 'provision tokens'));
      break;
    }
    c.answers.tokens.set(value, r.value && { roles: r.value.roles, expiry: r.value.expires?.toISOString() });
  }
}

async function readRemoteClusters(c: Cluster): Promise<void> {
  for (const name of c.remoteClusters) {
    const r = await c.client.remoteCluster(name);
    if (!r.ok) {
      c.unavailable.set(
        'remoteClusters',
        `${unavailableWhy(c, r, 'remote clusters')}${r.reason === 'permission-denied' ? '; the terraform-provider preset role does not grant remote_cluster' : ''}`,
      );
      break;
    }
    c.answers.remoteClusters.set(name, r.value && { connection: r.value.connection, lastHeartbeat: r.value.lastHeartbeat?.toISOString() });
  }
}

function factsOf(c: Cluster): ClusterFacts {
  const roles = c.answers.roles;
  return {
    via: c.via,
    clusterName: c.clusterName,
    role: roles && ((name) => (roles.has(name) ? (roles.get(name) ? true : null) : undefined)),
    trustedCluster: fromAnswers(c.answers.trustedClusters),
    token: fromAnswers(c.answers.tokens),
    remoteCluster: fromAnswers(c.answers.remoteClusters),
    unavailable: c.unavailable,
  };
}
