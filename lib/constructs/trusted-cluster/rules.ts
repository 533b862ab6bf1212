import { TerraformResource, TerraformStack } from 'cdktf';
import { providerName } from '../provider-name';
import { AddressField, TUNNEL_FIX, addressProblem } from '../../common/address-rules';
import { parseHostPort } from '../../common/host-port';
import { Rule, isKnown } from '../rules';
import { IRole } from '../role/i-role';
import { expansionProblem, isRegex, re2Compiles, re2Unsupported } from './role-map-syntax';
import { TrustedClusterProps } from './props';

/** What the rules look at: the props and the stack of the trusted cluster. */
export type TrustedClusterFacts = TrustedClusterProps & { readonly stack: TerraformStack };

/** The first mapped `Role` construct of the same stack that another provider manages, or undefined. */
function foreignRole(f: TrustedClusterFacts): { role: IRole; provider: string } | undefined {
  for (const role of f.roleMap.flatMap((m) => m.local)) {
    const resource = (role as { resource?: unknown }).resource;
    if (!(resource instanceof TerraformResource) || TerraformStack.of(resource) !== f.stack) continue;
    if (providerName(resource.provider) !== providerName(f.provider)) return { role, provider: providerName(resource.provider) };
  }
  return undefined;
}

/** The shared address rules (lib/common/address-rules.ts), for one address field of the props. */
const addrRule = (field: string, kind: AddressField, get: (p: TrustedClusterProps) => string | undefined): Rule<TrustedClusterFacts> => {
  const found = (p: TrustedClusterProps) => (isKnown(get(p)) ? addressProblem(kind, get(p)!) : undefined);
  return { field, broken: (p) => found(p) !== undefined, message: (p) => found(p)!.message, fix: (p) => found(p)!.fix };
};

/** The port of a known, valid web_proxy_addr. */
const webPort = (p: TrustedClusterProps) => (isKnown(p.webProxyAddr) ? parseHostPort(p.webProxyAddr)?.port : undefined);

