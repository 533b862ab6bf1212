import { Construct } from 'constructs';
import { Annotations, Fn, Token } from 'cdktf';
import * as l1 from '../../gen';
import { problem, validateWith } from '../rules';
import { hasKubernetesMatchers } from './defaults';
import { IRole } from './i-role';
import { PRESET_ROLES, PresetRole } from './preset-role';
import { RoleConditions, RoleKubernetesResource, RoleOptions, RoleProps, RoleRule } from './props';
import type { RoleFacts } from './rules';
import type * as Rules from './rules';
import { RoleVersion, roleVersionNumber } from './role-version';
import { toL1Spec } from './spec';
import { checkArgs } from '../../api-check/check-args';

type Side = 'allow' | 'deny';
type ListKey = { [K in keyof RoleConditions]-?: RoleConditions[K] extends string[] | undefined ? K : never }[keyof RoleConditions];
type LabelKey = { [K in keyof RoleConditions]-?: RoleConditions[K] extends { [key: string]: string[] } | undefined ? K : never }[keyof RoleConditions];

/**
 * A Teleport role (`teleport_role`).
 *
 * - `version` is required (see `RoleVersion`): the provider replaces a role whose version changes.
 * - What the Auth Service adds to a stored role (`spec.options` defaults, `kubernetes_resources`
 *   per version, empty `allow`/`deny`) is written out, so the synthesized JSON shows the role as
 *   Teleport stores it and plans stay quiet across provider releases (docs/role-defaults.md lists
 *   each default per version with its source, and why).
 * - What Teleport would reject (name rules, versions, empty logins, malformed labels, rule verbs,
 *   Kubernetes kinds per version, ...) fails at synth with the field and the fix.
 * - Intent helpers add to the conditions: `allowLogins('ubuntu')`, `allowNodeLabels('env', 'dev')`,
 *   `allowRule(['role'], ['list', 'read'])`, `denyLogins('root')`, ...
 *
 * ```ts
 * const visitor = new Role(stack, 'visitor', { name: 'visitor', version: RoleVersion.V7 });
 * visitor.allowLogins('visitor');
 * visitor.allowNodeLabels('*', '*');
 * ```
 */
export class Role extends Construct implements IRole {
  /**
   * A role that already exists in the cluster (created by hand, by tctl or by another stack). No
   * resource is created; the name is checked at synth.
   */
  public static fromName(scope: Construct, id: string, name: string): IRole {
    checkArgs('Role.fromName', arguments);
    return new ExistingRole(scope, id, name);
  }

  /** One of the roles Teleport creates itself (`access`, `editor`, `auditor`, ...). */
  public static fromPreset(scope: Construct, id: string, preset: PresetRole): IRole {
    checkArgs('Role.fromPreset', arguments);
    return new ExistingRole(scope, id, preset, true);
  }

  /** The underlying L1 resource (escape hatch: `addOverride` works on it; use it in `dependsOn`). */
  public readonly resource: l1.role.Role;
  /** `metadata.name`. */
  public readonly roleName: string;
  /** `version`. */
  public readonly version: RoleVersion;

  private allowed: RoleConditions;
  private denied: RoleConditions;
  /**
   * The conditions as the rules check them: like `allowed`/`denied`, except that where a helper
   * appended literal values to a list or map given as a token (synthesized as concat()/merge()),
   * the literal values stay visible (a list keeps the token as entry #1, then the values).
   */
  private readonly checked: Record<Side, RoleConditions>;
  private readonly options?: RoleOptions;
  private imported = false;
  private annotated = false;

  constructor(scope: Construct, id: string, props: RoleProps) {
    checkArgs('new Role', arguments);
    super(scope, id);

    this.roleName = props.name;
    this.version = props.version;
    this.options = props.options;
    this.allowed = { ...props.allow };
    this.denied = { ...props.deny };
    this.checked = { allow: { ...props.allow }, deny: { ...props.deny } };

    const facts = (): RoleFacts => ({
      name: props.name,
      version: props.version,
      labels: props.labels,
      expires: props.expires,
      options: props.options ?? {},
      allow: this.checked.allow,
      deny: this.checked.deny,
      // importFrom() here, or resource.importFrom() on the escape hatch: both adopt the existing role.
      // (toTerraform() is costly: only asked for preset names, the one rule that needs it.)
      imported: this.imported || (PRESET_ROLES.includes(props.name) && this.resource.toTerraform().import !== undefined),
      allowUnknownRuleVerbs: props.allowUnknownRuleVerbs === true,
    });
    // The rule table loads on first validation (import stays cheap).
    validateWith(this, facts, () => (require('./rules') as typeof Rules).ROLE_RULES);
    this.node.addValidation({ validate: () => this.annotate() });

    this.resource = new l1.role.Role(this, 'Resource', {
      version: props.version,
      subKind: props.subKind,
      metadata: {
        name: props.name,
        description: props.description,
        labels: props.labels,
        expires: props.expires,
      },
      spec: this.spec(),
      provider: props.provider,
      dependsOn: props.dependsOn,
      lifecycle: props.lifecycle,
    });
  }

