import { Token } from 'cdktf';
import { Rule, isKnown, rule } from '../rules';
import { parseGoDuration, parseRfc3339 } from '../../common/duration';
import { LABEL_KEY_FIX, isLabelKey } from '../../common/label-key';
import { KNOWN_SYSTEM_ROLES, SystemRole, canonicalSystemRole } from '../../common/system-roles';
import { firstBad, given, known, quoted } from '../private/values';
import { isBadTtl } from './expiry';
import { JOIN_METHODS, MethodPropKey } from './join-method-table';
import {
  BoundKeypairRecoveryMode,
  GitRefType,
  GitlabDeploymentTier,
  GitlabProjectVisibility,
  JoinMethod,
  KubernetesJoinType,
  SpaceliftCallerType,
  SpaceliftScope,
  TerraformCloudRunPhase,
} from './join-methods';
import { ProvisionTokenProps } from './props';

/** What the rules look at: the props plus what the construct derived from them. */
export interface TokenFacts {
  readonly props: ProvisionTokenProps;
  /** The effective join method. */
  readonly method: string;
  /** The effective roles, as given (before canonicalization). */
  readonly roles: string[];
  /** The current time (injectable for tests). */
  readonly now: () => Date;
}

// ---------------------------------------------------------------------------------------------
// helpers

const hostOnly = (v: string | undefined) => known(v) && (v.includes('://') || v.includes('/') || /\s/.test(v));

/** Canonical, known literal roles (for duplicate and Bot checks). */
function canonical(f: TokenFacts): string[] {
  if (Token.isUnresolved(f.roles)) return [];
  return f.roles.filter(known).map((r) => canonicalSystemRole(r) ?? r);
}

type Get<R> = (p: ProvisionTokenProps) => readonly R[] | undefined;

/** `allow` must hold at least one rule. */
function allowRequired<R>(path: string, get: Get<R>, example: string): Rule<TokenFacts> {
  return rule({
    field: path,
    find: (f) => {
      const l = get(f.props);
      return !Token.isUnresolved(l) && (l === undefined || l.length === 0);
    },
    message: (_, f) => `is empty: the ${f.method} join method needs at least one allow rule, or any identity of that kind could join.`,
    fix: `add a rule, e.g. ${example}.`,
  });
}

/** Each allow rule needs one of `fields` (camelCase prop → provider name). */
function ruleNeedsOneOf<R>(path: string, get: Get<R>, fields: [keyof R & string, string][], why = ''): Rule<TokenFacts> {
  const names = fields.map(([, tf]) => tf);
  const list = names.length === 1 ? `"${names[0]}"` : `one of ${quoted(names)}`;
  const props = fields.map(([p]) => p);
  return rule({
    field: path,
    find: (f) => firstBad(get(f.props), (r) => !fields.some(([k]) => given(r[k]))),
    message: (bad, f) => `rule #${bad.n} sets none of ${quoted(names)}; Teleport requires ${list} in every ${f.method} allow rule.${why}`,
    fix: `set ${props.length === 1 ? props[0] : `${props.slice(0, -1).join(', ')} or ${props[props.length - 1]}`} in every rule.`,
  });
}

/** A field that must not be set in an allow rule of this method. */
function ruleForbids<R>(path: string, get: Get<R>, key: keyof R & string, tf: string, why: string, fix: string): Rule<TokenFacts> {
  return rule({
    field: `${path}.${tf}`,
    find: (f) => firstBad(get(f.props), (r) => given(r[key])),
    message: (bad, f) => `is set in rule #${bad.n}, but the ${f.method} join method does not accept it: ${why}`,
    fix,
  });
}

/** A field of an allow rule that takes one of an enum's values (plain JavaScript may pass any string). */
function ruleValueIn<R>(
  path: string,
  get: Get<R>,
  key: keyof R & string,
  tf: string,
  values: { [name: string]: string },
  enumName: string,
): Rule<TokenFacts> {
  const allowed: string[] = Object.values(values);
  return rule({
    field: `${path}.${tf}`,
    find: (f) => firstBad(get(f.props), (r) => known(r[key]) && !allowed.includes(r[key] as string)),
    message: (bad) => `in rule #${bad.n} is "${bad.item[key]}", not one of ${quoted(allowed)}.`,
    fix: `use ${Object.keys(values)
      .map((k) => `${enumName}.${k}`)
      .join(', ')}, or leave it unset to match any.`,
  });
}

