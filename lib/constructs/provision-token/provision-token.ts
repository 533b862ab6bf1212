import { Construct } from 'constructs';
import { Annotations, Token } from 'cdktf';
import * as l1 from '../../gen';
import { registerSecret } from '../../report/redact';
import { withIgnoredChanges } from '../lifecycle';
import { checkArgs } from '../../api-check/check-args';
import { validateWith } from '../rules';
import { secretProblems } from '../secret';
import { EXPIRES_PATH, planExpiry } from './expiry';
import { factoryProps, joinMethodEntry } from './join-method-table';
import { JoinMethod, SECRET_JOIN_METHODS } from './join-methods';
import {
  AzureDevopsTokenProps,
  AzureTokenProps,
  BitbucketTokenProps,
  BoundKeypairTokenProps,
  CircleciTokenProps,
  Ec2TokenProps,
  Env0TokenProps,
  GcpTokenProps,
  GithubTokenProps,
  GitlabTokenProps,
  IamTokenProps,
  KubernetesTokenProps,
  OracleTokenProps,
  ProvisionTokenImportOptions,
  ProvisionTokenProps,
  SecretTokenProps,
  SpaceliftTokenProps,
  TerraformCloudTokenProps,
  TpmTokenProps,
  TrustedClusterTokenProps,
} from './props';
import type { TokenFacts } from './rules';
import type * as Rules from './rules';
import { SystemRole, canonicalRoles } from './system-roles';
import { toL1Spec } from './spec';

/**
 * A Teleport provision token (`teleport_provision_token`): what lets an agent, a bot or a leaf
 * cluster join. Create it with the factory for its join method (`ProvisionToken.forTrustedCluster`,
 * `ProvisionToken.token`, `ProvisionToken.github`, ...); each checks that method's allow-rule
 * requirements at synth.
 *
 * - For secret tokens (join method `token`, trusted cluster tokens) the token's name *is* the
 *   secret: the provider generates it (sensitive in state) unless `name` is a reference; a literal
 *   needs `allowLiteralSecret`. `tokenName` refers to it without revealing it.
 * - Expiry is relative to the plan (`timeadd(plantimestamp(), ttl)`) and ignored after creation, so
 *   a plan a day later neither fails nor shows a diff; when Teleport deletes the expired token, the
 *   next apply creates a new one (docs/provision-token.md).
 */
export class ProvisionToken extends Construct {
  /**
   * A join token for a leaf cluster (roles `["Trusted_cluster"]`, join method `token`), created on
   * the root. Expires 1h after the plan that creates it unless `ttl`/`expires`/`noExpiry` say otherwise.
   */
  public static forTrustedCluster(scope: Construct, id: string, props: TrustedClusterTokenProps = {}): ProvisionToken {
    checkArgs('ProvisionToken.forTrustedCluster', arguments);
    return new ProvisionToken(scope, id, { ...props, joinMethod: JoinMethod.TOKEN, roles: [SystemRole.TRUSTED_CLUSTER] });
  }

  /** A secret token for agents (`teleport start --token`) or bots: `roles` (or `botName`) required. */
  public static token(scope: Construct, id: string, props: SecretTokenProps): ProvisionToken {
    checkArgs('ProvisionToken.token', arguments);
    return new ProvisionToken(scope, id, factoryProps(JoinMethod.TOKEN, props));
  }

  /** AWS EC2 instance identity join. */
  public static ec2(scope: Construct, id: string, props: Ec2TokenProps): ProvisionToken {
    checkArgs('ProvisionToken.ec2', arguments);
    return new ProvisionToken(scope, id, factoryProps(JoinMethod.EC2, props));
  }

  /** AWS IAM join. */
  public static iam(scope: Construct, id: string, props: IamTokenProps): ProvisionToken {
    checkArgs('ProvisionToken.iam', arguments);
    return new ProvisionToken(scope, id, factoryProps(JoinMethod.IAM, props));
  }

  /** GitHub Actions join. */
  public static github(scope: Construct, id: string, props: GithubTokenProps): ProvisionToken {
    checkArgs('ProvisionToken.github', arguments);
    return new ProvisionToken(scope, id, factoryProps(JoinMethod.GITHUB, props));
  }

  /** GitLab CI join. */
  public static gitlab(scope: Construct, id: string, props: GitlabTokenProps): ProvisionToken {
    checkArgs('ProvisionToken.gitlab', arguments);
    return new ProvisionToken(scope, id, factoryProps(JoinMethod.GITLAB, props));
  }

  /** CircleCI join. */
  public static circleci(scope: Construct, id: string, props: CircleciTokenProps): ProvisionToken {
    checkArgs('ProvisionToken.circleci', arguments);
    return new ProvisionToken(scope, id, factoryProps(JoinMethod.CIRCLECI, props));
  }

