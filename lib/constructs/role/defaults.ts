import { Token } from 'cdktf';
import { RoleConditions, RoleKubernetesResource, RoleOptions } from './props';
import { roleVersionNumber } from './role-version';

// What the Auth Service fills into a role it stores, written out here so that the synthesized JSON
// states the role Teleport will enforce, and plans stay quiet on provider releases that mark fewer of
// these attributes computed (docs/role-defaults.md has the rationale, the table per role version and
// the sources). Only values the server returns exactly as written are written: a value it stores as
// empty and returns as null (v3 node_labels without logins) is left out.
//
// Source (unless noted): gravitational/teleport `api/types/role.go`, `RoleV6.CheckAndSetDefaults`
// and `setDefaultKubernetesVerbs`, commit c2d4248b8763f149bdd991655f3ededafe1962b4 (role v8 era).
// Values of constants: `api/defaults/defaults.go` (commit 68a9bbb073b51c991c76abd56205120a542ff75e:
// `MaxCertDuration = 30 * time.Hour`, `EnhancedEvents() = [command, network]`) and
// `api/constants` (`CertificateFormatStandard = "standard"`, `SessionRecordingModeBestEffort =
// "best_effort"`).

/** `spec.options.max_session_ttl` when unset or zero (`defaults.MaxCertDuration`). */
// Written as Go's Duration.String() prints it: the provider renders a duration the server filled in
// that way (integrations/terraform/tfschema/duration_type.go; TestRoleDataSource reads "30h0m0s"),
// and keeps the spelling of a configured one (TestRole: "2h3m" stays "2h3m").
export const DEFAULT_MAX_SESSION_TTL = '30h0m0s';
/** `spec.options.cert_format` when empty (`constants.CertificateFormatStandard`). */
export const DEFAULT_CERT_FORMAT = 'standard';
/** `spec.options.enhanced_recording` when empty (`defaults.EnhancedEvents()`). */
export const DEFAULT_ENHANCED_RECORDING: readonly string[] = ['command', 'network'];
/** `spec.options.record_session` when nil. */
export const DEFAULT_RECORD_SESSION = { desktop: true, default: 'best_effort' } as const;

/** True for a value that is a literal (no `${...}` token anywhere in it). */
function literal(v: unknown): boolean {
  return v !== undefined && !Token.isUnresolved(v);
}

/** True when a list is unset or a literal empty list (Go's `len(x) == 0`). */
function emptyList(v: readonly unknown[] | undefined): boolean {
  return v === undefined || (literal(v) && v.length === 0);
}

/**
 * `spec.options` with every server default written out. Version-independent except `idp`, which
 * Teleport only fills for role v7 and below (`IsLegacySAMLRBAC`: v1..v7).
 */
export function optionsWithDefaults(version: string, options: RoleOptions = {}): RoleOptions {
  const n = roleVersionNumber(version);
  const legacySaml = n !== undefined && n <= 7;
  return {
    ...options,
    certFormat: options.certFormat === undefined || options.certFormat === '' ? DEFAULT_CERT_FORMAT : options.certFormat,
    maxSessionTtl: options.maxSessionTtl ?? DEFAULT_MAX_SESSION_TTL,
    enhancedRecording: emptyList(options.enhancedRecording) ? [...DEFAULT_ENHANCED_RECORDING] : options.enhancedRecording,
    recordSession: options.recordSession ?? { ...DEFAULT_RECORD_SESSION },
    desktopClipboard: options.desktopClipboard ?? true,
    desktopDirectorySharing: options.desktopDirectorySharing ?? true,
    createDesktopUser: options.createDesktopUser ?? false,
    createDbUser: options.createDbUser ?? false,
    sshFileCopy: options.sshFileCopy ?? true,
    idp: options.idp ?? (legacySaml ? { saml: { enabled: true } } : undefined),
  };
}

/** What Teleport grants on Kubernetes when a role has Kubernetes labels but no `kubernetes_resources`. */
export function defaultKubernetesResources(version: string): RoleKubernetesResource[] | undefined {
  switch (roleVersionNumber(version)) {
    case 3: case 4: case 5:
      // Allow unrestricted access to all pods (verbs filled by setDefaultKubernetesVerbs).
      return [{ kind: 'pod', namespace: '*', name: '*', verbs: ['*'] }];
    case 7:
      return [{ kind: '*', namespace: '*', name: '*', verbs: ['*'] }];
    case 8:
      return [{ kind: '*', namespace: '*', name: '*', verbs: ['*'], apiGroup: '*' }];
    default:
      // v6: no default (no pod access). v9: no source seen; nothing is written, and the provider
      // marks allow.kubernetes_resources Optional+Computed, so a server value causes no diff.
      return undefined;
  }
}

/** Go's `HasLabelMatchers(Allow, KindKubernetesCluster)`; undefined when a token hides the answer. */
export function hasKubernetesMatchers(c: RoleConditions): boolean | undefined {
  const labels = c.kubernetesLabels;
  const expr = c.kubernetesLabelsExpression;
  if (expr !== undefined && (Token.isUnresolved(expr) || expr !== '')) return true;
  if (labels === undefined) return false;
  if (Token.isUnresolved(labels)) return undefined;
  return Object.keys(labels).length > 0;
}

/** v3..v6 fill `verbs: ["*"]` into every `kubernetes_resources` entry without verbs. */
function withDefaultVerbs(version: string, resources: RoleKubernetesResource[] | undefined): RoleKubernetesResource[] | undefined {
  const n = roleVersionNumber(version);
  if (n === undefined || n > 6 || resources === undefined || Token.isUnresolved(resources)) return resources;
  return resources.map((r) => (Token.isUnresolved(r) || !emptyList(r.verbs) ? r : { ...r, verbs: ['*'] }));
}

const WILDCARD = { '*': ['*'] };

/** `spec.allow` with the server's defaults for `version` written out. */
export function allowWithDefaults(version: string, allow: RoleConditions = {}): RoleConditions {
  let out: RoleConditions = { ...allow };
  if (roleVersionNumber(version) === 3) {
    // v3: wildcard labels for apps, Kubernetes and databases; nodes only when there are logins.
    // Without logins the server stores `Labels{}`, which its protobuf encoding turns into nothing and
    // `Labels.Unmarshal` back into nil: it reads back as null, so `{}` is not written.
    const logins = out.logins;
    const nodeLabels = out.nodeLabels !== undefined || (logins !== undefined && Token.isUnresolved(logins)) || emptyList(logins)
      ? out.nodeLabels
      : { ...WILDCARD };
    out = {
      ...out,
      nodeLabels,
      appLabels: out.appLabels ?? { ...WILDCARD },
      kubernetesLabels: out.kubernetesLabels ?? { ...WILDCARD },
      dbLabels: out.dbLabels ?? { ...WILDCARD },
    };
  }
  if (emptyList(out.kubernetesResources) && hasKubernetesMatchers(out) === true) {
    const fallback = defaultKubernetesResources(version);
    if (fallback) out = { ...out, kubernetesResources: fallback };
  }
  return { ...out, kubernetesResources: withDefaultVerbs(version, out.kubernetesResources) };
}

/** `spec.deny` with the server's defaults for `version` written out (only v3..v6 verbs). */
export function denyWithDefaults(version: string, deny: RoleConditions = {}): RoleConditions {
  return { ...deny, kubernetesResources: withDefaultVerbs(version, deny.kubernetesResources) };
}
