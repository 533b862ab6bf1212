import { Construct } from 'constructs';
import { Annotations, Token } from 'cdktf';
import * as l1 from '../../gen';
import { problem, validateWith } from '../rules';
import { Addition, RenderedConditions, Side, renderConditions } from './conditions';
import { hasKubernetesMatchers } from './defaults';
import { IRole } from './i-role';
import { PRESET_ROLES, PresetRole } from './preset-role';
import { RoleConditions, RoleKubernetesResource, RoleProps, RoleRule } from './props';
import { renderSpecAtSynth } from './rendered-resource';
import type { RoleFacts } from './rules';
import type * as Rules from './rules';
import { RoleVersion, roleVersionNumber } from './role-version';
import { toL1Spec } from './spec';
import { checkArgs } from '../../api-check/check-args';

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
 *   `allowRule(['role'], ['list', 'read'])`, `denyLogins('root')`, ... The role renders its spec at
 *   synth, from its props and everything the helpers added, in call order (also after the role has
 *   been passed to a `TrustedCluster`); the synth-time checks see the same final conditions.
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

  /** The props, with the given conditions of each side (at least `{}`). */
  private readonly props: RoleProps & Record<Side, RoleConditions>;
  /** What the intent helpers appended, per side and in call order; applied to the props when the role renders. */
  private readonly additions: Record<Side, Addition[]> = { allow: [], deny: [] };
  private rendered?: Rendering;
  private imported = false;
  private annotated = false;

  constructor(scope: Construct, id: string, props: RoleProps) {
    checkArgs('new Role', arguments);
    super(scope, id);

    this.roleName = props.name;
    this.version = props.version;
    this.props = { ...props, allow: { ...props.allow }, deny: { ...props.deny } };

    const facts = (): RoleFacts => ({
      name: props.name,
      version: props.version,
      labels: props.labels,
      expires: props.expires,
      options: props.options ?? {},
      allow: this.rendering().allow.checked,
      deny: this.rendering().deny.checked,
      // importFrom() here, or resource.importFrom() on the escape hatch: both adopt the existing role.
      // (toTerraform() is costly: only asked for preset names, the one rule that needs it.)
      imported: this.imported || (PRESET_ROLES.includes(props.name) && this.resource.toTerraform().import !== undefined),
      allowUnknownRuleVerbs: props.allowUnknownRuleVerbs === true,
    });
    // The rule table loads on first validation (import stays cheap).
    validateWith(this, facts, () => (require('./rules') as typeof Rules).ROLE_RULES);
    this.node.addValidation({ validate: () => this.annotate() });

    // The spec is rendered at synth, from the props and the additions (see rendering()).
    // Constructed here, not in a helper: see renderSpecAtSynth.
    this.resource = new l1.role.Role(this, 'Resource', {
      version: props.version,
      subKind: props.subKind,
      metadata: {
        name: props.name,
        description: props.description,
        labels: props.labels,
        expires: props.expires,
      },
      provider: props.provider,
      dependsOn: props.dependsOn,
      lifecycle: props.lifecycle,
    });
    renderSpecAtSynth(this.resource, () => this.rendering().spec);
  }

  /** Allows these *nix logins (`spec.allow.logins`), e.g. `"ubuntu"` or `"{{internal.logins}}"`. */
  public allowLogins(...logins: string[]): void {
    checkArgs('Role#allowLogins', arguments, this);
    this.additions.allow.push({ kind: 'list', key: 'logins', values: logins });
  }

  /** Denies these *nix logins (`spec.deny.logins`), e.g. `"root"`. */
  public denyLogins(...logins: string[]): void {
    checkArgs('Role#denyLogins', arguments, this);
    this.additions.deny.push({ kind: 'list', key: 'logins', values: logins });
  }

  /** Allows these Windows desktop logins (`spec.allow.windows_desktop_logins`). */
  public allowWindowsDesktopLogins(...logins: string[]): void {
    checkArgs('Role#allowWindowsDesktopLogins', arguments, this);
    this.additions.allow.push({ kind: 'list', key: 'windowsDesktopLogins', values: logins });
  }

  /** Allows SSH servers whose label `key` matches one of `values` (`spec.allow.node_labels`); `('*', '*')` for all. */
  public allowNodeLabels(key: string, ...values: string[]): void {
    checkArgs('Role#allowNodeLabels', arguments, this);
    this.additions.allow.push({ kind: 'label', key: 'nodeLabels', label: key, values });
  }

  /** Denies SSH servers whose label `key` matches one of `values` (`spec.deny.node_labels`). */
  public denyNodeLabels(key: string, ...values: string[]): void {
    checkArgs('Role#denyNodeLabels', arguments, this);
    this.additions.deny.push({ kind: 'label', key: 'nodeLabels', label: key, values });
  }

  /** Allows applications by label (`spec.allow.app_labels`). */
  public allowAppLabels(key: string, ...values: string[]): void {
    checkArgs('Role#allowAppLabels', arguments, this);
    this.additions.allow.push({ kind: 'label', key: 'appLabels', label: key, values });
  }

  /** Denies applications by label (`spec.deny.app_labels`). */
  public denyAppLabels(key: string, ...values: string[]): void {
    checkArgs('Role#denyAppLabels', arguments, this);
    this.additions.deny.push({ kind: 'label', key: 'appLabels', label: key, values });
  }

  /** Allows databases by label (`spec.allow.db_labels`); pair with `allowDatabaseUsers`/`allowDatabaseNames`. */
  public allowDatabaseLabels(key: string, ...values: string[]): void {
    checkArgs('Role#allowDatabaseLabels', arguments, this);
    this.additions.allow.push({ kind: 'label', key: 'dbLabels', label: key, values });
  }

  /** Denies databases by label (`spec.deny.db_labels`). */
  public denyDatabaseLabels(key: string, ...values: string[]): void {
    checkArgs('Role#denyDatabaseLabels', arguments, this);
    this.additions.deny.push({ kind: 'label', key: 'dbLabels', label: key, values });
  }

  /** Allows these database users (`spec.allow.db_users`). */
  public allowDatabaseUsers(...users: string[]): void {
    checkArgs('Role#allowDatabaseUsers', arguments, this);
    this.additions.allow.push({ kind: 'list', key: 'dbUsers', values: users });
  }

  /** Allows these database names (`spec.allow.db_names`). */
  public allowDatabaseNames(...names: string[]): void {
    checkArgs('Role#allowDatabaseNames', arguments, this);
    this.additions.allow.push({ kind: 'list', key: 'dbNames', values: names });
  }

  /**
   * Allows Kubernetes clusters by label (`spec.allow.kubernetes_labels`). Without
   * `allowKubernetesResources`, Teleport's per-version default applies (and is written out).
   */
  public allowKubernetesLabels(key: string, ...values: string[]): void {
    checkArgs('Role#allowKubernetesLabels', arguments, this);
    this.additions.allow.push({ kind: 'label', key: 'kubernetesLabels', label: key, values });
  }

  /** Denies Kubernetes clusters by label (`spec.deny.kubernetes_labels`). */
  public denyKubernetesLabels(key: string, ...values: string[]): void {
    checkArgs('Role#denyKubernetesLabels', arguments, this);
    this.additions.deny.push({ kind: 'label', key: 'kubernetesLabels', label: key, values });
  }

  /** Kubernetes groups users of this role get (`spec.allow.kubernetes_groups`). */
  public allowKubernetesGroups(...groups: string[]): void {
    checkArgs('Role#allowKubernetesGroups', arguments, this);
    this.additions.allow.push({ kind: 'list', key: 'kubernetesGroups', values: groups });
  }

  /** Kubernetes users this role may impersonate (`spec.allow.kubernetes_users`). */
  public allowKubernetesUsers(...users: string[]): void {
    checkArgs('Role#allowKubernetesUsers', arguments, this);
    this.additions.allow.push({ kind: 'list', key: 'kubernetesUsers', values: users });
  }

  /** Allows these Kubernetes resources (`spec.allow.kubernetes_resources`); kinds depend on the role version. */
  public allowKubernetesResources(...resources: RoleKubernetesResource[]): void {
    checkArgs('Role#allowKubernetesResources', arguments, this);
    this.additions.allow.push({ kind: 'items', key: 'kubernetesResources', values: resources });
  }

  /** Denies these Kubernetes resources (`spec.deny.kubernetes_resources`). */
  public denyKubernetesResources(...resources: RoleKubernetesResource[]): void {
    checkArgs('Role#denyKubernetesResources', arguments, this);
    this.additions.deny.push({ kind: 'items', key: 'kubernetesResources', values: resources });
  }

  /** Allows Windows desktops by label (`spec.allow.windows_desktop_labels`). */
  public allowWindowsDesktopLabels(key: string, ...values: string[]): void {
    checkArgs('Role#allowWindowsDesktopLabels', arguments, this);
    this.additions.allow.push({ kind: 'label', key: 'windowsDesktopLabels', label: key, values });
  }

  /** Allows leaf clusters by label (`spec.allow.cluster_labels`), as seen from a root cluster. */
  public allowClusterLabels(key: string, ...values: string[]): void {
    checkArgs('Role#allowClusterLabels', arguments, this);
    this.additions.allow.push({ kind: 'label', key: 'clusterLabels', label: key, values });
  }

  /** Denies leaf clusters by label (`spec.deny.cluster_labels`). */
  public denyClusterLabels(key: string, ...values: string[]): void {
    checkArgs('Role#denyClusterLabels', arguments, this);
    this.additions.deny.push({ kind: 'label', key: 'clusterLabels', label: key, values });
  }

  /**
   * Allows `verbs` on Teleport `resources` (`spec.allow.rules`), e.g.
   * `allowRule(['role', 'user'], ['list', 'read'])`.
   * @param where an optional predicate limiting the rule
   */
  public allowRule(resources: string[], verbs: string[], where?: string): void {
    checkArgs('Role#allowRule', arguments, this);
    this.additions.allow.push({ kind: 'items', key: 'rules', values: [ruleOf(resources, verbs, where)] });
  }

  /** Denies `verbs` on Teleport `resources` (`spec.deny.rules`). */
  public denyRule(resources: string[], verbs: string[], where?: string): void {
    checkArgs('Role#denyRule', arguments, this);
    this.additions.deny.push({ kind: 'items', key: 'rules', values: [ruleOf(resources, verbs, where)] });
  }

  /** Allows listing and reading these Teleport resources (`list`, `read`), e.g. `allowRead('session', 'event')`. */
  public allowRead(...resources: string[]): void {
    checkArgs('Role#allowRead', arguments, this);
    this.allowRule(resources, ['list', 'read']);
  }

  /** Allows Access Requests for these roles (`spec.allow.request.roles`). */
  public allowRequestRoles(...roles: string[]): void {
    checkArgs('Role#allowRequestRoles', arguments, this);
    this.additions.allow.push({ kind: 'roles', key: 'request', values: roles });
  }

  /** Allows reviewing Access Requests for these roles (`spec.allow.review_requests.roles`). */
  public allowReviewRoles(...roles: string[]): void {
    checkArgs('Role#allowReviewRoles', arguments, this);
    this.additions.allow.push({ kind: 'roles', key: 'reviewRequests', values: roles });
  }

  /**
   * Adopts the existing role of this name with a Terraform `import` block (Terraform >= 1.5); the
   * import ID of a role is its name. Also how to manage a preset role (`access`, ...).
   */
  public importFrom(): void {
    this.imported = true;
    this.resource.importFrom(this.roleName, this.resource.provider);
  }

  /** What the role renders to: the props plus the additions so far (kept until a helper adds more). */
  private rendering(): Rendering {
    const count = this.additions.allow.length + this.additions.deny.length;
    if (this.rendered?.count !== count) {
      const allow = renderConditions(this.props.allow, this.additions.allow);
      const deny = renderConditions(this.props.deny, this.additions.deny);
      this.rendered = { count, allow, deny, spec: toL1Spec(this.version, this.props.options, allow.spec, deny.spec) };
    }
    return this.rendered;
  }

  /** Info and warnings that depend on the final props (run at synth). */
  private annotate(): string[] {
    // Validations run more than once (TeleportApp validates, then cdktf synthesizes): annotate once.
    if (this.annotated) return [];
    this.annotated = true;
    const n = roleVersionNumber(this.version);
    const notes = Annotations.of(this);
    if (n === 8) {
      notes.addInfo(
        'Role v8 needs Teleport 18 agents: a Teleport 17 Kubernetes Service may silently deny a user who holds a v8 role. ' +
          'Upgrade every agent first, or use RoleVersion.V7.',
      );
    }
    if (n === 9) {
      notes.addWarning('Role v9 needs an Auth Service that knows v9: older ones store the role as v8, and every later plan would replace it.');
    }
    const allow = this.rendering().allow.spec;
    const given = allow.kubernetesResources;
    const emptyGiven = given !== undefined && !Token.isUnresolved(given) && given.length === 0;
    if (emptyGiven && hasKubernetesMatchers(allow) === true && n !== undefined && n !== 6 && n !== 9) {
      notes.addWarning(
        `spec.allow.kubernetes_resources is an empty list, which role v${n} treats as unset: ` +
          'it grants Teleport\'s default (written out in the plan), not "nothing".',
      );
    }
    return [];
  }
}

/** What a Role renders to after `count` additions: both sides of the conditions and the L1 spec. */
interface Rendering extends Record<Side, RenderedConditions> {
  readonly count: number;
  readonly spec: l1.role.RoleSpec;
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
        if (name.trim() === '') {
          const fix = 'pass the role\'s name, e.g. Role.fromName(this, "visitor", "visitor").';
          return [problem('metadata.name', 'is empty: an existing role needs its name.', fix)];
        }
        if (preset && !PRESET_ROLES.includes(name)) {
          const fix = `use PresetRole (${PRESET_ROLES.join(', ')}), or Role.fromName() for other existing roles.`;
          return [problem('metadata.name', `"${name}" is not a Teleport preset role.`, fix)];
        }
        return [];
      },
    });
  }
}

function ruleOf(resources: string[], verbs: string[], where?: string): RoleRule {
  return where === undefined ? { resources, verbs } : { resources, verbs, where };
}
