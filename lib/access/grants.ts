// What one role grants on the leaf, per kind of resource (allow and deny), its rules and options;
// and how several roles combine (gravitational/teleport lib/services/role.go: `RoleSet.checkAccess`
// checks every role's deny first and denies on any match, then grants when one role's labels and
// principals match together; `AdjustSessionTTL`, `getMFARequired`, `CanForwardAgents`,
// `SSHPortForwardMode`, `CanCopyFiles`).
import { AccessOptions, KubernetesResourceGrant, ResourceGrant, RoleGrants, RuleGrant } from './model';
import { isAlwaysTrue } from './label-expression';
import { hasKeys, isExpression, isWildcardSelector, labelMap, stringList, uniqueSorted } from './values';
import { parseGoDuration } from '../common/duration';

type Spec = Record<string, any>;

/** The kinds of resource a role reaches through labels, and the fields that name principals there. */
const KINDS: { kind: string; labels: string; principals: Partial<Record<keyof ResourceGrant, string>> }[] = [
  { kind: 'ssh', labels: 'node_labels', principals: { logins: 'logins' } },
  { kind: 'kubernetes', labels: 'kubernetes_labels', principals: { kubernetesGroups: 'kubernetes_groups', kubernetesUsers: 'kubernetes_users' } },
  { kind: 'database', labels: 'db_labels', principals: { databaseNames: 'db_names', databaseUsers: 'db_users', databaseRoles: 'db_roles' } },
  { kind: 'app', labels: 'app_labels', principals: {} },
  { kind: 'desktop', labels: 'windows_desktop_labels', principals: { logins: 'windows_desktop_logins' } },
];

function kubernetesResources(v: unknown): KubernetesResourceGrant[] | undefined {
  if (!Array.isArray(v) || v.length === 0) return undefined;
  return v
    .filter((r) => r && typeof r === 'object')
    .map((r) => ({
      kind: String(r.kind ?? ''),
      namespace: String(r.namespace ?? ''),
      name: String(r.name ?? ''),
      verbs: stringList(r.verbs),
      ...(r.api_group ? { apiGroup: String(r.api_group) } : {}),
    }));
}

/**
 * True when a selector reaches every resource of its kind (lib/services/role.go `CheckLabelsMatch`:
 * an allow needs the labels and the expression to match, each where set; a deny matches when
 * either does). `'*': '*'` labels and an always-true expression (label-expression.ts) match all.
 */
function selectsEverything(labels: Record<string, string[]> | undefined, expr: string | undefined, deny: boolean): boolean {
  const labelsAll = isWildcardSelector(labels);
  const exprAll = isAlwaysTrue(expr);
  if (deny) return labelsAll || exprAll;
  if (!hasKeys(labels) && expr === undefined) return false;
  return (!hasKeys(labels) || labelsAll) && (expr === undefined || exprAll);
}

/**
 * The grants of one condition block. Allow: a kind is reached only with labels or an expression
 * (an empty selector matches nothing). Deny: any labels, expression or principal counts (deny is
 * greedy: matching labels deny the resource, a matching principal denies that principal).
 */
function conditionGrants(role: string, c: Spec, deny: boolean): ResourceGrant[] {
  const out: ResourceGrant[] = [];
  for (const k of KINDS) {
    const labels = labelMap(c[k.labels]);
    const expr =
      typeof c[`${k.labels}_expression`] === 'string' && c[`${k.labels}_expression`] !== '' ? (c[`${k.labels}_expression`] as string) : undefined;
    const principals: Record<string, string[]> = {};
    for (const [field, attr] of Object.entries(k.principals)) {
      const values = stringList(c[attr as string]);
      if (values.length) principals[field] = values;
    }
    const resources = k.kind === 'kubernetes' ? kubernetesResources(c.kubernetes_resources) : undefined;
    const selected = hasKeys(labels) || expr !== undefined;
    if (!selected && !(deny && (Object.keys(principals).length || resources))) continue;
    out.push({
      kind: k.kind,
      role,
      ...(hasKeys(labels) ? { labels } : {}),
      ...(expr !== undefined ? { labelsExpression: expr } : {}),
      everyResource: selectsEverything(labels, expr, deny),
      ...principals,
      ...(resources ? { kubernetesResources: resources } : {}),
    });
  }
  return out;
}

function rules(role: string, v: unknown): RuleGrant[] {
  if (!Array.isArray(v)) return [];
  return v
    .filter((r) => r && typeof r === 'object')
    .map((r) => ({
      role,
      resources: stringList(r.resources),
      verbs: stringList(r.verbs),
      ...(typeof r.where === 'string' && r.where ? { where: r.where } : {}),
    }));
}