  /** Allows these *nix logins (`spec.allow.logins`), e.g. `"ubuntu"` or `"{{internal.logins}}"`. */
  public allowLogins(...logins: string[]): void {
    checkArgs('Role#allowLogins', arguments, this);
    this.addList('allow', 'logins', logins);
  }

  /** Denies these *nix logins (`spec.deny.logins`), e.g. `"root"`. */
  public denyLogins(...logins: string[]): void {
    checkArgs('Role#denyLogins', arguments, this);
    this.addList('deny', 'logins', logins);
  }

  /** Allows these Windows desktop logins (`spec.allow.windows_desktop_logins`). */
  public allowWindowsDesktopLogins(...logins: string[]): void {
    checkArgs('Role#allowWindowsDesktopLogins', arguments, this);
    this.addList('allow', 'windowsDesktopLogins', logins);
  }

  /** Allows SSH servers whose label `key` matches one of `values` (`spec.allow.node_labels`); `('*', '*')` for all. */
  public allowNodeLabels(key: string, ...values: string[]): void {
    checkArgs('Role#allowNodeLabels', arguments, this);
    this.addLabel('allow', 'nodeLabels', key, values);
  }

  /** Denies SSH servers whose label `key` matches one of `values` (`spec.deny.node_labels`). */
  public denyNodeLabels(key: string, ...values: string[]): void {
    checkArgs('Role#denyNodeLabels', arguments, this);
    this.addLabel('deny', 'nodeLabels', key, values);
  }

  /** Allows applications by label (`spec.allow.app_labels`). */
  public allowAppLabels(key: string, ...values: string[]): void {
    checkArgs('Role#allowAppLabels', arguments, this);
    this.addLabel('allow', 'appLabels', key, values);
  }

  /** Denies applications by label (`spec.deny.app_labels`). */
  public denyAppLabels(key: string, ...values: string[]): void {
    checkArgs('Role#denyAppLabels', arguments, this);
    this.addLabel('deny', 'appLabels', key, values);
  }

  /** Allows databases by label (`spec.allow.db_labels`); pair with `allowDatabaseUsers`/`allowDatabaseNames`. */
  public allowDatabaseLabels(key: string, ...values: string[]): void {
    checkArgs('Role#allowDatabaseLabels', arguments, this);
    this.addLabel('allow', 'dbLabels', key, values);
  }

  /** Denies databases by label (`spec.deny.db_labels`). */
  public denyDatabaseLabels(key: string, ...values: string[]): void {
    checkArgs('Role#denyDatabaseLabels', arguments, this);
    this.addLabel('deny', 'dbLabels', key, values);
  }

  /** Allows these database users (`spec.allow.db_users`). */
  public allowDatabaseUsers(...users: string[]): void {
    checkArgs('Role#allowDatabaseUsers', arguments, this);
    this.addList('allow', 'dbUsers', users);
  }

  /** Allows these database names (`spec.allow.db_names`). */
  public allowDatabaseNames(...names: string[]): void {
    checkArgs('Role#allowDatabaseNames', arguments, this);
    this.addList('allow', 'dbNames', names);
  }

  /**
   * Allows Kubernetes clusters by label (`spec.allow.kubernetes_labels`). Without
   * `allowKubernetesResources`, Teleport's per-version default applies (and is written out).
   */
  public allowKubernetesLabels(key: string, ...values: string[]): void {
    checkArgs('Role#allowKubernetesLabels', arguments, this);
    this.addLabel('allow', 'kubernetesLabels', key, values);
  }

  /** Denies Kubernetes clusters by label (`spec.deny.kubernetes_labels`). */
  public denyKubernetesLabels(key: string, ...values: string[]): void {
    checkArgs('Role#denyKubernetesLabels', arguments, this);
    this.addLabel('deny', 'kubernetesLabels', key, values);
  }

