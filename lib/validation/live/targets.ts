// Which clusters a configuration names: each provider (its `addr`, or TF_TELEPORT_ADDR when the
// block has none) and each trusted cluster's root (`spec.web_proxy_addr`), with the NAMEs that
// `--proxy`, `--ca-file` and the credential variables use: the provider alias (`teleport` for the
// default provider) or the trusted cluster's `metadata.name`, plain or as `<stack>/<name>`.
import { TfResource, TfResourceChange, TfStack, TfInput } from '../../config/model';
import { isLiteral } from '../rules/context';

/** One place in the input that names a cluster address. */
export interface ClusterRef {
  readonly stack: string;
  /** The NAME, when the configuration gives one literally. */
  readonly name?: string;
  /** The configured value: a literal address, a `${...}` expression, or undefined. */
  readonly configured?: unknown;
  /** Where the value is, for messages (`provider.teleport.leaf addr`). */
  readonly source: string;
  /** A provider (the web API of its cluster) or a trusted cluster's root proxy. */
  readonly kind: 'provider' | 'root';
}

export interface ProviderTarget {
  readonly stack: TfStack;
  /** `teleport` or `teleport.<alias>`. */
  readonly key: string;
  readonly ref: ClusterRef;
  /** The managed resources this provider applies. */
  readonly resources: readonly TfResource[];
}

export interface TrustedClusterTarget {
  readonly stack: TfStack;
  readonly resource: TfResource;
  /** metadata.name, when literal: the root's cluster name. */
  readonly name?: string;
  readonly root: ClusterRef;
  /** The provider that manages the trusted cluster: the leaf. */
  readonly leaf?: ProviderTarget;
  /** Plans only: the planned change. */
  readonly change?: TfResourceChange;
}

export function providerName(key: string): string {
  return key === 'teleport' ? 'teleport' : key.replace(/^teleport\./, '');
}

export function providerTargets(input: TfInput, env: NodeJS.ProcessEnv): ProviderTarget[] {
  return input.stacks.flatMap((stack) => {
    const keys = new Set([...stack.providers.map((p) => p.key), ...stack.resources.filter((r) => r.mode === 'managed').map((r) => r.providerKey)]);
    return [...keys].map((key) => {
      const values = stack.providers.find((p) => p.key === key)?.values ?? {};
      const fromEnv = !('addr' in values) && env.TF_TELEPORT_ADDR !== undefined;
      return {
        stack,
        key,
        ref: {
          stack: stack.name,
          name: providerName(key),
          configured: fromEnv ? env.TF_TELEPORT_ADDR : values.addr,
          source: fromEnv ? `TF_TELEPORT_ADDR (provider.${key} has no addr)` : `provider.${key} addr`,
          kind: 'provider' as const,
        },
        resources: stack.resources.filter((r) => r.providerKey === key && r.mode === 'managed'),
      };
    });
  });
}

export function trustedClusterTargets(input: TfInput, providers: readonly ProviderTarget[]): TrustedClusterTarget[] {
  return input.stacks.flatMap((stack) =>
    stack.resources
      .filter((r) => r.type === 'teleport_trusted_cluster' && r.mode === 'managed')
      .map((resource) => {
        const name = isLiteral(resource.values.metadata?.name) ? resource.values.metadata.name : undefined;
        return {
          stack,
          resource,
          name,
          root: {
            stack: stack.name,
            name,
            configured: resource.values.spec?.web_proxy_addr,
            source: `${resource.address} spec.web_proxy_addr`,
            kind: 'root' as const,
          },
          leaf: providers.find((p) => p.stack === stack && p.key === resource.providerKey),
          change: input.changes.find((c) => c.stack === stack.name && c.address === resource.address),
        };
      }),
  );
}
