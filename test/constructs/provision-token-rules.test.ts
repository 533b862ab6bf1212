import { Construct } from 'constructs';
import {
  BoundKeypairRecoveryMode,
  GitRefType,
  GitlabDeploymentTier,
  GitlabProjectVisibility,
  JoinMethod,
  KubernetesJoinType,
  ProvisionToken,
  SpaceliftCallerType,
  SpaceliftScope,
  TerraformCloudRunPhase,
} from '../../lib/constructs/provision-token';
import { JOIN_METHODS } from '../../lib/constructs/provision-token/join-method-table';
import { provisionTokenRules } from '../../lib/constructs/provision-token/rules';
import { errorsOf } from '../support/constructs';

const node = { roles: ['Node'] };
/** A block that passes the runtime props check: empty allow rules and the required strings of its method. */
const minimalBlock = (fields: readonly string[]) =>
  Object.fromEntries(
    fields
      .filter((f) => ['allow', 'organizationId', 'audience', 'identityProviderUrl', 'hostname'].includes(f))
      .map((f) => [f, f === 'allow' ? [] : 'x']),
  );
const pem = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----';

// [what, build, field, message fragment, fix fragment]
const INVALID: [string, (s: Construct) => void, string, string, string][] = [
  // roles and bots
  [
    'no roles',
    (s) => ProvisionToken.token(s, 'tok', {}),
    'spec.roles',
    'is empty: Teleport rejects a token without roles',
    'roles: [SystemRole.NODE]',
  ],
  [
    'unknown role',
    (s) => ProvisionToken.token(s, 'tok', { roles: ['Node', 'access'] }),
    'spec.roles',
    '"access" is not a Teleport system role.',
    'Cluster roles such as "access" belong in role_map',
  ],
  [
    'duplicate role, case-insensitive',
    (s) => ProvisionToken.token(s, 'tok', { roles: ['Node', 'node'] }),
    'spec.roles',
    'lists "Node" twice',
    'list each role once.',
  ],
  [
    'Bot without botName',
    (s) => ProvisionToken.token(s, 'tok', { roles: ['bot'] }),
    'spec.bot_name',
    'is missing: a token with the "Bot" role must name the bot',
    'set botName',
  ],
  [
    'botName without Bot',
    (s) => ProvisionToken.iam(s, 'tok', { roles: ['Node'], botName: 'ci', allow: [{ awsAccount: '1' }] }),
    'spec.roles',
    'does not include "Bot", but botName is set',
    'add SystemRole.BOT to roles',
  ],
  [
    'Trusted_cluster with a delegated method',
    (s) => ProvisionToken.iam(s, 'tok', { roles: ['Trusted_cluster'], allow: [{ awsAccount: '1' }] }),
    'spec.join_method',
    'is "iam", but a leaf cluster can only join with the token\'s secret',
    'ProvisionToken.forTrustedCluster()',
  ],
  // secrets
  [
    'literal secret name without opt-in',
    (s) => ProvisionToken.token(s, 'tok', { ...node, name: 'my-literal-token-value' }),
    'metadata.name',
    'is a literal secret',
    'set allowLiteralSecret: true',
  ],
  [
    'literal import ID of a secret token',
    (s) => ProvisionToken.forTrustedCluster(s, 'tok').importFrom('some-literal-secret'),
    'import.id',
    'is a literal secret',
    'to importFrom()',
  ],
  [
    'empty name',
    (s) => ProvisionToken.gcp(s, 'tok', { ...node, name: ' ', allow: [{ projectIds: ['p'] }] }),
    'metadata.name',
    'is empty.',
    'omit name',
  ],
  [
    'bad label key',
    (s) => ProvisionToken.forTrustedCluster(s, 'tok', { labels: { 'bad key!': 'x' } }),
    'metadata.labels',
    'key "bad key!" is not a valid label key.',
    'letters, digits',
  ],
  // expiry
  [
    'ttl malformed',
    (s) => ProvisionToken.forTrustedCluster(s, 'tok', { ttl: '1d' }),
    'metadata.expires',
    'ttl "1d" is not a positive Go duration',
    '"1h30m"',
  ],
  [
    'ttl zero',
    (s) => ProvisionToken.forTrustedCluster(s, 'tok', { ttl: '0s' }),
    'metadata.expires',
    'ttl "0s" is not a positive Go duration',
    'no days',
  ],
  [
    'expires in the past',
    (s) => ProvisionToken.forTrustedCluster(s, 'tok', { expires: '2020-01-01T00:00:00Z' }),
    'metadata.expires',
    '"2020-01-01T00:00:00Z" is in the past',
    'use ttl',
  ],
  [
    'expires not RFC 3339',
    (s) => ProvisionToken.forTrustedCluster(s, 'tok', { expires: 'tomorrow' }),
    'metadata.expires',
    '"tomorrow" is not an RFC 3339 time.',
    '"2030-01-31T12:00:00Z"',
  ],
  [
    'ttl and noExpiry together',
    (s) => ProvisionToken.token(s, 'tok', { ...node, ttl: '1h', noExpiry: true }),
    'metadata.expires',
    'is given more than one way (ttl, noExpiry)',
    'set only one of ttl',
  ],
  [
    'aws_iid_ttl malformed',
    (s) => ProvisionToken.ec2(s, 'tok', { ...node, awsIidTtl: '5 minutes', allow: [{ awsAccount: '1' }] }),
    'spec.aws_iid_ttl',
    '"5 minutes" is not a positive Go duration.',
    '"5m"',
  ],
  // method blocks
  [
    'token method with allow rules',
    (s) => new ProvisionToken(s, 'tok', { ...node, joinMethod: JoinMethod.TOKEN, allow: [{ awsAccount: '1' }] }),
    'spec.allow',
    'is set, but join_method is "token"',
    'use ProvisionToken.ec2() or ProvisionToken.iam()',
  ],
  [
    'github block on a gitlab token',
    (s) =>
      new ProvisionToken(s, 'tok', { ...node, joinMethod: JoinMethod.GITLAB, gitlab: { allow: [{ sub: 'x' }] }, github: { allow: [{ sub: 'x' }] } }),
    'spec.github',
    'is set, but join_method is "gitlab"',
    'use ProvisionToken.github()',
  ],
  [
    'unknown join method (e.g. from YAML)',
    (s) => new ProvisionToken(s, 'tok', { ...node, joinMethod: 'magic' as JoinMethod }),
    'spec.join_method',
    '"magic" is not a join method Teleport knows.',
    'use one of token, ec2',
  ],
  // per join method
  [
    'ec2 without allow rules',
    (s) => ProvisionToken.ec2(s, 'tok', { ...node, allow: [] }),
    'spec.allow',
    'is empty: the ec2 join method needs at least one allow rule',
    'awsAccount',
  ],
  [
    'ec2 with aws_arn',
    (s) => ProvisionToken.ec2(s, 'tok', { ...node, allow: [{ awsAccount: '1', awsArn: 'arn:aws:iam::1:role/x' }] }),
    'spec.allow.aws_arn',
    'is set in rule #1, but the ec2 join method does not accept it',
    'use ProvisionToken.iam()',
  ],
  [
    'iam with aws_role',
    (s) => ProvisionToken.iam(s, 'tok', { ...node, allow: [{ awsAccount: '1' }, { awsAccount: '2', awsRole: 'arn:aws:iam::2:role/r' }] }),
    'spec.allow.aws_role',
    'is set in rule #2, but the iam join method does not accept it',
    'remove awsRole',
  ],
  [
    'iam with aws_regions',
    (s) => ProvisionToken.iam(s, 'tok', { ...node, allow: [{ awsAccount: '1', awsRegions: ['eu-west-1'] }] }),
    'spec.allow.aws_regions',
    'is set in rule #1',
    'remove awsRegions',
  ],
  [
    'iam rule without account or ARN',
    (s) => ProvisionToken.iam(s, 'tok', { ...node, allow: [{}] }),
    'spec.allow',
    'rule #1 sets none of "aws_account", "aws_arn"',
    'set awsAccount or awsArn in every rule.',
  ],
  [
    'github rule without repository/owner/sub',
    (s) => ProvisionToken.github(s, 'tok', { botName: 'b', allow: [{ workflow: 'deploy' }] }),
    'spec.github.allow',
    'rule #1 sets none of "repository", "repository_owner", "sub"',
    'set repository, repositoryOwner or sub in every rule.',
  ],
  [
    'github GHES host with scheme',
    (s) => ProvisionToken.github(s, 'tok', { botName: 'b', enterpriseServerHost: 'https://ghes.example.com', allow: [{ repository: 'o/r' }] }),
    'spec.github.enterprise_server_host',
    'has a scheme or a path',
    'write only the host',
  ],
  [
    'github GHES host and enterprise slug',
    (s) =>
      ProvisionToken.github(s, 'tok', {
        botName: 'b',
        enterpriseServerHost: 'ghes.example.com',
        enterpriseSlug: 'acme',
        allow: [{ repository: 'o/r' }],
      }),
    'spec.github.enterprise_slug',
    'is set together with enterprise_server_host',
    'remove enterpriseSlug',
  ],
  [
    'gitlab rule without sub/project/namespace/ci config',
    (s) => ProvisionToken.gitlab(s, 'tok', { botName: 'b', allow: [{ ref: 'main' }] }),
    'spec.gitlab.allow',
    'rule #1 sets none of "sub", "project_path", "namespace_path", "ci_config_ref_uri"',
    'set sub, projectPath, namespacePath or ciConfigRefUri',
  ],
  [
    'gitlab ref type that is no ref type (plain JavaScript)',
    (s) => ProvisionToken.gitlab(s, 'tok', { botName: 'b', allow: [{ sub: 's' }, { sub: 't', refType: 'branches' as GitRefType }] }),
    'spec.gitlab.allow.ref_type',
    'in rule #2 is "branches", not one of "branch", "tag".',
    'use GitRefType.BRANCH, GitRefType.TAG, or leave it unset',
  ],
  [
    'gitlab project visibility unknown',
    (s) => ProvisionToken.gitlab(s, 'tok', { botName: 'b', allow: [{ sub: 's', projectVisibility: 'secret' as GitlabProjectVisibility }] }),
    'spec.gitlab.allow.project_visibility',
    'in rule #1 is "secret", not one of "internal", "private", "public".',
    'GitlabProjectVisibility.INTERNAL',
  ],
  [
    'github ref type unknown',
    (s) => ProvisionToken.github(s, 'tok', { botName: 'b', allow: [{ repository: 'o/r', refType: 'pr' as GitRefType }] }),
    'spec.github.allow.ref_type',
    'in rule #1 is "pr", not one of "branch", "tag".',
    'GitRefType.TAG',
  ],
  [
    'terraform cloud run phase unknown',
    (s) =>
      ProvisionToken.terraformCloud(s, 'tok', {
        botName: 'b',
        allow: [{ organizationName: 'o', workspaceName: 'w', runPhase: 'destroy' as TerraformCloudRunPhase }],
      }),
    'spec.terraform_cloud.allow.run_phase',
    'in rule #1 is "destroy", not one of "plan", "apply".',
    'use TerraformCloudRunPhase.PLAN, TerraformCloudRunPhase.APPLY',
  ],
  [
    'gitlab domain with path',
    (s) => ProvisionToken.gitlab(s, 'tok', { botName: 'b', domain: 'gitlab.example.com/x', allow: [{ sub: 's' }] }),
    'spec.gitlab.domain',
    'has a scheme or a path',
    'gitlab.example.com',
  ],
  [
    'circleci without organization',
    (s) => ProvisionToken.circleci(s, 'tok', { botName: 'b', organizationId: '', allow: [{ projectId: 'p' }] }),
    'spec.circleci.organization_id',
    'is missing',
    'set organizationId',
  ],
  [
    'circleci rule without project or context',
    (s) => ProvisionToken.circleci(s, 'tok', { botName: 'b', organizationId: 'o', allow: [{}] }),
    'spec.circleci.allow',
    'rule #1 sets none of "project_id", "context_id"',
    'set projectId or contextId',
  ],
  [
    'kubernetes service account not namespace:name',
    (s) => ProvisionToken.kubernetes(s, 'tok', { roles: ['Kube'], allow: [{ serviceAccount: 'just-a-name' }] }),
    'spec.kubernetes.allow.service_account',
    'in rule #1 is not "namespace:name".',
    '"<namespace>:<name>"',
  ],
  [
    'kubernetes static_jwks without jwks',
    (s) => ProvisionToken.kubernetes(s, 'tok', { roles: ['Kube'], type: KubernetesJoinType.STATIC_JWKS, allow: [{ serviceAccount: 'a:b' }] }),
    'spec.kubernetes.static_jwks.jwks',
    'is required for type "static_jwks".',
    'set staticJwks',
  ],
  [
    'kubernetes in_cluster with jwks',
    (s) => ProvisionToken.kubernetes(s, 'tok', { roles: ['Kube'], staticJwks: { jwks: '{}' }, allow: [{ serviceAccount: 'a:b' }] }),
    'spec.kubernetes.static_jwks',
    'is set, but type is "in_cluster"',
    'KubernetesJoinType.STATIC_JWKS',
  ],
  [
    'kubernetes oidc over http',
    (s) =>
      ProvisionToken.kubernetes(s, 'tok', {
        roles: ['Kube'],
        type: KubernetesJoinType.OIDC,
        oidc: { issuer: 'http://issuer' },
        allow: [{ serviceAccount: 'a:b' }],
      }),
    'spec.kubernetes.oidc.issuer',
    'is not an https:// URL.',
    'insecureAllowHttpIssuer',
  ],
  [
    'azure rule without subscription',
    (s) => ProvisionToken.azure(s, 'tok', { ...node, allow: [{ subscription: '' }] }),
    'spec.azure.allow',
    'rule #1 sets none of "subscription"',
    'set subscription in every rule.',
  ],
  [
    'azure devops without organization',
    (s) => ProvisionToken.azureDevops(s, 'tok', { botName: 'b', organizationId: '', allow: [{ sub: 'p://o/p/x' }] }),
    'spec.azure_devops.organization_id',
    'is missing',
    'set organizationId',
  ],
  [
    'gcp rule without project ids',
    (s) => ProvisionToken.gcp(s, 'tok', { ...node, allow: [{ projectIds: [] }] }),
    'spec.gcp.allow',
    'rule #1 sets none of "project_ids"',
    'set projectIds',
  ],
  [
    'spacelift hostname with scheme',
    (s) => ProvisionToken.spacelift(s, 'tok', { botName: 'b', hostname: 'https://x.app.spacelift.io', allow: [{ spaceId: 'root' }] }),
    'spec.spacelift.hostname',
    'has a scheme or a path',
    'example.app.spacelift.io',
  ],
  [
    'spacelift bad caller type',
    (s) =>
      ProvisionToken.spacelift(s, 'tok', {
        botName: 'b',
        hostname: 'x.app.spacelift.io',
        allow: [{ spaceId: 'root', callerType: 'repo' as SpaceliftCallerType }],
      }),
    'spec.spacelift.allow.caller_type',
    'is neither "stack" nor "module".',
    'SpaceliftCallerType.STACK',
  ],
  [
    'tpm rule without EK',
    (s) => ProvisionToken.tpm(s, 'tok', { ...node, allow: [{ description: 'x' }], ekcertAllowedCas: [pem] }),
    'spec.tpm.allow',
    'rule #1 sets none of "ek_public_hash", "ek_certificate_serial"',
    'set ekPublicHash or ekCertificateSerial',
  ],
  [
    'tpm CA not PEM',
    (s) => ProvisionToken.tpm(s, 'tok', { ...node, allow: [{ ekPublicHash: 'ab' }], ekcertAllowedCas: [pem, 'MIIB...'] }),
    'spec.tpm.ekcert_allowed_cas',
    'entry #2 is not a PEM CERTIFICATE block.',
    '-----BEGIN CERTIFICATE-----',
  ],
  [
    'terraform cloud without project or workspace',
    (s) => ProvisionToken.terraformCloud(s, 'tok', { botName: 'b', allow: [{ organizationName: 'o' }] }),
    'spec.terraform_cloud.allow',
    'rule #1 sets none of "project_id", "project_name", "workspace_id", "workspace_name"',
    'set projectId, projectName, workspaceId or workspaceName',
  ],
  [
    'terraform cloud without organization',
    (s) => ProvisionToken.terraformCloud(s, 'tok', { botName: 'b', allow: [{ workspaceName: 'w' }] }),
    'spec.terraform_cloud.allow',
    'rule #1 sets none of "organization_id", "organization_name"',
    'set organizationId or organizationName',
  ],
  [
    'bitbucket without audience',
    (s) => ProvisionToken.bitbucket(s, 'tok', { botName: 'b', audience: '', identityProviderUrl: 'https://idp', allow: [{ workspaceUuid: '{a}' }] }),
    'spec.bitbucket.audience',
    'is missing',
    'Pipelines → OpenID Connect',
  ],
  [
    'bitbucket UUID without braces',
    (s) =>
      ProvisionToken.bitbucket(s, 'tok', { botName: 'b', audience: 'a', identityProviderUrl: 'https://idp', allow: [{ repositoryUuid: 'abc-123' }] }),
    'spec.bitbucket.allow',
    'rule #1 has a UUID without braces',
    '"{c8f0f3e8-...}"',
  ],
  [
    'oracle rule without tenancy',
    (s) => ProvisionToken.oracle(s, 'tok', { ...node, allow: [{ tenancy: '', regions: ['phx'] }] }),
    'spec.oracle.allow',
    'rule #1 sets none of "tenancy"',
    'set tenancy',
  ],
  [
    'env0 rule without organization',
    (s) => ProvisionToken.env0(s, 'tok', { botName: 'b', allow: [{ projectName: 'p' }] }),
    'spec.env0.allow',
    'sets none of "organization_id"',
    'set organizationId',
  ],
  [
    'bound keypair recovery limit 0',
    (s) => ProvisionToken.boundKeypair(s, 'tok', { botName: 'b', recovery: { limit: 0 } }),
    'spec.bound_keypair.recovery.limit',
    'is 0; it must be at least 1',
    'set limit to 1 or more',
  ],
  [
    'gitlab deployment tier unknown',
    (s) => ProvisionToken.gitlab(s, 'tok', { botName: 'b', allow: [{ sub: 's', deploymentTier: 'prod' as GitlabDeploymentTier }] }),
    'spec.gitlab.allow.deployment_tier',
    'in rule #1 is "prod", not one of "production", "staging", "testing", "development", "other".',
    'GitlabDeploymentTier.PRODUCTION',
  ],
  [
    'kubernetes without allow rules',
    (s) => ProvisionToken.kubernetes(s, 'tok', { roles: ['Kube'], allow: [] }),
    'spec.kubernetes.allow',
    'is empty: the kubernetes join method needs at least one allow rule',
    'serviceAccount: "my-namespace:my-service-account"',
  ],
  [
    'kubernetes join type unknown',
    (s) => ProvisionToken.kubernetes(s, 'tok', { roles: ['Kube'], type: 'remote' as KubernetesJoinType, allow: [{ serviceAccount: 'a:b' }] }),
    'spec.kubernetes.type',
    '"remote" is not a Kubernetes join type.',
    'in_cluster, static_jwks, oidc (KubernetesJoinType)',
  ],
  [
    'kubernetes oidc block on in_cluster',
    (s) => ProvisionToken.kubernetes(s, 'tok', { roles: ['Kube'], oidc: { issuer: 'https://issuer' }, allow: [{ serviceAccount: 'a:b' }] }),
    'spec.kubernetes.oidc',
    'is set, but type is "in_cluster".',
    'set type: KubernetesJoinType.OIDC, or remove oidc.',
  ],
  [
    'azure devops rule without conditions',
    (s) => ProvisionToken.azureDevops(s, 'tok', { botName: 'b', organizationId: 'o', allow: [{}] }),
    'spec.azure_devops.allow',
    'rule #1 sets none of "sub", "project_name"',
    'set sub, projectName',
  ],
  [
    'spacelift without allow rules',
    (s) => ProvisionToken.spacelift(s, 'tok', { botName: 'b', hostname: 'x.app.spacelift.io', allow: [] }),
    'spec.spacelift.allow',
    'is empty: the spacelift join method needs at least one allow rule',
    'spaceId: "root"',
  ],
  [
    'spacelift bad scope',
    (s) =>
      ProvisionToken.spacelift(s, 'tok', {
        botName: 'b',
        hostname: 'x.app.spacelift.io',
        allow: [{ spaceId: 'root', scope: 'admin' as SpaceliftScope }],
      }),
    'spec.spacelift.allow.scope',
    'is neither "read" nor "write".',
    'SpaceliftScope.READ',
  ],
  [
    'terraform cloud hostname with scheme',
    (s) =>
      ProvisionToken.terraformCloud(s, 'tok', {
        botName: 'b',
        hostname: 'https://tfe.example.com',
        allow: [{ organizationName: 'o', workspaceName: 'w' }],
      }),
    'spec.terraform_cloud.hostname',
    '"https://tfe.example.com" has a scheme or a path',
    '"tfe.example.com"',
  ],
  [
    'bitbucket without identity provider URL',
    (s) => ProvisionToken.bitbucket(s, 'tok', { botName: 'b', audience: 'a', identityProviderUrl: '', allow: [{ workspaceUuid: '{a}' }] }),
    'spec.bitbucket.identity_provider_url',
    'is missing: Teleport requires the issuer URL',
    'Pipelines → OpenID Connect',
  ],
  [
    'oracle rule with over 100 instances',
    (s) => ProvisionToken.oracle(s, 'tok', { ...node, allow: [{ tenancy: 't', instances: Array.from({ length: 101 }, (_, i) => `i${i}`) }] }),
    'spec.oracle.allow.instances',
    'has more than 100 instance OCIDs in one rule',
    'split the instances over several rules.',
  ],
  [
    'bound keypair recovery mode unknown',
    (s) => ProvisionToken.boundKeypair(s, 'tok', { botName: 'b', recovery: { mode: 'lax' as BoundKeypairRecoveryMode } }),
    'spec.bound_keypair.recovery.mode',
    '"lax" is not a recovery mode.',
    'standard, relaxed, insecure (BoundKeypairRecoveryMode)',
  ],
  [
    'bound keypair must_register_before not RFC 3339',
    (s) => ProvisionToken.boundKeypair(s, 'tok', { botName: 'b', onboarding: { mustRegisterBefore: 'soon' } }),
    'spec.bound_keypair.onboarding.must_register_before',
    '"soon" is not an RFC 3339 time.',
    '"2030-01-31T12:00:00Z"',
  ],
  [
    'bound keypair rotate_after not RFC 3339',
    (s) => ProvisionToken.boundKeypair(s, 'tok', { botName: 'b', rotateAfter: '2030-01-31' }),
    'spec.bound_keypair.rotate_after',
    '"2030-01-31" is not an RFC 3339 time.',
    '"2030-01-31T12:00:00Z"',
  ],
  // A join method's block on a token of another method, for every block of the join method table.
  ...JOIN_METHODS.filter((e) => e.block).map(
    ({ method, factory, props: [{ key, tf }], block }): [string, (s: Construct) => void, string, string, string] => [
      `${method} block on a token join`,
      (s) => new ProvisionToken(s, 'tok', { ...node, [key]: minimalBlock(block!.fields) }),
      tf,
      `is set, but join_method is "token": ${tf} belongs to the "${method}" join method.`,
      `use ${factory} (or joinMethod: JoinMethod.${method.toUpperCase()})`,
    ],
  ),
];

