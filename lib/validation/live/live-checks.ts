// The live checks of `validate`: what the clusters named in a configuration say about it. Without
// credentials: reachability with valid TLS, cluster names, the tunnel address the root advertises,
// version skew, provider constraint, role version support, edition. With a web session (local user,
// password and TOTP from environment variables per cluster): mapped roles on the leaf, the join
// token on the root, a blocking remote cluster, the server's own parse of roles and tokens.
import { ProxyClient, PingInfo, advertisedTunnelAddr, major } from '../../proxy-client';
import { Finding } from '../../report/finding';
import { TfResource, ValidateInput } from '../model';
import { isLiteral } from '../rules/context';
import { POOL_SIZE, mapPool } from './pool';
import { TrustedClusterTarget, credentialVariables, providerTargets, trustedClusterTargets } from './targets';

export interface LiveOptions {
  /** NAME -> HOST:PORT (provider alias, `teleport`, or a trusted cluster's name). */
  readonly proxies?: Record<string, string>;
  /** CA files: by NAME, or `*` for every cluster. */
  readonly caFiles?: Record<string, string>;
  readonly insecure?: boolean;
  readonly timeoutMs?: number;
  readonly env?: NodeJS.ProcessEnv;
  /** Progress lines (stderr in the CLI). */
  readonly progress?: (line: string) => void;
}

const ENTERPRISE_ONLY = ['spacelift', 'tpm'];

export async function runLiveChecks(input: ValidateInput, options: LiveOptions = {}): Promise<Finding[]> {
  const overrides = options.proxies ?? {};
  const env = options.env ?? process.env;
  const trusted = trustedClusterTargets(input, overrides);
  const providers = providerTargets(input, overrides);

  // One client per address; the name (for CA files and credentials) of its first user.
  const named = new Map<string, string>();
  for (const p of providers) if (!named.has(p.address)) named.set(p.address, p.name);
  for (const t of trusted) if (t.rootAddress && !named.has(t.rootAddress)) named.set(t.rootAddress, t.name ?? t.rootAddress);
  const clients = new Map<string, ProxyClient>();
  for (const [address, name] of named) {
    clients.set(address, new ProxyClient({ address, caFile: options.caFiles?.[name] ?? options.caFiles?.['*'], insecure: options.insecure, requestTimeoutMs: options.timeoutMs, connectTimeoutMs: options.timeoutMs }));
  }
  const progress = named.size > 1 ? options.progress : undefined;
  progress?.(`validate: checking ${named.size} cluster(s), ${Math.min(POOL_SIZE, named.size)} at a time`);
  try {
    // Transport faults propagate: the CLI exits 2 with the message.
    const infos = new Map<string, PingInfo>();
    await mapPool([...clients.entries()], POOL_SIZE, async ([address, client]) => {
      const info = await client.find();
      infos.set(address, info);
      progress?.(`  ${address}: ${info.clusterName}, Teleport ${info.serverVersion}${info.edition ? ` (${info.edition})` : ''}`);
    });

    const out: Finding[] = [];
    for (const t of trusted) out.push(...trustedClusterFindings(t, infos));
    for (const p of providers) {
      const info = infos.get(p.address)!;
      out.push(...providerFindings(p.stack.providerVersionConstraint, `provider.${p.key}`, info));
      const resources = p.stack.resources.filter((r) => r.providerKey === p.key && r.mode === 'managed');
      out.push(...roleVersionFindings(resources, info), ...editionFindings(resources, info));
    }
    out.push(...(await sessionFindings(trusted, providers, clients, env)));
    return out;
  } finally {
    await Promise.all([...clients.values()].map((c) => c.logout().then(() => c.close())));
  }
}

