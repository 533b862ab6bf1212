import { TeleportResourceOptions } from '../options';
import { RoleVersion } from './role-version';

// The props mirror the `teleport_role` schema attribute by attribute (camelCase of the provider
// names), so tctl YAML and the provider reference translate one to one. Label matchers are
// `{ [key]: values[] }`: a resource matches when its label `key` matches any of the values
// (`*` wildcard, `^regex$`, `{{external.trait}}` templates).

/** `spec.allow|deny.account_assignments[]`: an AWS Identity Center account assignment. */
export interface RoleAccountAssignment {
  /** `account`: the AWS account ID. @default none */
  readonly account?: string;
  /** `permission_set`: the permission set ARN. @default none */
  readonly permissionSet?: string;
}

/**
 * `spec.allow.app_resources[]` (role v9+, allow only): a rule over an app's HTTP requests. The
 * provider reference says this version of Teleport implements `allowAll` only and rejects a rule
 * that sets any other field.
 */
export interface RoleAppResource {
  /** `allow_all`: unrestricted access to every path and method. @default false */
  readonly allowAll?: boolean;
  /** `allow_code`. @default none */
  readonly allowCode?: string;
  /** `allow_encoded`. @default none */
  readonly allowEncoded?: string[];
  /** `allow_reason`. @default none */
  readonly allowReason?: string;
  /** `deny_code_hint`. @default none */
  readonly denyCodeHint?: string;
  /** `deny_reason_hint`. @default none */
  readonly denyReasonHint?: string;
  /** `methods`. @default none */
  readonly methods?: string[];
  /** `paths`. @default none */
  readonly paths?: string[];
  /** `where`. @default none */
  readonly where?: string;
}

/** `spec.allow|deny.db_permissions[]`: permissions granted to auto-provisioned database users. */
export interface RoleDatabasePermission {
  /** `match`: object labels that must match, e.g. `{ object_kind: ["table"] }`. @default none */
  readonly match?: { [key: string]: string[] };
  /** `permissions`, e.g. `["SELECT", "INSERT"]` (no `*` under allow). @default none */
  readonly permissions?: string[];
}

/** `spec.allow|deny.github_permissions[]`. */
export interface RoleGithubPermission {
  /** `orgs`: GitHub organizations. @default none */
  readonly orgs?: string[];
}

/** `spec.allow|deny.impersonate`. */
export interface RoleImpersonateConditions {
  /** `roles` that may be impersonated. Required when `users` is set. @default none */
  readonly roles?: string[];
  /** `users` that may be impersonated. @default none */
  readonly users?: string[];
  /** `where`: an extra predicate (allow only). @default none */
  readonly where?: string;
}

/** `spec.allow|deny.join_sessions[]`: a moderated-session join policy. */
export interface RoleSessionJoinPolicy {
  /** `name` of the policy (for logs). @default none */
  readonly name?: string;
  /** `roles` whose sessions may be joined. @default none */
  readonly roles?: string[];
  /** `kinds`: `ssh`, `k8s`, ... @default none */
  readonly kinds?: string[];
  /** `modes`: `moderator`, `observer`, `peer`. @default none */
  readonly modes?: SessionParticipantMode[];
}

/**
 * `spec.allow|deny.kubernetes_resources[]`. Which `kind` values are valid depends on the role
 * version: v3..v6 only `pod`; v7 `*` or a singular kind (`pod`, `deployment`, ...); v8+ the
 * plural resource name (`pods`, `deployments`) with `apiGroup` (empty only for core kinds).
 */
export interface RoleKubernetesResource {
  /** `kind`. */
  readonly kind: string;
  /** `name` (wildcards and `^regex$` allowed). */
  readonly name: string;
  /** `namespace` (wildcards allowed); required for namespaced kinds. @default none (cluster-wide kinds only) */
  readonly namespace?: string;
  /** `api_group` (role v8+). @default none (core kinds only in v8+) */
  readonly apiGroup?: string;
  /**
   * `verbs`: Kubernetes verbs (`get`, `list`, `watch`, `create`, `update`, `patch`, `delete`,
   * `deletecollection`, `exec`, `portforward`) or `["*"]`.
   * @default ["*"] (written out for v3..v6, where the server sets it)
   */
  readonly verbs?: string[];
}

/** `spec.allow|deny.mcp`. */
export interface RoleMcpPermissions {
  /** `tools`: literal names, globs or `^regex$`. @default none */
  readonly tools?: string[];
}