// ---------------------------------------------------------------------------------------------
// Which spec block belongs to which join method (the join method table), in table order.

const BLOCKS: { key: MethodPropKey; tf: string; methods: JoinMethod[]; factory: string }[] = [];
for (const entry of JOIN_METHODS) {
  for (const { key, tf } of entry.props) {
    const block = BLOCKS.find((b) => b.key === key);
    if (block) {
      block.methods.push(entry.method);
      block.factory = `${block.factory} or ${entry.factory}`;
    } else {
      BLOCKS.push({ key, tf, methods: [entry.method], factory: entry.factory });
    }
  }
}

const blockRules: Rule<TokenFacts>[] = BLOCKS.map((b) =>
  rule({
    field: b.tf,
    find: (f: TokenFacts) => f.props[b.key] !== undefined && !(b.methods as string[]).includes(f.method),
    message: (_, f) =>
      `is set, but join_method is "${f.method}": ${b.tf} belongs to the ${b.methods.map((m) => `"${m}"`).join(' and ')} join method${b.methods.length > 1 ? 's' : ''}${f.method === JoinMethod.TOKEN && b.key === 'allow' ? ' (Teleport requires spec.allow to be empty for token join)' : ''}.`,
    fix: `use ${b.factory} (or joinMethod: ${b.methods.map((m) => `JoinMethod.${m.toUpperCase()}`).join(' / ')}), or remove ${b.tf}.`,
  }),
);

// ---------------------------------------------------------------------------------------------
// Rules every token follows.

