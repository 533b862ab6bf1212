// Every join method's facts in one table: which props (and provider blocks) belong to it, which
// factory makes it, what its factory moves into its `spec.<method>` block, the defaults written
// into that block, and whether it needs Teleport Enterprise. The factories (provision-token.ts),
// the spec (spec.ts) and the block rules (rules.ts) read it; the method's own allow-rule checks are
// in rules.ts (`METHOD_RULES`), loaded on first validation.
import { JoinMethod, KubernetesJoinType } from './join-methods';
import { ProvisionTokenProps } from './props';

/** A `ProvisionTokenProps` key that holds spec data of one join method (or of ec2 and iam: `allow`). */
export type MethodPropKey =
  | 'allow'
  | 'awsIidTtl'
  | 'github'
  | 'gitlab'
  | 'circleci'
  | 'kubernetes'
  | 'azure'
  | 'azureDevops'
  | 'gcp'
  | 'spacelift'
  | 'tpm'
  | 'terraformCloud'
  | 'bitbucket'
  | 'oracle'
  | 'env0'
  | 'boundKeypair';

/** One join method. */
export interface JoinMethodEntry {
  readonly method: JoinMethod;
  /** The factory, as messages name it. */
  readonly factory: string;
  /** The props that belong to this method, with their provider paths. */
  readonly props: readonly { readonly key: MethodPropKey; readonly tf: string }[];
  /**
   * The method's `spec.<method>` block: the factory moves `fields` of its props into it, and the
   * spec writes `defaults` for fields left unset (what Teleport would fill in, so no plan shows a diff).
   */
  readonly block?: { readonly key: MethodPropKey; readonly fields: readonly string[]; readonly defaults?: { readonly [field: string]: unknown } };
  /** Why a token of this method needs Teleport Enterprise (given its props), or undefined. */
  readonly enterprise?: (props: ProvisionTokenProps) => string | undefined;
}

/** The gitlab.domain Teleport assumes when none is given; written out so no later plan shows a diff. */
export const DEFAULT_GITLAB_DOMAIN = 'gitlab.com';

const AWS_ALLOW = { key: 'allow', tf: 'spec.allow' } as const;

/** A method whose props live in its own `spec.<tf>` block, filled from the factory's `fields`. */
function blockMethod(
  method: JoinMethod,
  factory: string,
  key: MethodPropKey,
  tf: string,
  fields: readonly string[],
  extra: Pick<JoinMethodEntry, 'enterprise'> & { defaults?: { [field: string]: unknown } } = {},
): JoinMethodEntry {
  const block = { key, fields, defaults: extra.defaults };
  return { method, factory: `ProvisionToken.${factory}()`, props: [{ key, tf }], block, enterprise: extra.enterprise };
}

/** Every join method, in `JoinMethod` order. */
export const JOIN_METHODS: readonly JoinMethodEntry[] = [
  { method: JoinMethod.TOKEN, factory: 'ProvisionToken.token()', props: [] },
  { method: JoinMethod.EC2, factory: 'ProvisionToken.ec2()', props: [AWS_ALLOW, { key: 'awsIidTtl', tf: 'spec.aws_iid_ttl' }] },
  { method: JoinMethod.IAM, factory: 'ProvisionToken.iam()', props: [AWS_ALLOW] },
  blockMethod(JoinMethod.GITHUB, 'github', 'github', 'spec.github', ['allow', 'enterpriseServerHost', 'enterpriseSlug', 'staticJwks'], {
    enterprise: (p) => (p.github?.enterpriseServerHost !== undefined ? 'GitHub join with enterprise_server_host' : undefined),
  }),
  blockMethod(JoinMethod.GITLAB, 'gitlab', 'gitlab', 'spec.gitlab', ['allow', 'domain', 'staticJwks'], {
    defaults: { domain: DEFAULT_GITLAB_DOMAIN },
  }),
  blockMethod(JoinMethod.CIRCLECI, 'circleci', 'circleci', 'spec.circleci', ['allow', 'organizationId']),
  blockMethod(JoinMethod.KUBERNETES, 'kubernetes', 'kubernetes', 'spec.kubernetes', ['allow', 'type', 'staticJwks', 'oidc'], {
    defaults: { type: KubernetesJoinType.IN_CLUSTER },
  }),
  blockMethod(JoinMethod.AZURE, 'azure', 'azure', 'spec.azure', ['allow']),
  blockMethod(JoinMethod.AZURE_DEVOPS, 'azureDevops', 'azureDevops', 'spec.azure_devops', ['allow', 'organizationId']),
  blockMethod(JoinMethod.GCP, 'gcp', 'gcp', 'spec.gcp', ['allow']),
  blockMethod(JoinMethod.SPACELIFT, 'spacelift', 'spacelift', 'spec.spacelift', ['allow', 'hostname', 'enableGlobMatching'], {
    enterprise: () => 'The spacelift join method',
  }),
  blockMethod(JoinMethod.TPM, 'tpm', 'tpm', 'spec.tpm', ['allow', 'ekcertAllowedCas'], { enterprise: () => 'The tpm join method' }),
  blockMethod(JoinMethod.TERRAFORM_CLOUD, 'terraformCloud', 'terraformCloud', 'spec.terraform_cloud', ['allow', 'audience', 'hostname']),
  blockMethod(JoinMethod.BITBUCKET, 'bitbucket', 'bitbucket', 'spec.bitbucket', ['allow', 'audience', 'identityProviderUrl']),
  blockMethod(JoinMethod.ORACLE, 'oracle', 'oracle', 'spec.oracle', ['allow']),
  blockMethod(JoinMethod.ENV0, 'env0', 'env0', 'spec.env0', ['allow']),
  blockMethod(JoinMethod.BOUND_KEYPAIR, 'boundKeypair', 'boundKeypair', 'spec.bound_keypair', ['onboarding', 'recovery', 'rotateAfter']),
];

const BY_METHOD: ReadonlyMap<string, JoinMethodEntry> = new Map(JOIN_METHODS.map((e) => [e.method, e]));

/** The table's entry for a join method, or undefined for a method Teleport does not know. */
export function joinMethodEntry(method: string): JoinMethodEntry | undefined {
  return BY_METHOD.get(method);
}

/**
 * A factory's props as `ProvisionTokenProps`: the join method set, and the method's block fields
 * moved from the top level into `spec.<method>` (e.g. `github({ allow, ... })` → `{ github: { allow, ... } }`).
 */
export function factoryProps(method: JoinMethod, props: object): ProvisionTokenProps {
  const block = joinMethodEntry(method)?.block;
  if (!block) return { ...props, joinMethod: method };
  const rest: { [key: string]: unknown } = { ...props };
  const fields: { [key: string]: unknown } = {};
  for (const f of block.fields) {
    fields[f] = rest[f];
    delete rest[f];
  }
  return { ...rest, joinMethod: method, [block.key]: fields };
}

/** The method's block with its defaults written for unset fields (undefined when the block is). */
export function withBlockDefaults<B extends object>(entry: JoinMethodEntry | undefined, block: B | undefined): B | undefined {
  const defaults = entry?.block?.defaults;
  if (block === undefined || !defaults) return block;
  const out: { [key: string]: unknown } = { ...(block as object) };
  for (const [k, v] of Object.entries(defaults)) out[k] = out[k] ?? v;
  return out as B;
}