/** `spec.allow|deny.request.claims_to_roles[]` and `review_requests.claims_to_roles[]`. */
export interface RoleClaimMapping {
  /** `claim` name. @default none */
  readonly claim?: string;
  /** `value` to match (may be a regex with capture groups). @default none */
  readonly value?: string;
  /** `roles` (may use `$1` expansions). @default none */
  readonly roles?: string[];
}

/** `spec.allow|deny.request.kubernetes_resources[]`. */
export interface RoleRequestKubernetesResource {
  /** `kind` (same per-version rules as `kubernetes_resources`). @default none */
  readonly kind?: string;
  /** `api_group` (role v8+). @default none */
  readonly apiGroup?: string;
}

/** `spec.allow|deny.request.reason`. */
export interface RoleRequestReason {
  /** `mode`: `required` or `optional`. @default "optional" (Teleport treats empty as optional) */
  readonly mode?: RequestReasonMode;
  /** `prompt` shown to the requester. @default none */
  readonly prompt?: string;
}

/** `spec.allow|deny.request.thresholds[]`. */
export interface RoleRequestThreshold {
  /** `name`. @default none */
  readonly name?: string;
  /** `filter` predicate. @default none */
  readonly filter?: string;
  /** `approve`: approvals needed. @default 1 (Teleport) */
  readonly approve?: number;
  /** `deny`: denials needed. @default 1 (Teleport) */
  readonly deny?: number;
}

/** `spec.allow|deny.request`: Access Request conditions. */
export interface RoleAccessRequestConditions {
  /** `roles` that may be requested. @default none */
  readonly roles?: string[];
  /** `search_as_roles`. @default none */
  readonly searchAsRoles?: string[];
  /** `suggested_reviewers`. @default none */
  readonly suggestedReviewers?: string[];
  /** `annotations`. @default none */
  readonly annotations?: { [key: string]: string[] };
  /** `claims_to_roles`. @default none */
  readonly claimsToRoles?: RoleClaimMapping[];
  /** `kubernetes_resources`. @default any kind */
  readonly kubernetesResources?: RoleRequestKubernetesResource[];
  /** `max_duration`, e.g. "7d" (at most 14 days). @default Teleport's default */
  readonly maxDuration?: string;
  /** `reason`. @default none */
  readonly reason?: RoleRequestReason;
  /** `thresholds`. @default one approval, one denial */
  readonly thresholds?: RoleRequestThreshold[];
}

/** `spec.allow|deny.require_session_join[]`: a moderated-session requirement. */
export interface RoleSessionRequirePolicy {
  /** `name`. @default none */
  readonly name?: string;
  /** `filter` predicate selecting who counts. @default none */
  readonly filter?: string;
  /** `kinds`: `ssh`, `k8s`, ... @default none */
  readonly kinds?: string[];
  /** `modes`. @default none */
  readonly modes?: SessionParticipantMode[];
  /** `count` of matching users needed. @default none */
  readonly count?: number;
  /** `on_leave`: `terminate` or `pause`. @default "terminate" (Teleport) */
  readonly onLeave?: SessionLeaveAction;
}

/** `spec.allow|deny.review_requests`. */
export interface RoleAccessReviewConditions {
  /** `roles` whose requests may be reviewed. @default none */
  readonly roles?: string[];
  /** `preview_as_roles`. @default none */
  readonly previewAsRoles?: string[];
  /** `submit_for_users`. @default none */
  readonly submitForUsers?: string[];
  /** `claims_to_roles`. @default none */
  readonly claimsToRoles?: RoleClaimMapping[];
  /** `where` predicate. @default none */
  readonly where?: string;
}

/** `spec.allow|deny.rules[]`: verbs on Teleport resources (`role`, `user`, `token`, `session`, ...). */
export interface RoleRule {
  /** `resources`: resource kinds, e.g. `["role", "user"]`, or `["*"]`. */
  readonly resources: string[];
  /** `verbs`: `list`, `create`, `read`, `readnosecrets`, `update`, `delete`, ..., or `["*"]`. */
  readonly verbs: string[];
  /** `where` predicate. @default none */
  readonly where?: string;
  /** `actions` taken when the rule matches. @default none */
  readonly actions?: string[];
}

