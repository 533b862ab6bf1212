// Join methods of a provision token: the method enum, the allow-rule structs and the method-specific
// `spec.<method>` blocks, named after the provider attributes (camelCase). One struct per provider
// block; the per-factory props structs live in props.ts, and what each method's factory, spec block
// and rules need in join-method-table.ts.

/** `spec.join_method`: how an agent or bot proves its identity when it joins. */
export enum JoinMethod {
  /** A shared secret: the token's name. Used by agents (`tctl tokens add`) and trusted clusters. */
  TOKEN = 'token',
  /** AWS EC2 instance identity document. */
  EC2 = 'ec2',
  /** AWS IAM identity (`sts:GetCallerIdentity`). */
  IAM = 'iam',
  /** GitHub Actions OIDC. */
  GITHUB = 'github',
  /** GitLab CI OIDC. */
  GITLAB = 'gitlab',
  /** CircleCI OIDC. */
  CIRCLECI = 'circleci',
  /** Kubernetes service account token. */
  KUBERNETES = 'kubernetes',
  /** Azure managed identity. */
  AZURE = 'azure',
  /** Azure DevOps pipelines OIDC. */
  AZURE_DEVOPS = 'azure_devops',
  /** GCP service account identity. */
  GCP = 'gcp',
  /** Spacelift OIDC (Teleport Enterprise). */
  SPACELIFT = 'spacelift',
  /** TPM attestation (Teleport Enterprise). */
  TPM = 'tpm',
  /** HCP Terraform / Terraform Enterprise workload identity. */
  TERRAFORM_CLOUD = 'terraform_cloud',
  /** Bitbucket Pipelines OIDC. */
  BITBUCKET = 'bitbucket',
  /** Oracle Cloud instance identity. */
  ORACLE = 'oracle',
  /** env0 OIDC. */
  ENV0 = 'env0',
  /** A keypair bound to a bot on first join (`tbot`). */
  BOUND_KEYPAIR = 'bound_keypair',
}

/** Join methods whose token name is the secret that joins (it must never be written in plaintext). */
export const SECRET_JOIN_METHODS: readonly string[] = [JoinMethod.TOKEN];

// ---------------------------------------------------------------------------------------------
// spec.allow (ec2, iam)

/**
 * A rule of `spec.allow` (EC2 and IAM join methods share the provider's struct).
 * EC2: each rule needs `awsAccount` or `awsRole`, and `awsArn` is not allowed.
 * IAM: each rule needs `awsAccount` or `awsArn`; `awsRole` and `awsRegions` are not allowed.
 */
export interface AwsAllowRule {
  /**
   * `aws_account`: the AWS account ID.
   * @default any account (then another field must restrict the rule)
   */
  readonly awsAccount?: string;
  /**
   * `aws_arn` (IAM only): the caller ARN joining nodes must match; `*` and `?` wildcards.
   * @default any ARN
   */
  readonly awsArn?: string;
  /**
   * `aws_role` (EC2 only): the role ARN the Auth Service assumes to call the EC2 API.
   * @default the Auth Service's own credentials
   */
  readonly awsRole?: string;
  /**
   * `aws_regions` (EC2 only): regions a node may join from.
   * @default any region
   */
  readonly awsRegions?: string[];
}

// ---------------------------------------------------------------------------------------------
// spec.github

/** `ref_type` of a GitHub or GitLab allow rule: the kind of git ref that triggered the run. */
export enum GitRefType {
  /** A branch. */
  BRANCH = 'branch',
  /** A tag. */
  TAG = 'tag',
}

/** A rule of `spec.github.allow`: needs at least one of `repository`, `repositoryOwner`, `sub`. */
export interface GithubAllowRule {
  /** `repository`: `owner/name` of the repository the workflow runs in. @default any */
  readonly repository?: string;
  /** `repository_owner`: the organization or user owning the repository. @default any */
  readonly repositoryOwner?: string;
  /** `sub`: the OIDC subject claim. @default any */
  readonly sub?: string;
  /** `workflow`: the workflow name. @default any */
  readonly workflow?: string;
  /** `environment`: the deployment environment of the job. @default any */
  readonly environment?: string;
  /** `actor`: the account that started the run. @default any */
  readonly actor?: string;
  /** `ref`: the git ref that triggered the run. @default any */
  readonly ref?: string;
  /** `ref_type`: the kind of ref. @default any */
  readonly refType?: GitRefType;
}

