/**
 * `version` of a `teleport_role`. Required on every `Role`: since provider 15 the version is
 * mandatory and immutable (changing it replaces the role), so this library never picks one for you;
 * a default that changed in a later release would replace your roles.
 *
 * Which to choose (Teleport's role reference, `docs/pages/reference/infrastructure-as-code/teleport-resources/role.mdx`):
 * - `V7` when any agent runs Teleport 17 or older.
 * - `V8` when every agent runs Teleport 18 or newer: it restricts all Kubernetes resource kinds (CRDs
 *   included, plural kinds with `api_group`). A Teleport 17 Kubernetes Service may *silently deny*
 *   a user who holds a v8 role.
 * - `V9` adds `allow.app_resources`; it needs an Auth Service that knows v9 (older ones store the
 *   role as v8, so every plan would replace it).
 * - `V3`..`V6` only for existing roles you adopt as they are (see docs/role-defaults.md for what
 *   the server adds to each).
 */
export enum RoleVersion {
  /** Role v3: wildcard node/app/kube/db labels by default. */
  V3 = 'v3',
  /** Role v4. */
  V4 = 'v4',
  /** Role v5: `kubernetes_resources` restricted to pods. */
  V5 = 'v5',
  /** Role v6: like v5, but no pod access unless `kubernetes_resources` grants it. */
  V6 = 'v6',
  /** Role v7: common Kubernetes kinds (singular names, no api_group). */
  V7 = 'v7',
  /** Role v8: every Kubernetes kind, plural names with `api_group`; needs Teleport 18 agents. */
  V8 = 'v8',
  /** Role v9: adds `allow.app_resources`; needs an Auth Service that knows v9. */
  V9 = 'v9',
}

/** Every role version Teleport accepts, oldest first. */
export const ROLE_VERSIONS: readonly string[] = Object.values(RoleVersion);

/** The number of a known version (`v7` → 7), or undefined. */
export function roleVersionNumber(version: string): number | undefined {
  return ROLE_VERSIONS.includes(version) ? Number(version.slice(1)) : undefined;
}
