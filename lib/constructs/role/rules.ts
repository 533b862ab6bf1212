import { isIP } from 'net';
import { Token } from 'cdktf';
import { parseGoDuration, parseRfc3339 } from '../provision-token/expiry';
import { KNOWN_SYSTEM_ROLES } from '../provision-token/system-roles';
import { Rule, isKnown } from '../rules';
import {
  KUBERNETES_VERBS, V7_CLUSTER_WIDE_KINDS, V7_KINDS, V7_KIND_GROUPS, V8_CORE_KINDS, V8_PLURALS,
} from './kubernetes-kinds';
import { PRESET_ROLES } from './preset-role';
import { RoleConditions, RoleKubernetesResource, RoleOptions, RoleRequestKubernetesResource } from './props';
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

/** A literal string (not a token). */
function known(v: unknown): v is string {
  return typeof v === 'string' && isKnown(v);
}

/** The literal entries of a list (tokens dropped), or [] for an unset or token list. */
function items<T>(list: readonly T[] | undefined): T[] {
  if (!Array.isArray(list) || Token.isUnresolved(list)) return [];
  return list.filter((x) => x !== undefined && !Token.isUnresolved(x));
}

/** 1-based index of the first entry for which `bad` holds (tokens skipped), or 0. */
function firstBad<T>(list: readonly T[] | undefined, bad: (x: T) => boolean): number {
  if (!Array.isArray(list) || Token.isUnresolved(list)) return 0;
  return list.findIndex((x) => x !== undefined && !Token.isUnresolved(x) && bad(x)) + 1;
}

/** The first entry for which `bad` holds, or undefined. */
function find<T>(list: readonly T[] | undefined, bad: (x: T) => boolean): T | undefined {
  const i = firstBad(list, bad);
  return i ? list![i - 1] : undefined;
}

/** Literal label map entries (token maps skipped). */
function entries(map: { [key: string]: string[] } | undefined): [string, string[]][] {
  if (map === null || typeof map !== 'object' || Array.isArray(map) || Token.isUnresolved(map)) return [];
  return Object.entries(map);
}

const n = (f: RoleFacts) => roleVersionNumber(f.version);
const v = (f: RoleFacts) => f.version;
const list = (xs: readonly string[]) => xs.map((x) => `"${x}"`).join(', ');

/** Teleport's label key pattern (`types.IsValidLabelKey`), as in the provision token rules. */
const LABEL_KEY = /^[a-zA-Z/.0-9_:*-]+$/;

// ---------------------------------------------------------------------------------------------
// metadata and version

const metadataRules: Rule<RoleFacts>[] = [
  {
    field: 'metadata.name',
    broken: (f) => known(f.name) && f.name.trim() === '',
    message: 'is empty: Teleport rejects a role without a name ("missing parameter Name").',
    fix: 'set name to the role\'s name, e.g. "visitor".',
  },
  {
    field: 'metadata.name',
    broken: (f) => known(f.name) && (f.name === '.' || f.name === '..'),
    message: (f) => `is "${f.name}": Teleport rejects resources named "." or ".." (since Teleport 12.4.33).`,
    fix: 'choose another name.',
  },
  {
    field: 'metadata.name',
    broken: (f) => known(f.name) && KNOWN_SYSTEM_ROLES.includes(f.name),
    message: (f) => `is "${f.name}", a Teleport system role name; Teleport rejects it ("reserved role").`,
    fix: 'choose another name (system roles such as "Node" or "Trusted_cluster" are for provision tokens, not users).',
  },
  {
    field: 'metadata.name',
    broken: (f) => known(f.name) && PRESET_ROLES.includes(f.name) && !f.imported,
    message: (f) => `is "${f.name}", a preset role Teleport creates itself: creating it again fails at apply ("already exists").`,
    fix: 'refer to it with Role.fromPreset() (or Role.fromName()), or call importFrom() on this Role to adopt and manage the preset.',
  },
  {
    field: 'metadata.labels',
    broken: (f) => Object.keys(f.labels ?? {}).some((k) => isKnown(k) && !LABEL_KEY.test(k)),
    message: (f) => `key "${Object.keys(f.labels ?? {}).find((k) => isKnown(k) && !LABEL_KEY.test(k))}" is not a valid label key; Teleport rejects it ("invalid label key").`,
    fix: 'use letters, digits and / . _ : * - only, e.g. "env" or "teleport.dev/team".',
  },
  {
    field: 'metadata.expires',
    broken: (f) => known(f.expires) && !parseRfc3339(f.expires),
    message: (f) => `"${f.expires}" is not an RFC 3339 time.`,
    fix: 'write it like "2030-01-31T12:00:00Z", or leave expires unset (roles normally never expire).',
  },
  {
    field: 'version',
    broken: (f) => known(f.version) && !ROLE_VERSIONS.includes(f.version),
    message: (f) => `"${f.version}" is not a role version Teleport knows (${list(ROLE_VERSIONS)}).`,
    fix: 'use RoleVersion.V7 if any agent runs Teleport 17 or older, RoleVersion.V8 otherwise.',
  },
];

