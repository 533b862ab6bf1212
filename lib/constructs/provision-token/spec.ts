import * as l1 from '../../gen';
import { KubernetesJoinType } from './join-methods';
import { ProvisionTokenProps } from './props';

/** The gitlab.domain Teleport assumes when none is given; written out so no later plan shows a diff. */
export const DEFAULT_GITLAB_DOMAIN = 'gitlab.com';

/**
 * Maps the props to the L1 `spec`. The structs mirror the provider's attribute names, so most blocks
 * pass through; defaults Teleport would fill in on the server (and the provider does not mark
 * computed) are written out, so the next plan shows no diff: `join_method` (always),
 * `kubernetes.type` (`in_cluster`) and `gitlab.domain` (`gitlab.com`).
 */
export function toL1Spec(props: ProvisionTokenProps, method: string, roles: string[]): l1.provisionToken.ProvisionTokenSpec {
  return {
    roles,
    joinMethod: method,
    botName: props.botName,
    allow: props.allow,
    awsIidTtl: props.awsIidTtl,
    suggestedLabels: props.suggestedLabels,
    suggestedAgentMatcherLabels: props.suggestedAgentMatcherLabels,
    github: props.github,
    gitlab: props.gitlab && { ...props.gitlab, domain: props.gitlab.domain ?? DEFAULT_GITLAB_DOMAIN },
    circleci: props.circleci,
    kubernetes: props.kubernetes && { ...props.kubernetes, type: props.kubernetes.type ?? KubernetesJoinType.IN_CLUSTER },
    azure: props.azure,
    azureDevops: props.azureDevops,
    gcp: props.gcp,
    spacelift: props.spacelift,
    tpm: props.tpm,
    terraformCloud: props.terraformCloud,
    bitbucket: props.bitbucket,
    oracle: props.oracle,
    env0: props.env0,
    boundKeypair: props.boundKeypair,
  };
}
