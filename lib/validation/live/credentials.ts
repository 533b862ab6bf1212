// Web-session credentials: TELEPORT_<NAME>_USER, _PASSWORD and _OTP, NAME in upper snake case, NAME
// a provider alias or a trusted cluster's name. A set goes only to the cluster it was given for,
// as /webapi/find names it:
// - through a provider alias, to the cluster at that provider's address (the configuration, or a
//   --proxy, binds the alias to it);
// - through a trusted cluster's name, to the root only if the root's /webapi/find says that is its
//   cluster name (a trusted cluster named `leaf` whose root is `rootcluster.example.com` does not
//   make TELEPORT_LEAF_* a root credential);
// - if the names behind one variable prefix reach two different clusters, to neither (a password
//   is never sent to a cluster it may not be for), with a warning.
// At one cluster, the first complete set wins; a different set under another name is reported,
// never silently used.
import { PingInfo } from '../../proxy-client';
import { registerSecret } from '../../report/redact';
import { Finding } from '../../report/finding';
import { ClusterRef } from './targets';

export interface Credentials {
  readonly user: string;
  readonly password: string;
  readonly otp?: string;
  /** The variable prefix they came from (`TELEPORT_ROOT`), for messages. */
  readonly from: string;
}

/** `TELEPORT_<NAME>_USER`, `_PASSWORD`, `_OTP` with NAME in upper snake case (`root.example.com` -> `ROOT_EXAMPLE_COM`). */
export function credentialVariables(name: string): { prefix: string; user: string; password: string; otp: string } {
  const prefix = `TELEPORT_${name.toUpperCase().replace(/[^A-Z0-9]+/g, '_')}`;
  return { prefix, user: `${prefix}_USER`, password: `${prefix}_PASSWORD`, otp: `${prefix}_OTP` };
}

/** One place a variable prefix names a cluster: a ref and the address it is dialled at. */
interface Use {
  readonly dial: string;
  readonly ref: ClusterRef & { readonly name: string };
}

const named = (u: Use) =>
  `${u.ref.kind === 'provider' ? 'provider alias' : 'trusted cluster'} "${u.ref.name}"${u.ref.stack ? ` (stack ${u.ref.stack})` : ''}`;

/**
 * Which credentials go to which of `dials` (the addresses where a session is needed), from the refs
 * that reach each address and what each address's /webapi/find said. Every set read is registered
 * as a secret, whether it is sent or not.
 */
export function planCredentials(
  dials: readonly string[],
  clusters: ReadonlyMap<string, readonly ClusterRef[]>,
  infos: ReadonlyMap<string, PingInfo>,
  env: NodeJS.ProcessEnv,
): { credentials: Map<string, Credentials>; findings: Finding[] } {
  const uses = new Map<string, Use[]>();
  for (const [dial, refs] of clusters) {
    for (const ref of refs) {
      if (ref.name === undefined) continue;
      const { prefix } = credentialVariables(ref.name);
      uses.set(prefix, [...(uses.get(prefix) ?? []), { dial, ref: { ...ref, name: ref.name } }]);
    }
  }
  const needed = new Set(dials);
  const candidates = new Map<string, Credentials[]>();
  const findings: Finding[] = [];
  for (const [prefix, all] of uses) {
    const set = read(prefix, env);
    if (!set) continue;
    const clusterOf = (u: Use) => infos.get(u.dial)?.clusterName;
    const given = all.filter((u) => clusterOf(u) !== undefined && (u.ref.kind === 'provider' || u.ref.name === clusterOf(u)));
    const names = [...new Set(given.map(clusterOf))];
    if (names.length > 1) {
      findings.push({
        severity: 'warning',
        check: 'validate.credentials-ambiguous',
        resource: `${prefix}_*`,
        message: `${prefix}_* names ${names.length} clusters (${given.map((u) => `${named(u)} at ${u.dial}, cluster "${clusterOf(u)}"`).join('; ')}): they were sent to none of them.`,
        fix: 'give each cluster its credentials under a name only that cluster has (rename a provider alias that a trusted cluster or another stack shares).',
      });
      continue;
    }
    for (const dial of new Set(given.map((u) => u.dial))) candidates.set(dial, [...(candidates.get(dial) ?? []), set]);
    const withheld = new Map(all.filter((x) => needed.has(x.dial) && !given.some((g) => g.dial === x.dial)).map((u) => [u.dial, u]));
    for (const u of withheld.values()) {
      findings.push({
        severity: 'info',
        check: 'validate.credentials-withheld',
        resource: u.dial,
        message: `${prefix}_* were not sent to ${u.dial}: ${named(u)} points there, but its /webapi/find names the cluster "${clusterOf(u)}"; credentials go only to the cluster they name.`,
        fix: `set that cluster's credentials under its own name (${credentialVariables(clusterOf(u) ?? u.ref.name).prefix}_*).`,
      });
    }
  }
  const credentials = new Map<string, Credentials>();
  for (const dial of dials) {
    const [first, ...others] = candidates.get(dial) ?? [];
    if (!first) continue;
    credentials.set(dial, first);
    for (const s of others.filter((o) => o.user !== first.user || o.password !== first.password || o.otp !== first.otp)) {
      findings.push({
        severity: 'warning',
        check: 'validate.credentials-conflict',
        resource: dial,
        message: `${first.from}_* and ${s.from}_* both name ${dial} but differ; ${first.from}_* is used and ${s.from}_* is ignored.`,
        fix: 'set the credentials of one cluster under one name (or give the same values under each).',
      });
    }
  }
  return { credentials, findings };
}

/** The complete set under `prefix` (user and password; OTP optional), registered as secrets; or undefined. */
function read(prefix: string, env: NodeJS.ProcessEnv): Credentials | undefined {
  const user = env[`${prefix}_USER`];
  const password = env[`${prefix}_PASSWORD`];
  if (!user || !password) return undefined;
  const otp = env[`${prefix}_OTP`] || undefined;
  registerSecret(password);
  registerSecret(otp);
  return { user, password, otp, from: prefix };
}
