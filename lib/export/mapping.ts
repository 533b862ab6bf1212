// The one table of what differs between the Terraform provider's form of a resource and the other
// two forms Teleport's guides use: tctl resource YAML and the Kubernetes operator's custom resources.
// The exporters read their kind names and versions from here; docs/export.md shows the table
// (generated from it by scripts/export-doc.js, checked fresh by test/export/docs.test.ts).

/** Operator API group (every custom resource's apiVersion starts with it). */
export const OPERATOR_GROUP = 'resources.teleport.dev';
/** The annotation a Secret needs before the operator reads it for a custom resource (`secret://` lookups). */
export const LOOKUP_ANNOTATION = 'resources.teleport.dev/allow-lookup-from-cr';
/** The key of the join token in the Secret skeleton. */
export const SECRET_TOKEN_KEY = 'token';

/** How one provider resource type is named in the other two forms. */
export interface KindMapping {
  /** Terraform resource type. */
  readonly type: string;
  /** tctl `kind`. */
  readonly tctlKind: string;
  /** Provider `version` values that have an operator kind, with that kind and its apiVersion. */
  readonly operator: Readonly<Record<string, { readonly kind: string; readonly apiVersion: string; readonly schema: string }>>;
}

const V1 = `${OPERATOR_GROUP}/v1`;

export const KINDS: readonly KindMapping[] = [
  {
    type: 'teleport_role',
    tctlKind: 'role',
    // v6 and v9: the operator has the kinds (TeleportRoleV6, TeleportRoleV9) but no field reference is
    // at hand; every role version shares one spec type (RoleSpecV6), and the v7 and v8 pages differ by
    // one field, so v6 is checked against the v7 schema and v9 against the v8 schema (docs/export.md).
    operator: {
      v6: { kind: 'TeleportRoleV6', apiVersion: V1, schema: 'TeleportRoleV7' },
      v7: { kind: 'TeleportRoleV7', apiVersion: V1, schema: 'TeleportRoleV7' },
      v8: { kind: 'TeleportRoleV8', apiVersion: V1, schema: 'TeleportRoleV8' },
      v9: { kind: 'TeleportRoleV9', apiVersion: V1, schema: 'TeleportRoleV8' },
    },
  },
  {
    type: 'teleport_trusted_cluster',
    tctlKind: 'trusted_cluster',
    operator: { v2: { kind: 'TeleportTrustedClusterV2', apiVersion: V1, schema: 'TeleportTrustedClusterV2' } },
  },
  {
    type: 'teleport_provision_token',
    tctlKind: 'token',
    operator: { v2: { kind: 'TeleportProvisionToken', apiVersion: `${OPERATOR_GROUP}/v2`, schema: 'TeleportProvisionToken' } },
  },
];

/** The mapping of a resource type, or undefined for types the exporters do not know. */
export function kindOf(type: string): KindMapping | undefined {
  return KINDS.find((k) => k.type === type);
}

/** One row of the table of differences. */
export interface FieldMapping {
  /** What (a field, or a kind of value). */
  readonly what: string;
  /** The provider's form (synthesized JSON). */
  readonly provider: string;
  readonly tctl: string;
  readonly operator: string;
  /** Where the fact comes from. */
  readonly source: string;
}

const OPERATOR_PAGES =
  'operator pages `resources-teleport-dev-{rolesv7,rolesv8,trustedclustersv2,provisiontokens}.mdx` (schemas/operator/sources.json)';