  /** Kubernetes service account join. */
  public static kubernetes(scope: Construct, id: string, props: KubernetesTokenProps): ProvisionToken {
    checkArgs('ProvisionToken.kubernetes', arguments);
    return new ProvisionToken(scope, id, factoryProps(JoinMethod.KUBERNETES, props));
  }

  /** Azure managed identity join. */
  public static azure(scope: Construct, id: string, props: AzureTokenProps): ProvisionToken {
    checkArgs('ProvisionToken.azure', arguments);
    return new ProvisionToken(scope, id, factoryProps(JoinMethod.AZURE, props));
  }

  /** Azure DevOps pipelines join. */
  public static azureDevops(scope: Construct, id: string, props: AzureDevopsTokenProps): ProvisionToken {
    checkArgs('ProvisionToken.azureDevops', arguments);
    return new ProvisionToken(scope, id, factoryProps(JoinMethod.AZURE_DEVOPS, props));
  }

  /** GCP join. */
  public static gcp(scope: Construct, id: string, props: GcpTokenProps): ProvisionToken {
    checkArgs('ProvisionToken.gcp', arguments);
    return new ProvisionToken(scope, id, factoryProps(JoinMethod.GCP, props));
  }

  /** Spacelift join (Teleport Enterprise). */
  public static spacelift(scope: Construct, id: string, props: SpaceliftTokenProps): ProvisionToken {
    checkArgs('ProvisionToken.spacelift', arguments);
    return new ProvisionToken(scope, id, factoryProps(JoinMethod.SPACELIFT, props));
  }

  /** TPM join (Teleport Enterprise). */
  public static tpm(scope: Construct, id: string, props: TpmTokenProps): ProvisionToken {
    checkArgs('ProvisionToken.tpm', arguments);
    return new ProvisionToken(scope, id, factoryProps(JoinMethod.TPM, props));
  }

  /** HCP Terraform / Terraform Enterprise join. */
  public static terraformCloud(scope: Construct, id: string, props: TerraformCloudTokenProps): ProvisionToken {
    checkArgs('ProvisionToken.terraformCloud', arguments);
    return new ProvisionToken(scope, id, factoryProps(JoinMethod.TERRAFORM_CLOUD, props));
  }

  /** Bitbucket Pipelines join. */
  public static bitbucket(scope: Construct, id: string, props: BitbucketTokenProps): ProvisionToken {
    checkArgs('ProvisionToken.bitbucket', arguments);
    return new ProvisionToken(scope, id, factoryProps(JoinMethod.BITBUCKET, props));
  }

  /** Oracle Cloud join. */
  public static oracle(scope: Construct, id: string, props: OracleTokenProps): ProvisionToken {
    checkArgs('ProvisionToken.oracle', arguments);
    return new ProvisionToken(scope, id, factoryProps(JoinMethod.ORACLE, props));
  }

  /** env0 join. */
  public static env0(scope: Construct, id: string, props: Env0TokenProps): ProvisionToken {
    checkArgs('ProvisionToken.env0', arguments);
    return new ProvisionToken(scope, id, factoryProps(JoinMethod.ENV0, props));
  }

  /** Bound keypair join (`tbot`): roles default to `["Bot"]` with `botName`. */
  public static boundKeypair(scope: Construct, id: string, props: BoundKeypairTokenProps): ProvisionToken {
    checkArgs('ProvisionToken.boundKeypair', arguments);
    return new ProvisionToken(scope, id, factoryProps(JoinMethod.BOUND_KEYPAIR, props));
  }

  /** The underlying L1 resource (escape hatch: `addOverride` works on it). */
  public readonly resource: l1.provisionToken.ProvisionToken;
  /**
   * A reference to the token's name (`metadata.name`), sensitive in Terraform: for secret tokens it
   * is the secret itself. Give it to a `TrustedCluster` (`JoinToken.fromProvisionToken`) or to a
   * sensitive output; never print it.
   */
  public get tokenName(): string {
    // A getter: the reference token is only made when asked for (each cdktf token captures a stack trace).
    return this.resource.metadata.name;
  }
  /** `spec.roles` in canonical form. */
  public readonly roles: string[];
  /** `spec.join_method`. */
  public readonly joinMethod: string;
  /** True for a `Trusted_cluster` token with join method `token` (what a leaf needs). */
  public readonly isTrustedClusterToken: boolean;
  /** True when the token's name is its secret (join method `token`). */
  public readonly isSecret: boolean;

  private importId?: string;
  private importOptIn = false;