/** Milliseconds of a Go duration (`30h0m0s`, `1h30m`), or undefined when it is not one (lib/common/duration.ts). */
export function durationMs(text: unknown): number | undefined {
  return typeof text === 'string' ? parseGoDuration(text) : undefined;
}

/** Teleport's SSHPortForwardMode over the roles' raw options. */
export function portForwardMode(options: Spec[]): string {
  let denyRemote = false;
  let denyLocal = false;
  let legacyDeny = false;
  let legacyCanDeny = true;
  for (const o of options) {
    const config = o.ssh_port_forwarding;
    if (!config || typeof config !== 'object') {
      if (o.port_forwarding === true) return 'on';
      if (o.port_forwarding === false) legacyDeny = true;
      continue;
    }
    for (const [side, set] of [
      ['remote', (v: boolean) => (denyRemote ||= !v)],
      ['local', (v: boolean) => (denyLocal ||= !v)],
    ] as const) {
      const enabled = config[side]?.enabled;
      if (typeof enabled === 'boolean') {
        set(enabled);
        legacyCanDeny = false;
      }
    }
  }
  if (denyRemote && denyLocal) return 'off';
  if (legacyDeny && legacyCanDeny) return 'off';
  if (denyRemote) return 'local';
  if (denyLocal) return 'remote';
  return 'on';
}

const OPTION_NAMES = [
  'max_session_ttl',
  'require_session_mfa',
  'permit_x11_forwarding',
  'forward_agent',
  'port_forwarding',
  'ssh_file_copy',
  'client_idle_timeout',
  'device_trust_mode',
];

/** The options of a role set (one role: its own), combined as Teleport combines them. */
export function combineOptions(options: Spec[]): AccessOptions {
  const atApply = uniqueSorted(options.flatMap((o) => OPTION_NAMES.filter((n) => isExpression(o[n]))));
  const shortest = (name: string) => {
    let best: { text: string; ms: number } | undefined;
    for (const o of options) {
      const ms = durationMs(o[name]);
      if (ms !== undefined && ms > 0 && (!best || ms < best.ms)) best = { text: o[name], ms };
    }
    return best?.text;
  };
  const mfa = options.map((o) => (typeof o.require_session_mfa === 'number' ? o.require_session_mfa !== 0 : false));
  const trustModes = options.map((o) => o.device_trust_mode).filter((m): m is string => typeof m === 'string' && m !== '' && !isExpression(m));
  const maxSessionTtl = shortest('max_session_ttl');
  const clientIdleTimeout = shortest('client_idle_timeout');
  const deviceTrustMode = trustModes.includes('required') ? 'required' : trustModes[0];
  return {
    ...(maxSessionTtl !== undefined ? { maxSessionTtl } : {}),
    requireSessionMfa: mfa.length && mfa.every(Boolean) ? 'always' : mfa.some(Boolean) ? 'per-role' : 'never',
    permitX11Forwarding: options.some((o) => o.permit_x11_forwarding === true),
    forwardAgent: options.some((o) => o.forward_agent === true),
    portForwarding: portForwardMode(options),
    sshFileCopy: !options.some((o) => o.ssh_file_copy === false),
    ...(clientIdleTimeout !== undefined ? { clientIdleTimeout } : {}),
    ...(deviceTrustMode !== undefined ? { deviceTrustMode } : {}),
    atApply,
  };
}

/** What one role grants (its spec with the server's defaults already applied). */
export function roleGrants(role: string, spec: Spec): RoleGrants {
  return {
    allow: conditionGrants(role, spec.allow ?? {}, false),
    deny: conditionGrants(role, spec.deny ?? {}, true),
    rules: rules(role, spec.allow?.rules),
    denyRules: rules(role, spec.deny?.rules),
    options: combineOptions([spec.options ?? {}]),
  };
}

/** What a set of roles grants together: allow and rules are the union, deny applies to all, options combined. */
export function combineGrants(roles: RoleGrants[], options: Spec[]): RoleGrants {
  return {
    allow: roles.flatMap((r) => r.allow),
    deny: roles.flatMap((r) => r.deny),
    rules: roles.flatMap((r) => r.rules),
    denyRules: roles.flatMap((r) => r.denyRules),
    options: combineOptions(options),
  };
}

/** Grants of a role that is not known (missing on the leaf): nothing. */
export const NO_GRANTS: RoleGrants = { allow: [], deny: [], rules: [], denyRules: [], options: combineOptions([]) };