// ---------------------------------------------------------------------------------------------
// string lists: empty entries, and the wildcards Teleport refuses under allow

const STRING_LISTS: [keyof RoleConditions, string][] = [
  ['logins', 'logins'], ['windowsDesktopLogins', 'windows_desktop_logins'], ['linuxDesktopLogins', 'linux_desktop_logins'],
  ['kubernetesGroups', 'kubernetes_groups'], ['kubernetesUsers', 'kubernetes_users'], ['dbNames', 'db_names'],
  ['dbUsers', 'db_users'], ['dbRoles', 'db_roles'], ['awsRoleArns', 'aws_role_arns'], ['azureIdentities', 'azure_identities'],
  ['gcpServiceAccounts', 'gcp_service_accounts'], ['hostGroups', 'host_groups'], ['hostSudoers', 'host_sudoers'],
  ['desktopGroups', 'desktop_groups'],
];

const strs = (c: RoleConditions, key: keyof RoleConditions) => c[key] as string[] | undefined;

const emptyEntryRules: Rule<RoleFacts>[] = SIDES.flatMap((side) => STRING_LISTS.map(([key, tf]): Rule<RoleFacts> => ({
  field: `spec.${side}.${tf}`,
  broken: (f) => firstBad(strs(f[side], key), (s) => typeof s === 'string' && s.trim() === '') > 0,
  message: (f) => `entry #${firstBad(strs(f[side], key), (s) => typeof s === 'string' && s.trim() === '')} is empty: an empty value matches nothing and is almost always a missing variable.`,
  fix: `remove the empty entry, or give the intended value (traits are written like "{{internal.logins}}").`,
})));

/** Lists where Teleport rejects a bare `*` under allow, with its own error text. */
const NO_WILDCARD: [keyof RoleConditions, string, string][] = [
  ['logins', 'logins', 'wildcard matcher is not allowed in logins'],
  ['awsRoleArns', 'aws_role_arns', 'wildcard matcher is not allowed in aws_role_arns'],
  ['azureIdentities', 'azure_identities', 'wildcard matcher is not allowed in allow.azure_identities'],
  ['gcpServiceAccounts', 'gcp_service_accounts', 'wildcard matcher is not allowed in allow.gcp_service_accounts'],
  ['dbRoles', 'db_roles', 'wildcard is not allowed in allow.database_roles'],
];

const wildcardRules: Rule<RoleFacts>[] = NO_WILDCARD.map(([key, tf, teleport]) => ({
  field: `spec.allow.${tf}`,
  broken: (f) => firstBad(strs(f.allow, key), (s) => s === '*') > 0,
  message: (f) => `entry #${firstBad(strs(f.allow, key), (s) => s === '*')} is "*"; Teleport rejects it ("${teleport}").`,
  fix: tf === 'logins'
    ? 'list the logins, or use the user\'s traits: "{{internal.logins}}".'
    : 'list the values explicitly, or use a trait template such as "{{internal.aws_role_arns}}".',
}));