const commonRules: Rule<TokenFacts>[] = [
  rule({
    field: 'spec.join_method',
    find: (f) => known(f.method) && !(Object.values(JoinMethod) as string[]).includes(f.method),
    message: (_, f) => `"${f.method}" is not a join method Teleport knows.`,
    fix: `use one of ${Object.values(JoinMethod).join(', ')} (or the matching ProvisionToken factory).`,
  }),
  rule({
    field: 'spec.roles',
    find: (f) => !Token.isUnresolved(f.roles) && f.roles.length === 0,
    message: 'is empty: Teleport rejects a token without roles ("provisioning token is missing roles").',
    fix: 'list the system roles the token grants, e.g. roles: [SystemRole.NODE], or set botName for a bot token (roles default to ["Bot"]).',
  }),
  rule({
    field: 'spec.roles',
    find: (f) => (Token.isUnresolved(f.roles) ? undefined : f.roles.find((r) => known(r) && !canonicalSystemRole(r))),
    message: (role) => `"${role}" is not a Teleport system role.`,
    fix: `use one of ${KNOWN_SYSTEM_ROLES.join(', ')} (case-insensitive; see SystemRole). Cluster roles such as "access" belong in role_map, not on a token.`,
  }),
  rule({
    field: 'spec.roles',
    find: (f) => canonical(f).find((r, i, all) => all.indexOf(r) !== i),
    message: (role) => `lists "${role}" twice (roles are case-insensitive); Teleport rejects duplicate roles.`,
    fix: 'list each role once.',
  }),
  rule({
    field: 'spec.bot_name',
    find: (f) => canonical(f).includes(SystemRole.BOT) && !given(f.props.botName),
    message: 'is missing: a token with the "Bot" role must name the bot it lets join.',
    fix: "set botName to the bot's name (the bot itself is created with tctl bots add or teleport_bot).",
  }),
  rule({
    field: 'spec.roles',
    find: (f) => given(f.props.botName) && !Token.isUnresolved(f.roles) && !canonical(f).includes(SystemRole.BOT),
    message: 'does not include "Bot", but botName is set; Teleport rejects bot_name without the Bot role.',
    fix: 'add SystemRole.BOT to roles (or leave roles unset: it defaults to ["Bot"] with botName), or remove botName.',
  }),
  rule({
    field: 'spec.join_method',
    find: (f) => canonical(f).includes(SystemRole.TRUSTED_CLUSTER) && f.method !== JoinMethod.TOKEN,
    message: (_, f) =>
      `is "${f.method}", but a leaf cluster can only join with the token's secret (join_method "token"); the Trusted_cluster role is useless here.`,
    fix: 'create the trusted cluster token with ProvisionToken.forTrustedCluster().',
  }),
  rule({
    field: 'metadata.name',
    find: (f) => typeof f.props.name === 'string' && isKnown(f.props.name) && f.props.name.trim() === '',
    message: 'is empty.',
    fix: 'omit name to let the provider generate one, or pass a non-empty value.',
  }),
  rule({
    field: 'metadata.labels',
    find: (f) => Object.keys(f.props.labels ?? {}).find((k) => isKnown(k) && !isLabelKey(k)),
    message: (key) => `key "${key}" is not a valid label key.`,
    fix: LABEL_KEY_FIX,
  }),
  // expiry
  rule({
    field: 'metadata.expires',
    find: (f) => [f.props.ttl !== undefined, f.props.expires !== undefined, f.props.noExpiry === true].filter(Boolean).length > 1,
    message: (_, f) =>
      `is given more than one way (${[f.props.ttl !== undefined ? 'ttl' : '', f.props.expires !== undefined ? 'expires' : '', f.props.noExpiry ? 'noExpiry' : ''].filter(Boolean).join(', ')}).`,
    fix: 'set only one of ttl (relative to the plan; recommended), expires (an absolute time) or noExpiry: true.',
  }),
  rule({
    field: 'metadata.expires',
    find: (f) => isBadTtl(f.props.ttl),
    message: (_, f) => `cannot be computed: ttl "${f.props.ttl}" is not a positive Go duration (Terraform's timeadd would fail at plan).`,
    fix: 'write the TTL like "30m", "1h", "1h30m" or "72h" (units ns, us, ms, s, m, h; no days).',
  }),
  rule({
    field: 'metadata.expires',
    find: (f) => known(f.props.expires) && !parseRfc3339(f.props.expires),
    message: (_, f) => `"${f.props.expires}" is not an RFC 3339 time.`,
    fix: 'write it like "2030-01-31T12:00:00Z", or use ttl: "1h" instead.',
  }),
  rule({
    field: 'metadata.expires',
    find: (f) => known(f.props.expires) && (parseRfc3339(f.props.expires)?.getTime() ?? Infinity) <= f.now().getTime(),
    message: (_, f) => `"${f.props.expires}" is in the past: the provider rejects it at plan, and Teleport deletes expired tokens.`,
    fix: 'use ttl (e.g. ttl: "1h"), which is computed from the plan time and never goes stale, or a future time.',
  }),
  rule({
    field: 'spec.aws_iid_ttl',
    find: (f) => known(f.props.awsIidTtl) && (parseGoDuration(f.props.awsIidTtl) ?? 0) <= 0,
    message: (_, f) => `"${f.props.awsIidTtl}" is not a positive Go duration.`,
    fix: 'write it like "5m" (Teleport\'s default) or "15m".',
  }),
  ...blockRules,
];

// ---------------------------------------------------------------------------------------------
// Per join method (docs/provision-token.md has the table with the sources).

const aws: Get<any> = (p) => p.allow;

const ec2Rules: Rule<TokenFacts>[] = [
  allowRequired('spec.allow', aws, 'allow: [{ awsAccount: "123456789012" }]'),
  ruleNeedsOneOf('spec.allow', aws, [
    ['awsAccount', 'aws_account'],
    ['awsRole', 'aws_role'],
  ]),
  ruleForbids(
    'spec.allow',
    aws,
    'awsArn',
    'aws_arn',
    'EC2 joining matches the instance identity document, which has no caller ARN.',
    'remove awsArn, or use ProvisionToken.iam() to match IAM ARNs.',
  ),
];

