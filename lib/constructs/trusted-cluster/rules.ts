import { TerraformStack } from 'cdktf';
import { providerName } from '../provider-name';
import { AddressField, TUNNEL_FIX, addressProblem } from '../../common/address-rules';
import { parseHostPort } from '../../common/host-port';
import { managedRoleResource } from '../private/role-resource';
import { Rule, isKnown, rule } from '../rules';
import type { IRole } from '../role/i-role';
import { expansionProblem, isRegex, re2Compiles, re2Unsupported } from './role-map-syntax';
import type { TrustedClusterProps } from './props';

/** What the rules look at: the props and the stack of the trusted cluster. */
export type TrustedClusterFacts = TrustedClusterProps & { readonly stack: TerraformStack };

/** The first mapped `Role` construct of the same stack that another provider manages, or undefined. */
function foreignRole(f: TrustedClusterFacts): { role: IRole; provider: string } | undefined {
  for (const role of f.roleMap.flatMap((m) => m.local)) {
    const resource = managedRoleResource(role);
    if (resource === undefined || TerraformStack.of(resource) !== f.stack) continue;
    if (providerName(resource.provider) !== providerName(f.provider)) return { role, provider: providerName(resource.provider) };
  }
  return undefined;
}

/** The shared address rules (lib/common/address-rules.ts), for one address field of the props. */
const addrRule = (field: string, kind: AddressField, get: (p: TrustedClusterProps) => string | undefined): Rule<TrustedClusterFacts> => ({
  field,
  check: (p) => (isKnown(get(p)) ? addressProblem(kind, get(p)!) : undefined),
});

/** The port of a known, valid web_proxy_addr. */
const webPort = (p: TrustedClusterProps) => (isKnown(p.webProxyAddr) ? parseHostPort(p.webProxyAddr)?.port : undefined);

