import { isIP } from 'net';
import { Token } from 'cdktf';
import { parseGoDuration, parseRfc3339 } from '../../common/duration';
import { LABEL_KEY_FIX, isLabelKey } from '../../common/label-key';
import { KNOWN_SYSTEM_ROLES } from '../../common/system-roles';
import { entries, firstBad, firstBadMember, firstProblem, items, known, quoted as list } from '../private/values';
import { Rule, isKnown, rule } from '../rules';
import { KUBERNETES_VERBS, V7_CLUSTER_WIDE_KINDS, V7_KINDS, V7_KIND_GROUPS, V8_CORE_KINDS, V8_PLURALS } from './kubernetes-kinds';
import { PRESET_ROLES } from './preset-role';
import {
  CertFormat,
  EnhancedRecordingEvent,
  LockingMode,
  RoleConditions,
  RoleKubernetesResource,
  RoleOptions,
  RoleRequestKubernetesResource,
} from './props';
import { ROLE_VERSIONS, roleVersionNumber } from './role-version';

// Synth-time rules for a role, one table in the style of aws-cdk-lib. Unless noted, each mirrors a
// check of gravitational/teleport `api/types/role.go` (`RoleV6.CheckAndSetDefaults`,
// `validateKubeResources`, `validateRequestKubeResources`, `Rule.CheckAndSetDefaults`,
// `SPIFFERoleCondition.CheckAndSetDefaults`, `ImpersonateConditions.CheckAndSetDefaults`; commit
// c2d4248b8763f149bdd991655f3ededafe1962b4), `lib/services/role.go` (`ValidateRoleName`) or the
// provider's reference page. Values that are tokens are never checked.

/** What the rules look at. */
export interface RoleFacts {
  readonly name: string;
  readonly version: string;
  readonly labels?: { [key: string]: string };
  readonly expires?: string;
  readonly options: RoleOptions;
  readonly allow: RoleConditions;
  readonly deny: RoleConditions;
  /** True when `importFrom()` adopts the existing role. */
  readonly imported: boolean;
  readonly allowUnknownRuleVerbs: boolean;
}

type Side = 'allow' | 'deny';
const SIDES: readonly Side[] = ['allow', 'deny'];

// ---------------------------------------------------------------------------------------------
// helpers

const n = (f: RoleFacts) => roleVersionNumber(f.version);
const v = (f: RoleFacts) => f.version;

// ---------------------------------------------------------------------------------------------
// metadata and version

const metadataRules: Rule<RoleFacts>[] = [
  rule({
    field: 'metadata.name',
    find: (f) => known(f.name) && f.name.trim() === '',
    message: 'is empty: Teleport rejects a role without a name ("missing parameter Name").',
    fix: 'set name to the role\'s name, e.g. "visitor".',
  }),
  rule({
    field: 'metadata.name',
    find: (f) => known(f.name) && (f.name === '.' || f.name === '..'),
    message: (_, f) => `is "${f.name}": Teleport rejects resources named "." or ".." (since Teleport 12.4.33).`,
    fix: 'choose another name.',
  }),
  rule({
    field: 'metadata.name',
    find: (f) => known(f.name) && KNOWN_SYSTEM_ROLES.includes(f.name),
    message: (_, f) => `is "${f.name}", a Teleport system role name; Teleport rejects it ("reserved role").`,
    fix: 'choose another name (system roles such as "Node" or "Trusted_cluster" are for provision tokens, not users).',
  }),
  rule({
    field: 'metadata.name',
    find: (f) => known(f.name) && PRESET_ROLES.includes(f.name) && !f.imported,
    message: (_, f) => `is "${f.name}", a preset role Teleport creates itself: creating it again fails at apply ("already exists").`,
    fix: 'refer to it with Role.fromPreset() (or Role.fromName()), or call importFrom() on this Role to adopt and manage the preset.',
  }),
  rule({
    field: 'metadata.labels',
    find: (f) => Object.keys(f.labels ?? {}).find((k) => isKnown(k) && !isLabelKey(k)),
    message: (key) => `key "${key}" is not a valid label key; Teleport rejects it ("invalid label key").`,
    fix: LABEL_KEY_FIX,
  }),
  rule({
    field: 'metadata.expires',
    find: (f) => known(f.expires) && !parseRfc3339(f.expires),
    message: (_, f) => `"${f.expires}" is not an RFC 3339 time.`,
    fix: 'write it like "2030-01-31T12:00:00Z", or leave expires unset (roles normally never expire).',
  }),
  rule({
    field: 'version',
    find: (f) => known(f.version) && !ROLE_VERSIONS.includes(f.version),
    message: (_, f) => `"${f.version}" is not a role version Teleport knows (${list(ROLE_VERSIONS)}).`,
    fix: 'use RoleVersion.V7 if any agent runs Teleport 17 or older, RoleVersion.V8 otherwise.',
  }),
];

