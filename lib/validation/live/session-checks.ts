// The checks that need a web session (a local user; credentials from the environment, sent only
// to the cluster they name (credentials.ts), and never to a server whose certificate was not
// verified unless --insecure-send-credentials says so). A cluster is logged in to once, and only when something will be read there (an
// OTP is not burned for nothing). First every session is opened and the lists that hold secrets
// are read (tokens on roots, trusted clusters on leaves), so that every secret a server hands out
// is registered before any other server text is quoted; then the other reads, in the bounded pool.
import { JoinTokenInfo, ProxyClient } from '../../proxy-client';
import { Finding } from '../../report/finding';
import { TfResource } from '../../config/model';
import { isExpression, isLiteral } from '../rules/context';
import { LiveContext, notChecked } from './context';
import { Credentials, planCredentials } from './credentials';
import { POOL_SIZE, mapPool } from './pool';
import { ClusterRef, ProviderTarget, TrustedClusterTarget } from './targets';

interface Needs {
  leaf: boolean;
  root: boolean;
  parse: TfResource[];
}

interface SessionData {
  tokens?: JoinTokenInfo[];
  trustedClusters?: string[];
  roles?: Set<string>;
  sites?: string[];
  parsed: Map<TfResource, { ok: boolean; supported: boolean; message?: string }>;
}

export interface SessionInput {
  readonly trusted: readonly TrustedClusterTarget[];
  readonly providers: readonly ProviderTarget[];
  readonly clients: ReadonlyMap<string, ProxyClient>;
  readonly env: NodeJS.ProcessEnv;
  readonly now: Date;
  /** TLS was not verified (--insecure): credentials are withheld unless `sendCredentialsInsecurely`. */
  readonly insecure?: boolean;
  readonly sendCredentialsInsecurely?: boolean;
}

const parseable = (r: TfResource) => r.type === 'teleport_role' || r.type === 'teleport_provision_token';

export async function sessionFindings(s: SessionInput, ctx: LiveContext): Promise<Finding[]> {
  const dialOf = (ref: ClusterRef | undefined) => (ref ? ctx.addresses.resolve(ref).dial : undefined);
  const needs = new Map<string, Needs>();
  const need = (dial: string) => needs.get(dial) ?? needs.set(dial, { leaf: false, root: false, parse: [] }).get(dial)!;
  for (const t of s.trusted) {
    const leaf = dialOf(t.leaf?.ref);
    const root = dialOf(t.root);
    if (leaf) need(leaf).leaf = true;
    if (root) need(root).root = true;
  }
  for (const p of s.providers) {
    const dial = dialOf(p.ref);
    if (dial && p.resources.some(parseable)) need(dial).parse.push(...p.resources.filter(parseable));
  }
  const planned = planCredentials([...needs.keys()], ctx.addresses.clusters, ctx.infos, s.env);
  const out: Finding[] = [...planned.findings];
  const logins: [string, Credentials][] = [];
  for (const [dial, credentials] of planned.credentials) {
    if (!s.clients.has(dial)) continue;
    if (s.insecure && !s.sendCredentialsInsecurely) {
      out.push({
        severity: 'info',
        check: 'validate.not-checked',
        resource: dial,
        message: `the checks that need a web session were not run: with --insecure, ${dial}'s certificate was not verified, and ${credentials.from}_* are never sent to a server that was not verified.`,
        fix: 'give the cluster\'s CA with --ca-file; on a test cluster only, add --insecure-send-credentials to send them anyway.',
      });
      continue;
    }
    logins.push([dial, credentials]);
  }
  const data = new Map<string, SessionData>();
  await mapPool(logins, POOL_SIZE, async ([dial, c]) => {
    const client = s.clients.get(dial)!;
    await client.login(c.user, c.password, c.otp);
    const d: SessionData = { parsed: new Map() };
    if (needs.get(dial)!.root) d.tokens = await client.tokens();
    if (needs.get(dial)!.leaf) d.trustedClusters = await client.trustedClusters();
    data.set(dial, d);
  });
  await mapPool([...data], POOL_SIZE, async ([dial, d]) => {
    const client = s.clients.get(dial)!;
    const n = needs.get(dial)!;
    if (n.leaf) d.roles = new Set(await client.roles());
    if (n.root) d.sites = (await client.sites()).map((x) => x.name);
    for (const r of n.parse) d.parsed.set(r, await client.parseYaml(r.type === 'teleport_role' ? 'role' : 'token', resourceYaml(r)));
  });
  for (const t of s.trusted) {
    const leafDial = dialOf(t.leaf?.ref);
    const rootDial = dialOf(t.root);
    out.push(...leafRoleFindings(t, leafDial ? data.get(leafDial) : undefined));
    out.push(...rootFindings(t, s.now, rootDial ? data.get(rootDial) : undefined));
    out.push(...remoteClusterFindings(t, ctx, rootDial ? data.get(rootDial) : undefined, leafDial ? data.get(leafDial) : undefined, leafDial, rootDial));
  }
  for (const p of s.providers) {
    const d = data.get(dialOf(p.ref) ?? '');
    for (const r of p.resources.filter(parseable)) {
      const parsed = d?.parsed.get(r);
      const kind = r.type === 'teleport_role' ? 'role' : 'token';
      if (parsed && !parsed.ok) out.push({ severity: 'error', check: 'validate.server-parse', stack: p.stack.name, resource: r.address, message: `${dialOf(p.ref)} rejects this ${kind}: ${parsed.message}`, fix: 'correct the attribute the server names.' });
      if (parsed && !parsed.supported) out.push(notChecked(p.stack.name, r.address, `${dialOf(p.ref)} has no parse endpoint for ${kind}s (an older Teleport): the server's own parse was not run.`));
    }
  }
  return out;
}

