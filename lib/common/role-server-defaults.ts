// What the Auth Service fills into a role it stores, as plain data shared by the constructs (which
// write it into the synthesized JSON) and the access model (which reads roles as Teleport enforces
// them). No cdktf here: this layer sits below lib/config. docs/role-defaults.md has the table, the
// rationale and the sources.
//
// Source (unless noted): gravitational/teleport `api/types/role.go`, `RoleV6.CheckAndSetDefaults`
// and `setDefaultKubernetesVerbs`, commit c2d4248b8763f149bdd991655f3ededafe1962b4 (role v8 era).
// Values of constants: `api/defaults/defaults.go` (commit 68a9bbb073b51c991c76abd56205120a542ff75e:
// `MaxCertDuration = 30 * time.Hour`, `EnhancedEvents() = [command, network]`) and
// `api/constants` (`CertificateFormatStandard = "standard"`, `SessionRecordingModeBestEffort =
// "best_effort"`).

/** `spec.options.max_session_ttl` when unset or zero (`defaults.MaxCertDuration`), as Go's Duration.String() prints it. */
export const DEFAULT_MAX_SESSION_TTL = '30h0m0s';
/** `spec.options.cert_format` when empty (`constants.CertificateFormatStandard`). */
export const DEFAULT_CERT_FORMAT = 'standard';
/** `spec.options.enhanced_recording` when empty (`defaults.EnhancedEvents()`). */
export const DEFAULT_ENHANCED_RECORDING: readonly string[] = ['command', 'network'];
/** `spec.options.record_session` when nil. */
export const DEFAULT_RECORD_SESSION = { desktop: true, default: 'best_effort' } as const;

/**
 * The boolean `spec.options` the server sets when unset, by the provider's attribute name
 * (`RoleV6.CheckAndSetDefaults`: desktop clipboard and directory sharing on, no automatic desktop or
 * database users, SSH file copy on).
 */
export const DEFAULT_BOOLEAN_OPTIONS = {
  desktop_clipboard: true,
  desktop_directory_sharing: true,
  create_desktop_user: false,
  create_db_user: false,
  ssh_file_copy: true,
} as const;

/** One `kubernetes_resources` entry the server fills in (`apiGroup` only from v8). */
export interface DefaultKubernetesResource {
  readonly kind: string;
  readonly namespace: string;
  readonly name: string;
  readonly verbs: readonly string[];
  readonly apiGroup?: string;
}

const POD_WILDCARD: readonly DefaultKubernetesResource[] = [{ kind: 'pod', namespace: '*', name: '*', verbs: ['*'] }];

/**
 * What Teleport grants on Kubernetes when a role has Kubernetes labels (or a labels expression) but
 * no `kubernetes_resources`, per role version. v6: no default (no pod access). v9: no source seen,
 * nothing is filled in here.
 */
export const DEFAULT_KUBERNETES_RESOURCES: ReadonlyMap<string, readonly DefaultKubernetesResource[]> = new Map([
  // v3..v5: unrestricted access to all pods (verbs filled by setDefaultKubernetesVerbs).
  ['v3', POD_WILDCARD],
  ['v4', POD_WILDCARD],
  ['v5', POD_WILDCARD],
  ['v7', [{ kind: '*', namespace: '*', name: '*', verbs: ['*'] }]],
  ['v8', [{ kind: '*', namespace: '*', name: '*', verbs: ['*'], apiGroup: '*' }]],
]);

/** {@link DEFAULT_KUBERNETES_RESOURCES} for `version` as the provider writes them (snake_case `api_group`). */
export function defaultKubernetesResourcesJson(version: string): Record<string, unknown>[] | undefined {
  return DEFAULT_KUBERNETES_RESOURCES.get(version)?.map((r) => ({
    kind: r.kind,
    namespace: r.namespace,
    name: r.name,
    verbs: [...r.verbs],
    ...(r.apiGroup ? { api_group: r.apiGroup } : {}),
  }));
}

/** Versions whose `kubernetes_resources` entries without verbs get `verbs: ["*"]` (`setDefaultKubernetesVerbs`). */
export const DEFAULT_KUBERNETES_VERBS_VERSIONS: ReadonlySet<string> = new Set(['v3', 'v4', 'v5', 'v6']);

/** The role version whose `allow` gets wildcard labels (`case V3`): apps, Kubernetes and databases always, nodes only with logins. */
export const WILDCARD_LABELS_VERSION = 'v3';

/** Versions up to v7, where `spec.options.idp.saml.enabled` defaults to true (`IsLegacySAMLRBAC`). */
export const LEGACY_SAML_IDP_VERSIONS: ReadonlySet<string> = new Set(['v3', 'v4', 'v5', 'v6', 'v7']);