// ---------------------------------------------------------------------------------------------
// label matchers

const LABEL_MAPS: [keyof RoleConditions, string, boolean][] = [
  // [prop, provider name, Teleport rejects "*: <not *>" under allow]
  ['nodeLabels', 'node_labels', true], ['appLabels', 'app_labels', true], ['kubernetesLabels', 'kubernetes_labels', true],
  ['dbLabels', 'db_labels', true], ['windowsDesktopLabels', 'windows_desktop_labels', true], ['groupLabels', 'group_labels', true],
  ['workloadIdentityLabels', 'workload_identity_labels', true], ['clusterLabels', 'cluster_labels', false],
  ['dbServiceLabels', 'db_service_labels', false], ['linuxDesktopLabels', 'linux_desktop_labels', false],
  ['beamLabels', 'beam_labels', false],
];

const labelMap = (c: RoleConditions, key: keyof RoleConditions) => c[key] as { [k: string]: string[] } | undefined;

type LabelCheck = [string, (k: string, vs: string[]) => boolean, (k: string, vs: string[]) => string, string];

const LABEL_CHECKS: LabelCheck[] = [
  ['empty key', (k) => isKnown(k) && k.trim() === '', () => 'has an empty key: no resource label can match it.',
    'remove the entry, or name the label, e.g. { env: ["prod"] }.'],
  ['key charset', (k) => isKnown(k) && k.trim() !== '' && !k.includes('{{') && !LABEL_KEY.test(k),
    (k) => `key "${k}" is not a valid label key, so no resource can carry it.`,
    'use letters, digits and / . _ : * - only, e.g. "env" or "teleport.dev/team".'],
  ['no values', (k, vs) => isKnown(k) && Array.isArray(vs) && !Token.isUnresolved(vs) && vs.length === 0,
    (k) => `key "${k}" has no values: it matches no resource.`,
    'give at least one value, or ["*"] to match any value of the label.'],
  ['empty value', (k, vs) => isKnown(k) && items(vs).some((x) => typeof x === 'string' && x.trim() === ''),
    (k) => `key "${k}" has an empty value, which matches only resources whose label is empty.`,
    'remove the empty value (use "*" to match any value).'],
];

const labelRules: Rule<RoleFacts>[] = SIDES.flatMap((side) => LABEL_MAPS.flatMap(([key, tf, wildcardChecked]) => {
  const field = `spec.${side}.${tf}`;
  const rules: Rule<RoleFacts>[] = LABEL_CHECKS.map(([, bad, message, fix]) => ({
    field,
    broken: (f) => entries(labelMap(f[side], key)).some(([k, vs]) => bad(k, vs)),
    message: (f) => { const [k, vs] = entries(labelMap(f[side], key)).find(([kk, vv]) => bad(kk, vv))!; return message(k, vs); },
    fix,
  }));
  if (side === 'allow' && wildcardChecked) {
    const bad = (k: string, vs: string[]) => k === '*' && !Token.isUnresolved(vs) && !(vs.length === 1 && vs[0] === '*');
    rules.push({
      field,
      broken: (f) => entries(labelMap(f.allow, key)).some(([k, vs]) => bad(k, vs)),
      message: (f) => `maps "*" to ${JSON.stringify(entries(labelMap(f.allow, key)).find(([k, vs]) => bad(k, vs))![1])}; Teleport rejects it ("selector *:<val> is not supported").`,
      fix: 'use { "*": ["*"] } for every resource, or name the label key, e.g. { env: ["prod"] }.',
    });
  }
  return rules;
}));

// ---------------------------------------------------------------------------------------------
// rules (resources and verbs)