/** `spec.github`. */
export interface GithubJoinSpec {
  /** `allow`: at least one rule. */
  readonly allow: GithubAllowRule[];
  /**
   * `enterprise_server_host`: a GitHub Enterprise Server host (no scheme, no path). Teleport
   * Enterprise only; excludes `enterpriseSlug`.
   * @default github.com
   */
  readonly enterpriseServerHost?: string;
  /**
   * `enterprise_slug`: the enterprise slug when GitHub's `include_enterprise_slug` is enabled.
   * @default none
   */
  readonly enterpriseSlug?: string;
  /**
   * `static_jwks`: the GHES signing keys, when the Auth Service cannot reach the GHES instance.
   * @default keys fetched from the issuer
   */
  readonly staticJwks?: string;
}

// ---------------------------------------------------------------------------------------------
// spec.gitlab

/** `spec.gitlab.allow[].project_visibility`. */
export enum GitlabProjectVisibility {
  /** Internal projects. */
  INTERNAL = 'internal',
  /** Private projects. */
  PRIVATE = 'private',
  /** Public projects. */
  PUBLIC = 'public',
}

/** `spec.gitlab.allow[].deployment_tier`: GitLab's deployment tier of the environment. */
export enum GitlabDeploymentTier {
  /** Production. */
  PRODUCTION = 'production',
  /** Staging. */
  STAGING = 'staging',
  /** Testing. */
  TESTING = 'testing',
  /** Development. */
  DEVELOPMENT = 'development',
  /** Other. */
  OTHER = 'other',
}

/** A rule of `spec.gitlab.allow`: needs one of `sub`, `projectPath`, `namespacePath`, `ciConfigRefUri`. */
export interface GitlabAllowRule {
  /** `sub`: the subject claim (glob). @default any */
  readonly sub?: string;
  /** `project_path`: e.g. `mygroup/myproject` (glob). @default any */
  readonly projectPath?: string;
  /** `namespace_path`: e.g. `mygroup` (glob). @default any */
  readonly namespacePath?: string;
  /** `ci_config_ref_uri`: the ref path of the top-level pipeline definition. @default any */
  readonly ciConfigRefUri?: string;
  /** `ci_config_sha`: the commit SHA of `ciConfigRefUri`. @default any */
  readonly ciConfigSha?: string;
  /** `pipeline_source`: e.g. `web`. @default any */
  readonly pipelineSource?: string;
  /** `environment`: the environment the job deploys to. @default any */
  readonly environment?: string;
  /** `environment_protected`. @default any */
  readonly environmentProtected?: boolean;
  /** `deployment_tier`. @default any */
  readonly deploymentTier?: GitlabDeploymentTier;
  /** `ref` (glob; combine with `refType`). @default any */
  readonly ref?: string;
  /** `ref_type`: `branch` or `tag`. @default any */
  readonly refType?: GitRefType;
  /** `ref_protected`. @default any */
  readonly refProtected?: boolean;
  /** `project_visibility`: `internal`, `private` or `public`. @default any */
  readonly projectVisibility?: GitlabProjectVisibility;
  /** `user_email`. @default any */
  readonly userEmail?: string;
  /** `user_id`. @default any */
  readonly userId?: string;
  /** `user_login`. @default any */
  readonly userLogin?: string;
}

/** `spec.gitlab`. */
export interface GitlabJoinSpec {
  /** `allow`: at least one rule. */
  readonly allow: GitlabAllowRule[];
  /**
   * `domain`: a self-hosted GitLab's domain (no scheme, no path).
   * @default "gitlab.com"
   */
  readonly domain?: string;
  /**
   * `static_jwks`: the signing keys, when the Auth Service cannot reach the GitLab instance.
   * @default keys fetched from the issuer
   */
  readonly staticJwks?: string;
}

// ---------------------------------------------------------------------------------------------
// spec.circleci

/** A rule of `spec.circleci.allow`: needs `projectId` or `contextId`. */
export interface CircleciAllowRule {
  /** `project_id`. @default any */
  readonly projectId?: string;
  /** `context_id`. @default any */
  readonly contextId?: string;
}

/** `spec.circleci`. */
export interface CircleciJoinSpec {
  /** `organization_id`: the CircleCI organization ID (required). */
  readonly organizationId: string;
  /** `allow`: at least one rule. */
  readonly allow: CircleciAllowRule[];
}

// ---------------------------------------------------------------------------------------------
// spec.kubernetes