export const FIELD_MAPPINGS: readonly FieldMapping[] = [
  {
    what: 'resource kind and version',
    provider: 'resource type + `version` attribute (`teleport_role`, `version = "v7"`)',
    tctl: '`kind: role`, `version: v7` (`trusted_cluster` v2, `token` v2)',
    operator:
      'the version is part of the kind: `TeleportRoleV6`..`V9` (`resources.teleport.dev/v1`), `TeleportTrustedClusterV2` (`v1`), ' +
      "`TeleportProvisionToken` (`v2`); roles v3..v5 are not exported (the operator's `TeleportRole` is a v5 resource with no field reference here)",
    source: `${OPERATOR_PAGES}; role versions: the tctl role reference (teleport-resources/role.mdx)`,
  },
  {
    what: '`metadata.name`',
    provider: '`metadata.name`',
    tctl: '`metadata.name`',
    operator: "the custom resource's Kubernetes `metadata.name` (a lowercase DNS subdomain: other names are refused)",
    source: 'Kubernetes object names (DNS-1123 subdomain); the operator names the Teleport resource after the custom resource',
  },
  {
    what: '`metadata.labels`',
    provider: 'map of strings',
    tctl: 'map of strings',
    operator: 'Kubernetes `metadata.labels` (keys and values in Kubernetes label syntax: other labels are refused)',
    source:
      "Kubernetes label syntax; the operator's resource types build the Teleport resource with the custom resource's labels " +
      '(`ToTeleport()`: `Labels: r.Labels`)',
  },
  {
    what: '`metadata.description`, `metadata.expires`',
    provider: 'strings (`expires` RFC 3339)',
    tctl: 'the same',
    operator: 'not in a custom resource: left out, with a note',
    source: OPERATOR_PAGES,
  },
  {
    what: 'label maps (`node_labels`, `app_labels`, ...)',
    provider: 'map of lists of strings (`{"*": ["*"]}`)',
    tctl: "one value as a string (`'*': '*'`, as the guides write it), several as a list",
    operator: 'the same as tctl (the CRD takes a string or a list per label)',
    source: "the trusted-cluster guide's `visitor.yaml`; role-spec.mdx; " + OPERATOR_PAGES,
  },
  {
    what: 'durations (`max_session_ttl`, `aws_iid_ttl`, ...)',
    provider: 'Go duration strings as written (`"8h"`; `"30h0m0s"` where the server\'s default was written out)',
    tctl: 'the same string',
    operator: 'the same string',
    source: 'role-spec.mdx (`max_session_ttl: 8h`); ' + OPERATOR_PAGES + ' (type string)',
  },
  {
    what: 'enumerations (`create_host_user_mode`, `require_session_mfa`, ...)',
    provider: 'numbers',
    tctl: 'the same number (Teleport reads the number or the name)',
    operator: 'the same number (the CRD says "string or integer")',
    source: OPERATOR_PAGES,
  },
  {
    what: 'role defaults the constructs write out',
    provider: 'written (`max_session_ttl = "30h0m0s"`, `cert_format = "standard"`, ...; docs/role-defaults.md)',
    tctl: 'left out where equal to what the server sets for the role version',
    operator: 'left out the same way',
    source: 'lib/common/role-server-defaults.ts, docs/role-defaults.md',
  },
  {
    what: 'trusted cluster `spec.token` (sensitive)',
    provider: 'a reference or a sensitive variable (`${var.root_join_token}`)',
    tctl: 'a placeholder (`${TF_VAR_root_join_token}`, ready for `envsubst`) with a comment naming the variable',
    operator:
      '`secret://<name>-join-token/token` and a `Secret` skeleton with the `resources.teleport.dev/allow-lookup-from-cr` annotation and no value',
    source: 'trustedclustersv2 page ("This field supports secret lookup")',
  },
  {
    what: 'provision token of join method `token` (its name is the secret)',
    provider: '`teleport_provision_token` with a provider-generated `metadata.name`',
    tctl: 'the `tctl tokens add --type=<roles> --ttl=<ttl>` command (a comment), not a document holding the secret',
    operator:
      "not exported: a custom resource's name is not secret (anyone who can list the custom resources reads it); create it with tctl or Terraform",
    source: 'provision-token-v2.mdx; provisiontokens page (the name is the Kubernetes name)',
  },
  {
    what: 'values known only at apply (`${...}`)',
    provider: 'Terraform expressions',
    tctl: 'placeholders `${NAME}` with a comment, listed on stderr (`--strict`: an error)',
    operator: 'the same',
    source: 'this tool',
  },
  {
    what: '`kind`, `id`, `metadata.namespace`, `metadata.revision`, `allow.namespaces`',
    provider: 'computed or server-managed',
    tctl: 'not written (the server sets them)',
    operator: 'not written',
    source: 'docs/role-defaults.md ("Not written, on purpose")',
  },
  {
    what: 'role `sub_kind`',
    provider: '`sub_kind`',
    tctl: '`sub_kind`',
    operator: 'not in the custom resource: left out, with a warning',
    source: OPERATOR_PAGES,
  },
];
