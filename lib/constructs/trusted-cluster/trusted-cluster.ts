import { Construct } from 'constructs';
import { Annotations, TerraformResource, TerraformStack, Token } from 'cdktf';
import * as l1 from '../../gen';
import { TeleportResourceOptions } from '../options';
import { withIgnoredChanges } from '../lifecycle';
import { providerName } from '../provider-name';
import { validateWith } from '../rules';
import { secretProblems } from '../secret';
import { JoinToken } from './join-token';
import { RoleMapping } from './role-mapping';
import type * as Rules from './rules';
import { checkArgs } from '../../api-check/check-args';

/** Props of a trusted cluster (created on the leaf, pointing at the root). */
export interface TrustedClusterProps extends TeleportResourceOptions {
  /**
   * `metadata.name`: the root cluster's name. Teleport renames the resource to the root's
   * cluster name on join, so anything else causes drift.
   */
  readonly name: string;
  /** `spec.web_proxy_addr`: the root proxy's web address, `host:port`. */
  readonly webProxyAddr: string;
  /**
   * `spec.tunnel_addr`: the root's reverse tunnel address, `host:port`. With TLS routing on, the
   * root proxy's web address; with it off, its reverse tunnel listener (usually port 3024). Not on
   * 3023 (the proxy's SSH port) or 3025 (the Auth Service). Always written explicitly: left unset,
   * Teleport would guess (the provider page: `<metadata.name>:<default reverse tunnel port>`, i.e.
   * 3024; `TrustedClusterV2.CheckAndSetDefaults` in api/types/trustedcluster.go: `web_proxy_addr`).
   * @default webProxyAddr when its port is 443 (TLS routing, the common setup there); required otherwise
   */
  readonly tunnelAddr?: string;
  /**
   * `spec.token`: the join token the root issued. Changes after creation are ignored (see README);
   * `JoinToken.alreadyJoined()` omits it once the leaf has joined.
   */
  readonly token: JoinToken;
  /** `spec.role_map`: root roles mapped to leaf roles. */
  readonly roleMap: RoleMapping[];
  /**
   * `spec.enabled`. `false` deactivates the root's CAs on the leaf: it needs `acknowledgeDisabled`.
   * @default true
   */
  readonly enabled?: boolean;
  /**
   * Set to true to confirm that `enabled: false` is meant.
   * @default false
   */
  readonly acknowledgeDisabled?: boolean;
  /**
   * `metadata.labels`.
   * @default none
   */
  readonly labels?: { [key: string]: string };
  /**
   * `metadata.description`.
   * @default none
   */
  readonly description?: string;
}

/**
 * A `teleport_trusted_cluster` on the leaf: the leaf trusts the root named here, and root users
 * get the mapped leaf roles.
 *
 * - The token is used only for the first handshake, and Teleport refuses to change it on an
 *   existing leaf ("can not update token for existing leaf cluster"), so changes to `spec.token`
 *   are ignored (`lifecycle.ignore_changes`). A re-created root token never turns into an update.
 *   Once joined, `JoinToken.alreadyJoined()` drops the token from the configuration altogether.
 * - Mapped `Role` constructs and the provision token (when in the same stack) are created first.
 */
export class TrustedCluster extends Construct {
  /** The underlying L1 resource (escape hatch: `addOverride` works on it). */
  public readonly resource: l1.trustedCluster.TrustedCluster;
  /** The root cluster name (`metadata.name`). */
  public readonly clusterName: string;

  constructor(scope: Construct, id: string, props: TrustedClusterProps) {
    checkArgs('new TrustedCluster', arguments);
    super(scope, id);
    const stack = TerraformStack.of(this);
    // The rule table loads on first validation (import stays cheap).
    validateWith(this, (): Rules.TrustedClusterFacts => ({ ...props, stack }), () => (require('./rules') as typeof Rules).TRUSTED_CLUSTER_RULES);
    this.node.addValidation({ validate: () => tokenProblems(this, props.token) });

    const given = props.dependsOn ?? [];
    const dependsOn = [...given, ...implicitDependencies(stack, props).filter((r) => !given.includes(r))];
    this.clusterName = props.name;
    this.resource = new l1.trustedCluster.TrustedCluster(this, 'Resource', {
      version: 'v2',
      metadata: {
        name: props.name,
        ...(props.description !== undefined ? { description: props.description } : {}),
        ...(props.labels !== undefined ? { labels: props.labels } : {}),
      },
      spec: {
        enabled: props.enabled ?? true,
        token: props.token.value,
        webProxyAddr: props.webProxyAddr,
        tunnelAddr: props.tunnelAddr ?? props.webProxyAddr,
        roleMap: props.roleMap.map((m) => ({ remote: literalText(m.remote), local: m.local.map((r) => literalText(r.roleName)) })),
      },
      provider: props.provider,
      dependsOn: dependsOn.length ? dependsOn : undefined,
      lifecycle: withIgnoredChanges(props.lifecycle, ['spec.token']),
    });
    if (props.token.isJoined) {
      Annotations.of(this).addInfo(
        'spec.token is omitted (JoinToken.alreadyJoined()): Terraform keeps the token in state, so plans stay quiet. If this trusted cluster is ever created or replaced, Teleport needs a token: switch back to a token source for that apply.',
      );
    }
  }
}

/**
 * A literal string as Terraform must read it: `${` and `%{` start template sequences in Terraform
 * JSON, so a role_map expansion such as `${team}-admin` is escaped (`$${team}-admin`) and reaches
 * Teleport as written. Tokens pass unchanged.
 */
function literalText(value: string): string {
  return Token.isUnresolved(value) ? value : value.replace(/([$%])\{/g, '$1$1{');
}

/**
 * `spec.token` follows the one secret rule (lib/constructs/secret.ts): a reference to a provision
 * token, or a sensitive variable without a default; a literal only through `unsafePlainText`.
 */
function tokenProblems(scope: Construct, token: JoinToken): string[] {
  return secretProblems(scope, {
    field: 'spec.token',
    value: token.value,
    optedIn: token.source === 'literal',
    optIn: 'use JoinToken.unsafePlainText()',
    variable: token.variable,
  });
}

/** The mapped Role constructs and the provision token, when they live in the same stack (roles: on the same provider). */
function implicitDependencies(stack: TerraformStack, props: TrustedClusterProps): TerraformResource[] {
  const out: TerraformResource[] = [];
  const add = (r: TerraformResource | undefined) => {
    if (r && TerraformStack.of(r) === stack && !out.includes(r)) out.push(r);
  };
  add(props.token.provisionToken?.resource);
  for (const mapping of props.roleMap) {
    for (const role of mapping.local) {
      const resource = (role as { resource?: unknown }).resource;
      // A role on another provider is a mistake the rules report; it gets no depends_on edge.
      if (resource instanceof TerraformResource && providerName(resource.provider) === providerName(props.provider)) add(resource);
    }
  }
  return out;
}