/** `spec.kubernetes.type`: how the service account token is validated. */
export enum KubernetesJoinType {
  /** The Auth Service runs in the same Kubernetes cluster and asks its API (the default). */
  IN_CLUSTER = 'in_cluster',
  /** Tokens are checked against a JSON Web Key Set given in `staticJwks.jwks`. */
  STATIC_JWKS = 'static_jwks',
  /** Tokens are checked against an OIDC issuer given in `oidc.issuer`. */
  OIDC = 'oidc',
}

/** A rule of `spec.kubernetes.allow`. */
export interface KubernetesAllowRule {
  /** `service_account`: `namespace:name` of the service account. */
  readonly serviceAccount: string;
}

/** `spec.kubernetes.static_jwks`. */
export interface KubernetesStaticJwks {
  /** `jwks`: the cluster's service-account signing keys (from `/openid/v1/jwks`). */
  readonly jwks: string;
}

/** `spec.kubernetes.oidc`. */
export interface KubernetesOidc {
  /** `issuer`: the OIDC issuer URL, exactly as in the service account JWTs (https). */
  readonly issuer: string;
  /**
   * `insecure_allow_http_issuer`: allow an `http://` issuer.
   * @default false
   */
  readonly insecureAllowHttpIssuer?: boolean;
}

/** `spec.kubernetes`. */
export interface KubernetesJoinSpec {
  /** `allow`: at least one rule. */
  readonly allow: KubernetesAllowRule[];
  /**
   * `type`.
   * @default KubernetesJoinType.IN_CLUSTER
   */
  readonly type?: KubernetesJoinType;
  /**
   * `static_jwks`: required for `STATIC_JWKS`, forbidden otherwise.
   * @default none
   */
  readonly staticJwks?: KubernetesStaticJwks;
  /**
   * `oidc`: required for `OIDC`, forbidden otherwise.
   * @default none
   */
  readonly oidc?: KubernetesOidc;
}

// ---------------------------------------------------------------------------------------------
// spec.azure

/** A rule of `spec.azure.allow`. */
export interface AzureAllowRule {
  /** `subscription`: the Azure subscription ID (required). */
  readonly subscription: string;
  /** `resource_groups`: resource groups a node may join from. @default any */
  readonly resourceGroups?: string[];
}

/** `spec.azure`. */
export interface AzureJoinSpec {
  /** `allow`: at least one rule. */
  readonly allow: AzureAllowRule[];
}

// ---------------------------------------------------------------------------------------------
// spec.azure_devops

/** A rule of `spec.azure_devops.allow`: sets at least one condition. */
export interface AzureDevopsAllowRule {
  /** `sub`, e.g. `p://my-organization/my-project/my-pipeline`. @default any */
  readonly sub?: string;
  /** `project_name`. @default any */
  readonly projectName?: string;
  /** `pipeline_name`. @default any */
  readonly pipelineName?: string;
  /** `project_id`. @default any */
  readonly projectId?: string;
  /** `definition_id`. @default any */
  readonly definitionId?: string;
  /** `repository_uri`. @default any */
  readonly repositoryUri?: string;
  /** `repository_version`: a commit. @default any */
  readonly repositoryVersion?: string;
  /** `repository_ref`, e.g. `refs/heads/main`. @default any */
  readonly repositoryRef?: string;
}

/** `spec.azure_devops`. */
export interface AzureDevopsJoinSpec {
  /** `organization_id`: the UUID of the Azure DevOps organization (required). */
  readonly organizationId: string;
  /** `allow`: at least one rule. */
  readonly allow: AzureDevopsAllowRule[];
}

// ---------------------------------------------------------------------------------------------
// spec.gcp

/** A rule of `spec.gcp.allow`: needs at least one project ID. */
export interface GcpAllowRule {
  /** `project_ids`: at least one. */
  readonly projectIds: string[];
  /** `locations`: regions or zones. @default any */
  readonly locations?: string[];
  /** `service_accounts`: service account emails. @default any */
  readonly serviceAccounts?: string[];
}

/** `spec.gcp`. */
export interface GcpJoinSpec {
  /** `allow`: at least one rule. */
  readonly allow: GcpAllowRule[];
}

// ---------------------------------------------------------------------------------------------
// spec.spacelift

/** `spec.spacelift.allow[].caller_type`. */
export enum SpaceliftCallerType {
  /** A stack. */
  STACK = 'stack',
  /** A module. */
  MODULE = 'module',
}