// ---------------------------------------------------------------------------------------------
// string lists: empty entries, and the wildcards Teleport refuses under allow

const STRING_LISTS: [keyof RoleConditions, string][] = [
  ['logins', 'logins'],
  ['windowsDesktopLogins', 'windows_desktop_logins'],
  ['linuxDesktopLogins', 'linux_desktop_logins'],
  ['kubernetesGroups', 'kubernetes_groups'],
  ['kubernetesUsers', 'kubernetes_users'],
  ['dbNames', 'db_names'],
  ['dbUsers', 'db_users'],
  ['dbRoles', 'db_roles'],
  ['awsRoleArns', 'aws_role_arns'],
  ['azureIdentities', 'azure_identities'],
  ['gcpServiceAccounts', 'gcp_service_accounts'],
  ['hostGroups', 'host_groups'],
  ['hostSudoers', 'host_sudoers'],
  ['desktopGroups', 'desktop_groups'],
];

const strs = (c: RoleConditions, key: keyof RoleConditions) => c[key] as string[] | undefined;

const emptyEntryRules: Rule<RoleFacts>[] = SIDES.flatMap((side) =>
  STRING_LISTS.map(([key, tf]): Rule<RoleFacts> =>
    rule({
      field: `spec.${side}.${tf}`,
      find: (f: RoleFacts) => firstBad(strs(f[side], key), (s) => typeof s === 'string' && s.trim() === ''),
      message: (bad) => `entry #${bad.n} is empty: an empty value matches nothing and is almost always a missing variable.`,
      fix: `remove the empty entry, or give the intended value (traits are written like "{{internal.logins}}").`,
    }),
  ),
);

/** Lists where Teleport rejects a bare `*` under allow, with its own error text. */
const NO_WILDCARD: [keyof RoleConditions, string, string][] = [
  ['logins', 'logins', 'wildcard matcher is not allowed in logins'],
  ['awsRoleArns', 'aws_role_arns', 'wildcard matcher is not allowed in aws_role_arns'],
  ['azureIdentities', 'azure_identities', 'wildcard matcher is not allowed in allow.azure_identities'],
  ['gcpServiceAccounts', 'gcp_service_accounts', 'wildcard matcher is not allowed in allow.gcp_service_accounts'],
  ['dbRoles', 'db_roles', 'wildcard is not allowed in allow.database_roles'],
];

const wildcardRules: Rule<RoleFacts>[] = NO_WILDCARD.map(([key, tf, teleport]) =>
  rule({
    field: `spec.allow.${tf}`,
    find: (f: RoleFacts) => firstBad(strs(f.allow, key), (s) => s === '*'),
    message: (bad) => `entry #${bad.n} is "*"; Teleport rejects it ("${teleport}").`,
    fix:
      tf === 'logins'
        ? 'list the logins, or use the user\'s traits: "{{internal.logins}}".'
        : 'list the values explicitly, or use a trait template such as "{{internal.aws_role_arns}}".',
  }),
);

// ---------------------------------------------------------------------------------------------
// label matchers

const LABEL_MAPS: [keyof RoleConditions, string, boolean][] = [
  // [prop, provider name, Teleport rejects "*: <not *>" under allow]
  ['nodeLabels', 'node_labels', true],
  ['appLabels', 'app_labels', true],
  ['kubernetesLabels', 'kubernetes_labels', true],
  ['dbLabels', 'db_labels', true],
  ['windowsDesktopLabels', 'windows_desktop_labels', true],
  ['groupLabels', 'group_labels', true],
  ['workloadIdentityLabels', 'workload_identity_labels', true],
  ['clusterLabels', 'cluster_labels', false],
  ['dbServiceLabels', 'db_service_labels', false],
  ['linuxDesktopLabels', 'linux_desktop_labels', false],
  ['beamLabels', 'beam_labels', false],
];

