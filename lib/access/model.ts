// The access model: what a configuration's trust grants, as plain data (the JSON report is this,
// serialized). Public API: every type is exported from lib/index.ts and jsii-compatible.

/** Where one piece of configuration lives. */
export interface ConfigLocation {
  /** The stack (cdktf stack name, or the plan file's base name). */
  readonly stack: string;
  /** The Terraform address, e.g. `teleport_role.visitor`. */
  readonly address: string;
  /** The provider configuration key: `teleport` or `teleport.<alias>`. */
  readonly provider: string;
  /** The construct path from the resource's `//` metadata (synthesized configurations only). @default none */
  readonly constructPath?: string;
}

/** A cluster as the configuration names it. */
export interface ClusterRef {
  /** The cluster's name: the host of its provider `addr`, or `<stack>/<provider>` when the address is not literal. */
  readonly name: string;
  /** The provider `addr` as written. @default none (not set, or not literal) */
  readonly address?: string;
  /** The stack of the provider. */
  readonly stack: string;
  /** The provider configuration key. */
  readonly provider: string;
}

/** One Kubernetes resource rule (`kubernetes_resources` entry). */
export interface KubernetesResourceGrant {
  readonly kind: string;
  readonly namespace: string;
  readonly name: string;
  readonly verbs: string[];
  /** @default none (role versions before v8) */
  readonly apiGroup?: string;
}

/**
 * What one role allows (or, in `deny`, denies) on one kind of resource. Values are as written, with
 * the server's defaults for the role version applied; templates (`{{internal.logins}}`) stay as they
 * are and `${...}` values are known only at apply.
 */
export interface ResourceGrant {
  /** `ssh`, `kubernetes`, `database`, `app` or `desktop`. */
  readonly kind: string;
  /** The leaf role the grant comes from. */
  readonly role: string;
  /** `<kind>_labels`. @default none */
  readonly labels?: { [key: string]: string[] };
  /** `<kind>_labels_expression`. @default none */
  readonly labelsExpression?: string;
  /**
   * True when the selector reaches every resource of the kind: `'*': '*'` labels and/or an
   * expression that is always true (`true`), and nothing that narrows it (an allow needs both the
   * labels and the expression to match; a deny matches on either).
   */
  readonly everyResource: boolean;
  /** SSH `logins` or desktop `windows_desktop_logins`. @default none */
  readonly logins?: string[];
  /** `kubernetes_groups`. @default none */
  readonly kubernetesGroups?: string[];
  /** `kubernetes_users`. @default none */
  readonly kubernetesUsers?: string[];
  /** `kubernetes_resources` (with the version's default when labels are set and none are given). @default none */
  readonly kubernetesResources?: KubernetesResourceGrant[];
  /** `db_names`. @default none */
  readonly databaseNames?: string[];
  /** `db_users`. @default none */
  readonly databaseUsers?: string[];
  /** `db_roles`. @default none */
  readonly databaseRoles?: string[];
}

/** One `rules` entry: resources and verbs (`where` kept as text). */
export interface RuleGrant {
  readonly role: string;
  readonly resources: string[];
  readonly verbs: string[];
  /** @default none */
  readonly where?: string;
}

/** The role options that matter for remote access, with the server's defaults. */
export interface AccessOptions {
  /** `max_session_ttl` (Go duration text). For a role set: the shortest (Teleport's AdjustSessionTTL). @default none */
  readonly maxSessionTtl?: string;
  /**
   * Per-session MFA: `never`, `always`, or for a role set `per-role` (some roles require it:
   * Teleport asks when a requiring role is the one that grants access). @default never
   */
  readonly requireSessionMfa: string;
  /** `permit_x11_forwarding` (a role set: any role). */
  readonly permitX11Forwarding: boolean;
  /** `forward_agent` (a role set: any role). */
  readonly forwardAgent: boolean;
  /** SSH port forwarding: `on`, `off`, `local` or `remote` (Teleport's SSHPortForwardMode). */
  readonly portForwarding: string;
  /** `ssh_file_copy` (a role set: off when any role turns it off). */
  readonly sshFileCopy: boolean;
  /** `client_idle_timeout`. @default none */
  readonly clientIdleTimeout?: string;
  /** `device_trust_mode`. @default none */
  readonly deviceTrustMode?: string;
  /** Options whose value is known only at apply. */
  readonly atApply: string[];
}

/** What a role (or a role set) grants. */
export interface RoleGrants {
  readonly allow: ResourceGrant[];
  readonly deny: ResourceGrant[];
  readonly rules: RuleGrant[];
  readonly denyRules: RuleGrant[];
  readonly options: AccessOptions;
}

/** A role on the leaf that a root role reaches. */
export interface LeafRole {
  readonly name: string;
  /** `config` (a `teleport_role` on the leaf's provider), `preset`, or `missing` (neither: the leaf must already have it). */
  readonly source: string;
  /** The role version. @default none */
  readonly version?: string;
  /** Where the role is configured. @default none (presets and missing roles) */
  readonly location?: ConfigLocation;
  /** What it grants; empty for a missing role. */
  readonly grants: RoleGrants;
  readonly notes: string[];
}