/** `spec.spacelift.allow[].scope`. */
export enum SpaceliftScope {
  /** Read scope. */
  READ = 'read',
  /** Write scope. */
  WRITE = 'write',
}

/** A rule of `spec.spacelift.allow`: needs `spaceId` or `callerId`. */
export interface SpaceliftAllowRule {
  /** `space_id`. @default any */
  readonly spaceId?: string;
  /** `caller_id`: the stack or module ID. @default any */
  readonly callerId?: string;
  /** `caller_type`. @default any */
  readonly callerType?: SpaceliftCallerType;
  /** `scope`. @default any */
  readonly scope?: SpaceliftScope;
}

/** `spec.spacelift` (Teleport Enterprise). */
export interface SpaceliftJoinSpec {
  /** `hostname`: the Spacelift tenant, e.g. `example.app.spacelift.io` (no scheme, no path). */
  readonly hostname: string;
  /** `allow`: at least one rule. */
  readonly allow: SpaceliftAllowRule[];
  /**
   * `enable_glob_matching`: glob matching for `space_id` and `caller_id`.
   * @default false
   */
  readonly enableGlobMatching?: boolean;
}

// ---------------------------------------------------------------------------------------------
// spec.tpm

/** A rule of `spec.tpm.allow`: needs `ekPublicHash` or `ekCertificateSerial`. */
export interface TpmAllowRule {
  /** `ek_public_hash`: SHA256 of the EKPub (PKIX, hex). @default any */
  readonly ekPublicHash?: string;
  /** `ek_certificate_serial`: e.g. `73:df:dc:...`. @default any */
  readonly ekCertificateSerial?: string;
  /** `description`: a note, e.g. the host's asset tag. @default none */
  readonly description?: string;
}

/** `spec.tpm` (Teleport Enterprise). */
export interface TpmJoinSpec {
  /** `allow`: at least one rule. */
  readonly allow: TpmAllowRule[];
  /**
   * `ekcert_allowed_cas`: PEM `CERTIFICATE` blocks; when set, TPMs must present an EKCert signed by one.
   * @default EKCert or EKPub hash accepted
   */
  readonly ekcertAllowedCas?: string[];
}

// ---------------------------------------------------------------------------------------------
// spec.terraform_cloud

/** `spec.terraform_cloud.allow[].run_phase`. */
export enum TerraformCloudRunPhase {
  /** The plan phase. */
  PLAN = 'plan',
  /** The apply phase. */
  APPLY = 'apply',
}

/** A rule of `spec.terraform_cloud.allow`: needs an organization and a project or workspace (ID or name). */
export interface TerraformCloudAllowRule {
  /** `organization_id`. @default none (then `organizationName`) */
  readonly organizationId?: string;
  /** `organization_name`. @default none (then `organizationId`) */
  readonly organizationName?: string;
  /** `project_id`. @default any */
  readonly projectId?: string;
  /** `project_name`. @default any */
  readonly projectName?: string;
  /** `workspace_id`. @default any */
  readonly workspaceId?: string;
  /** `workspace_name`. @default any */
  readonly workspaceName?: string;
  /** `run_phase`: `plan` or `apply`. @default any */
  readonly runPhase?: TerraformCloudRunPhase;
}

/** `spec.terraform_cloud`. */
export interface TerraformCloudJoinSpec {
  /** `allow`: at least one rule. */
  readonly allow: TerraformCloudAllowRule[];
  /**
   * `audience`: the `TFC_WORKLOAD_IDENTITY_AUDIENCE` value.
   * @default the Teleport cluster name
   */
  readonly audience?: string;
  /**
   * `hostname`: a Terraform Enterprise host (no scheme, no path).
   * @default "app.terraform.io"
   */
  readonly hostname?: string;
}

// ---------------------------------------------------------------------------------------------
// spec.bitbucket

/** A rule of `spec.bitbucket.allow`: needs `workspaceUuid` or `repositoryUuid` (UUIDs in braces). */
export interface BitbucketAllowRule {
  /** `workspace_uuid`, e.g. `{...}`. @default any */
  readonly workspaceUuid?: string;
  /** `repository_uuid`, e.g. `{...}`. @default any */
  readonly repositoryUuid?: string;
  /** `deployment_environment_uuid`. @default any */
  readonly deploymentEnvironmentUuid?: string;
  /** `branch_name`. @default any */
  readonly branchName?: string;
}