function trustedClusterFindings(t: TrustedClusterTarget, infos: Map<string, PingInfo>): Finding[] {
  const out: Finding[] = [];
  const root = t.rootAddress ? infos.get(t.rootAddress) : undefined;
  const leaf = t.leafAddress ? infos.get(t.leafAddress) : undefined;
  const resource = t.resource.address;
  if (!root) {
    out.push({ severity: 'info', check: 'validate.not-checked', resource, message: 'web_proxy_addr is not a literal: the root was not checked.', fix: `pass --proxy ${t.name ?? '<root cluster name>'}=HOST:PORT.` });
    return out;
  }
  if (t.name && t.name !== root.clusterName) {
    out.push({ severity: 'error', check: 'validate.cluster-name', resource, path: 'metadata.name', message: `is "${t.name}", but the root at ${t.rootAddress} is named "${root.clusterName}": Teleport renames the resource to the root's name, so Terraform would show drift forever.`, fix: `set metadata.name to "${root.clusterName}".` });
  }
  const tunnel = t.resource.values.spec?.tunnel_addr;
  const dialledHost = String(t.resource.values.spec?.web_proxy_addr ?? t.rootAddress).replace(/:\d+$/, '');
  const expected = advertisedTunnelAddr(root, dialledHost);
  if (isLiteral(tunnel) && expected && tunnel !== expected) {
    out.push({
      severity: 'error',
      check: 'validate.tunnel-addr',
      resource,
      path: 'spec.tunnel_addr',
      message: `is "${tunnel}", but the root advertises its reverse tunnel at "${expected}" (TLS routing ${root.tlsRoutingEnabled ? 'on: the tunnel shares the web address' : 'off: the tunnel has its own listener'}); the leaf dials tunnel_addr as written and the tunnel would never come up.`,
      fix: `set tunnel_addr to "${expected}".`,
    });
  }
  if (leaf) {
    if (leaf.clusterName === root.clusterName) {
      out.push({ severity: 'error', check: 'validate.same-name', resource, message: `root and leaf are both named "${root.clusterName}": the handshake refuses equal names.`, fix: 'give the clusters distinct names.' });
    }
    const r = major(root.serverVersion);
    const l = major(leaf.serverVersion);
    if (r !== undefined && l !== undefined && !(l <= r && l >= r - 1)) {
      out.push({
        severity: 'error',
        check: 'validate.version-skew',
        resource,
        message: `the leaf runs Teleport ${leaf.serverVersion} and the root ${root.serverVersion}: a leaf must run the root's major version or one behind, never newer.`,
        fix: l > r ? 'upgrade the root first.' : 'upgrade the leaf to the root\'s major version (or one behind).',
      });
    }
  }
  return out;
}

function providerFindings(constraint: string | undefined, resource: string, info: PingInfo): Finding[] {
  const pinned = /(\d+)/.exec(constraint ?? '')?.[1];
  const cluster = major(info.serverVersion);
  if (!pinned || cluster === undefined || Number(pinned) === cluster) return [];
  return [{
    severity: 'warning',
    check: 'validate.provider-version',
    resource,
    message: `the provider constraint "${constraint}" (Teleport ${pinned}.x) does not match the cluster's Teleport ${info.serverVersion}: the provider's major follows Teleport's.`,
    fix: `pin the provider to "~> ${cluster}.0" for this cluster.`,
  }];
}

function roleVersionFindings(resources: TfResource[], info: PingInfo): Finding[] {
  const cluster = major(info.serverVersion);
  return resources
    .filter((r) => r.type === 'teleport_role' && r.values.version === 'v8' && cluster !== undefined && cluster < 18)
    .map((r) => ({ severity: 'error' as const, check: 'validate.role-version', resource: r.address, path: 'version', message: `role version v8 needs Teleport 18; ${info.clusterName} runs ${info.serverVersion}.`, fix: 'use version v7 until the cluster and its agents run Teleport 18.' }));
}

function editionFindings(resources: TfResource[], info: PingInfo): Finding[] {
  if (info.edition !== 'oss' && info.edition !== 'community') return [];
  return resources
    .filter((r) => r.type === 'teleport_provision_token' && (ENTERPRISE_ONLY.includes(r.values.spec?.join_method) || (r.values.spec?.join_method === 'github' && isLiteral(r.values.spec?.github?.enterprise_server_host))))
    .map((r) => ({ severity: 'error' as const, check: 'validate.edition', resource: r.address, path: 'spec.join_method', message: `needs Teleport Enterprise; ${info.clusterName} is the ${info.edition} edition.`, fix: 'use a join method the edition supports, or an Enterprise cluster.' }));
}