/** A root role as far as the configuration knows it. */
export interface RootRole {
  readonly name: string;
  /** `config` or `preset`. */
  readonly source: string;
  /** @default none */
  readonly location?: ConfigLocation;
  /** Its `allow.logins` (what it puts into a user's certificate), as written. */
  readonly logins: string[];
}

/** One `role_map` entry. */
export interface RoleMapEntry {
  readonly index: number;
  readonly remote: string;
  /** `exact`, `glob`, `regex`, `at-apply` (a `${...}` value) or `invalid` (does not compile). */
  readonly kind: string;
  readonly local: string[];
  /** True when the pattern maps every root role (`*`, `^.*$`, ...). */
  readonly matchesEveryRole: boolean;
  /** Root roles known to the configuration (or presets) that the pattern matches. */
  readonly matchedRootRoles: string[];
}

/** One SSH login a path grants, with what it needs on the root side. */
export interface LoginGrant {
  /** The login, or the template that produces it. */
  readonly login: string;
  /** The leaf role that allows it. */
  readonly role: string;
  /** The leaf role's node labels. @default none */
  readonly nodeLabels?: { [key: string]: string[] };
  /** The leaf role's node labels expression. @default none */
  readonly nodeLabelsExpression?: string;
  readonly everyNode: boolean;
  /**
   * `always` (the root role issues it), `trait` (for root users whose trait holds it), `root-unknown`
   * (the root role is not in the configuration), `not-issued` (the root role never issues it: no
   * access), `denied` (a deny rule removes it), `at-apply` (known only at apply).
   */
  readonly condition: string;
  /** The root user traits the login depends on. */
  readonly traits: string[];
  /** The root role's value it came from (a template, for `trait`). @default none */
  readonly rootValue?: string;
}

/** What a root role (or a pattern standing for root roles) reaches through one trust. */
export interface AccessPath {
  /** The root role name, or the pattern for root roles the configuration does not know. */
  readonly root: string;
  /** `role` (a known root role), `unknown-role` (an exact name the configuration does not define), or `pattern`. */
  readonly rootKind: string;
  /** `config`, `preset` or `unknown`. */
  readonly rootSource: string;
  /** The role_map entries that map it. */
  readonly via: number[];
  /** The leaf roles it is mapped to (expanded; a name with `$1` stays as written for a pattern). */
  readonly leafRoles: string[];
  /** Effective SSH logins: the root certificate's logins that a leaf role allows. */
  readonly logins: LoginGrant[];
  /** The leaf roles combined: allow is the union, deny applies to all, options as Teleport combines them. */
  readonly grants: RoleGrants;
}

/** One trusted cluster: a leaf's trust in a root, and what it grants. */
export interface TrustEdge {
  /** Stable key for diffs: `<leaf>|<root>`, or `<stack>|<leaf>|<root>` where several stacks hold the same pair. */
  readonly key: string;
  readonly leaf: ClusterRef;
  /** The root cluster's name (`metadata.name`). */
  readonly root: string;
  /** `spec.web_proxy_addr`. @default none */
  readonly rootProxy?: string;
  /** Where the root's roles were found (`stack/provider`), empty when only presets are known. */
  readonly rootRolesFrom: string[];
  /** `spec.enabled`; false also when known only at apply (see `enabledAtApply`). */
  readonly enabled: boolean;
  readonly enabledAtApply: boolean;
  readonly location: ConfigLocation;
  readonly roleMap: RoleMapEntry[];
  readonly rootRoles: RootRole[];
  readonly leafRoles: LeafRole[];
  readonly paths: AccessPath[];
  readonly notes: string[];
}

/** The whole map. */
export interface AccessMapData {
  /** The report format's version (schemas/access-report.schema.json). */
  readonly schemaVersion: number;
  /** `config` or `plan`. */
  readonly inputKind: string;
  readonly stacks: string[];
  readonly trusts: TrustEdge[];
}

/** One change between two maps, at the level of a grant. */
export interface GrantChange {
  /** `added`, `removed`, `widened` or `narrowed`. */
  readonly change: string;
  /** The trust edge key. */
  readonly trust: string;
  /** The root role or pattern. */
  readonly root: string;
  /** What is granted, in words (`ssh login visitor via visitor`). */
  readonly grant: string;
  /** Before and after, for widened and narrowed. @default none */
  readonly before?: string;
  /** @default none */
  readonly after?: string;
  /** Where the trusted cluster is configured (the head's, or the base's for a removal). */
  readonly location: ConfigLocation;
}

/** The difference between two maps. */
export interface AccessDiffData {
  readonly added: number;
  readonly removed: number;
  readonly widened: number;
  readonly narrowed: number;
  readonly changes: GrantChange[];
}