const iamRules: Rule<TokenFacts>[] = [
  allowRequired('spec.allow', aws, 'allow: [{ awsAccount: "123456789012" }]'),
  ruleNeedsOneOf('spec.allow', aws, [
    ['awsAccount', 'aws_account'],
    ['awsArn', 'aws_arn'],
  ]),
  ruleForbids(
    'spec.allow',
    aws,
    'awsRole',
    'aws_role',
    'aws_role is the role the Auth Service assumes for the EC2 method.',
    'remove awsRole (use awsArn to match the joining identity), or use ProvisionToken.ec2().',
  ),
  ruleForbids(
    'spec.allow',
    aws,
    'awsRegions',
    'aws_regions',
    'regions are only checked for EC2 joining.',
    'remove awsRegions, or use ProvisionToken.ec2().',
  ),
];

const githubAllow: Get<any> = (p) => p.github?.allow;
const githubRules: Rule<TokenFacts>[] = [
  ruleValueIn('spec.github.allow', githubAllow, 'refType', 'ref_type', GitRefType, 'GitRefType'),
  allowRequired('spec.github.allow', githubAllow, 'allow: [{ repository: "my-org/my-repo" }]'),
  ruleNeedsOneOf('spec.github.allow', githubAllow, [
    ['repository', 'repository'],
    ['repositoryOwner', 'repository_owner'],
    ['sub', 'sub'],
  ]),
  rule({
    field: 'spec.github.enterprise_server_host',
    find: (f) => hostOnly(f.props.github?.enterpriseServerHost),
    message: (_, f) => `"${f.props.github?.enterpriseServerHost}" has a scheme or a path; Teleport expects the bare host name.`,
    fix: 'write only the host, e.g. "github.example.com".',
  }),
  rule({
    field: 'spec.github.enterprise_slug',
    find: (f) => given(f.props.github?.enterpriseServerHost) && given(f.props.github?.enterpriseSlug),
    message: 'is set together with enterprise_server_host; Teleport accepts only one of them.',
    fix: 'remove enterpriseSlug for a GitHub Enterprise Server host, or remove enterpriseServerHost for github.com with include_enterprise_slug.',
  }),
];

const gl: Get<any> = (p) => p.gitlab?.allow;
const gitlabRules: Rule<TokenFacts>[] = [
  ruleValueIn('spec.gitlab.allow', gl, 'refType', 'ref_type', GitRefType, 'GitRefType'),
  ruleValueIn('spec.gitlab.allow', gl, 'projectVisibility', 'project_visibility', GitlabProjectVisibility, 'GitlabProjectVisibility'),
  ruleValueIn('spec.gitlab.allow', gl, 'deploymentTier', 'deployment_tier', GitlabDeploymentTier, 'GitlabDeploymentTier'),
  allowRequired('spec.gitlab.allow', gl, 'allow: [{ projectPath: "my-group/my-project" }]'),
  ruleNeedsOneOf('spec.gitlab.allow', gl, [
    ['sub', 'sub'],
    ['projectPath', 'project_path'],
    ['namespacePath', 'namespace_path'],
    ['ciConfigRefUri', 'ci_config_ref_uri'],
  ]),
  rule({
    field: 'spec.gitlab.domain',
    find: (f) => hostOnly(f.props.gitlab?.domain),
    message: (_, f) => `"${f.props.gitlab?.domain}" has a scheme or a path; Teleport expects the bare domain.`,
    fix: 'write only the domain, e.g. "gitlab.example.com".',
  }),
];

const circleciAllow: Get<any> = (p) => p.circleci?.allow;
const circleciRules: Rule<TokenFacts>[] = [
  rule({
    field: 'spec.circleci.organization_id',
    find: (f) => !given(f.props.circleci?.organizationId),
    message: 'is missing: Teleport needs the CircleCI organization to check the OIDC issuer.',
    fix: 'set organizationId (Organization Settings → Overview → Organization ID).',
  }),
  allowRequired('spec.circleci.allow', circleciAllow, 'allow: [{ projectId: "..." }]'),
  ruleNeedsOneOf('spec.circleci.allow', circleciAllow, [
    ['projectId', 'project_id'],
    ['contextId', 'context_id'],
  ]),
];