/** `spec.allow|deny.spiffe[]`. */
export interface RoleSpiffeCondition {
  /** `path`: starts with `/`, or a `^regex$`. */
  readonly path: string;
  /** `dns_sans` matchers. @default none */
  readonly dnsSans?: string[];
  /** `ip_sans`: CIDRs. @default none */
  readonly ipSans?: string[];
}

/**
 * `spec.allow` or `spec.deny`: every condition of a Teleport role. Deny takes priority over allow.
 * Label matchers map a label key to the accepted values.
 */
export interface RoleConditions {
  /** `logins`: *nix logins (no `*` under allow). @default none */
  readonly logins?: string[];
  /** `windows_desktop_logins`. @default none */
  readonly windowsDesktopLogins?: string[];
  /** `linux_desktop_logins`. @default none */
  readonly linuxDesktopLogins?: string[];
  /** `node_labels`: SSH servers. @default none (v3: `{"*": ["*"]}` when logins are set, else `{}`) */
  readonly nodeLabels?: { [key: string]: string[] };
  /** `node_labels_expression`. @default none */
  readonly nodeLabelsExpression?: string;
  /** `app_labels`: applications. @default none (v3: `{"*": ["*"]}`) */
  readonly appLabels?: { [key: string]: string[] };
  /** `app_labels_expression`. @default none */
  readonly appLabelsExpression?: string;
  /** `app_resources` (role v9+, allow only). @default none */
  readonly appResources?: RoleAppResource[];
  /** `app_resources_expressions` (declared by the provider; Teleport rejects it in this version). @default none */
  readonly appResourcesExpressions?: string[];
  /** `cluster_labels`: leaf clusters reachable through this (root) cluster. @default none */
  readonly clusterLabels?: { [key: string]: string[] };
  /** `cluster_labels_expression`. @default none */
  readonly clusterLabelsExpression?: string;
  /** `kubernetes_labels`: Kubernetes clusters. @default none (v3: `{"*": ["*"]}`) */
  readonly kubernetesLabels?: { [key: string]: string[] };
  /** `kubernetes_labels_expression`. @default none */
  readonly kubernetesLabelsExpression?: string;
  /** `kubernetes_groups`. @default none */
  readonly kubernetesGroups?: string[];
  /** `kubernetes_users`. @default none */
  readonly kubernetesUsers?: string[];
  /**
   * `kubernetes_resources`.
   * @default per version when Kubernetes labels are set (written out, see docs/role-defaults.md)
   */
  readonly kubernetesResources?: RoleKubernetesResource[];
  /** `db_labels`: databases. @default none (v3: `{"*": ["*"]}`) */
  readonly dbLabels?: { [key: string]: string[] };
  /** `db_labels_expression`. @default none */
  readonly dbLabelsExpression?: string;
  /** `db_service_labels`: Database Services. @default none */
  readonly dbServiceLabels?: { [key: string]: string[] };
  /** `db_service_labels_expression`. @default none */
  readonly dbServiceLabelsExpression?: string;
  /** `db_names`. @default none */
  readonly dbNames?: string[];
  /** `db_users`. @default none */
  readonly dbUsers?: string[];
  /** `db_roles` (no `*` under allow; exclusive with `dbPermissions`). @default none */
  readonly dbRoles?: string[];
  /** `db_permissions`. @default none */
  readonly dbPermissions?: RoleDatabasePermission[];
  /** `windows_desktop_labels`. @default none */
  readonly windowsDesktopLabels?: { [key: string]: string[] };
  /** `windows_desktop_labels_expression`. @default none */
  readonly windowsDesktopLabelsExpression?: string;
  /** `linux_desktop_labels`. @default none */
  readonly linuxDesktopLabels?: { [key: string]: string[] };
  /** `linux_desktop_labels_expression`. @default none */
  readonly linuxDesktopLabelsExpression?: string;
  /** `group_labels`: user groups (Okta). @default none */
  readonly groupLabels?: { [key: string]: string[] };
  /** `group_labels_expression`. @default none */
  readonly groupLabelsExpression?: string;
  /** `workload_identity_labels`. @default none */
  readonly workloadIdentityLabels?: { [key: string]: string[] };
  /** `workload_identity_labels_expression`. @default none */
  readonly workloadIdentityLabelsExpression?: string;
  /** `beam_labels`. @default none */
  readonly beamLabels?: { [key: string]: string[] };
  /** `beam_labels_expression`. @default none */
  readonly beamLabelsExpression?: string;
  /** `aws_role_arns` (no `*` under allow). @default none */
  readonly awsRoleArns?: string[];
  /** `azure_identities` (no `*` under allow). @default none */
  readonly azureIdentities?: string[];
  /** `gcp_service_accounts` (no `*` under allow). @default none */
  readonly gcpServiceAccounts?: string[];
  /** `account_assignments` (AWS Identity Center). @default none */
  readonly accountAssignments?: RoleAccountAssignment[];
  /** `host_groups` for auto-provisioned host users. @default none */
  readonly hostGroups?: string[];
  /** `host_sudoers` entries for auto-provisioned host users. @default none */
  readonly hostSudoers?: string[];
  /** `desktop_groups` for auto-provisioned desktop users. @default none */
  readonly desktopGroups?: string[];
  /** `github_permissions`. @default none */
  readonly githubPermissions?: RoleGithubPermission[];
  /** `impersonate`. @default none */
  readonly impersonate?: RoleImpersonateConditions;
  /** `join_sessions`. @default none */
  readonly joinSessions?: RoleSessionJoinPolicy[];
  /** `require_session_join`. @default none */
  readonly requireSessionJoin?: RoleSessionRequirePolicy[];
  /** `mcp`. @default none */
  readonly mcp?: RoleMcpPermissions;
  /** `request`. @default none */
  readonly request?: RoleAccessRequestConditions;
  /** `review_requests`. @default none */
  readonly reviewRequests?: RoleAccessReviewConditions;
  /** `rules`. @default none */
  readonly rules?: RoleRule[];
  /** `spiffe`. @default none */
  readonly spiffe?: RoleSpiffeCondition[];
}

