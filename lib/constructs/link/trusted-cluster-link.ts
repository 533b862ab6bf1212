import { Construct } from 'constructs';
import { ITerraformDependable, TerraformProvider, TerraformResourceLifecycle } from 'cdktf';
import { ProvisionToken } from '../provision-token';
import { JoinToken, RoleMapping, TrustedCluster } from '../trusted-cluster';
import { checkArgs } from '../../api-check/check-args';

/** Props of a root/leaf trust relationship managed from one stack with two aliased providers. */
export interface TrustedClusterLinkProps {
  /** The provider of the root cluster: the join token is created there. */
  readonly rootProvider: TerraformProvider;
  /** The provider of the leaf cluster: the trusted cluster is created there. */
  readonly leafProvider: TerraformProvider;
  /** The root cluster's name (its `cluster_name`); becomes the trusted cluster's `metadata.name`. */
  readonly rootClusterName: string;
  /** The root proxy's web address, `host:port`. */
  readonly webProxyAddr: string;
  /**
   * The root's reverse tunnel address, `host:port`: with TLS routing on, the root proxy's web
   * address; with it off, its reverse tunnel listener (usually port 3024).
   * @default webProxyAddr when its port is 443 (TLS routing); required otherwise
   */
  readonly tunnelAddr?: string;
  /** Root roles mapped to leaf roles; `Role` constructs must be managed by the leaf provider. */
  readonly roleMap: RoleMapping[];
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
   * Whether the trust is enabled.
   * @default true
   */
  readonly enabled?: boolean;
  /**
   * Confirms that `enabled: false` is meant (it deactivates the root's CAs on the leaf).
   * @default false
   */
  readonly acknowledgeDisabled?: boolean;
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
      webProxyAddr: props.webProxyAddr,
      tunnelAddr: props.tunnelAddr,
      token: this.token ? JoinToken.fromProvisionToken(this.token) : JoinToken.alreadyJoined(),
      roleMap: props.roleMap,
      enabled: props.enabled,
      acknowledgeDisabled: props.acknowledgeDisabled,
      dependsOn: props.dependsOn,
      lifecycle: props.lifecycle,
    });
  }
}
