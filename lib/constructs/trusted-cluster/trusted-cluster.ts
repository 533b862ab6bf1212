import { Construct } from 'constructs';
import { Annotations, TerraformResource, TerraformStack, Token } from 'cdktf';
import * as l1 from '../../gen';
import { withIgnoredChanges } from '../lifecycle';
import { providerName } from '../provider-name';
import { validateWith } from '../rules';
import { secretProblems } from '../secret';
import { JoinToken } from './join-token';
import { TrustedClusterProps } from './props';
import type * as Rules from './rules';
import { checkArgs } from '../../api-check/check-args';
import { managedRoleResource } from '../private/role-resource';

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
    validateWith(
      this,
      (): Rules.TrustedClusterFacts => ({ ...props, stack }),
      () => (require('./rules') as typeof Rules).TRUSTED_CLUSTER_RULES,
    );
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
        'spec.token is omitted (JoinToken.alreadyJoined()): Terraform keeps the token in state, so plans stay quiet. ' +
          'If this trusted cluster is ever created or replaced, Teleport needs a token: switch back to a token source for that apply.',
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
      const resource = managedRoleResource(role);
      // A role on another provider is a mistake the rules report; it gets no depends_on edge.
      if (resource && providerName(resource.provider) === providerName(props.provider)) add(resource);
    }
  }
  return out;
}