/** What Teleport (or a working trust relationship) needs from a trusted cluster, checked at synth. */
export const TRUSTED_CLUSTER_RULES: readonly Rule<TrustedClusterFacts>[] = [
  {
    field: 'metadata.name',
    broken: (p) => isKnown(p.name) && !/^[a-zA-Z0-9._-]+$/.test(p.name),
    message: (p) => `"${p.name}" is not a cluster name.`,
    fix: 'use the root cluster\'s name exactly as the root reports it (cluster_name in /webapi/ping), e.g. "rootcluster.example.com".',
  },
  addrRule('spec.web_proxy_addr', 'web_proxy_addr', (p) => p.webProxyAddr),
  addrRule('spec.tunnel_addr', 'tunnel_addr', (p) => p.tunnelAddr),
  {
    // The default is only a safe guess on 443, where TLS routing (web and tunnel on one port) is the common setup.
    field: 'spec.tunnel_addr',
    broken: (p) => p.tunnelAddr === undefined && (!isKnown(p.webProxyAddr) || (webPort(p) !== undefined && webPort(p) !== 443)),
    message: (p) => `is not set, and web_proxy_addr ${isKnown(p.webProxyAddr) ? `"${p.webProxyAddr}" is not on port 443` : 'is not known at synth'}, so it cannot stand in for the reverse tunnel address (it does only when the root uses TLS routing; otherwise ${isKnown(p.webProxyAddr) ? `port ${webPort(p)}` : 'the web port'} serves no tunnel and the leaf never connects).`,
    fix: `set tunnelAddr: ${TUNNEL_FIX}`,
  },
  {
    field: 'spec.role_map',
    broken: (p) => p.roleMap.length === 0,
    message: 'is empty: Teleport rejects a trusted cluster without role mappings ("missing \'role_map\' parameter").',
    fix: 'map at least one root role, e.g. roleMap: [{ remote: "access", local: [visitor] }].',
  },
  {
    field: 'spec.role_map[].remote',
    broken: (p) => p.roleMap.some((m) => isKnown(m.remote) && m.remote.trim() === ''),
    message: 'has an empty remote role.',
    fix: 'name the root role to map from, "*" for every role, or a "^...$" regular expression.',
  },
  {
    field: 'spec.role_map[].remote',
    broken: (p) => regexWith(p, (r) => re2Unsupported(r) !== undefined) !== undefined,
    message: (p) => { const r = regexWith(p, (x) => re2Unsupported(x) !== undefined)!; return `"${r}" uses ${re2Unsupported(r)}, which Go's RE2 engine (Teleport's regular expressions) does not support: Teleport rejects the role_map.`; },
    fix: 'rewrite it without lookarounds or backreferences (RE2 syntax: https://github.com/google/re2/wiki/Syntax), e.g. split it into several mappings, or match the wanted roles explicitly.',
  },
  {
    field: 'spec.role_map[].remote',
    broken: (p) => regexWith(p, (r) => re2Unsupported(r) === undefined && !re2Compiles(r)) !== undefined,
    message: (p) => `"${regexWith(p, (r) => re2Unsupported(r) === undefined && !re2Compiles(r))}" is not a valid regular expression.`,
    fix: 'fix the expression (Teleport uses Go RE2 syntax), or drop the ^ and $ to match it as a glob.',
  },
  {
    field: 'spec.role_map[].remote',
    broken: (p) => duplicates(p.roleMap.map((m) => m.remote).filter(isKnown)).length > 0,
    message: (p) => `maps "${duplicates(p.roleMap.map((m) => m.remote).filter(isKnown))[0]}" twice; Teleport rejects duplicate remote roles.`,
    fix: 'merge the entries into one mapping with all the local roles.',
  },
  {
    field: 'spec.role_map[].local',
    broken: (p) => p.roleMap.some((m) => m.local.length === 0),
    message: 'has a mapping with no local roles.',
    fix: 'list at least one leaf role in local, e.g. local: [Role.fromName("visitor")].',
  },
  {
    field: 'spec.role_map[].local',
    broken: (p) => expansionProblems(p).length > 0,
    message: (p) => expansionProblems(p)[0],
    fix: 'give remote the group the local name refers to: a ^...$ regular expression with a (...) group (e.g. remote "^(.*)-admin$" with local "$1-admin"), or a glob whose * is group 1 (e.g. "team-*"); or name the local role literally.',
  },
  {
    field: 'spec.role_map[].local',
    broken: (p) => p.roleMap.some((m) => m.local.some((r) => isKnown(r.roleName) && (r.roleName === '*' || r.roleName.trim() === ''))),
    message: 'contains "*" or an empty role name; Teleport does not support wildcards in local roles.',
    fix: 'name the leaf roles explicitly (or use "$1"-style expansions with a "^...$" remote).',
  },
  {
    field: 'spec.role_map[].local',
    broken: (f) => foreignRole(f) !== undefined,
    message: (f) => `role "${foreignRole(f)!.role.roleName}" is managed by provider ${foreignRole(f)!.provider}, but this trusted cluster by ${providerName(f.provider)}: role_map local roles are roles of the leaf, the cluster the trusted cluster is created on.`,
    fix: 'create the Role with the trusted cluster\'s provider (provider: <the leaf provider>), or use Role.fromName() for a role that exists on the leaf.',
  },
  {
    field: 'spec.enabled',
    broken: (p) => p.enabled === false && !p.acknowledgeDisabled,
    message: 'is false: that deactivates the root cluster\'s certificate authorities on the leaf and tears down the reverse tunnel, so root users lose access.',
    fix: 'set acknowledgeDisabled: true if you mean to disable the trust, or remove enabled: false.',
  },
  {
    field: 'spec.token',
    broken: (p) => p.token.provisionToken !== undefined && !p.token.provisionToken.isTrustedClusterToken,
    message: 'comes from a provision token without the Trusted_cluster role; the root would refuse the join.',
    fix: 'create the token with ProvisionToken.forTrustedCluster().',
  },
];

/** The first literal `^...$` remote for which `test` holds. */
function regexWith(p: TrustedClusterProps, test: (remote: string) => boolean): string | undefined {
  return p.roleMap.map((m) => m.remote).find((r) => isKnown(r) && isRegex(r) && test(r));
}

/** `$1`-style local names whose group the remote does not have (literal values only). */
function expansionProblems(p: TrustedClusterProps): string[] {
  return p.roleMap.flatMap((m) => (isKnown(m.remote) ? m.local : [])
    .map((r) => (isKnown(r.roleName) ? expansionProblem(m.remote, r.roleName) : undefined))
    .filter((x): x is string => x !== undefined));
}

function duplicates(values: string[]): string[] {
  const seen = new Set<string>();
  return values.filter((v) => (seen.has(v) ? true : (seen.add(v), false)));
}