async function sessionFindings(
  trusted: TrustedClusterTarget[],
  providers: { stack: { resources: readonly TfResource[] }; key: string; name: string; address: string }[],
  clients: Map<string, ProxyClient>,
  env: NodeJS.ProcessEnv,
): Promise<Finding[]> {
  const out: Finding[] = [];
  const sessions = new Map<string, ProxyClient>();
  const login = async (name: string, address: string | undefined) => {
    if (!address) return undefined;
    if (sessions.has(address)) return sessions.get(address);
    const vars = credentialVariables(name);
    const user = env[vars.user];
    const password = env[vars.password];
    if (!user || !password) return undefined;
    const client = clients.get(address)!;
    await client.login(user, password, env[vars.otp]);
    sessions.set(address, client);
    return client;
  };
  for (const t of trusted) {
    const leaf = await login(t.leafName, t.leafAddress);
    if (leaf) {
      const roles = new Set(await leaf.roles());
      (t.resource.values.spec?.role_map ?? []).forEach((m: { local?: unknown[] }, i: number) => {
        for (const local of m.local ?? []) {
          if (!isLiteral(local) || local.includes('$')) continue;
          if (roles.has(local)) {
            out.push({ severity: 'info', check: 'validate.role-exists', resource: t.resource.address, path: `spec.role_map[${i}].local`, message: `role "${local}" exists on the leaf.` });
            continue;
          }
          const managedHere = t.stack.resources.some((r) => r.type === 'teleport_role' && r.providerKey === t.resource.providerKey && r.values.metadata?.name === local);
          if (managedHere) continue; // created by this configuration, before the trusted cluster
          out.push({ severity: 'error', check: 'validate.role-exists', resource: t.resource.address, path: `spec.role_map[${i}].local`, message: `role "${local}" does not exist on the leaf: Teleport rejects the trusted cluster.`, fix: 'create the role on the leaf first (a Role on the leaf provider), or map to an existing role.' });
        }
      });
    }
    const root = await login(t.name ?? '', t.rootAddress);
    if (root) {
      const token = t.resource.values.spec?.token;
      if (isLiteral(token)) {
        const found = (await root.tokens()).find((x) => x.id === token);
        if (!found) {
          out.push({ severity: 'error', check: 'validate.join-token-live', resource: t.resource.address, path: 'spec.token', message: 'the join token does not exist on the root (never created, or expired and deleted).', fix: 'create a Trusted_cluster token on the root (ProvisionToken.forTrustedCluster) and use it.' });
        } else if (!found.roles.some((r) => r.toLowerCase().replace(/_/g, '') === 'trustedcluster')) {
          out.push({ severity: 'error', check: 'validate.join-token-live', resource: t.resource.address, path: 'spec.token', message: `the join token exists on the root but its roles (${found.roles.join(', ')}) lack Trusted_cluster.`, fix: 'use a token with the Trusted_cluster role.' });
        } else if (found.expiry && !found.expiry.startsWith('0001-') && new Date(found.expiry).getTime() <= Date.now()) {
          out.push({ severity: 'error', check: 'validate.join-token-live', resource: t.resource.address, path: 'spec.token', message: `the join token expired at ${found.expiry}.`, fix: 'create a fresh Trusted_cluster token on the root.' });
        }
      }
      const leafInfoName = t.leafAddress ? (await clients.get(t.leafAddress)?.find())?.clusterName : undefined;
      if (leafInfoName && (await root.sites()).some((s) => s.name === leafInfoName) && !(leaf && (await leaf.trustedClusters()).includes(t.name ?? ''))) {
        out.push({ severity: 'warning', check: 'validate.remote-cluster-exists', resource: t.resource.address, message: `the root already has a remote cluster "${leafInfoName}" but the leaf has no trusted cluster for it: a re-join under that name fails until the old remote_cluster is deleted on the root.`, fix: `on the root: tctl rm rc/${leafInfoName}.` });
      }
    }
  }
  for (const p of providers) {
    const client = await login(p.name, p.address);
    if (!client) continue;
    for (const r of p.stack.resources.filter((x) => x.providerKey === p.key && x.mode === 'managed' && (x.type === 'teleport_role' || x.type === 'teleport_provision_token'))) {
      const kind = r.type === 'teleport_role' ? 'role' : 'token';
      const parsed = await client.parseYaml(kind, resourceYaml(kind, r));
      if (!parsed.ok) out.push({ severity: 'error', check: 'validate.server-parse', resource: r.address, message: `${p.address} rejects this ${kind}: ${parsed.message}`, fix: 'correct the attribute the server names.' });
    }
  }
  return out;
}

/** A resource as tctl YAML (JSON is YAML), for the server's parse endpoint. */
function resourceYaml(kind: 'role' | 'token', r: TfResource): string {
  const metadata = { ...(r.values.metadata ?? {}) };
  if (kind === 'token' || !isLiteral(metadata.name)) metadata.name = `validate-dry-run-${r.name}`;
  const strip = (v: unknown): unknown => (Array.isArray(v) ? v.map(strip) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).filter(([, x]) => x !== null && x !== undefined).map(([k, x]) => [k, strip(x)])) : v);
  return JSON.stringify({ kind, version: r.values.version, metadata: strip(metadata), spec: strip(r.values.spec ?? {}) });
}

