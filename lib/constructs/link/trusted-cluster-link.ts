import { Construct } from 'constructs';
import { TerraformProvider } from 'cdktf';
import { ProvisionToken } from '../provision-token';
import { JoinToken, RoleMapping, TrustedCluster } from '../trusted-cluster';

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
   * The root's reverse tunnel address, `host:port`.
   * @default webProxyAddr (TLS routing)
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
}

/**
 * Joins a leaf cluster to a root in one stack: a `Trusted_cluster` join token on the root, and the
 * `trusted_cluster` on the leaf that uses it by reference (sensitive end to end), created after the
 * token and the mapped roles. One link per leaf: a root with many leaves gets a token per leaf.
 */
export class TrustedClusterLink extends Construct {
  /** The join token on the root. */
  public readonly token: ProvisionToken;
  /** The trusted cluster on the leaf. */
  public readonly trustedCluster: TrustedCluster;

  constructor(scope: Construct, id: string, props: TrustedClusterLinkProps) {
    super(scope, id);
    this.token = ProvisionToken.forTrustedCluster(this, 'JoinToken', {
      provider: props.rootProvider,
      ttl: props.tokenTtl,
      labels: props.tokenLabels,
      description: `Join token for a leaf of ${props.rootClusterName} (${this.node.path})`,
    });
    this.trustedCluster = new TrustedCluster(this, 'TrustedCluster', {
      provider: props.leafProvider,
      name: props.rootClusterName,
      webProxyAddr: props.webProxyAddr,
      tunnelAddr: props.tunnelAddr,
      token: JoinToken.fromProvisionToken(this.token),
      roleMap: props.roleMap,
      enabled: props.enabled,
      acknowledgeDisabled: props.acknowledgeDisabled,
    });
  }
}
