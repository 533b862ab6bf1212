// What a web session reads (a local user; credentials from the environment, sent only to the
// cluster they name (credentials.ts), and never to a server whose certificate was not verified
// unless --insecure-send-credentials says so). A cluster is logged in to once, and only when
// something will be read there (an OTP is not burned for nothing). First every session is opened
// and the lists that hold secrets are read (tokens on roots, trusted clusters on leaves), so that
// every secret a server hands out is registered before any other server text is quoted; then the
// other reads, in the bounded pool. The answers become cluster facts for the shared rules
// (trust-rules.ts); the server's own parse of roles and tokens is a web-only check and reported here.
import { JoinTokenInfo, ProxyClient } from '../../proxy-client';
import { Finding } from '../../report/finding';
import { TfResource } from '../../config/model';
import { isExpression, isLiteral } from '../rules/context';
import { ClusterFacts, fromList, fromNames } from './cluster-facts';
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
  roles?: string[];
  sites?: { name: string; status?: string }[];
  parsed: Map<TfResource, { ok: boolean; supported: boolean; message?: string }>;
}

export interface SessionInput {
  readonly trusted: readonly TrustedClusterTarget[];
  readonly providers: readonly ProviderTarget[];
  readonly clients: ReadonlyMap<string, ProxyClient>;
  readonly env: NodeJS.ProcessEnv;
  /** TLS was not verified (--insecure): credentials are withheld unless `sendCredentialsInsecurely`. */
  readonly insecure?: boolean;
  readonly sendCredentialsInsecurely?: boolean;
}

const parseable = (r: TfResource) => r.type === 'teleport_role' || r.type === 'teleport_provision_token';

/** Web-session facts by dialled address, and the findings only a web session gives (credential conflicts, the server's parse). */
export async function sessionFacts(s: SessionInput, ctx: LiveContext): Promise<{ facts: Map<string, ClusterFacts>; findings: Finding[] }> {
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
  const findings: Finding[] = [...planned.findings];
  const logins: [string, Credentials][] = [];
  for (const [dial, credentials] of planned.credentials) {
    if (!s.clients.has(dial)) continue;
    if (s.insecure && !s.sendCredentialsInsecurely) {
      findings.push({
        severity: 'info',
        check: 'validate.not-checked',
        resource: dial,
        message: `the checks that need a web session were not run: with --insecure, ${dial}'s certificate was not verified, and ${credentials.from}_* are never sent to a server that was not verified.`,
        fix: "give the cluster's CA with --ca-file; on a test cluster only, add --insecure-send-credentials to send them anyway.",
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
    if (n.leaf) d.roles = await client.roles();
    if (n.root) d.sites = await client.sites();
    for (const r of n.parse) d.parsed.set(r, await client.parseYaml(r.type === 'teleport_role' ? 'role' : 'token', resourceYaml(r)));
  });
  for (const p of s.providers) {
    const d = data.get(dialOf(p.ref) ?? '');
    for (const r of p.resources.filter(parseable)) {
      const parsed = d?.parsed.get(r);
      const kind = r.type === 'teleport_role' ? 'role' : 'token';
      if (parsed && !parsed.ok)
        findings.push({
          severity: 'error',
          check: 'validate.server-parse',
          stack: p.stack.name,
          resource: r.address,
          message: `${dialOf(p.ref)} rejects this ${kind}: ${parsed.message}`,
          fix: 'correct the attribute the server names.',
        });
      if (parsed && !parsed.supported)
        findings.push(
          notChecked(
            p.stack.name,
            r.address,
            `${dialOf(p.ref)} has no parse endpoint for ${kind}s (an older Teleport): the server's own parse was not run.`,
          ),
        );
    }
  }
  const facts = new Map(
    [...data].map(([dial, d]): [string, ClusterFacts] => [
      dial,
      {
        via: 'a web session',
        role: fromNames(d.roles, true as const),
        trustedCluster: fromNames(d.trustedClusters, {}), // names only: the web API's YAML is not parsed for addresses
        token: fromList(
          d.tokens?.map((t) => ({ id: t.id, roles: t.roles, expiry: t.expiry })),
          (t) => t.id,
        ),
        remoteCluster: fromList(
          d.sites?.map((x) => ({ name: x.name, connection: x.status })),
          (x) => x.name,
        ),
      },
    ]),
  );
  return { facts, findings };
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
  const strip = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.filter(known).map(strip)
      : v && typeof v === 'object'
        ? Object.fromEntries(
            Object.entries(v)
              .filter(([, x]) => known(x))
              .map(([k, x]) => [k, strip(x)]),
          )
        : v;
  return JSON.stringify({ kind, version: r.values.version, metadata: strip(metadata), spec: strip(r.values.spec ?? {}) });
}