const k8s: Get<any> = (p) => p.kubernetes?.allow;
const k8sType = (f: TokenFacts) => f.props.kubernetes?.type ?? KubernetesJoinType.IN_CLUSTER;
const kubernetesRules: Rule<TokenFacts>[] = [
  allowRequired('spec.kubernetes.allow', k8s, 'allow: [{ serviceAccount: "my-namespace:my-service-account" }]'),
  rule({
    field: 'spec.kubernetes.allow.service_account',
    find: (f) => firstBad<any>(k8s(f.props), (r) => known(r.serviceAccount) && !/^[^:\s]+:[^:\s]+$/.test(r.serviceAccount)),
    message: (bad) => `in rule #${bad.n} is not "namespace:name".`,
    fix: 'write the service account as "<namespace>:<name>", e.g. "teleport:tbot".',
  }),
  ruleNeedsOneOf('spec.kubernetes.allow', k8s, [['serviceAccount', 'service_account']]),
  rule({
    field: 'spec.kubernetes.type',
    find: (f) => known(k8sType(f)) && !(Object.values(KubernetesJoinType) as string[]).includes(k8sType(f)),
    message: (_, f) => `"${k8sType(f)}" is not a Kubernetes join type.`,
    fix: `use one of ${Object.values(KubernetesJoinType).join(', ')} (KubernetesJoinType).`,
  }),
  rule({
    field: 'spec.kubernetes.static_jwks.jwks',
    find: (f) => k8sType(f) === KubernetesJoinType.STATIC_JWKS && !given(f.props.kubernetes?.staticJwks?.jwks),
    message: 'is required for type "static_jwks".',
    fix: 'set staticJwks: { jwks: <the output of kubectl get --raw /openid/v1/jwks> }.',
  }),
  rule({
    field: 'spec.kubernetes.static_jwks',
    find: (f) => k8sType(f) !== KubernetesJoinType.STATIC_JWKS && f.props.kubernetes?.staticJwks !== undefined,
    message: (_, f) => `is set, but type is "${k8sType(f)}"; Teleport rejects static_jwks for other types.`,
    fix: 'set type: KubernetesJoinType.STATIC_JWKS, or remove staticJwks.',
  }),
  rule({
    field: 'spec.kubernetes.oidc.issuer',
    find: (f) => k8sType(f) === KubernetesJoinType.OIDC && !given(f.props.kubernetes?.oidc?.issuer),
    message: 'is required for type "oidc".',
    fix: 'set oidc: { issuer: "https://..." } (the iss claim of the service account tokens).',
  }),
  rule({
    field: 'spec.kubernetes.oidc',
    find: (f) => k8sType(f) !== KubernetesJoinType.OIDC && f.props.kubernetes?.oidc !== undefined,
    message: (_, f) => `is set, but type is "${k8sType(f)}".`,
    fix: 'set type: KubernetesJoinType.OIDC, or remove oidc.',
  }),
  rule({
    field: 'spec.kubernetes.oidc.issuer',
    find: (f) =>
      known(f.props.kubernetes?.oidc?.issuer) &&
      !f.props.kubernetes?.oidc?.insecureAllowHttpIssuer &&
      !/^https:\/\//.test(f.props.kubernetes!.oidc!.issuer),
    message: (_, f) => `"${f.props.kubernetes?.oidc?.issuer}" is not an https:// URL.`,
    fix: 'use the https issuer URL, or set insecureAllowHttpIssuer: true for an http issuer you trust.',
  }),
];

const az: Get<any> = (p) => p.azure?.allow;
const azureRules: Rule<TokenFacts>[] = [
  allowRequired('spec.azure.allow', az, 'allow: [{ subscription: "<subscription id>" }]'),
  ruleNeedsOneOf('spec.azure.allow', az, [['subscription', 'subscription']]),
];