describe('invalid provision tokens are rejected at synth with the construct path, the field and the fix', () => {
  test.each(INVALID)('%s', (_what, build, field, message, fix) => {
    const errors = errorsOf(build);
    const line = errors.split('\n').find((l) => l.includes(`[stack/tok] field "${field}": `) && l.includes(message));
    expect(line).toBeDefined();
    expect(line).toContain(' Fix: ');
    expect(line!.slice(line!.indexOf(' Fix: '))).toContain(fix);
  });

  test.each(INVALID)('%s: one message, about its own field (rules do not cascade)', (_what, build, field) => {
    const lines = errorsOf(build)
      .split('\n')
      .filter((l) => /^ *\[stack\//.test(l) && l.includes(' field "'));
    expect(lines.map((l) => /field "([^"]+)"/.exec(l)![1])).toEqual([field]);
  });

  test('every field a rule can report, for every join method, has a case above', () => {
    const covered = new Set(INVALID.map(([, , field]) => field));
    const fields = new Set(Object.values(JoinMethod).flatMap((m) => provisionTokenRules(m).map((r) => r.field)));
    expect([...fields].filter((f) => !covered.has(f))).toEqual([]);
  });

  test('one mistake yields one message (rules do not cascade)', () => {
    const errors = errorsOf((s) => ProvisionToken.iam(s, 'tok', { roles: ['Node'], allow: [{ awsAccount: '1', awsRole: 'arn:aws:iam::1:role/r' }] }));
    expect(errors.split('\n').filter((l) => l.includes('[stack/tok]'))).toHaveLength(1);
  });

  test('messages never repeat a literal secret', () => {
    const secret = 'zz-super-secret-token-name-zz';
    const errors = errorsOf((s) => ProvisionToken.token(s, 'tok', { roles: ['Nope'], name: secret, ttl: 'soon' }));
    expect(errors).toContain('[stack/tok] field "metadata.name": is a literal secret');
    expect(errors).toContain('"Nope" is not a Teleport system role.');
    expect(errors).toContain('ttl "soon" is not a positive Go duration');
    expect(errors).not.toContain(secret);
  });
});