/** Rule verbs Teleport knows (`Verb*` in api/types/constants.go, commit 2018be1454789e26da40c06da1df7f3afffd6330). */
export const RULE_VERBS: readonly string[] = [
  '*', 'list', 'create', 'read', 'readnosecrets', 'update', 'delete', 'rotate', 'create_enroll_token', 'enroll', 'use',
];

/** A resource kind as Teleport spells them (`role`, `trusted_cluster`, `*`). */
const RESOURCE_KIND = /^(\*|[a-z][a-z0-9_]*)$/;

const ruleRules: Rule<RoleFacts>[] = SIDES.flatMap((side): Rule<RoleFacts>[] => {
  const rules = (f: RoleFacts) => f[side].rules;
  const field = `spec.${side}.rules`;
  const noResources = (r: { resources?: string[] }) => r.resources === undefined || (!Token.isUnresolved(r.resources) && r.resources.length === 0);
  const noVerbs = (r: { verbs?: string[] }) => r.verbs === undefined || (!Token.isUnresolved(r.verbs) && r.verbs.length === 0);
  const badVerb = (f: RoleFacts) => (r: { verbs?: string[] }) => !f.allowUnknownRuleVerbs && items(r.verbs).some((x) => !RULE_VERBS.includes(x));
  const badResource = (r: { resources?: string[] }) => items(r.resources).some((x) => !RESOURCE_KIND.test(x));
  return [
    {
      field,
      broken: (f) => firstBad(rules(f), noResources) > 0,
      message: (f) => `rule #${firstBad(rules(f), noResources)} has no resources; Teleport rejects it ("missing resources to match").`,
      fix: 'list the resource kinds, e.g. resources: ["role", "user"], or ["*"] for all.',
    },
    {
      field,
      broken: (f) => firstBad(rules(f), noVerbs) > 0,
      message: (f) => `rule #${firstBad(rules(f), noVerbs)} has no verbs; Teleport rejects it ("missing verbs").`,
      fix: 'list the verbs, e.g. verbs: ["list", "read"], or ["*"] for all.',
    },
    {
      field: `${field}.verbs`,
      broken: (f) => firstBad(rules(f), badVerb(f)) > 0,
      message: (f) => {
        const i = firstBad(rules(f), badVerb(f));
        return `rule #${i} has verb "${items(rules(f)![i - 1].verbs).find((x) => !RULE_VERBS.includes(x))}", which Teleport does not know: it would silently grant nothing.`;
      },
      fix: `use ${list(RULE_VERBS)}; for a verb newer than this library, set allowUnknownRuleVerbs: true.`,
    },
    {
      field: `${field}.resources`,
      broken: (f) => firstBad(rules(f), badResource) > 0,
      message: (f) => {
        const i = firstBad(rules(f), badResource);
        return `rule #${i} has resource "${items(rules(f)![i - 1].resources).find((x) => !RESOURCE_KIND.test(x))}", which is not a resource kind (they are lowercase, e.g. "role", "trusted_cluster").`;
      },
      fix: 'write the kind in lowercase with underscores, e.g. "role", "remote_cluster", "session", or "*".',
    },
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
      return n(f)! <= 6 && verbs.length > 0 && !(verbs.length === 1 && verbs[0] === '*') ? `has verbs ${JSON.stringify(verbs)}; role ${v(f)} supports only ["*"].` : undefined;
    },
    fix: () => 'omit verbs (["*"] is written for you), or use RoleVersion.V7/V8 for finer verbs.',
  },
  {
    field: 'api_group',
    check: (f, r) => (n(f)! <= 7 && known(r.apiGroup) && r.apiGroup !== '' ? `sets api_group "${r.apiGroup}"; role ${v(f)} has no api_group (role v8+).` : undefined),
    fix: () => 'remove apiGroup, or use RoleVersion.V8 (plural kinds with api_group; needs Teleport 18 agents).',
  },
  {
    field: 'kind',
    check: (f, r) => (n(f) === 7 && known(r.kind) && r.kind !== '*' && !V7_KINDS.includes(r.kind) ? `has kind "${r.kind}", which role v7 does not know.` : undefined),
    fix: (_f, r) => {
      const singular = Object.keys(V8_PLURALS).find((k) => V8_PLURALS[k] === r.kind);
      return singular ? `role v7 uses singular kinds: write "${singular}".` : `use "*" or one of ${list(V7_KINDS)}; other kinds (CRDs) need RoleVersion.V8.`;
    },
  },
  {
    field: 'namespace',
    check: (f, r) => (n(f)! <= 7 && known(r.kind) && (r.namespace === undefined || r.namespace === '') && !V7_CLUSTER_WIDE_KINDS.includes(r.kind)
      ? `(kind "${r.kind}") has no namespace; Teleport rejects it ("must include Namespace").` : undefined),
    fix: () => 'set namespace, e.g. "*" for all namespaces.',
  },
  {
    field: 'kind',
    check: (f, r) => (n(f)! >= 8 && (r.kind === undefined || r.kind === '') ? `has no kind; role ${v(f)} requires it.` : undefined),
    fix: () => 'set kind to the plural resource name, e.g. "pods" or "deployments", or "*" with apiGroup "*".',
  },
  {
    field: 'kind',
    check: (f, r) => (n(f)! >= 8 && known(r.kind) && V7_KINDS.includes(r.kind)
      && (r.apiGroup === undefined || r.apiGroup === '' || r.apiGroup === '*' || r.apiGroup === V7_KIND_GROUPS[r.kind])
      ? `has kind "${r.kind}", the role v7 spelling; role ${v(f)} uses plural resource names and rejects it.` : undefined),
    fix: (_f, r) => `write kind "${V8_PLURALS[r.kind]}"${V7_KIND_GROUPS[r.kind] ? ` with apiGroup "${V7_KIND_GROUPS[r.kind]}"` : ''}.`,
  },
  {
    field: 'api_group',
    check: (f, r) => (n(f)! >= 8 && known(r.kind) && r.kind !== '' && !V7_KINDS.includes(r.kind) && (r.apiGroup === undefined || r.apiGroup === '') && !V8_CORE_KINDS.includes(r.kind)
      ? `is missing for kind "${r.kind}"; role ${v(f)} allows an empty api_group only for core kinds (${list(V8_CORE_KINDS.slice(0, 4))}, ...).` : undefined),
    fix: () => 'set apiGroup, e.g. "apps" for deployments, or "*" for any group.',
  },
  {
    field: 'name',
    check: (_f, r) => (r.name === undefined || r.name === '' ? 'has no name; Teleport rejects it ("KubernetesResource must include Name").' : undefined),
    fix: () => 'set name, e.g. "*" for every resource of the kind.',
  },
  { field: 'verbs', check: verbProblem, fix: () => `use ${list(KUBERNETES_VERBS)}, or ["*"] alone.` },
];