const azd: Get<any> = (p) => p.azureDevops?.allow;
const AZD_FIELDS: [string, string][] = [
  ['sub', 'sub'],
  ['projectName', 'project_name'],
  ['pipelineName', 'pipeline_name'],
  ['projectId', 'project_id'],
  ['definitionId', 'definition_id'],
  ['repositoryUri', 'repository_uri'],
  ['repositoryVersion', 'repository_version'],
  ['repositoryRef', 'repository_ref'],
];
const azureDevopsRules: Rule<TokenFacts>[] = [
  rule({
    field: 'spec.azure_devops.organization_id',
    find: (f) => !given(f.props.azureDevops?.organizationId),
    message: 'is missing: Teleport needs the organization to verify the ID token issuer.',
    fix: 'set organizationId to the UUID of the Azure DevOps organization.',
  }),
  allowRequired('spec.azure_devops.allow', azd, 'allow: [{ projectName: "my-project" }]'),
  ruleNeedsOneOf('spec.azure_devops.allow', azd, AZD_FIELDS as any, ' An empty rule would admit every pipeline of the organization.'),
];

const gcpL: Get<any> = (p) => p.gcp?.allow;
const gcpRules: Rule<TokenFacts>[] = [
  allowRequired('spec.gcp.allow', gcpL, 'allow: [{ projectIds: ["my-project"] }]'),
  ruleNeedsOneOf('spec.gcp.allow', gcpL, [['projectIds', 'project_ids']]),
];

const sl: Get<any> = (p) => p.spacelift?.allow;
const spaceliftRules: Rule<TokenFacts>[] = [
  rule({
    field: 'spec.spacelift.hostname',
    find: (f) => !given(f.props.spacelift?.hostname),
    message: 'is missing: Teleport needs the Spacelift tenant that issues the tokens.',
    fix: 'set hostname, e.g. "example.app.spacelift.io".',
  }),
  rule({
    field: 'spec.spacelift.hostname',
    find: (f) => hostOnly(f.props.spacelift?.hostname),
    message: (_, f) => `"${f.props.spacelift?.hostname}" has a scheme or a path; Teleport expects the bare host name.`,
    fix: 'write only the host, e.g. "example.app.spacelift.io".',
  }),
  allowRequired('spec.spacelift.allow', sl, 'allow: [{ spaceId: "root" }]'),
  ruleNeedsOneOf('spec.spacelift.allow', sl, [
    ['spaceId', 'space_id'],
    ['callerId', 'caller_id'],
  ]),
  rule({
    field: 'spec.spacelift.allow.caller_type',
    find: (f) => firstBad<any>(sl(f.props), (r) => known(r.callerType) && !(Object.values(SpaceliftCallerType) as string[]).includes(r.callerType)),
    message: 'is neither "stack" nor "module".',
    fix: 'use SpaceliftCallerType.STACK or SpaceliftCallerType.MODULE.',
  }),
  rule({
    field: 'spec.spacelift.allow.scope',
    find: (f) => firstBad<any>(sl(f.props), (r) => known(r.scope) && !(Object.values(SpaceliftScope) as string[]).includes(r.scope)),
    message: 'is neither "read" nor "write".',
    fix: 'use SpaceliftScope.READ or SpaceliftScope.WRITE.',
  }),
];

const PEM_CERT = /^-----BEGIN CERTIFICATE-----\r?\n[A-Za-z0-9+/=\r\n]+-----END CERTIFICATE-----$/;
const tpmL: Get<any> = (p) => p.tpm?.allow;
const tpmRules: Rule<TokenFacts>[] = [
  allowRequired('spec.tpm.allow', tpmL, 'allow: [{ ekPublicHash: "<sha256 hex>" }]'),
  ruleNeedsOneOf('spec.tpm.allow', tpmL, [
    ['ekPublicHash', 'ek_public_hash'],
    ['ekCertificateSerial', 'ek_certificate_serial'],
  ]),
  rule({
    field: 'spec.tpm.ekcert_allowed_cas',
    find: (f) => firstBad<string>(f.props.tpm?.ekcertAllowedCas, (c) => known(c) && !PEM_CERT.test(c.trim())),
    message: (bad) => `entry #${bad.n} is not a PEM CERTIFICATE block.`,
    fix: 'give each CA as one "-----BEGIN CERTIFICATE-----" ... "-----END CERTIFICATE-----" block.',
  }),
];