function leafRoleFindings(t: TrustedClusterTarget, leaf: SessionData | undefined): Finding[] {
  if (!leaf?.roles) return [];
  const out: Finding[] = [];
  const at = { stack: t.stack.name, resource: t.resource.address };
  (t.resource.values.spec?.role_map ?? []).forEach((m: { local?: unknown[] }, i: number) => {
    for (const local of m.local ?? []) {
      if (!isLiteral(local) || local.includes('$')) continue;
      const path = `spec.role_map[${i}].local`;
      if (leaf.roles!.has(local)) {
        out.push({ ...at, severity: 'info', check: 'validate.role-exists', path, message: `role "${local}" exists on the leaf.` });
        continue;
      }
      const managedHere = t.stack.resources.some((r) => r.type === 'teleport_role' && r.providerKey === t.resource.providerKey && r.values.metadata?.name === local);
      if (managedHere) continue; // created by this configuration, before the trusted cluster
      out.push({ ...at, severity: 'error', check: 'validate.role-exists', path, message: `role "${local}" does not exist on the leaf: Teleport rejects the trusted cluster.`, fix: 'create the role on the leaf first (a Role on the leaf provider), or map to an existing role.' });
    }
  });
  return out;
}

function rootFindings(t: TrustedClusterTarget, now: Date, root: SessionData | undefined): Finding[] {
  const token = t.resource.values.spec?.token;
  if (!root?.tokens || !isLiteral(token)) return [];
  const at = { stack: t.stack.name, resource: t.resource.address, severity: 'error' as const, check: 'validate.join-token-live', path: 'spec.token' };
  const found = root.tokens.find((x) => x.id === token);
  if (!found) return [{ ...at, message: 'the join token does not exist on the root (never created, or expired and deleted).', fix: 'create a Trusted_cluster token on the root (ProvisionToken.forTrustedCluster) and use it.' }];
  if (!found.roles.some((r) => r.toLowerCase().replace(/_/g, '') === 'trustedcluster')) {
    return [{ ...at, message: `the join token exists on the root but its roles (${found.roles.join(', ') || 'none'}) lack Trusted_cluster: the root refuses the join ("role does not match").`, fix: 'use a token with the Trusted_cluster role.' }];
  }
  if (found.expiry && !found.expiry.startsWith('0001-') && new Date(found.expiry).getTime() <= now.getTime()) {
    return [{ ...at, message: `the join token expired at ${found.expiry}.`, fix: 'create a fresh Trusted_cluster token on the root.' }];
  }
  return [];
}

/**
 * A remote cluster on the root under the leaf's name blocks a join only when the leaf does not
 * (or will newly) trust the root: warn when the leaf was asked and has no trusted cluster for the
 * root, or when the plan creates this trusted cluster; otherwise it may be the working trust.
 */
function remoteClusterFindings(t: TrustedClusterTarget, ctx: LiveContext, root: SessionData | undefined, leaf: SessionData | undefined, leafDial: string | undefined, rootDial: string | undefined): Finding[] {
  const leafName = leafDial ? ctx.infos.get(leafDial)?.clusterName : undefined;
  const rootName = rootDial ? ctx.infos.get(rootDial)?.clusterName : undefined;
  if (!root?.sites || !leafName || !root.sites.includes(leafName)) return [];
  const at = { stack: t.stack.name, resource: t.resource.address };
  const leafTrusts = leaf?.trustedClusters?.some((n) => n === rootName || n === t.name);
  const creates = t.change?.actions.includes('create') === true;
  if (leafTrusts === false || creates) {
    return [{
      ...at,
      severity: 'warning',
      check: 'validate.remote-cluster-exists',
      message: `the root already has a remote cluster "${leafName}" and ${creates ? 'the plan creates this trusted cluster' : 'the leaf has no trusted cluster for the root'}: a join under that name fails while the old remote_cluster exists.`,
      fix: `if no working leaf uses the name "${leafName}" (e.g. the leaf was rebuilt), delete the stale entry on the root (tctl rm rc/${leafName}); never while a leaf still uses it, which would break that trust.`,
    }];
  }
  if (leafTrusts === true) return [];
  return [notChecked(at.stack, at.resource, `the root has a remote cluster "${leafName}"; without a web session on the leaf it was not checked whether that is this leaf's working trust or a stale one that blocks a new join.`, `set TELEPORT_<NAME>_USER and _PASSWORD for the leaf to check it.`)];
}

/**
 * A resource as tctl YAML (JSON is YAML), for the server's parse endpoint. Nulls and values known
 * only at apply time (`${...}` expressions in a configuration) are left out, as a plan leaves out
 * unknown values: the server would reject the expression text itself. A token's name (its secret)
 * is never sent.
 */
function resourceYaml(r: TfResource): string {
  const kind = r.type === 'teleport_role' ? 'role' : 'token';
  const metadata = { ...(r.values.metadata ?? {}) };
  if (kind === 'token' || !isLiteral(metadata.name)) metadata.name = `validate-dry-run-${r.name}`;
  const known = (x: unknown) => x !== null && x !== undefined && !isExpression(x);
  const strip = (v: unknown): unknown => (Array.isArray(v) ? v.filter(known).map(strip) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).filter(([, x]) => known(x)).map(([k, x]) => [k, strip(x)])) : v);
  return JSON.stringify({ kind, version: r.values.version, metadata: strip(metadata), spec: strip(r.values.spec ?? {}) });
}
