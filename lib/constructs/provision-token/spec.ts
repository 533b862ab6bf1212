import * as l1 from '../../gen';
import { JOIN_METHODS, MethodPropKey, withBlockDefaults } from './join-method-table';
import { ProvisionTokenProps } from './props';

export { DEFAULT_GITLAB_DOMAIN } from './join-method-table';

/**
 * Maps the props to the L1 `spec`. The structs mirror the provider's attribute names, so the join
 * method blocks pass through; defaults Teleport would fill in on the server (and the provider does
 * not mark computed) are written out, so the next plan shows no diff: `join_method` (always) and
 * each block's defaults from the join method table (`kubernetes.type` `in_cluster`, `gitlab.domain`
 * `gitlab.com`).
 */
export function toL1Spec(props: ProvisionTokenProps, method: string, roles: string[]): l1.provisionToken.ProvisionTokenSpec {
  // Typed as the L1 spec's blocks: the compiler checks that the props structs still mirror them.
  const methodProps: Pick<l1.provisionToken.ProvisionTokenSpec, MethodPropKey> = withMethodDefaults(props);
  return {
    roles,
    joinMethod: method,
    botName: props.botName,
    allow: props.allow,
    awsIidTtl: props.awsIidTtl,
    suggestedLabels: props.suggestedLabels,
    suggestedAgentMatcherLabels: props.suggestedAgentMatcherLabels,
    ...methodProps,
  };
}

/** Every join method block the props set, in table order, with its defaults written (blocks not set stay absent). */
function withMethodDefaults(props: ProvisionTokenProps): Pick<ProvisionTokenProps, MethodPropKey> {
  const out: { [key: string]: unknown } = { allow: props.allow, awsIidTtl: props.awsIidTtl };
  for (const entry of JOIN_METHODS) {
    if (!entry.block) continue;
    const block = props[entry.block.key] as object | undefined;
    if (block !== undefined) out[entry.block.key] = withBlockDefaults(entry, block);
  }
  return out as Pick<ProvisionTokenProps, MethodPropKey>;
}
