import { Token } from 'cdktf';
import {
  DEFAULT_BOOLEAN_OPTIONS,
  DEFAULT_CERT_FORMAT,
  DEFAULT_ENHANCED_RECORDING,
  DEFAULT_KUBERNETES_RESOURCES,
  DEFAULT_KUBERNETES_VERBS_VERSIONS,
  DEFAULT_MAX_SESSION_TTL,
  DEFAULT_RECORD_SESSION,
  LEGACY_SAML_IDP_VERSIONS,
  WILDCARD_LABELS_VERSION,
} from '../../common/role-server-defaults';
import { CertFormat, EnhancedRecordingEvent, RoleConditions, RoleKubernetesResource, RoleOptions, RoleRecordSession } from './props';

// What the Auth Service fills into a role it stores, written out here so that the synthesized JSON
// states the role Teleport will enforce, and plans stay quiet on provider releases that mark fewer of
// these attributes computed (docs/role-defaults.md has the rationale, the table per role version and
// the sources). Only values the server returns exactly as written are written: a value it stores as
// empty and returns as null (v3 node_labels without logins) is left out. The data itself (values and
// which version gets what) is in lib/common/role-server-defaults.ts, shared with the access model.
// Written as Go's Duration.String() prints it: the provider renders a duration the server filled in
// that way (integrations/terraform/tfschema/duration_type.go; TestRoleDataSource reads "30h0m0s"),
// and keeps the spelling of a configured one (TestRole: "2h3m" stays "2h3m").
export { DEFAULT_CERT_FORMAT, DEFAULT_ENHANCED_RECORDING, DEFAULT_MAX_SESSION_TTL, DEFAULT_RECORD_SESSION };

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
  const legacySaml = LEGACY_SAML_IDP_VERSIONS.has(version);
  return {
    ...options,
    // Plain JavaScript may pass '' (the server's "unset"): the default is written then too.
    certFormat: options.certFormat === undefined || (options.certFormat as string) === '' ? (DEFAULT_CERT_FORMAT as CertFormat) : options.certFormat,
    maxSessionTtl: options.maxSessionTtl ?? DEFAULT_MAX_SESSION_TTL,
    enhancedRecording: emptyList(options.enhancedRecording)
      ? ([...DEFAULT_ENHANCED_RECORDING] as EnhancedRecordingEvent[])
      : options.enhancedRecording,
    recordSession: options.recordSession ?? ({ ...DEFAULT_RECORD_SESSION } as RoleRecordSession),
    desktopClipboard: options.desktopClipboard ?? DEFAULT_BOOLEAN_OPTIONS.desktop_clipboard,
    desktopDirectorySharing: options.desktopDirectorySharing ?? DEFAULT_BOOLEAN_OPTIONS.desktop_directory_sharing,
    createDesktopUser: options.createDesktopUser ?? DEFAULT_BOOLEAN_OPTIONS.create_desktop_user,
    createDbUser: options.createDbUser ?? DEFAULT_BOOLEAN_OPTIONS.create_db_user,
    sshFileCopy: options.sshFileCopy ?? DEFAULT_BOOLEAN_OPTIONS.ssh_file_copy,
    idp: options.idp ?? (legacySaml ? { saml: { enabled: true } } : undefined),
  };
}

/** What Teleport grants on Kubernetes when a role has Kubernetes labels but no `kubernetes_resources`. */
export function defaultKubernetesResources(version: string): RoleKubernetesResource[] | undefined {
  // v6: no default (no pod access). v9: no source seen; nothing is written, and the provider marks
  // allow.kubernetes_resources Optional+Computed, so a server value causes no diff.
  return DEFAULT_KUBERNETES_RESOURCES.get(version)?.map((r) => ({ ...r, verbs: [...r.verbs] }));
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
  if (!DEFAULT_KUBERNETES_VERBS_VERSIONS.has(version) || resources === undefined || Token.isUnresolved(resources)) return resources;
  return resources.map((r) => (Token.isUnresolved(r) || !emptyList(r.verbs) ? r : { ...r, verbs: ['*'] }));
}

const WILDCARD = { '*': ['*'] };

/** `spec.allow` with the server's defaults for `version` written out. */
export function allowWithDefaults(version: string, allow: RoleConditions = {}): RoleConditions {
  let out: RoleConditions = { ...allow };
  if (version === WILDCARD_LABELS_VERSION) {
    // v3: wildcard labels for apps, Kubernetes and databases; nodes only when there are logins.
    // Without logins the server stores `Labels{}`, which its protobuf encoding turns into nothing and
    // `Labels.Unmarshal` back into nil: it reads back as null, so `{}` is not written.
    const logins = out.logins;
    const nodeLabels =
      out.nodeLabels !== undefined || (logins !== undefined && Token.isUnresolved(logins)) || emptyList(logins) ? out.nodeLabels : { ...WILDCARD };
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