const labelMap = (c: RoleConditions, key: keyof RoleConditions) => c[key] as { [k: string]: string[] } | undefined;

type LabelCheck = [string, (k: string, vs: string[]) => boolean, (k: string, vs: string[]) => string, string];

const LABEL_CHECKS: LabelCheck[] = [
  [
    'empty key',
    (k) => isKnown(k) && k.trim() === '',
    () => 'has an empty key: no resource label can match it.',
    'remove the entry, or name the label, e.g. { env: ["prod"] }.',
  ],
  [
    'key charset',
    (k) => isKnown(k) && k.trim() !== '' && !k.includes('{{') && !isLabelKey(k),
    (k) => `key "${k}" is not a valid label key, so no resource can carry it.`,
    LABEL_KEY_FIX,
  ],
  [
    'no values',
    (k, vs) => isKnown(k) && Array.isArray(vs) && !Token.isUnresolved(vs) && vs.length === 0,
    (k) => `key "${k}" has no values: it matches no resource.`,
    'give at least one value, or ["*"] to match any value of the label.',
  ],
  [
    'empty value',
    (k, vs) => isKnown(k) && items(vs).some((x) => typeof x === 'string' && x.trim() === ''),
    (k) => `key "${k}" has an empty value, which matches only resources whose label is empty.`,
    'remove the empty value (use "*" to match any value).',
  ],
];

const labelRules: Rule<RoleFacts>[] = SIDES.flatMap((side) =>
  LABEL_MAPS.flatMap(([key, tf, wildcardChecked]) => {
    const field = `spec.${side}.${tf}`;
    const rules: Rule<RoleFacts>[] = LABEL_CHECKS.map(([, bad, message, fix]) =>
      rule({
        field,
        find: (f: RoleFacts) => entries(labelMap(f[side], key)).find(([k, vs]) => bad(k, vs)),
        message: ([k, vs]) => message(k, vs),
        fix,
      }),
    );
    if (side === 'allow' && wildcardChecked) {
      const bad = (k: string, vs: string[]) => k === '*' && !Token.isUnresolved(vs) && !(vs.length === 1 && vs[0] === '*');
      rules.push(
        rule({
          field,
          find: (f: RoleFacts) => entries(labelMap(f.allow, key)).find(([k, vs]) => bad(k, vs)),
          message: ([, vs]) => `maps "*" to ${JSON.stringify(vs)}; Teleport rejects it ("selector *:<val> is not supported").`,
          fix: 'use { "*": ["*"] } for every resource, or name the label key, e.g. { env: ["prod"] }.',
        }),
      );
    }
    return rules;
  }),
);

// ---------------------------------------------------------------------------------------------
// rules (resources and verbs)

/** Rule verbs Teleport knows (`Verb*` in api/types/constants.go, commit 2018be1454789e26da40c06da1df7f3afffd6330). */
export const RULE_VERBS: readonly string[] = [
  '*',
  'list',
  'create',
  'read',
  'readnosecrets',
  'update',
  'delete',
  'rotate',
  'create_enroll_token',
  'enroll',
  'use',
];

/** A resource kind as Teleport spells them (`role`, `trusted_cluster`, `*`). */
const RESOURCE_KIND = /^(\*|[a-z][a-z0-9_]*)$/;

