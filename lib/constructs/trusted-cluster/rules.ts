import { Rule, hasExplicitPort, isKnown } from '../rules';
import { isRegex } from './role-map-syntax';
import { TrustedClusterProps } from './trusted-cluster';

const addrRule = (field: string, get: (p: TrustedClusterProps) => string | undefined, what: string): Rule<TrustedClusterProps> => ({
  field,
  broken: (p) => isKnown(get(p)) && !hasExplicitPort(get(p)!),
  message: (p) => `"${get(p)}" is not host:port. Teleport dials ${what} exactly as written and adds no default port.`,
  fix: field === 'spec.tunnel_addr'
    ? 'write the port: the root proxy\'s web port (e.g. :443) when it uses TLS routing, else its reverse tunnel port (usually :3024).'
    : 'write the root proxy\'s web port, e.g. "rootcluster.example.com:443" (or :3080 without TLS routing).',
});

/** What Teleport (or a working trust relationship) needs from a trusted cluster, checked at synth. */
export const TRUSTED_CLUSTER_RULES: readonly Rule<TrustedClusterProps>[] = [
  {
    field: 'metadata.name',
    broken: (p) => isKnown(p.name) && !/^[a-zA-Z0-9._-]+$/.test(p.name),
    message: (p) => `"${p.name}" is not a cluster name.`,
    fix: 'use the root cluster\'s name exactly as the root reports it (cluster_name in /webapi/ping), e.g. "rootcluster.example.com".',
  },
  addrRule('spec.web_proxy_addr', (p) => p.webProxyAddr, 'the web proxy'),
  addrRule('spec.tunnel_addr', (p) => p.tunnelAddr, 'the reverse tunnel'),
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
    broken: (p) => p.roleMap.some((m) => isKnown(m.remote) && isRegex(m.remote) && !compiles(m.remote)),
    message: (p) => `"${p.roleMap.find((m) => isKnown(m.remote) && isRegex(m.remote) && !compiles(m.remote))!.remote}" is not a valid regular expression.`,
    fix: 'fix the expression (Teleport uses RE2 syntax: no lookarounds or backreferences).',
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
    broken: (p) => p.roleMap.some((m) => m.local.some((r) => isKnown(r.roleName) && (r.roleName === '*' || r.roleName.trim() === ''))),
    message: 'contains "*" or an empty role name; Teleport does not support wildcards in local roles.',
    fix: 'name the leaf roles explicitly (or use "$1"-style expansions with a "^...$" remote).',
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

function compiles(expression: string): boolean {
  try {
    new RegExp(expression);
    return true;
  } catch {
    return false;
  }
}

function duplicates(values: string[]): string[] {
  const seen = new Set<string>();
  return values.filter((v) => (seen.has(v) ? true : (seen.add(v), false)));
}