const kubeRules: Rule<RoleFacts>[] = SIDES.flatMap((side) => KUBE_CHECKS.map(({ field, check, fix }): Rule<RoleFacts> => {
  const applies = (f: RoleFacts) => n(f) !== undefined;
  const first = (f: RoleFacts) => firstBad(f[side].kubernetesResources, (r) => check(f, r) !== undefined);
  return {
    field: `spec.${side}.kubernetes_resources.${field}`,
    broken: (f) => applies(f) && first(f) > 0,
    message: (f) => `entry #${first(f)} ${check(f, f[side].kubernetesResources![first(f) - 1])}`,
    fix: (f) => fix(f, f[side].kubernetesResources![first(f) - 1]),
  };
}));

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
  const first = (f: RoleFacts) => firstBad(f[side].request?.kubernetesResources, (r) => requestKubeProblem(f, r) !== undefined);
  return {
    field: `spec.${side}.request.kubernetes_resources`,
    broken: (f) => first(f) > 0,
    message: (f) => `entry #${first(f)} ${requestKubeProblem(f, f[side].request!.kubernetesResources![first(f) - 1])}`,
    fix: 'use the kind spelling of the role version: "pod" (v3..v6), singular kinds (v7), plural kinds with apiGroup (v8+).',
  };
});