  /** Kubernetes groups users of this role get (`spec.allow.kubernetes_groups`). */
  public allowKubernetesGroups(...groups: string[]): void {
    checkArgs('Role#allowKubernetesGroups', arguments, this);
    this.addList('allow', 'kubernetesGroups', groups);
  }

  /** Kubernetes users this role may impersonate (`spec.allow.kubernetes_users`). */
  public allowKubernetesUsers(...users: string[]): void {
    checkArgs('Role#allowKubernetesUsers', arguments, this);
    this.addList('allow', 'kubernetesUsers', users);
  }

  /** Allows these Kubernetes resources (`spec.allow.kubernetes_resources`); kinds depend on the role version. */
  public allowKubernetesResources(...resources: RoleKubernetesResource[]): void {
    checkArgs('Role#allowKubernetesResources', arguments, this);
    this.addItems('allow', 'kubernetesResources', resources);
  }

  /** Denies these Kubernetes resources (`spec.deny.kubernetes_resources`). */
  public denyKubernetesResources(...resources: RoleKubernetesResource[]): void {
    checkArgs('Role#denyKubernetesResources', arguments, this);
    this.addItems('deny', 'kubernetesResources', resources);
  }

  /** Allows Windows desktops by label (`spec.allow.windows_desktop_labels`). */
  public allowWindowsDesktopLabels(key: string, ...values: string[]): void {
    checkArgs('Role#allowWindowsDesktopLabels', arguments, this);
    this.addLabel('allow', 'windowsDesktopLabels', key, values);
  }

  /** Allows leaf clusters by label (`spec.allow.cluster_labels`), as seen from a root cluster. */
  public allowClusterLabels(key: string, ...values: string[]): void {
    checkArgs('Role#allowClusterLabels', arguments, this);
    this.addLabel('allow', 'clusterLabels', key, values);
  }

  /** Denies leaf clusters by label (`spec.deny.cluster_labels`). */
  public denyClusterLabels(key: string, ...values: string[]): void {
    checkArgs('Role#denyClusterLabels', arguments, this);
    this.addLabel('deny', 'clusterLabels', key, values);
  }

  /**
   * Allows `verbs` on Teleport `resources` (`spec.allow.rules`), e.g.
   * `allowRule(['role', 'user'], ['list', 'read'])`.
   * @param where an optional predicate limiting the rule
   */
  public allowRule(resources: string[], verbs: string[], where?: string): void {
    checkArgs('Role#allowRule', arguments, this);
    this.addItems('allow', 'rules', [ruleOf(resources, verbs, where)]);
  }

  /** Denies `verbs` on Teleport `resources` (`spec.deny.rules`). */
  public denyRule(resources: string[], verbs: string[], where?: string): void {
    checkArgs('Role#denyRule', arguments, this);
    this.addItems('deny', 'rules', [ruleOf(resources, verbs, where)]);
  }

  /** Allows listing and reading these Teleport resources (`list`, `read`), e.g. `allowRead('session', 'event')`. */
  public allowRead(...resources: string[]): void {
    checkArgs('Role#allowRead', arguments, this);
    this.allowRule(resources, ['list', 'read']);
  }

  /** Allows Access Requests for these roles (`spec.allow.request.roles`). */
  public allowRequestRoles(...roles: string[]): void {
    checkArgs('Role#allowRequestRoles', arguments, this);
    const request = this.allowed.request ?? {};
    this.update('allow', { request: { ...request, roles: merged(request.roles, roles) } });
  }

  /** Allows reviewing Access Requests for these roles (`spec.allow.review_requests.roles`). */
  public allowReviewRoles(...roles: string[]): void {
    checkArgs('Role#allowReviewRoles', arguments, this);
    const review = this.allowed.reviewRequests ?? {};
    this.update('allow', { reviewRequests: { ...review, roles: merged(review.roles, roles) } });
  }

  /**
   * Adopts the existing role of this name with a Terraform `import` block (Terraform >= 1.5); the
   * import ID of a role is its name. Also how to manage a preset role (`access`, ...).
   */
  public importFrom(): void {
    this.imported = true;
    this.resource.importFrom(this.roleName, this.resource.provider);
  }

  private spec(): l1.role.RoleSpec {
    return toL1Spec(this.version, this.options, this.allowed, this.denied);
  }

  private update(side: Side, change: RoleConditions, checked: RoleConditions = change): void {
    if (side === 'allow') this.allowed = { ...this.allowed, ...change };
    else this.denied = { ...this.denied, ...change };
    this.checked[side] = { ...this.checked[side], ...checked };
    this.resource.putSpec(this.spec());
  }

