import { TeleportResourceOptions } from '../options';
import { JoinToken } from './join-token';
import { RoleMapping } from './role-mapping';

/**
 * What a trusted cluster says about the root it trusts, whoever creates it: a `TrustedCluster`, or
 * a `TrustedClusterLink` (which also creates the join token).
 */
export interface TrustedClusterOptions {
  /** `spec.web_proxy_addr`: the root proxy's web address, `host:port`. */
  readonly webProxyAddr: string;
  /**
   * `spec.tunnel_addr`: the root's reverse tunnel address, `host:port`. With TLS routing on, the
   * root proxy's web address; with it off, its reverse tunnel listener (usually port 3024). Not on
   * 3023 (the proxy's SSH port) or 3025 (the Auth Service). Always written explicitly: left unset,
   * Teleport would guess (the provider page: `<metadata.name>:<default reverse tunnel port>`, i.e.
   * 3024; `TrustedClusterV2.CheckAndSetDefaults` in api/types/trustedcluster.go: `web_proxy_addr`).
   * @default webProxyAddr when its port is 443 (TLS routing, the common setup there); required otherwise
   */
  readonly tunnelAddr?: string;
  /**
   * `spec.role_map`: root roles mapped to leaf roles. `Role` constructs are created first, and must
   * be managed by the trusted cluster's provider (the leaf's).
   */
  readonly roleMap: RoleMapping[];
  /**
   * `spec.enabled`. `false` deactivates the root's CAs on the leaf: it needs `acknowledgeDisabled`.
   * @default true
   */
  readonly enabled?: boolean;
  /**
   * Set to true to confirm that `enabled: false` is meant.
   * @default false
   */
  readonly acknowledgeDisabled?: boolean;
}

/** Props of a trusted cluster (created on the leaf, pointing at the root). */
export interface TrustedClusterProps extends TeleportResourceOptions, TrustedClusterOptions {
  /**
   * `metadata.name`: the root cluster's name. Teleport renames the resource to the root's
   * cluster name on join, so anything else causes drift.
   */
  readonly name: string;
  /**
   * `spec.token`: the join token the root issued. Changes after creation are ignored (see README);
   * `JoinToken.alreadyJoined()` omits it once the leaf has joined.
   */
  readonly token: JoinToken;
  /**
   * `metadata.labels`.
   * @default none
   */
  readonly labels?: { [key: string]: string };
  /**
   * `metadata.description`.
   * @default none
   */
  readonly description?: string;
}