const ruleRules: Rule<RoleFacts>[] = SIDES.flatMap((side): Rule<RoleFacts>[] => {
  const rules = (f: RoleFacts) => f[side].rules;
  const field = `spec.${side}.rules`;
  const noResources = (r: { resources?: string[] }) => r.resources === undefined || (!Token.isUnresolved(r.resources) && r.resources.length === 0);
  const noVerbs = (r: { verbs?: string[] }) => r.verbs === undefined || (!Token.isUnresolved(r.verbs) && r.verbs.length === 0);
  return [
    rule({
      field,
      find: (f: RoleFacts) => firstBad(rules(f), noResources),
      message: (bad) => `rule #${bad.n} has no resources; Teleport rejects it ("missing resources to match").`,
      fix: 'list the resource kinds, e.g. resources: ["role", "user"], or ["*"] for all.',
    }),
    rule({
      field,
      find: (f: RoleFacts) => firstBad(rules(f), noVerbs),
      message: (bad) => `rule #${bad.n} has no verbs; Teleport rejects it ("missing verbs").`,
      fix: 'list the verbs, e.g. verbs: ["list", "read"], or ["*"] for all.',
    }),
    rule({
      field: `${field}.verbs`,
      find: (f: RoleFacts) =>
        !f.allowUnknownRuleVerbs &&
        firstBadMember(
          rules(f),
          (r) => r.verbs,
          (x) => !RULE_VERBS.includes(x),
        ),
      message: (bad) => `rule #${bad.n} has verb "${bad.item}", which Teleport does not know: it would silently grant nothing.`,
      fix: `use ${list(RULE_VERBS)}; for a verb newer than this library, set allowUnknownRuleVerbs: true.`,
    }),
    rule({
      field: `${field}.resources`,
      find: (f: RoleFacts) =>
        firstBadMember(
          rules(f),
          (r) => r.resources,
          (x) => !RESOURCE_KIND.test(x),
        ),
      message: (bad) =>
        `rule #${bad.n} has resource "${bad.item}", which is not a resource kind (they are lowercase, e.g. "role", "trusted_cluster").`,
      fix: 'write the kind in lowercase with underscores, e.g. "role", "remote_cluster", "session", or "*".',
    }),
  ];
});

// ---------------------------------------------------------------------------------------------
// kubernetes_resources, per role version

type KubeCheck = (f: RoleFacts, r: RoleKubernetesResource) => string | undefined;

const verbProblem: KubeCheck = (_f, r) => {
  const verbs = items(r.verbs);
  const bad = verbs.find((x) => x !== '*' && !KUBERNETES_VERBS.includes(x) && !x.includes('{{'));
  if (bad !== undefined) return `has verb "${bad}", which Teleport rejects ("KubernetesResource verb is invalid or unsupported").`;
  if (verbs.includes('*') && verbs.length > 1) return 'combines "*" with other verbs; Teleport rejects it.';
  return undefined;
};