  constructor(scope: Construct, id: string, props: ProvisionTokenProps) {
    checkArgs('new ProvisionToken', arguments);
    super(scope, id);

    const method: string = props.joinMethod ?? (props.allow !== undefined ? JoinMethod.EC2 : JoinMethod.TOKEN);
    const givenRoles = props.roles ?? (props.botName !== undefined ? [SystemRole.BOT] : []);
    this.joinMethod = method;
    this.roles = canonicalRoles(givenRoles);
    this.isSecret = SECRET_JOIN_METHODS.includes(method);
    this.isTrustedClusterToken = this.isSecret && this.roles.includes(SystemRole.TRUSTED_CLUSTER);

    const facts: TokenFacts = { props, method, roles: givenRoles, now: () => new Date() };
    // The rule table loads on first validation (import stays cheap).
    validateWith(
      this,
      () => facts,
      () => (require('./rules') as typeof Rules).provisionTokenRules(method),
    );
    this.node.addValidation({ validate: () => this.secretProblems(props) });

    // Literal secrets the user opted into still never reach our reports or errors.
    if (this.isSecret && props.name !== undefined) registerSecret(props.name);
    registerSecret(props.boundKeypair?.onboarding?.registrationSecret);

    const expiry = planExpiry(props, this.isSecret);
    this.resource = new l1.provisionToken.ProvisionToken(this, 'Resource', {
      version: 'v2',
      metadata: compact({
        name: props.name,
        description: props.description,
        labels: props.labels,
        expires: expiry.expires,
      }),
      spec: toL1Spec(props, method, this.roles),
      provider: props.provider,
      dependsOn: props.dependsOn,
      lifecycle: expiry.ignoreChanges ? withIgnoredChanges(props.lifecycle, [EXPIRES_PATH]) : props.lifecycle,
    });

    if (expiry.kind === 'expires' && typeof props.expires === 'string' && !Token.isUnresolved(props.expires)) {
      Annotations.of(this).addWarning(
        `metadata.expires is the absolute time ${props.expires}: every plan after it fails (the provider rejects past times) and Teleport deletes the token then. Prefer ttl (e.g. ttl: "1h"), computed from each plan's time and ignored after creation.`,
      );
    }
    if (props.noExpiry === true && this.isSecret) {
      Annotations.of(this).addWarning(
        this.isTrustedClusterToken
          ? 'noExpiry: this Trusted_cluster token never expires, so its secret lets a cluster join this root as a leaf for as long as the token exists. Prefer ttl (e.g. ttl: "1h"), and once the leaf has joined drop the token (TrustedClusterLink joined: true, or JoinToken.alreadyJoined()).'
          : 'noExpiry: this token never expires, so its secret lets anything join with its roles for as long as the token exists. Prefer ttl (e.g. ttl: "1h"), or a delegated join method (no shared secret).',
      );
    }
    const enterprise = enterpriseOnly(props, method);
    if (enterprise) Annotations.of(this).addInfo(`${enterprise} requires Teleport Enterprise; a Community Edition Auth Service rejects this token.`);
  }

  /**
   * Adopts an existing token with a Terraform `import` block (Terraform >= 1.5; a variable in the
   * ID needs Terraform >= 1.6). For secret tokens the import ID is the secret itself: pass a
   * reference (a sensitive variable's `stringValue`); a literal needs `allowLiteralSecret`.
   * `resource.importFrom()` stays available as the unchecked escape hatch.
   */
  public importFrom(importId: string, options: ProvisionTokenImportOptions = {}): void {
    checkArgs('ProvisionToken#importFrom', arguments, this);
    this.importId = importId;
    this.importOptIn = options.allowLiteralSecret === true;
    if (this.isSecret) registerSecret(importId);
    this.resource.importFrom(importId, this.resource.provider);
  }

  /** The secret attributes: literals, defaulted or non-sensitive variables need the opt-in (lib/constructs/secret.ts). */
  private secretProblems(props: ProvisionTokenProps): string[] {
    const optIn = 'allowLiteralSecret';
    const optedIn = props.allowLiteralSecret === true;
    return [
      ...(this.isSecret ? secretProblems(this, { field: 'metadata.name', value: props.name, optedIn, optIn }) : []),
      ...(this.isSecret && this.importId !== undefined
        ? secretProblems(this, {
            field: 'import.id',
            value: this.importId,
            optedIn: this.importOptIn,
            optIn: 'pass { allowLiteralSecret: true } to importFrom()',
          })
        : []),
      ...secretProblems(this, {
        field: 'spec.bound_keypair.onboarding.registration_secret',
        value: props.boundKeypair?.onboarding?.registrationSecret,
        optedIn,
        optIn,
      }),
    ];
  }
}

/** Drops undefined fields; undefined when nothing is left (metadata is optional). */
function compact<T extends object>(o: T): T | undefined {
  const entries = Object.entries(o).filter(([, v]) => v !== undefined);
  return entries.length ? (Object.fromEntries(entries) as T) : undefined;
}

/** What makes a token Enterprise-only (`enforceEnterpriseJoinMethodCreation`), or undefined. */
function enterpriseOnly(props: ProvisionTokenProps, method: string): string | undefined {
  return joinMethodEntry(method)?.enterprise?.(props);
}
