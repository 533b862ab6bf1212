// What a provider's cluster says about the resources it applies, without credentials: the provider
// version constraint, role versions the server knows, join methods the edition supports.
import { PingInfo, major } from '../../proxy-client';
import { Finding } from '../../report/finding';
import { isLiteral } from '../rules/context';
import { admitsMajor, parseConstraint } from '../version-constraint';
import { LiveContext, notChecked } from './context';
import { ProviderTarget } from './targets';

/**
 * The first Teleport major that accepts a role version: v8 came with Teleport 18 (its default role
 * version), v9 with Teleport 19 (the 19.x docs: role v9 and app_resources). Older versions (v3-v7)
 * are accepted by every supported major; anything else is left to the server's own parse.
 */
export const ROLE_VERSION_SINCE: ReadonlyMap<string, number> = new Map([
  ['v8', 18],
  ['v9', 19],
]);

const ENTERPRISE_ONLY = ['spacelift', 'tpm'];

export function providerFindings(p: ProviderTarget, ctx: LiveContext): Finding[] {
  const resolved = ctx.addresses.resolve(p.ref);
  const info = resolved.dial ? ctx.infos.get(resolved.dial) : undefined;
  if (!info)
    return [
      notChecked(p.stack.name, `provider.${p.key}`, `the cluster was not checked: ${resolved.skipped?.why ?? 'no address'}.`, resolved.skipped?.fix),
    ];
  const at = (r: string, f: Omit<Finding, 'stack' | 'resource'>): Finding => ({ ...f, stack: p.stack.name, resource: r });
  return [
    ...constraintFindings(p, info).map((f) => at(`provider.${p.key}`, f)),
    ...roleVersionFindings(p, info, at),
    ...editionFindings(p, info, at),
  ];
}

function constraintFindings(p: ProviderTarget, info: PingInfo): Omit<Finding, 'stack' | 'resource'>[] {
  const constraint = p.stack.providerVersionConstraint;
  const cluster = major(info.serverVersion);
  if (!constraint || cluster === undefined) return [];
  const conditions = parseConstraint(constraint);
  if (!conditions)
    return [
      {
        severity: 'info',
        check: 'validate.provider-version',
        message: `the provider constraint "${constraint}" is not Terraform constraint syntax that validate reads; it was not compared with Teleport ${info.serverVersion}.`,
      },
    ];
  if (admitsMajor(conditions, cluster)) return [];
  return [
    {
      severity: 'warning',
      check: 'validate.provider-version',
      message: `the provider constraint "${constraint}" admits no provider ${cluster}.x, but the cluster runs Teleport ${info.serverVersion}: the provider's major follows Teleport's.`,
      fix: `pin the provider to "~> ${cluster}.0" for this cluster.`,
    },
  ];
}

type At = (resource: string, f: Omit<Finding, 'stack' | 'resource'>) => Finding;

function roleVersionFindings(p: ProviderTarget, info: PingInfo, at: At): Finding[] {
  const cluster = major(info.serverVersion);
  if (cluster === undefined) return [];
  return p.resources
    .filter((r) => r.type === 'teleport_role' && (ROLE_VERSION_SINCE.get(r.values.version) ?? 0) > cluster)
    .map((r) =>
      at(r.address, {
        severity: 'error',
        check: 'validate.role-version',
        path: 'version',
        message: `role version ${r.values.version} needs Teleport ${ROLE_VERSION_SINCE.get(r.values.version)} or newer; ${info.clusterName} runs ${info.serverVersion}.`,
        fix: `use a version Teleport ${cluster} knows (v7${cluster >= 18 ? ' or v8' : ''}) until the cluster and its agents are upgraded.`,
      }),
    );
}

function editionFindings(p: ProviderTarget, info: PingInfo, at: At): Finding[] {
  const gated = p.resources.filter(
    (r) =>
      r.type === 'teleport_provision_token' &&
      (ENTERPRISE_ONLY.includes(r.values.spec?.join_method) ||
        (r.values.spec?.join_method === 'github' && isLiteral(r.values.spec?.github?.enterprise_server_host))),
  );
  if (info.edition === undefined) {
    return gated.map((r) =>
      notChecked(
        p.stack.name,
        r.address,
        `needs Teleport Enterprise, but ${info.clusterName} (Teleport ${info.serverVersion}) does not report its edition (before Teleport 16): the edition was not checked.`,
        undefined,
        'spec.join_method',
      ),
    );
  }
  if (info.edition !== 'oss' && info.edition !== 'community') return [];
  return gated.map((r) =>
    at(r.address, {
      severity: 'error',
      check: 'validate.edition',
      path: 'spec.join_method',
      message: `needs Teleport Enterprise; ${info.clusterName} is the ${info.edition} edition.`,
      fix: 'use a join method the edition supports, or an Enterprise cluster.',
    }),
  );
}