/** `spec.options.cert_extensions[]`. */
export interface RoleCertExtension {
  /** `name` of the extension. */
  readonly name: string;
  /** `value` (templates allowed). */
  readonly value: string;
  /** `type`: 0 is "ssh" (the only one). @default 0 */
  readonly type?: number;
  /** `mode`: 0 is "extension" (the only one). @default 0 */
  readonly mode?: number;
}

/** `spec.options.record_session`. */
export interface RoleRecordSession {
  /** `desktop`: record desktop sessions. @default true (written when recordSession is omitted) */
  readonly desktop?: boolean;
  /** `default`: `best_effort` or `strict`. @default "best_effort" (written when recordSession is omitted) */
  readonly default?: SessionRecordingMode;
  /** `ssh`: `best_effort` or `strict`. @default `default` */
  readonly ssh?: SessionRecordingMode;
}

/** `spec.options.ssh_port_forwarding.local|remote`. */
export interface RolePortForwardingMode {
  /** `enabled`. @default none */
  readonly enabled?: boolean;
}

/** `spec.options.ssh_port_forwarding`. */
export interface RoleSshPortForwarding {
  /** `local` forwarding. @default none */
  readonly local?: RolePortForwardingMode;
  /** `remote` forwarding. @default none */
  readonly remote?: RolePortForwardingMode;
}

/** `spec.options.idp.saml`. */
export interface RoleIdpSamlOptions {
  /** `enabled`. @default true for v3..v7 (written out) */
  readonly enabled?: boolean;
}

/** `spec.options.idp` (role v7 and below; Teleport Enterprise). */
export interface RoleIdpOptions {
  /** `saml`. @default none */
  readonly saml?: RoleIdpSamlOptions;
}

/** `spec.options.require_session_mfa` (the provider's numbers). */
export enum RequireMfaType {
  /** 0: no per-session MFA. */
  OFF = 0,
  /** 1: per-session MFA. */
  SESSION = 1,
  /** 2: per-session MFA and a hardware key. */
  SESSION_AND_HARDWARE_KEY = 2,
  /** 3: hardware key touch. */
  HARDWARE_KEY_TOUCH = 3,
  /** 4: hardware key PIN. */
  HARDWARE_KEY_PIN = 4,
  /** 5: hardware key touch and PIN. */
  HARDWARE_KEY_TOUCH_AND_PIN = 5,
}

/** `spec.options.create_host_user_mode` (the provider's numbers). */
export enum CreateHostUserMode {
  /** 0: unspecified. */
  UNSPECIFIED = 0,
  /** 1: off. */
  OFF = 1,
  /** 2: drop (removed in Teleport 15; Teleport maps it to insecure-drop). */
  DROP = 2,
  /** 3: keep the user after the session. */
  KEEP = 3,
  /** 4: remove the user at session end. */
  INSECURE_DROP = 4,
}