const KUBE_CHECKS: { field: string; check: KubeCheck; fix: (f: RoleFacts, r: RoleKubernetesResource) => string }[] = [
  {
    field: 'kind',
    check: (f, r) => (n(f)! <= 6 && known(r.kind) && r.kind !== 'pod' ? `has kind "${r.kind}"; role ${v(f)} supports only "pod".` : undefined),
    fix: () => 'use kind "pod", or a newer role version for other kinds (RoleVersion.V7/V8; changing the version replaces the role).',
  },
  {
    field: 'verbs',
    check: (f, r) => {
      const verbs = items(r.verbs);
      return n(f)! <= 6 && verbs.length > 0 && !(verbs.length === 1 && verbs[0] === '*')
        ? `has verbs ${JSON.stringify(verbs)}; role ${v(f)} supports only ["*"].`
        : undefined;
    },
    fix: () => 'omit verbs (["*"] is written for you), or use RoleVersion.V7/V8 for finer verbs.',
  },
  {
    field: 'api_group',
    check: (f, r) =>
      n(f)! <= 7 && known(r.apiGroup) && r.apiGroup !== '' ? `sets api_group "${r.apiGroup}"; role ${v(f)} has no api_group (role v8+).` : undefined,
    fix: () => 'remove apiGroup, or use RoleVersion.V8 (plural kinds with api_group; needs Teleport 18 agents).',
  },
  {
    field: 'kind',
    check: (f, r) =>
      n(f) === 7 && known(r.kind) && r.kind !== '*' && !V7_KINDS.includes(r.kind) ? `has kind "${r.kind}", which role v7 does not know.` : undefined,
    fix: (_f, r) => {
      const singular = Object.keys(V8_PLURALS).find((k) => V8_PLURALS[k] === r.kind);
      return singular
        ? `role v7 uses singular kinds: write "${singular}".`
        : `use "*" or one of ${list(V7_KINDS)}; other kinds (CRDs) need RoleVersion.V8.`;
    },
  },
  {
    field: 'namespace',
    check: (f, r) =>
      n(f)! <= 7 && known(r.kind) && (r.namespace === undefined || r.namespace === '') && !V7_CLUSTER_WIDE_KINDS.includes(r.kind)
        ? `(kind "${r.kind}") has no namespace; Teleport rejects it ("must include Namespace").`
        : undefined,
    fix: () => 'set namespace, e.g. "*" for all namespaces.',
  },
  {
    field: 'kind',
    check: (f, r) => (n(f)! >= 8 && (r.kind === undefined || r.kind === '') ? `has no kind; role ${v(f)} requires it.` : undefined),
    fix: () => 'set kind to the plural resource name, e.g. "pods" or "deployments", or "*" with apiGroup "*".',
  },
  {
    field: 'kind',
    check: (f, r) =>
      n(f)! >= 8 &&
      known(r.kind) &&
      V7_KINDS.includes(r.kind) &&
      (r.apiGroup === undefined || r.apiGroup === '' || r.apiGroup === '*' || r.apiGroup === V7_KIND_GROUPS[r.kind])
        ? `has kind "${r.kind}", the role v7 spelling; role ${v(f)} uses plural resource names and rejects it.`
        : undefined,
    fix: (_f, r) => `write kind "${V8_PLURALS[r.kind]}"${V7_KIND_GROUPS[r.kind] ? ` with apiGroup "${V7_KIND_GROUPS[r.kind]}"` : ''}.`,
  },
  {
    field: 'api_group',
    check: (f, r) =>
      n(f)! >= 8 &&
      known(r.kind) &&
      r.kind !== '' &&
      !V7_KINDS.includes(r.kind) &&
      (r.apiGroup === undefined || r.apiGroup === '') &&
      !V8_CORE_KINDS.includes(r.kind)
        ? `is missing for kind "${r.kind}"; role ${v(f)} allows an empty api_group only for core kinds (${list(V8_CORE_KINDS.slice(0, 4))}, ...).`
        : undefined,
    fix: () => 'set apiGroup, e.g. "apps" for deployments, or "*" for any group.',
  },
  {
    field: 'name',
    check: (_f, r) =>
      r.name === undefined || r.name === '' ? 'has no name; Teleport rejects it ("KubernetesResource must include Name").' : undefined,
    fix: () => 'set name, e.g. "*" for every resource of the kind.',
  },
  { field: 'verbs', check: verbProblem, fix: () => `use ${list(KUBERNETES_VERBS)}, or ["*"] alone.` },
];

const kubeRules: Rule<RoleFacts>[] = SIDES.flatMap((side) =>
  KUBE_CHECKS.map(({ field, check, fix }): Rule<RoleFacts> => {
    return rule({
      field: `spec.${side}.kubernetes_resources.${field}`,
      find: (f: RoleFacts) => n(f) !== undefined && firstProblem(f[side].kubernetesResources, (r) => check(f, r)),
      message: (bad) => `entry #${bad.n} ${bad.problem}`,
      fix: (bad, f) => fix(f, bad.item),
    });
  }),
);

/** `request.kubernetes_resources` (validateRequestKubeResources). */
const requestKubeProblem = (f: RoleFacts, r: RoleRequestKubernetesResource): string | undefined => {
  const ver = n(f);
  if (ver === undefined) return undefined;
  const group = known(r.apiGroup) ? r.apiGroup : '';
  if (ver <= 7 && group !== '') return `sets api_group "${group}"; role ${v(f)} has no api_group (role v8+).`;
  if (ver <= 6 && known(r.kind) && r.kind !== 'pod') return `has kind "${r.kind}"; role ${v(f)} supports only "pod".`;
  if (ver === 7 && known(r.kind) && r.kind !== '*' && !V7_KINDS.includes(r.kind)) return `has kind "${r.kind}", which role v7 does not know.`;
  if (ver >= 8 && (r.kind === undefined || r.kind === '')) return `has no kind; role ${v(f)} requires it.`;
  if (ver >= 8 && known(r.kind) && V7_KINDS.includes(r.kind) && (group === '*' || group === V7_KIND_GROUPS[r.kind])) {
    return `has kind "${r.kind}", the role v7 spelling; role ${v(f)} uses plural resource names ("${V8_PLURALS[r.kind]}").`;
  }
  return undefined;
};

