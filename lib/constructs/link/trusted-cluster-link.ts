import { Construct } from 'constructs';
import { ITerraformDependable, TerraformProvider, TerraformResourceLifecycle } from 'cdktf';
import { ProvisionToken } from '../provision-token';
import { JoinToken, TrustedCluster, TrustedClusterOptions } from '../trusted-cluster';
import { checkArgs } from '../../api-check/check-args';

/**
 * Props of a root/leaf trust relationship managed from one stack with two aliased providers. The
 * trusted cluster's own options (`webProxyAddr`, `tunnelAddr`, `roleMap`, `enabled`,
 * `acknowledgeDisabled`) are those of `TrustedClusterProps`.
 */
export interface TrustedClusterLinkProps extends TrustedClusterOptions {
  /** The provider of the root cluster: the join token is created there. */
  readonly rootProvider: TerraformProvider;
  /** The provider of the leaf cluster: the trusted cluster is created there. */
  readonly leafProvider: TerraformProvider;
  /** The root cluster's name (its `cluster_name`); becomes the trusted cluster's `metadata.name`. */
  readonly rootClusterName: string;
  /**
   * How long the join token stays valid after the apply that creates it (a Go duration).
   * @default "1h"
   */
  readonly tokenTtl?: string;
  /**
   * Labels on the join token; Teleport copies them onto the root's `remote_cluster` for this leaf
   * (usable in `cluster_labels` RBAC).
   * @default none
   */
  readonly tokenLabels?: { [key: string]: string };
  /**
   * The "joined" phase. Set it once the leaf has joined (after the first successful apply): the
   * link no longer creates the root's join token (Terraform deletes it if it still exists) and the
   * trusted cluster omits `spec.token` (`JoinToken.alreadyJoined()`), so no later plan or apply
   * mints a fresh `Trusted_cluster` secret. If the trusted cluster must ever be created again
   * (replaced, or the leaf re-joined), set it back to false for that apply.
   * @default false (the "bootstrap" phase: a join token on the root, used by the trusted cluster)
   */
  readonly joined?: boolean;
  /**
   * Resources both parts (the join token and the trusted cluster) are created after.
   * @default no extra dependencies
   */
  readonly dependsOn?: ITerraformDependable[];
  /**
   * Terraform lifecycle settings of the trusted cluster, merged with its own
   * `ignore_changes = [spec.token]`.
   * @default only the trusted cluster's own ignore_changes
   */
  readonly lifecycle?: TerraformResourceLifecycle;
  /**
   * Terraform lifecycle settings of the join token, merged with its own
   * `ignore_changes = [metadata.expires]`.
   * @default only the token's own ignore_changes
   */
  readonly joinTokenLifecycle?: TerraformResourceLifecycle;
}

/**
 * Joins a leaf cluster to a root in one stack: a `Trusted_cluster` join token on the root, and the
 * `trusted_cluster` on the leaf that uses it by reference (sensitive end to end), created after the
 * token and the mapped roles. One link per leaf: a root with many leaves gets a token per leaf.
 * After the first apply, `joined: true` drops the token (see `TrustedClusterLinkProps.joined`).
 */
export class TrustedClusterLink extends Construct {
  /** The join token on the root; undefined in the joined phase. */
  public readonly token?: ProvisionToken;
  /** The trusted cluster on the leaf. */
  public readonly trustedCluster: TrustedCluster;

  constructor(scope: Construct, id: string, props: TrustedClusterLinkProps) {
    checkArgs('new TrustedClusterLink', arguments);
    super(scope, id);
    if (props.joined !== true) {
      this.token = ProvisionToken.forTrustedCluster(this, 'JoinToken', {
        provider: props.rootProvider,
        ttl: props.tokenTtl,
        labels: props.tokenLabels,
        description: `Join token for a leaf of ${props.rootClusterName} (${this.node.path})`,
        dependsOn: props.dependsOn,
        lifecycle: props.joinTokenLifecycle,
      });
    }
    this.trustedCluster = new TrustedCluster(this, 'TrustedCluster', {
      provider: props.leafProvider,
      name: props.rootClusterName,
      ...trustedClusterOptions(props),
      token: this.token ? JoinToken.fromProvisionToken(this.token) : JoinToken.alreadyJoined(),
      dependsOn: props.dependsOn,
      lifecycle: props.lifecycle,
    });
  }
}

/**
 * The trusted cluster's own options out of the link's props (the link's other props are not the
 * trusted cluster's). Every field is listed: the compiler fails here when one is added and not passed on.
 */
function trustedClusterOptions(p: TrustedClusterLinkProps): TrustedClusterOptions {
  const { webProxyAddr, tunnelAddr, roleMap, enabled, acknowledgeDisabled } = p;
  return { webProxyAddr, tunnelAddr, roleMap, enabled, acknowledgeDisabled } satisfies Record<keyof TrustedClusterOptions, unknown>;
}