/** `spec.options.create_db_user_mode` (the provider's numbers). */
export enum CreateDatabaseUserMode {
  /** 0: unspecified. */
  UNSPECIFIED = 0,
  /** 1: off. */
  OFF = 1,
  /** 2: keep (disable the user at session end). */
  KEEP = 2,
  /** 3: best-effort drop. */
  BEST_EFFORT_DROP = 3,
}

/**
 * `spec.options`. Options the Auth Service fills in when they are missing are written out for you
 * (see docs/role-defaults.md), so plans stay quiet; set any of them to override.
 */
export interface RoleOptions {
  /** `max_session_ttl`: a Go duration. @default "30h0m0s" (Teleport's 30h, as the provider reads it back) */
  readonly maxSessionTtl?: string;
  /** `forward_agent`. @default false */
  readonly forwardAgent?: boolean;
  /** `ssh_port_forwarding`. @default forwarding allowed (nothing written) */
  readonly sshPortForwarding?: RoleSshPortForwarding;
  /** `port_forwarding` (deprecated: use sshPortForwarding). @default none */
  readonly portForwarding?: boolean;
  /** `ssh_file_copy`. @default true */
  readonly sshFileCopy?: boolean;
  /** `cert_format`: `standard` or `oldssh`. @default "standard" */
  readonly certFormat?: CertFormat;
  /** `client_idle_timeout`, e.g. "30m" or "never". @default the cluster setting */
  readonly clientIdleTimeout?: string;
  /** `disconnect_expired_cert`. @default the cluster setting */
  readonly disconnectExpiredCert?: boolean;
  /** `max_sessions` per connection (Enterprise). @default none */
  readonly maxSessions?: number;
  /** `max_connections` (Enterprise). @default none */
  readonly maxConnections?: number;
  /** `max_kubernetes_connections`. @default none */
  readonly maxKubernetesConnections?: number;
  /** `enhanced_recording`: `command`, `disk`, `network`. @default ["command", "network"] */
  readonly enhancedRecording?: EnhancedRecordingEvent[];
  /** `permit_x11_forwarding`. @default false */
  readonly permitX11Forwarding?: boolean;
  /** `device_trust_mode`: `off`, `optional`, `required`. @default the cluster setting */
  readonly deviceTrustMode?: DeviceTrustMode;
  /** `require_session_mfa`. @default none (off) */
  readonly requireSessionMfa?: RequireMfaType;
  /** `mfa_verification_interval`. @default max_session_ttl */
  readonly mfaVerificationInterval?: string;
  /** `lock`: `strict` or `best_effort`. @default the cluster setting */
  readonly lock?: LockingMode;
  /** `request_access`: `optional`, `reason`, `always`. @default "optional" */
  readonly requestAccess?: RequestStrategy;
  /** `request_prompt`. @default none */
  readonly requestPrompt?: string;
  /** `record_session`. @default { desktop: true, default: "best_effort" } */
  readonly recordSession?: RoleRecordSession;
  /** `desktop_clipboard`. @default true */
  readonly desktopClipboard?: boolean;
  /** `desktop_directory_sharing`. @default true */
  readonly desktopDirectorySharing?: boolean;
  /** `create_desktop_user`. @default false */
  readonly createDesktopUser?: boolean;
  /** `create_db_user` (deprecated by createDbUserMode). @default false */
  readonly createDbUser?: boolean;
  /** `create_db_user_mode`. @default none */
  readonly createDbUserMode?: CreateDatabaseUserMode;
  /** `create_host_user` (deprecated: use createHostUserMode). @default none */
  readonly createHostUser?: boolean;
  /** `create_host_user_mode`. @default none */
  readonly createHostUserMode?: CreateHostUserMode;
  /** `create_host_user_default_shell`. @default none */
  readonly createHostUserDefaultShell?: string;
  /** `pin_source_ip` (Enterprise). @default false */
  readonly pinSourceIp?: boolean;
  /** `cert_extensions`. @default none */
  readonly certExtensions?: RoleCertExtension[];
  /** `idp` (role v7 and below). @default { saml: { enabled: true } } for v3..v7; none for v8+ */
  readonly idp?: RoleIdpOptions;
  /** `web_terminal_clipboard_mode` (the provider's number). @default none ("unrestricted") */
  readonly webTerminalClipboardMode?: number;
}