/** What Teleport (or a working trust relationship) needs from a trusted cluster, checked at synth. */
export const TRUSTED_CLUSTER_RULES: readonly Rule<TrustedClusterFacts>[] = [
  rule({
    field: 'metadata.name',
    find: (p) => isKnown(p.name) && !/^[a-zA-Z0-9._-]+$/.test(p.name),
    message: (_, p) => `"${p.name}" is not a cluster name.`,
    fix: 'use the root cluster\'s name exactly as the root reports it (cluster_name in /webapi/ping), e.g. "rootcluster.example.com".',
  }),
  addrRule('spec.web_proxy_addr', 'web_proxy_addr', (p) => p.webProxyAddr),
  addrRule('spec.tunnel_addr', 'tunnel_addr', (p) => p.tunnelAddr),
  rule({
    // The default is only a safe guess on 443, where TLS routing (web and tunnel on one port) is the common setup.
    field: 'spec.tunnel_addr',
    find: (p) => {
      if (p.tunnelAddr !== undefined) return undefined;
      if (!isKnown(p.webProxyAddr)) return { web: 'is not known at synth', port: 'the web port' };
      const port = webPort(p);
      return port !== undefined && port !== 443 && { web: `"${p.webProxyAddr}" is not on port 443`, port: `port ${port}` };
    },
    message: (w) =>
      `is not set, and web_proxy_addr ${w.web}, so it cannot stand in for the reverse tunnel address (it does only when the root uses TLS routing; otherwise ${w.port} serves no tunnel and the leaf never connects).`,
    fix: `set tunnelAddr: ${TUNNEL_FIX}`,
  }),
  rule({
    field: 'spec.role_map',
    find: (p) => p.roleMap.length === 0,
    message: 'is empty: Teleport rejects a trusted cluster without role mappings ("missing \'role_map\' parameter").',
    fix: 'map at least one root role, e.g. roleMap: [{ remote: "access", local: [visitor] }].',
  }),
  rule({
    field: 'spec.role_map[].remote',
    find: (p) => p.roleMap.some((m) => isKnown(m.remote) && m.remote.trim() === ''),
    message: 'has an empty remote role.',
    fix: 'name the root role to map from, "*" for every role, or a "^...$" regular expression.',
  }),
  rule({
    field: 'spec.role_map[].remote',
    find: (p) => regexWith(p, (r) => re2Unsupported(r)),
    message: ({ remote, found }) =>
      `"${remote}" uses ${found}, which Go's RE2 engine (Teleport's regular expressions) does not support: Teleport rejects the role_map.`,
    fix: 'rewrite it without lookarounds or backreferences (RE2 syntax: https://github.com/google/re2/wiki/Syntax), e.g. split it into several mappings, or match the wanted roles explicitly.',
  }),
  rule({
    field: 'spec.role_map[].remote',
    find: (p) => regexWith(p, (r) => re2Unsupported(r) === undefined && !re2Compiles(r)),
    message: ({ remote }) => `"${remote}" is not a valid regular expression.`,
    fix: 'fix the expression (Teleport uses Go RE2 syntax), or drop the ^ and $ to match it as a glob.',
  }),
  rule({
    field: 'spec.role_map[].remote',
    find: (p) => firstDuplicate(p.roleMap.map((m) => m.remote).filter(isKnown)),
    message: (remote) => `maps "${remote}" twice; Teleport rejects duplicate remote roles.`,
    fix: 'merge the entries into one mapping with all the local roles.',
  }),
  rule({
    field: 'spec.role_map[].local',
    find: (p) => p.roleMap.some((m) => m.local.length === 0),
    message: 'has a mapping with no local roles.',
    fix: 'list at least one leaf role in local, e.g. local: [Role.fromName("visitor")].',
  }),
  rule({
    field: 'spec.role_map[].local',
    find: firstExpansionProblem,
    message: (found) => found,
    fix: 'give remote the group the local name refers to: a ^...$ regular expression with a (...) group (e.g. remote "^(.*)-admin$" with local "$1-admin"), or a glob whose * is group 1 (e.g. "team-*"); or name the local role literally.',
  }),
  rule({
    field: 'spec.role_map[].local',
    find: (p) => p.roleMap.some((m) => m.local.some((r) => isKnown(r.roleName) && (r.roleName === '*' || r.roleName.trim() === ''))),
    message: 'contains "*" or an empty role name; Teleport does not support wildcards in local roles.',
    fix: 'name the leaf roles explicitly (or use "$1"-style expansions with a "^...$" remote).',
  }),
  rule({
    field: 'spec.role_map[].local',
    find: foreignRole,
    message: ({ role, provider }, f) =>
      `role "${role.roleName}" is managed by provider ${provider}, but this trusted cluster by ${providerName(f.provider)}: role_map local roles are roles of the leaf, the cluster the trusted cluster is created on.`,
    fix: "create the Role with the trusted cluster's provider (provider: <the leaf provider>), or use Role.fromName() for a role that exists on the leaf.",
  }),
  rule({
    field: 'spec.enabled',
    find: (p) => p.enabled === false && !p.acknowledgeDisabled,
    message:
      "is false: that deactivates the root cluster's certificate authorities on the leaf and tears down the reverse tunnel, so root users lose access.",
    fix: 'set acknowledgeDisabled: true if you mean to disable the trust, or remove enabled: false.',
  }),
  rule({
    field: 'spec.token',
    find: (p) => p.token.provisionToken !== undefined && !p.token.provisionToken.isTrustedClusterToken,
    message: 'comes from a provision token without the Trusted_cluster role; the root would refuse the join.',
    fix: 'create the token with ProvisionToken.forTrustedCluster().',
  }),
];

/** The first literal `^...$` remote for which `test` finds something (a string, or true), with what it found. */
function regexWith<F>(p: TrustedClusterProps, test: (remote: string) => F | undefined | false): { remote: string; found: F } | undefined {
  for (const remote of p.roleMap.map((m) => m.remote)) {
    if (!isKnown(remote) || !isRegex(remote)) continue;
    const found = test(remote);
    if (found !== undefined && found !== false) return { remote, found };
  }
  return undefined;
}

/** The first `$1`-style local name whose group the remote does not have (literal values only), as a message. */
function firstExpansionProblem(p: TrustedClusterProps): string | undefined {
  for (const m of p.roleMap) {
    if (!isKnown(m.remote)) continue;
    for (const r of m.local) {
      const found = isKnown(r.roleName) ? expansionProblem(m.remote, r.roleName) : undefined;
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

/** The first value seen a second time, or undefined. */
function firstDuplicate(values: string[]): string | undefined {
  const seen = new Set<string>();
  return values.find((v) => (seen.has(v) ? true : (seen.add(v), false)));
}