/** `spec.bitbucket`. */
export interface BitbucketJoinSpec {
  /** `audience`: from Pipelines → OpenID Connect in the repository settings (required). */
  readonly audience: string;
  /** `identity_provider_url`: from Pipelines → OpenID Connect in the repository settings (required). */
  readonly identityProviderUrl: string;
  /** `allow`: at least one rule. */
  readonly allow: BitbucketAllowRule[];
}

// ---------------------------------------------------------------------------------------------
// spec.oracle

/** A rule of `spec.oracle.allow`. */
export interface OracleAllowRule {
  /** `tenancy`: the tenancy OCID (required). */
  readonly tenancy: string;
  /** `parent_compartments`: compartment OCIDs (direct parents). @default any */
  readonly parentCompartments?: string[];
  /** `regions`: region names or abbreviations. @default any */
  readonly regions?: string[];
  /** `instances`: instance OCIDs, at most 100. @default any */
  readonly instances?: string[];
}

/** `spec.oracle`. */
export interface OracleJoinSpec {
  /** `allow`: at least one rule. */
  readonly allow: OracleAllowRule[];
}

// ---------------------------------------------------------------------------------------------
// spec.env0

/** A rule of `spec.env0.allow`: needs `organizationId` (env0 is multi-tenant; see docs). */
export interface Env0AllowRule {
  /**
   * `organization_id`: required in every rule in practice (env0 is multi-tenant: a rule without it
   * would match any env0 organization), so a rule without it is rejected at synth.
   * @default none (rejected at synth)
   */
  readonly organizationId?: string;
  /** `project_id`. @default any */
  readonly projectId?: string;
  /** `project_name`. @default any */
  readonly projectName?: string;
  /** `template_id`. @default any */
  readonly templateId?: string;
  /** `template_name`. @default any */
  readonly templateName?: string;
  /** `environment_id`. @default any */
  readonly environmentId?: string;
  /** `environment_name`. @default any */
  readonly environmentName?: string;
  /** `workspace_name`. @default any */
  readonly workspaceName?: string;
  /** `deployment_type`, e.g. `deploy`. @default any */
  readonly deploymentType?: string;
  /** `deployer_email`. @default any */
  readonly deployerEmail?: string;
  /** `env0_tag`. @default any */
  readonly env0Tag?: string;
}

/** `spec.env0`. */
export interface Env0JoinSpec {
  /** `allow`: at least one rule. */
  readonly allow: Env0AllowRule[];
}

// ---------------------------------------------------------------------------------------------
// spec.bound_keypair

/** `spec.bound_keypair.recovery.mode`. */
export enum BoundKeypairRecoveryMode {
  /** Recovery limit and client join state enforced (the default, most secure). */
  STANDARD = 'standard',
  /** Client join state required, recovery limit not enforced. */
  RELAXED = 'relaxed',
  /** Neither enforced: any holder of the private key may join. */
  INSECURE = 'insecure',
}

/** `spec.bound_keypair.onboarding`. */
export interface BoundKeypairOnboarding {
  /**
   * `initial_public_key`: a public key from `tbot keypair create` (SSH authorized_keys format).
   * @default none (a registration secret is used)
   */
  readonly initialPublicKey?: string;
  /**
   * `registration_secret`: a secret for the first join. It is a secret: pass a reference (sensitive
   * variable), or set the token's `allowLiteralSecret`.
   * @default generated by Teleport (read it from the token's status)
   */
  readonly registrationSecret?: string;
  /**
   * `must_register_before`: RFC 3339 time before which the first join must happen.
   * @default no deadline
   */
  readonly mustRegisterBefore?: string;
}

/** `spec.bound_keypair.recovery`. */
export interface BoundKeypairRecovery {
  /**
   * `limit`: maximum recovery attempts (at least 1: the first join counts).
   * @default Teleport's default
   */
  readonly limit?: number;
  /**
   * `mode`.
   * @default BoundKeypairRecoveryMode.STANDARD
   */
  readonly mode?: BoundKeypairRecoveryMode;
}

/** `spec.bound_keypair`. */
export interface BoundKeypairJoinSpec {
  /** `onboarding`. @default a registration secret generated by Teleport */
  readonly onboarding?: BoundKeypairOnboarding;
  /** `recovery`. @default standard mode */
  readonly recovery?: BoundKeypairRecovery;
  /**
   * `rotate_after`: RFC 3339 time after which the client must rotate its keypair.
   * @default no forced rotation
   */
  readonly rotateAfter?: string;
}