  private conditions(side: Side): RoleConditions {
    return side === 'allow' ? this.allowed : this.denied;
  }

  /** The checked view of a list after appending `values`: literal, or the token as entry #1 and then the values. */
  private checkedList(side: Side, key: keyof RoleConditions, values: unknown[], next: unknown): unknown {
    if (!Token.isUnresolved(this.conditions(side)[key])) return next;
    const seen = this.checked[side][key];
    return [...(Token.isUnresolved(seen) ? [seen] : (seen as unknown[] | undefined) ?? []), ...values];
  }

  private addList(side: Side, key: ListKey, values: string[]): void {
    const next = merged(this.conditions(side)[key] as string[] | undefined, values);
    this.update(side, { [key]: next }, { [key]: this.checkedList(side, key, values, next) });
  }

  private addItems<K extends 'kubernetesResources' | 'rules'>(side: Side, key: K, values: NonNullable<RoleConditions[K]>): void {
    const current = this.conditions(side)[key] as unknown[] | undefined;
    const next = current === undefined ? [...values] : Token.isUnresolved(current) ? Token.asAny(Fn.concat([current, values])) : [...current, ...values];
    this.update(side, { [key]: next }, { [key]: this.checkedList(side, key, values, next) });
  }

  private addLabel(side: Side, key: LabelKey, label: string, values: string[]): void {
    const current = this.conditions(side)[key] as { [k: string]: string[] } | undefined;
    if (current === undefined || !Token.isUnresolved(current)) {
      this.update(side, { [key]: { ...current, [label]: merged(current?.[label], values) } });
      return;
    }
    // A token map is extended with merge(); the rules see the literal labels added so far.
    const seen = this.checked[side][key] as { [k: string]: string[] } | undefined;
    const literal = seen === undefined || Token.isUnresolved(seen) ? {} : seen;
    this.update(side, { [key]: Token.asAny(Fn.merge([current, { [label]: values }])) }, { [key]: { ...literal, [label]: merged(literal[label], values) } });
  }

  /** Info and warnings that depend on the final props (run at synth). */
  private annotate(): string[] {
    // Validations run more than once (TeleportApp validates, then cdktf synthesizes): annotate once.
    if (this.annotated) return [];
    this.annotated = true;
    const n = roleVersionNumber(this.version);
    if (n === 8) {
      Annotations.of(this).addInfo('Role v8 needs Teleport 18 agents: a Teleport 17 Kubernetes Service may silently deny a user who holds a v8 role. Upgrade every agent first, or use RoleVersion.V7.');
    }
    if (n === 9) {
      Annotations.of(this).addWarning('Role v9 needs an Auth Service that knows v9: older ones store the role as v8, and every later plan would replace it.');
    }
    const given = this.allowed.kubernetesResources;
    if (given !== undefined && !Token.isUnresolved(given) && given.length === 0 && hasKubernetesMatchers(this.allowed) === true && n !== undefined && n !== 6 && n !== 9) {
      Annotations.of(this).addWarning(`spec.allow.kubernetes_resources is an empty list, which role v${n} treats as unset: it grants Teleport's default (written out in the plan), not "nothing".`);
    }
    return [];
  }
}

/** A role that exists already (by name or preset); it creates no resource. */
class ExistingRole extends Construct implements IRole {
  public readonly roleName: string;

  constructor(scope: Construct, id: string, name: string, preset = false) {
    super(scope, id);
    this.roleName = name;
    this.node.addValidation({
      validate: () => {
        if (Token.isUnresolved(name)) return [];
        if (name.trim() === '') return [problem('metadata.name', 'is empty: an existing role needs its name.', 'pass the role\'s name, e.g. Role.fromName(this, "visitor", "visitor").')];
        if (preset && !PRESET_ROLES.includes(name)) {
          return [problem('metadata.name', `"${name}" is not a Teleport preset role.`, `use PresetRole (${PRESET_ROLES.join(', ')}), or Role.fromName() for other existing roles.`)];
        }
        return [];
      },
    });
  }
}

function ruleOf(resources: string[], verbs: string[], where?: string): RoleRule {
  return where === undefined ? { resources, verbs } : { resources, verbs, where };
}

/** `current` plus `values`, without duplicates; a token list is extended with `concat()`. */
function merged(current: string[] | undefined, values: string[]): string[] {
  if (current !== undefined && Token.isUnresolved(current)) return Token.asList(Fn.concat([current, values]));
  const out = [...(current ?? [])];
  for (const v of values) if (Token.isUnresolved(v) || !out.includes(v)) out.push(v);
  return out;
}