// ---------------------------------------------------------------------------------------------
// options

const ENHANCED_RECORDING = ['command', 'disk', 'network'];
const LOCK_MODES = ['strict', 'best_effort'];
const CERT_FORMATS = ['standard', 'oldssh'];

const optionRules: Rule<RoleFacts>[] = [
  {
    field: 'spec.options.max_session_ttl',
    broken: (f) => known(f.options.maxSessionTtl) && !(Number(parseGoDuration(f.options.maxSessionTtl)) > 0),
    message: (f) => `"${f.options.maxSessionTtl}" is not a positive Go duration (Teleport would replace a zero with 30h, and the next plan would show it).`,
    fix: 'write it like "8h", "30m" or "1h30m" (no days), or omit it for Teleport\'s 30h.',
  },
  {
    field: 'spec.options.enhanced_recording',
    broken: (f) => items(f.options.enhancedRecording).some((x) => !ENHANCED_RECORDING.includes(x)),
    message: (f) => `"${items(f.options.enhancedRecording).find((x) => !ENHANCED_RECORDING.includes(x))}" is not an event Teleport records; Teleport rejects it ("invalid value for role option enhanced_recording").`,
    fix: `use ${list(ENHANCED_RECORDING)}.`,
  },
  {
    field: 'spec.options.lock',
    broken: (f) => known(f.options.lock) && f.options.lock !== '' && !LOCK_MODES.includes(f.options.lock),
    message: (f) => `"${f.options.lock}" is not a locking mode; Teleport rejects it ("invalid value for role option lock").`,
    fix: 'use "strict" or "best_effort", or omit it for the cluster default.',
  },
  {
    field: 'spec.options.cert_format',
    broken: (f) => known(f.options.certFormat) && f.options.certFormat !== '' && !CERT_FORMATS.includes(f.options.certFormat),
    message: (f) => `"${f.options.certFormat}" is not a certificate format.`,
    fix: 'use "standard" (the default) or "oldssh".',
  },
  {
    field: 'spec.options.create_host_user_mode',
    broken: (f) => typeof f.options.createHostUserMode === 'number' && isKnown(f.options.createHostUserMode) && !(f.options.createHostUserMode >= 0 && f.options.createHostUserMode <= 4 && Number.isInteger(f.options.createHostUserMode)),
    message: (f) => `${f.options.createHostUserMode} is not a host user mode; Teleport rejects it ("invalid host user mode").`,
    fix: 'use CreateHostUserMode.OFF, KEEP or INSECURE_DROP.',
  },
  {
    field: 'spec.options.idp',
    broken: (f) => f.options.idp !== undefined && (n(f) ?? 0) >= 8,
    message: (f) => `is set, but role ${v(f)} no longer supports the idp.saml option (role v7 and below only); SAML IdP access follows app_labels and rules from v8 on.`,
    fix: 'remove options.idp and grant saml_idp_service_provider access with app_labels and rules, or keep RoleVersion.V7.',
  },
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
    {
      field: `spec.${side}.spiffe.path`,
      broken: (f) => firstBad(f[side].spiffe, (s) => known(s.path) && spiffePathBad(s.path)) > 0,
      message: (f) => `in entry #${firstBad(f[side].spiffe, (s) => known(s.path) && spiffePathBad(s.path))} is "${find(f[side].spiffe, (s) => known(s.path) && spiffePathBad(s.path))!.path}"; Teleport requires a path starting with / or a ^regex$.`,
      fix: 'write the SPIFFE ID path without the trust domain, e.g. "/svc/foo".',
    },
    {
      field: `spec.${side}.spiffe.ip_sans`,
      broken: (f) => firstBad(f[side].spiffe, (s) => items(s.ipSans).some((c) => !isCidr(c))) > 0,
      message: (f) => `in entry #${firstBad(f[side].spiffe, (s) => items(s.ipSans).some((c) => !isCidr(c)))} has "${items(find(f[side].spiffe, (s) => items(s.ipSans).some((c) => !isCidr(c)))!.ipSans).find((c) => !isCidr(c))}", which is not a CIDR; Teleport rejects it.`,
      fix: 'write IP SANs as CIDRs, e.g. "10.0.0.100/32".',
    },
    {
      field: `spec.${side}.impersonate.roles`,
      broken: (f) => {
        const imp = f[side].impersonate;
        if (imp === undefined || imp.users === undefined || Token.isUnresolved(imp.users) || imp.users.length === 0) return false;
        return imp.roles === undefined || (!Token.isUnresolved(imp.roles) && imp.roles.length === 0);
      },
      message: 'is empty while impersonate.users is set; Teleport rejects it ("please set both impersonate.users and impersonate.roles").',
      fix: 'list the roles the impersonated users may hold, e.g. roles: ["jenkins"].',
    },
  ]),
  {
    field: 'spec.deny.impersonate.where',
    broken: (f) => f.deny.impersonate?.where !== undefined && f.deny.impersonate.where !== '',
    message: 'is set; Teleport rejects it ("\'where\' is not supported in deny.impersonate conditions").',
    fix: 'remove where from deny.impersonate (it is allowed under allow only).',
  },
  {
    field: 'spec.allow.db_permissions.permissions',
    broken: (f) => firstBad(f.allow.dbPermissions, (p) => items(p.permissions).includes('*')) > 0,
    message: (f) => `entry #${firstBad(f.allow.dbPermissions, (p) => items(p.permissions).includes('*'))} grants "*"; Teleport rejects it ("individual database permissions cannot be wildcards strings").`,
    fix: 'list the permissions, e.g. ["SELECT", "INSERT"] (a wildcard is allowed under deny only).',
  },
  {
    field: 'spec.allow.app_resources',
    broken: (f) => items(f.allow.appResources).length > 0 && (n(f) ?? 9) < 9,
    message: (f) => `is set, but role ${v(f)} does not support it (role v9 and above only).`,
    fix: 'use RoleVersion.V9 (needs an Auth Service that knows v9), or remove appResources.',
  },
  {
    field: 'spec.allow.app_resources',
    broken: (f) => firstBad(f.allow.appResources, (r) => Object.entries(r).some(([k, val]) => k !== 'allowAll' && val !== undefined)) > 0,
    message: (f) => `rule #${firstBad(f.allow.appResources, (r) => Object.entries(r).some(([k, val]) => k !== 'allowAll' && val !== undefined))} sets fields other than allow_all; this Teleport version implements allow_all only and rejects the rule.`,
    fix: 'use { allowAll: true } only.',
  },
  {
    field: 'spec.deny.app_resources',
    broken: (f) => f.deny.appResources !== undefined,
    message: 'is set, but app_resources is valid only under allow.',
    fix: 'move the rules to allow, or remove them.',
  },
  ...SIDES.map((side): Rule<RoleFacts> => ({
    field: `spec.${side}.app_resources_expressions`,
    broken: (f) => f[side].appResourcesExpressions !== undefined && (Token.isUnresolved(f[side].appResourcesExpressions) || f[side].appResourcesExpressions!.length > 0),
    message: 'is set, but this Teleport version does not implement app_resources_expressions and rejects a role that sets it.',
    fix: 'use appResources: [{ allowAll: true }] (role v9), or remove appResourcesExpressions.',
  })),
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