/** Props of a `Role`. */
export interface RoleProps extends TeleportResourceOptions {
  /** `metadata.name`: the role's name, as users, `role_map` and access lists refer to it. */
  readonly name: string;
  /**
   * `version`. Required and never defaulted: the provider replaces a role whose version changes,
   * so a default that moved between releases of this library would replace your roles.
   * Role v8 needs Teleport 18 agents (see `RoleVersion`).
   */
  readonly version: RoleVersion;
  /** `metadata.description`. @default none */
  readonly description?: string;
  /** `metadata.labels`. @default none */
  readonly labels?: { [key: string]: string };
  /** `metadata.expires` (RFC 3339): Teleport deletes the role then. @default never */
  readonly expires?: string;
  /** `sub_kind`. @default none */
  readonly subKind?: string;
  /** `spec.options`. @default Teleport's defaults, written out */
  readonly options?: RoleOptions;
  /** `spec.allow`; the `allow*()` methods add to it. @default nothing allowed */
  readonly allow?: RoleConditions;
  /** `spec.deny`; the `deny*()` methods add to it. @default nothing denied */
  readonly deny?: RoleConditions;
  /**
   * Accept rule verbs this library does not know (for verbs newer than it); unknown verbs are
   * otherwise rejected at synth, since Teleport silently ignores a misspelt verb.
   * @default false
   */
  readonly allowUnknownRuleVerbs?: boolean;
}

// ---------------------------------------------------------------------------------------------
// Closed sets of role options, as the provider's reference lists them. The props above take these
// enums; plain JavaScript may pass the same strings, and the rules name the allowed values at synth.

/** `spec.options.cert_format`: the format of the user's SSH certificate. */
export enum CertFormat {
  /** The standard certificate format (the default). */
  STANDARD = 'standard',
  /** Compatibility with older versions of OpenSSH. */
  OLDSSH = 'oldssh',
}

/** `spec.options.lock`: the locking mode applied with the role. */
export enum LockingMode {
  /** Strict locking. */
  STRICT = 'strict',
  /** Best-effort locking. */
  BEST_EFFORT = 'best_effort',
}

/** `spec.options.device_trust_mode`: authenticated device access for users of the role. */
export enum DeviceTrustMode {
  /** Device trust is not enforced. */
  OFF = 'off',
  /** Device trust is optional. */
  OPTIONAL = 'optional',
  /** A trusted device is required. */
  REQUIRED = 'required',
}

/** `spec.options.request_access`: the access request strategy. */
export enum RequestStrategy {
  /** Requests are optional (the default). */
  OPTIONAL = 'optional',
  /** Clients always create an access request, and the user must give a reason. */
  REASON = 'reason',
  /** Clients always create an access request. */
  ALWAYS = 'always',
}

/** `spec.options.record_session.default` and `.ssh`: what happens when a session cannot be recorded. */
export enum SessionRecordingMode {
  /** The session goes on, and recording is disabled. */
  BEST_EFFORT = 'best_effort',
  /** The session is terminated. */
  STRICT = 'strict',
}

/** `spec.options.enhanced_recording`: the events the BPF-based session recorder records. */
export enum EnhancedRecordingEvent {
  /** Commands run in the session. */
  COMMAND = 'command',
  /** Disk events. */
  DISK = 'disk',
  /** Network events. */
  NETWORK = 'network',
}

/** `require_session_join[].on_leave`: what happens to a live session when its policy is no longer fulfilled. */
export enum SessionLeaveAction {
  /** Terminate the session (the default; an empty or unknown value means this too). */
  TERMINATE = 'terminate',
  /** Pause the session. */
  PAUSE = 'pause',
}

/** `request.reason.mode`: whether an access request needs a reason. */
export enum RequestReasonMode {
  /** A reason is required. */
  REQUIRED = 'required',
  /** A reason is optional (the default). */
  OPTIONAL = 'optional',
}

/** `join_sessions[].modes` and `require_session_join[].modes`: how a participant joins a session. */
export enum SessionParticipantMode {
  /** A moderator. */
  MODERATOR = 'moderator',
  /** An observer. */
  OBSERVER = 'observer',
  /** A peer. */
  PEER = 'peer',
}