const requestKubeRules: Rule<RoleFacts>[] = SIDES.map((side): Rule<RoleFacts> => {
  return rule({
    field: `spec.${side}.request.kubernetes_resources`,
    find: (f: RoleFacts) => firstProblem(f[side].request?.kubernetesResources, (r) => requestKubeProblem(f, r)),
    message: (bad) => `entry #${bad.n} ${bad.problem}`,
    fix: 'use the kind spelling of the role version: "pod" (v3..v6), singular kinds (v7), plural kinds with apiGroup (v8+).',
  });
});

// ---------------------------------------------------------------------------------------------
// options

const ENHANCED_RECORDING: readonly string[] = Object.values(EnhancedRecordingEvent);
const LOCK_MODES: readonly string[] = Object.values(LockingMode);
const CERT_FORMATS: readonly string[] = Object.values(CertFormat);

const optionRules: Rule<RoleFacts>[] = [
  rule({
    field: 'spec.options.max_session_ttl',
    find: (f) => known(f.options.maxSessionTtl) && !(Number(parseGoDuration(f.options.maxSessionTtl)) > 0),
    message: (_, f) =>
      `"${f.options.maxSessionTtl}" is not a positive Go duration (Teleport would replace a zero with 30h, and the next plan would show it).`,
    fix: 'write it like "8h", "30m" or "1h30m" (no days), or omit it for Teleport\'s 30h.',
  }),
  rule({
    field: 'spec.options.enhanced_recording',
    find: (f) => items(f.options.enhancedRecording).find((x) => !ENHANCED_RECORDING.includes(x)),
    message: (event) => `"${event}" is not an event Teleport records; Teleport rejects it ("invalid value for role option enhanced_recording").`,
    fix: `use ${list(ENHANCED_RECORDING)}.`,
  }),
  rule({
    field: 'spec.options.lock',
    find: (f) => known(f.options.lock) && (f.options.lock as string) !== '' && !LOCK_MODES.includes(f.options.lock),
    message: (_, f) => `"${f.options.lock}" is not a locking mode; Teleport rejects it ("invalid value for role option lock").`,
    fix: 'use "strict" or "best_effort", or omit it for the cluster default.',
  }),
  rule({
    field: 'spec.options.cert_format',
    find: (f) => known(f.options.certFormat) && (f.options.certFormat as string) !== '' && !CERT_FORMATS.includes(f.options.certFormat),
    message: (_, f) => `"${f.options.certFormat}" is not a certificate format.`,
    fix: 'use "standard" (the default) or "oldssh".',
  }),
  rule({
    field: 'spec.options.create_host_user_mode',
    find: (f) =>
      typeof f.options.createHostUserMode === 'number' &&
      isKnown(f.options.createHostUserMode) &&
      !(f.options.createHostUserMode >= 0 && f.options.createHostUserMode <= 4 && Number.isInteger(f.options.createHostUserMode)),
    message: (_, f) => `${f.options.createHostUserMode} is not a host user mode; Teleport rejects it ("invalid host user mode").`,
    fix: 'use CreateHostUserMode.OFF, KEEP or INSECURE_DROP.',
  }),
  rule({
    field: 'spec.options.idp',
    find: (f) => f.options.idp !== undefined && (n(f) ?? 0) >= 8,
    message: (_, f) =>
      `is set, but role ${v(f)} no longer supports the idp.saml option (role v7 and below only); SAML IdP access follows app_labels and rules from v8 on.`,
    fix: 'remove options.idp and grant saml_idp_service_provider access with app_labels and rules, or keep RoleVersion.V7.',
  }),
];

// ---------------------------------------------------------------------------------------------
// spiffe, impersonate, db_permissions, app_resources

function isCidr(s: string): boolean {
  const m = /^(.+)\/(\d{1,3})$/.exec(s);
  if (!m) return false;
  const family = isIP(m[1]);
  return family !== 0 && Number(m[2]) <= (family === 4 ? 32 : 128);
}

const spiffePathBad = (p: string) => !(p.startsWith('/') || (p.startsWith('^') && p.endsWith('$')));