const tfc: Get<any> = (p) => p.terraformCloud?.allow;
const terraformCloudRules: Rule<TokenFacts>[] = [
  ruleValueIn('spec.terraform_cloud.allow', tfc, 'runPhase', 'run_phase', TerraformCloudRunPhase, 'TerraformCloudRunPhase'),
  allowRequired('spec.terraform_cloud.allow', tfc, 'allow: [{ organizationName: "my-org", workspaceName: "my-workspace" }]'),
  ruleNeedsOneOf('spec.terraform_cloud.allow', tfc, [
    ['organizationId', 'organization_id'],
    ['organizationName', 'organization_name'],
  ]),
  ruleNeedsOneOf('spec.terraform_cloud.allow', tfc, [
    ['projectId', 'project_id'],
    ['projectName', 'project_name'],
    ['workspaceId', 'workspace_id'],
    ['workspaceName', 'workspace_name'],
  ]),
  rule({
    field: 'spec.terraform_cloud.hostname',
    find: (f) => hostOnly(f.props.terraformCloud?.hostname),
    message: (_, f) => `"${f.props.terraformCloud?.hostname}" has a scheme or a path; Teleport expects the bare host name.`,
    fix: 'write only the Terraform Enterprise host, e.g. "tfe.example.com" (omit it for app.terraform.io).',
  }),
];

const BRACED_UUID = /^\{[0-9a-fA-F-]+\}$/;
const bb: Get<any> = (p) => p.bitbucket?.allow;
const badUuid = (r: any) => [r.workspaceUuid, r.repositoryUuid, r.deploymentEnvironmentUuid].some((u) => known(u) && !BRACED_UUID.test(u));
const bitbucketRules: Rule<TokenFacts>[] = [
  rule({
    field: 'spec.bitbucket.audience',
    find: (f) => !given(f.props.bitbucket?.audience),
    message: "is missing: Teleport requires the audience of the repository's OIDC tokens.",
    fix: 'copy it from Repository settings → Pipelines → OpenID Connect.',
  }),
  rule({
    field: 'spec.bitbucket.identity_provider_url',
    find: (f) => !given(f.props.bitbucket?.identityProviderUrl),
    message: "is missing: Teleport requires the issuer URL of the repository's OIDC tokens.",
    fix: 'copy it from Repository settings → Pipelines → OpenID Connect.',
  }),
  allowRequired('spec.bitbucket.allow', bb, 'allow: [{ workspaceUuid: "{...}" }]'),
  ruleNeedsOneOf('spec.bitbucket.allow', bb, [
    ['workspaceUuid', 'workspace_uuid'],
    ['repositoryUuid', 'repository_uuid'],
  ]),
  rule({
    field: 'spec.bitbucket.allow',
    find: (f) => firstBad(bb(f.props), badUuid),
    message: (bad) => `rule #${bad.n} has a UUID without braces; Bitbucket UUIDs begin and end with braces.`,
    fix: 'copy the UUID with its braces, e.g. "{c8f0f3e8-...}".',
  }),
];

const oc: Get<any> = (p) => p.oracle?.allow;
const oracleRules: Rule<TokenFacts>[] = [
  allowRequired('spec.oracle.allow', oc, 'allow: [{ tenancy: "ocid1.tenancy.oc1..." }]'),
  ruleNeedsOneOf('spec.oracle.allow', oc, [['tenancy', 'tenancy']]),
  rule({
    field: 'spec.oracle.allow.instances',
    find: (f) => firstBad<any>(oc(f.props), (r) => Array.isArray(r.instances) && !Token.isUnresolved(r.instances) && r.instances.length > 100),
    message: "has more than 100 instance OCIDs in one rule (Teleport's limit).",
    fix: 'split the instances over several rules.',
  }),
];

