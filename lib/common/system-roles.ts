/**
 * Teleport's system roles a provision token can grant (`spec.roles`), with their canonical spelling.
 * Source: `api/types/system_role.go` (see docs/provision-token.md). Any string is accepted in props
 * case-insensitively (and with Teleport's aliases, e.g. `trusted_cluster`); the synthesized JSON
 * always carries the canonical value.
 */
export enum SystemRole {
  /** Auth Service. */
  AUTH = 'Auth',
  /** SSH Service (a node). */
  NODE = 'Node',
  /** Proxy Service. */
  PROXY = 'Proxy',
  /** Administrative role. */
  ADMIN = 'Admin',
  /** A provisioning token. */
  PROVISION_TOKEN = 'ProvisionToken',
  /** A leaf cluster joining this (root) cluster. */
  TRUSTED_CLUSTER = 'Trusted_cluster',
  /** Sign-up tokens. */
  SIGNUP = 'Signup',
  /** No-op role. */
  NOP = 'Nop',
  /** A proxy of a remote (leaf) cluster. */
  REMOTE_PROXY = 'RemoteProxy',
  /** Kubernetes Service. */
  KUBE = 'Kube',
  /** Application Service. */
  APP = 'App',
  /** Database Service. */
  DB = 'Db',
  /** Windows Desktop Service. */
  WINDOWS_DESKTOP = 'WindowsDesktop',
  /** A Machine & Workload Identity bot (`tbot`); needs `botName`. */
  BOT = 'Bot',
  /** An instance (agent) identity. */
  INSTANCE = 'Instance',
  /** Discovery Service. */
  DISCOVERY = 'Discovery',
  /** Okta Service. */
  OKTA = 'Okta',
  /** Jamf / MDM Service. */
  MDM = 'MDM',
  /** Access Graph plugin. */
  ACCESS_GRAPH_PLUGIN = 'AccessGraphPlugin',
}

/** Lower-cased spelling (and Teleport's aliases) → canonical role. */
const CANONICAL: ReadonlyMap<string, string> = new Map<string, string>([
  ...Object.values(SystemRole).map((r) => [r.toLowerCase(), r] as [string, string]),
  ['trustedcluster', SystemRole.TRUSTED_CLUSTER],
  ['remote_proxy', SystemRole.REMOTE_PROXY],
  ['windows_desktop', SystemRole.WINDOWS_DESKTOP],
]);

/** The canonical spelling of a system role, or undefined when Teleport does not know it. */
export function canonicalSystemRole(role: string): string | undefined {
  return CANONICAL.get(role.trim().toLowerCase());
}

/** The known role names, for messages. */
export const KNOWN_SYSTEM_ROLES: readonly string[] = Object.values(SystemRole);

/** True for the `Trusted_cluster` role in any spelling Teleport accepts (what a leaf's join token needs). */
export function isTrustedClusterRole(role: unknown): boolean {
  return typeof role === 'string' && canonicalSystemRole(role) === SystemRole.TRUSTED_CLUSTER;
}