const otherRules: Rule<RoleFacts>[] = [
  ...SIDES.flatMap((side): Rule<RoleFacts>[] => [
    rule({
      field: `spec.${side}.spiffe.path`,
      find: (f) => firstBad(f[side].spiffe, (s) => known(s.path) && spiffePathBad(s.path)),
      message: (bad) => `in entry #${bad.n} is "${bad.item.path}"; Teleport requires a path starting with / or a ^regex$.`,
      fix: 'write the SPIFFE ID path without the trust domain, e.g. "/svc/foo".',
    }),
    rule({
      field: `spec.${side}.spiffe.ip_sans`,
      find: (f) =>
        firstBadMember(
          f[side].spiffe,
          (s) => s.ipSans,
          (c) => !isCidr(c),
        ),
      message: (bad) => `in entry #${bad.n} has "${bad.item}", which is not a CIDR; Teleport rejects it.`,
      fix: 'write IP SANs as CIDRs, e.g. "10.0.0.100/32".',
    }),
    rule({
      field: `spec.${side}.impersonate.roles`,
      find: (f) => {
        const imp = f[side].impersonate;
        if (imp === undefined || imp.users === undefined || Token.isUnresolved(imp.users) || imp.users.length === 0) return false;
        return imp.roles === undefined || (!Token.isUnresolved(imp.roles) && imp.roles.length === 0);
      },
      message: 'is empty while impersonate.users is set; Teleport rejects it ("please set both impersonate.users and impersonate.roles").',
      fix: 'list the roles the impersonated users may hold, e.g. roles: ["jenkins"].',
    }),
  ]),
  rule({
    field: 'spec.deny.impersonate.where',
    find: (f) => f.deny.impersonate?.where !== undefined && f.deny.impersonate.where !== '',
    message: 'is set; Teleport rejects it ("\'where\' is not supported in deny.impersonate conditions").',
    fix: 'remove where from deny.impersonate (it is allowed under allow only).',
  }),
  rule({
    field: 'spec.allow.db_permissions.permissions',
    find: (f) => firstBad(f.allow.dbPermissions, (p) => items(p.permissions).includes('*')),
    message: (bad) => `entry #${bad.n} grants "*"; Teleport rejects it ("individual database permissions cannot be wildcards strings").`,
    fix: 'list the permissions, e.g. ["SELECT", "INSERT"] (a wildcard is allowed under deny only).',
  }),
  rule({
    field: 'spec.allow.app_resources',
    find: (f) => items(f.allow.appResources).length > 0 && (n(f) ?? 9) < 9,
    message: (_, f) => `is set, but role ${v(f)} does not support it (role v9 and above only).`,
    fix: 'use RoleVersion.V9 (needs an Auth Service that knows v9), or remove appResources.',
  }),
  rule({
    field: 'spec.allow.app_resources',
    find: (f) => firstBad(f.allow.appResources, (r) => Object.entries(r).some(([k, val]) => k !== 'allowAll' && val !== undefined)),
    message: (bad) => `rule #${bad.n} sets fields other than allow_all; this Teleport version implements allow_all only and rejects the rule.`,
    fix: 'use { allowAll: true } only.',
  }),
  rule({
    field: 'spec.deny.app_resources',
    find: (f) => f.deny.appResources !== undefined,
    message: 'is set, but app_resources is valid only under allow.',
    fix: 'move the rules to allow, or remove them.',
  }),
  ...SIDES.map((side): Rule<RoleFacts> =>
    rule({
      field: `spec.${side}.app_resources_expressions`,
      find: (f: RoleFacts) =>
        f[side].appResourcesExpressions !== undefined &&
        (Token.isUnresolved(f[side].appResourcesExpressions) || f[side].appResourcesExpressions!.length > 0),
      message: 'is set, but this Teleport version does not implement app_resources_expressions and rejects a role that sets it.',
      fix: 'use appResources: [{ allowAll: true }] (role v9), or remove appResourcesExpressions.',
    }),
  ),
];

/** Every rule a role is checked against at synth. */
export const ROLE_RULES: readonly Rule<RoleFacts>[] = [
  ...metadataRules,
  ...emptyEntryRules,
  ...wildcardRules,
  ...labelRules,
  ...ruleRules,
  ...kubeRules,
  ...requestKubeRules,
  ...optionRules,
  ...otherRules,
];