const env0Allow: Get<any> = (p) => p.env0?.allow;
const env0Rules: Rule<TokenFacts>[] = [
  allowRequired('spec.env0.allow', env0Allow, 'allow: [{ organizationId: "..." }]'),
  ruleNeedsOneOf(
    'spec.env0.allow',
    env0Allow,
    [['organizationId', 'organization_id']],
    ' env0 is multi-tenant: without it, deployments of any env0 organization could match.',
  ),
];

const boundKeypair = (f: TokenFacts) => f.props.boundKeypair;
const boundKeypairRules: Rule<TokenFacts>[] = [
  rule({
    field: 'spec.bound_keypair.recovery.limit',
    find: (f) =>
      typeof boundKeypair(f)?.recovery?.limit === 'number' && isKnown(boundKeypair(f)!.recovery!.limit) && boundKeypair(f)!.recovery!.limit! < 1,
    message: (_, f) => `is ${boundKeypair(f)?.recovery?.limit}; it must be at least 1 because the first join counts as a recovery.`,
    fix: 'set limit to 1 or more, or leave it unset.',
  }),
  rule({
    field: 'spec.bound_keypair.recovery.mode',
    find: (f) =>
      known(boundKeypair(f)?.recovery?.mode) && !(Object.values(BoundKeypairRecoveryMode) as string[]).includes(boundKeypair(f)!.recovery!.mode!),
    message: (_, f) => `"${boundKeypair(f)?.recovery?.mode}" is not a recovery mode.`,
    fix: `use one of ${Object.values(BoundKeypairRecoveryMode).join(', ')} (BoundKeypairRecoveryMode).`,
  }),
  rule({
    field: 'spec.bound_keypair.onboarding.must_register_before',
    find: (f) => known(boundKeypair(f)?.onboarding?.mustRegisterBefore) && !parseRfc3339(boundKeypair(f)!.onboarding!.mustRegisterBefore!),
    message: (_, f) => `"${boundKeypair(f)?.onboarding?.mustRegisterBefore}" is not an RFC 3339 time.`,
    fix: 'write it like "2030-01-31T12:00:00Z".',
  }),
  rule({
    field: 'spec.bound_keypair.rotate_after',
    find: (f) => known(boundKeypair(f)?.rotateAfter) && !parseRfc3339(boundKeypair(f)!.rotateAfter!),
    message: (_, f) => `"${boundKeypair(f)?.rotateAfter}" is not an RFC 3339 time.`,
    fix: 'write it like "2030-01-31T12:00:00Z".',
  }),
];

/** Each join method's own rules (the join method table says which props belong to it). */
const METHOD_RULES: ReadonlyMap<string, readonly Rule<TokenFacts>[]> = new Map<JoinMethod, Rule<TokenFacts>[]>([
  [JoinMethod.EC2, ec2Rules],
  [JoinMethod.IAM, iamRules],
  [JoinMethod.GITHUB, githubRules],
  [JoinMethod.GITLAB, gitlabRules],
  [JoinMethod.CIRCLECI, circleciRules],
  [JoinMethod.KUBERNETES, kubernetesRules],
  [JoinMethod.AZURE, azureRules],
  [JoinMethod.AZURE_DEVOPS, azureDevopsRules],
  [JoinMethod.GCP, gcpRules],
  [JoinMethod.SPACELIFT, spaceliftRules],
  [JoinMethod.TPM, tpmRules],
  [JoinMethod.TERRAFORM_CLOUD, terraformCloudRules],
  [JoinMethod.BITBUCKET, bitbucketRules],
  [JoinMethod.ORACLE, oracleRules],
  [JoinMethod.ENV0, env0Rules],
  [JoinMethod.BOUND_KEYPAIR, boundKeypairRules],
]);

/** Every rule a provision token is checked against at synth: the common rules, then its join method's. */
export function provisionTokenRules(method: string): readonly Rule<TokenFacts>[] {
  return [...commonRules, ...(METHOD_RULES.get(method) ?? [])];
}
