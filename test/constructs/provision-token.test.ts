import * as fs from 'fs';
import * as path from 'path';
import { Fn, TerraformOutput, TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { Construct } from 'constructs';
import { l1 } from '../../lib';
import {
  BoundKeypairRecoveryMode,
  GitRefType,
  JoinMethod,
  KubernetesJoinType,
  ProvisionToken,
  SpaceliftCallerType,
  SpaceliftScope,
  SystemRole,
  TerraformCloudRunPhase,
} from '../../lib/constructs/provision-token';
import { TeleportApp } from '../../lib/app/teleport-app';
import { newStack, synthJson } from '../support/constructs';
import { filesBelow, tempDir } from '../support/synth';

const SECRET = 'kq8Vz3-known-join-token-do-not-leak-71c2';

/** The synthesized `teleport_provision_token` of a construct. */
function tokenOf(json: any, token: ProvisionToken): any {
  const all = json.resource.teleport_provision_token;
  const key = Object.keys(all).find((k) => k.startsWith(`${token.node.id}_`) || all[k]['//']?.metadata?.path === token.resource.node.path);
  expect(key).toBeDefined();
  return all[key!];
}

const ref = (t: ProvisionToken) => `\${teleport_provision_token.${t.resource.friendlyUniqueId}.metadata.name}`;
const TTL_1H = '${timeadd(plantimestamp(), "1h")}';

describe('ProvisionToken.forTrustedCluster', () => {
  test('provider-generated secret, Trusted_cluster role, 1h TTL relative to the plan, expiry ignored after creation', () => {
    const stack = newStack();
    const t = ProvisionToken.forTrustedCluster(stack, 'leaf', { labels: { env: 'prod', 'teleport.dev/team': 'a' }, description: 'leaf join' });
    const r = tokenOf(synthJson(stack), t);
    expect(r.version).toBe('v2');
    expect(r.metadata).toEqual({ description: 'leaf join', labels: { env: 'prod', 'teleport.dev/team': 'a' }, expires: TTL_1H });
    expect(r.metadata.name).toBeUndefined();
    expect(r.spec).toEqual({ join_method: 'token', roles: ['Trusted_cluster'] });
    expect(r.lifecycle).toEqual({ ignore_changes: ['metadata.expires'] });
    expect(r.provider).toBeUndefined();
    expect(r.depends_on).toBeUndefined();
    expect(t.isTrustedClusterToken).toBe(true);
    expect(t.isSecret).toBe(true);
    expect(t.joinMethod).toBe('token');
    expect(t.roles).toEqual(['Trusted_cluster']);
    expect(t.tokenName).toMatch(/^\$\{TfToken\[TOKEN\.\d+\]\}$/);
  });

  test('tokenName resolves to metadata.name, which needs a sensitive output', () => {
    const stack = newStack();
    const t = ProvisionToken.forTrustedCluster(stack, 'leaf');
    new TerraformOutput(stack, 'join_token', { value: t.tokenName, sensitive: true });
    const json = synthJson(stack);
    expect(json.output.join_token).toEqual({ value: ref(t), sensitive: true });
  });

  test('ttl, absolute expires and noExpiry', () => {
    const stack = newStack();
    const a = ProvisionToken.forTrustedCluster(stack, 'a', { ttl: '15m' });
    const b = ProvisionToken.forTrustedCluster(stack, 'b', { expires: '2999-01-01T00:00:00Z' });
    const c = ProvisionToken.forTrustedCluster(stack, 'c', { noExpiry: true });
    const json = synthJson(stack);
    expect(tokenOf(json, a).metadata.expires).toBe('${timeadd(plantimestamp(), "15m")}');
    expect(tokenOf(json, a).lifecycle).toEqual({ ignore_changes: ['metadata.expires'] });
    expect(tokenOf(json, b).metadata.expires).toBe('2999-01-01T00:00:00Z');
    expect(tokenOf(json, b).lifecycle).toBeUndefined();
    expect(tokenOf(json, c).metadata).toBeUndefined();
    expect(tokenOf(json, c).lifecycle).toBeUndefined();
    // The absolute time is allowed, with a warning that plans after it fail.
    const warnings = b.node.metadata.filter((m) => m.type === '@cdktf/warn').map((m) => String(m.data));
    expect(warnings).toEqual([expect.stringContaining('every plan after it fails')]);
    expect(a.node.metadata.filter((m) => m.type === '@cdktf/warn')).toEqual([]);
    // A token that never expires is a permanent join secret: said at synth.
    expect(c.node.metadata.filter((m) => m.type === '@cdktf/warn').map((m) => String(m.data))).toEqual([
      'noExpiry: this Trusted_cluster token never expires, so its secret lets a cluster join this root as a leaf for as long as the token exists. Prefer ttl (e.g. ttl: "1h"), and once the leaf has joined drop the token (TrustedClusterLink joined: true, or JoinToken.alreadyJoined()).',
    ]);
  });

  test('a ttl from a variable flows into timeadd unchecked', () => {
    const stack = newStack();
    const ttl = new TerraformVariable(stack, 'ttl', { type: 'string' });
    const t = ProvisionToken.forTrustedCluster(stack, 'leaf', { ttl: ttl.stringValue });
    expect(tokenOf(synthJson(stack), t).metadata.expires).toBe('${timeadd(plantimestamp(), var.ttl)}');
  });
});

describe('Terraform options', () => {
  test("provider alias, dependsOn and lifecycle merge with the construct's own ignore_changes", () => {
    const stack = newStack();
    const root = new l1.provider.TeleportProvider(stack, 'root', { alias: 'root' });
    const other = ProvisionToken.token(stack, 'nodes', { roles: ['Node'] });
    const t = ProvisionToken.forTrustedCluster(stack, 'leaf', {
      provider: root,
      dependsOn: [other.resource],
      lifecycle: { ignoreChanges: ['metadata.labels'], preventDestroy: true },
    });
    const r = tokenOf(synthJson(stack), t);
    expect(r.provider).toBe('teleport.root');
    expect(r.depends_on).toEqual([`teleport_provision_token.${other.resource.friendlyUniqueId}`]);
    expect(r.lifecycle).toEqual({ ignore_changes: ['metadata.labels', 'metadata.expires'], prevent_destroy: true });
  });

  test('user lifecycle passes through unchanged without a relative expiry; "all" stays "all"', () => {
    const stack = newStack();
    const a = ProvisionToken.iam(stack, 'a', { roles: ['Node'], allow: [{ awsAccount: '123456789012' }], lifecycle: { createBeforeDestroy: true } });
    const b = ProvisionToken.token(stack, 'b', { roles: ['Node'], lifecycle: { ignoreChanges: 'all' } });
    const json = synthJson(stack);
    expect(tokenOf(json, a).lifecycle).toEqual({ create_before_destroy: true });
    expect(tokenOf(json, b).lifecycle).toEqual({ ignore_changes: 'all' });
  });

  test('addOverride on the L1 stays usable', () => {
    const stack = newStack();
    const t = ProvisionToken.token(stack, 'nodes', { roles: ['Node'] });
    t.resource.addOverride('spec.suggested_labels', { env: ['dev'] });
    expect(tokenOf(synthJson(stack), t).spec.suggested_labels).toEqual({ env: ['dev'] });
  });
});

describe('ProvisionToken.token', () => {
  test('roles are canonicalized case-insensitively (aliases too); default TTL 1h', () => {
    const stack = newStack();
    const t = ProvisionToken.token(stack, 'agents', {
      roles: ['node', 'APP', 'windows_desktop', 'db'],
      suggestedLabels: { env: ['prod'] },
      suggestedAgentMatcherLabels: { '*': ['*'] },
    });
    const r = tokenOf(synthJson(stack), t);
    expect(r.spec).toEqual({
      join_method: 'token',
      roles: ['Node', 'App', 'WindowsDesktop', 'Db'],
      suggested_labels: { env: ['prod'] },
      suggested_agent_matcher_labels: { '*': ['*'] },
    });
    expect(r.metadata).toEqual({ expires: TTL_1H });
    expect(t.roles).toEqual(['Node', 'App', 'WindowsDesktop', 'Db']);
    expect(t.isTrustedClusterToken).toBe(false);
  });

  test('bot token: roles default to ["Bot"] with botName; name from a sensitive variable', () => {
    const stack = newStack();
    const v = new TerraformVariable(stack, 'bot_token', { type: 'string', sensitive: true });
    const t = ProvisionToken.token(stack, 'bot', { botName: 'ci', name: v.stringValue, ttl: '30m' });
    const r = tokenOf(synthJson(stack), t);
    expect(r.metadata).toEqual({ name: '${var.bot_token}', expires: '${timeadd(plantimestamp(), "30m")}' });
    expect(r.spec).toEqual({ join_method: 'token', roles: ['Bot'], bot_name: 'ci' });
  });

  test('the generic constructor with a Trusted_cluster role spelled as an alias is a trusted cluster token', () => {
    const stack = newStack();
    const t = new ProvisionToken(stack, 'tc', { roles: ['trustedcluster'] });
    expect(t.isTrustedClusterToken).toBe(true);
    expect(t.joinMethod).toBe(JoinMethod.TOKEN);
    expect(tokenOf(synthJson(stack), t).spec).toEqual({ join_method: 'token', roles: ['Trusted_cluster'] });
  });
});

describe('delegated join methods: one factory each, synthesized field by field', () => {
  const cases: [string, (s: Construct) => ProvisionToken, any][] = [
    [
      'ec2',
      (s) =>
        ProvisionToken.ec2(s, 't', {
          name: 'ec2-token',
          roles: [SystemRole.NODE],
          awsIidTtl: '10m',
          allow: [{ awsAccount: '123456789012', awsRegions: ['eu-west-1'] }, { awsRole: 'arn:aws:iam::1:role/x' }],
        }),
      {
        join_method: 'ec2',
        roles: ['Node'],
        aws_iid_ttl: '10m',
        allow: [{ aws_account: '123456789012', aws_regions: ['eu-west-1'] }, { aws_role: 'arn:aws:iam::1:role/x' }],
      },
    ],
    [
      'iam',
      (s) =>
        ProvisionToken.iam(s, 't', {
          name: 'iam-token',
          botName: 'mybot',
          allow: [{ awsAccount: '123456789012' }, { awsArn: 'arn:aws:sts::1:assumed-role/r/*' }],
        }),
      {
        join_method: 'iam',
        roles: ['Bot'],
        bot_name: 'mybot',
        allow: [{ aws_account: '123456789012' }, { aws_arn: 'arn:aws:sts::1:assumed-role/r/*' }],
      },
    ],
    [
      'github',
      (s) =>
        ProvisionToken.github(s, 't', {
          name: 'gh',
          botName: 'gha',
          allow: [
            { repository: 'org/repo', ref: 'refs/heads/main', refType: GitRefType.BRANCH },
            { repositoryOwner: 'org', workflow: 'deploy' },
          ],
          enterpriseSlug: 'acme',
        }),
      {
        join_method: 'github',
        roles: ['Bot'],
        bot_name: 'gha',
        github: {
          allow: [
            { repository: 'org/repo', ref: 'refs/heads/main', ref_type: 'branch' },
            { repository_owner: 'org', workflow: 'deploy' },
          ],
          enterprise_slug: 'acme',
        },
      },
    ],
    [
      'gitlab',
      (s) =>
        ProvisionToken.gitlab(s, 't', {
          name: 'gl',
          botName: 'glb',
          allow: [{ projectPath: 'grp/proj', refType: GitRefType.BRANCH, refProtected: true }],
        }),
      {
        join_method: 'gitlab',
        roles: ['Bot'],
        bot_name: 'glb',
        gitlab: { domain: 'gitlab.com', allow: [{ project_path: 'grp/proj', ref_type: 'branch', ref_protected: true }] },
      },
    ],
    [
      'circleci',
      (s) =>
        ProvisionToken.circleci(s, 't', { name: 'cc', botName: 'c', organizationId: 'org-1', allow: [{ projectId: 'p1' }, { contextId: 'c1' }] }),
      {
        join_method: 'circleci',
        roles: ['Bot'],
        bot_name: 'c',
        circleci: { organization_id: 'org-1', allow: [{ project_id: 'p1' }, { context_id: 'c1' }] },
      },
    ],
    [
      'kubernetes',
      (s) =>
        ProvisionToken.kubernetes(s, 't', {
          name: 'k',
          roles: ['Kube', 'App'],
          type: KubernetesJoinType.STATIC_JWKS,
          staticJwks: { jwks: '{"keys":[]}' },
          allow: [{ serviceAccount: 'teleport:agent' }],
        }),
      {
        join_method: 'kubernetes',
        roles: ['Kube', 'App'],
        kubernetes: { type: 'static_jwks', static_jwks: { jwks: '{"keys":[]}' }, allow: [{ service_account: 'teleport:agent' }] },
      },
    ],
    [
      'azure',
      (s) => ProvisionToken.azure(s, 't', { name: 'az', roles: ['Node'], allow: [{ subscription: 'sub-1', resourceGroups: ['rg'] }] }),
      { join_method: 'azure', roles: ['Node'], azure: { allow: [{ subscription: 'sub-1', resource_groups: ['rg'] }] } },
    ],
    [
      'azureDevops',
      (s) =>
        ProvisionToken.azureDevops(s, 't', {
          name: 'azd',
          botName: 'b',
          organizationId: '0000-1111',
          allow: [{ projectName: 'proj', pipelineName: 'pipe' }],
        }),
      {
        join_method: 'azure_devops',
        roles: ['Bot'],
        bot_name: 'b',
        azure_devops: { organization_id: '0000-1111', allow: [{ project_name: 'proj', pipeline_name: 'pipe' }] },
      },
    ],
    [
      'gcp',
      (s) =>
        ProvisionToken.gcp(s, 't', {
          name: 'g',
          roles: ['Node'],
          allow: [{ projectIds: ['p1'], locations: ['us-west1'], serviceAccounts: ['sa@p1.iam.gserviceaccount.com'] }],
        }),
      {
        join_method: 'gcp',
        roles: ['Node'],
        gcp: { allow: [{ project_ids: ['p1'], locations: ['us-west1'], service_accounts: ['sa@p1.iam.gserviceaccount.com'] }] },
      },
    ],
    [
      'spacelift',
      (s) =>
        ProvisionToken.spacelift(s, 't', {
          name: 'sl',
          botName: 'b',
          hostname: 'example.app.spacelift.io',
          enableGlobMatching: true,
          allow: [{ spaceId: 'root', callerType: SpaceliftCallerType.STACK, scope: SpaceliftScope.WRITE }],
        }),
      {
        join_method: 'spacelift',
        roles: ['Bot'],
        bot_name: 'b',
        spacelift: {
          hostname: 'example.app.spacelift.io',
          enable_glob_matching: true,
          allow: [{ space_id: 'root', caller_type: 'stack', scope: 'write' }],
        },
      },
    ],
    [
      'tpm',
      (s) => ProvisionToken.tpm(s, 't', { name: 'tpm', roles: ['Node'], allow: [{ ekPublicHash: 'd4b4', description: 'build-100' }] }),
      { join_method: 'tpm', roles: ['Node'], tpm: { allow: [{ ek_public_hash: 'd4b4', description: 'build-100' }] } },
    ],
    [
      'terraformCloud',
      (s) =>
        ProvisionToken.terraformCloud(s, 't', {
          name: 'tfc',
          botName: 'b',
          audience: 'teleport',
          allow: [{ organizationName: 'org', workspaceName: 'ws', runPhase: TerraformCloudRunPhase.APPLY }],
        }),
      {
        join_method: 'terraform_cloud',
        roles: ['Bot'],
        bot_name: 'b',
        terraform_cloud: { audience: 'teleport', allow: [{ organization_name: 'org', workspace_name: 'ws', run_phase: 'apply' }] },
      },
    ],
    [
      'bitbucket',
      (s) =>
        ProvisionToken.bitbucket(s, 't', {
          name: 'bb',
          botName: 'b',
          audience: 'ari:cloud:bitbucket::workspace/x',
          identityProviderUrl: 'https://api.bitbucket.org/2.0/workspaces/x/pipelines-config/identity/oidc',
          allow: [{ workspaceUuid: '{ab-12}', branchName: 'main' }],
        }),
      {
        join_method: 'bitbucket',
        roles: ['Bot'],
        bot_name: 'b',
        bitbucket: {
          audience: 'ari:cloud:bitbucket::workspace/x',
          identity_provider_url: 'https://api.bitbucket.org/2.0/workspaces/x/pipelines-config/identity/oidc',
          allow: [{ workspace_uuid: '{ab-12}', branch_name: 'main' }],
        },
      },
    ],
    [
      'oracle',
      (s) => ProvisionToken.oracle(s, 't', { name: 'oci', roles: ['Node'], allow: [{ tenancy: 'ocid1.tenancy.oc1..a', regions: ['phx'] }] }),
      { join_method: 'oracle', roles: ['Node'], oracle: { allow: [{ tenancy: 'ocid1.tenancy.oc1..a', regions: ['phx'] }] } },
    ],
    [
      'env0',
      (s) =>
        ProvisionToken.env0(s, 't', { name: 'e0', botName: 'b', allow: [{ organizationId: 'org', projectName: 'p', deploymentType: 'deploy' }] }),
      {
        join_method: 'env0',
        roles: ['Bot'],
        bot_name: 'b',
        env0: { allow: [{ organization_id: 'org', project_name: 'p', deployment_type: 'deploy' }] },
      },
    ],
    [
      'boundKeypair',
      (s) =>
        ProvisionToken.boundKeypair(s, 't', {
          name: 'bk',
          botName: 'b',
          onboarding: { initialPublicKey: 'ssh-ed25519 AAAA' },
          recovery: { limit: 2, mode: BoundKeypairRecoveryMode.STANDARD },
        }),
      {
        join_method: 'bound_keypair',
        roles: ['Bot'],
        bot_name: 'b',
        bound_keypair: { onboarding: { initial_public_key: 'ssh-ed25519 AAAA' }, recovery: { limit: 2, mode: 'standard' } },
      },
    ],
  ];

  test.each(cases)('%s', (_name, build, spec) => {
    const stack = newStack();
    const t = build(stack);
    const r = tokenOf(synthJson(stack), t);
    expect(r.spec).toEqual(spec);
    expect(r.version).toBe('v2');
    // Delegated methods: the literal name is fine (not a secret), and there is no expiry by default.
    expect(r.metadata).toEqual({ name: expect.any(String) });
    expect(r.lifecycle).toBeUndefined();
    expect(t.isSecret).toBe(false);
    expect(t.isTrustedClusterToken).toBe(false);
    expect(t.joinMethod).toBe(spec.join_method);
  });

  test('kubernetes writes type in_cluster when omitted, and oidc with an issuer', () => {
    const stack = newStack();
    const a = ProvisionToken.kubernetes(stack, 'a', { roles: ['Kube'], allow: [{ serviceAccount: 'ns:sa' }] });
    const b = ProvisionToken.kubernetes(stack, 'b', {
      roles: ['Kube'],
      type: KubernetesJoinType.OIDC,
      oidc: { issuer: 'https://oidc.eks.example/id/1' },
      allow: [{ serviceAccount: 'ns:sa' }],
    });
    const json = synthJson(stack);
    expect(tokenOf(json, a).spec.kubernetes).toEqual({ type: 'in_cluster', allow: [{ service_account: 'ns:sa' }] });
    expect(tokenOf(json, b).spec.kubernetes).toEqual({
      type: 'oidc',
      oidc: { issuer: 'https://oidc.eks.example/id/1' },
      allow: [{ service_account: 'ns:sa' }],
    });
  });

  test('Enterprise-only methods get an info annotation', () => {
    const stack = newStack();
    const a = ProvisionToken.tpm(stack, 'a', { roles: ['Node'], allow: [{ ekCertificateSerial: '73:df' }] });
    const b = ProvisionToken.github(stack, 'b', {
      botName: 'x',
      enterpriseServerHost: 'ghes.example.com',
      allow: [{ sub: 'repo:o/r:ref:refs/heads/main' }],
    });
    const c = ProvisionToken.github(stack, 'c', { botName: 'x', allow: [{ repository: 'o/r' }] });
    synthJson(stack);
    const infos = (t: ProvisionToken) => t.node.metadata.filter((m) => m.type === '@cdktf/info').map((m) => String(m.data));
    expect(infos(a)).toEqual([expect.stringContaining('tpm join method requires Teleport Enterprise')]);
    expect(infos(b)).toEqual([expect.stringContaining('enterprise_server_host requires Teleport Enterprise')]);
    expect(infos(c)).toEqual([]);
  });

  test('noExpiry on an agent token warns too; on a delegated token (no secret) it does not', () => {
    const stack = newStack();
    const a = ProvisionToken.token(stack, 'a', { roles: ['Node'], noExpiry: true });
    const b = ProvisionToken.gcp(stack, 'b', { roles: ['Node'], noExpiry: true, allow: [{ projectIds: ['p'] }] });
    synthJson(stack);
    const warnings = (t: ProvisionToken) => t.node.metadata.filter((m) => m.type === '@cdktf/warn').map((m) => String(m.data));
    expect(warnings(a)).toEqual([expect.stringContaining('noExpiry: this token never expires, so its secret lets anything join with its roles')]);
    expect(warnings(b)).toEqual([]);
  });

  test('a delegated token may still expire, relative to the plan', () => {
    const stack = newStack();
    const t = ProvisionToken.gcp(stack, 't', { roles: ['Node'], ttl: '72h', allow: [{ projectIds: ['p'] }] });
    const r = tokenOf(synthJson(stack), t);
    expect(r.metadata).toEqual({ expires: '${timeadd(plantimestamp(), "72h")}' });
    expect(r.lifecycle).toEqual({ ignore_changes: ['metadata.expires'] });
  });

  test('unresolved tokens skip value checks', () => {
    const stack = newStack();
    const s = (name: string) => new TerraformVariable(stack, name, { type: 'string' }).stringValue;
    const roles = new TerraformVariable(stack, 'roles', { type: 'list(string)' }).listValue;
    const expires = s('expires');
    const a = ProvisionToken.kubernetes(stack, 'a', { roles, allow: [{ serviceAccount: s('sa') }], expires });
    ProvisionToken.github(stack, 'b', { botName: s('bot'), allow: [{ repository: s('repo') }], enterpriseServerHost: s('host') });
    ProvisionToken.token(stack, 'c', { roles: ['Node'], ttl: s('ttl') });
    ProvisionToken.bitbucket(stack, 'd', { botName: 'b', audience: s('aud'), identityProviderUrl: s('idp'), allow: [{ workspaceUuid: s('ws') }] });
    const r = tokenOf(synthJson(stack), a);
    expect(r.spec.roles).toBe('${var.roles}');
    expect(r.spec.kubernetes.allow).toEqual([{ service_account: '${var.sa}' }]);
    expect(r.metadata.expires).toBe('${var.expires}');
  });
});

describe('secrets never reach the synthesized output unless opted in', () => {
  test('variable without a default: the token carries only ${var.x}, and the secret is in no byte of the JSON', () => {
    const stack = newStack();
    const v = new TerraformVariable(stack, 'root_join_token', { type: 'string', sensitive: true });
    const t = ProvisionToken.forTrustedCluster(stack, 'leaf', { name: v.stringValue });
    t.importFrom(v.stringValue);
    const out = Testing.synth(stack, true);
    const json = JSON.parse(out);
    expect(tokenOf(json, t).metadata.name).toBe('${var.root_join_token}');
    expect(json.variable.root_join_token).toEqual({ type: 'string', sensitive: true });
    expect(json.import).toEqual([{ id: '${var.root_join_token}', to: `teleport_provision_token.${t.resource.friendlyUniqueId}` }]);
    expect(out).not.toContain(SECRET);
  });

  // [what, variable config, the message, the fix]
  const BAD_VARIABLES: [string, { sensitive?: boolean; default?: string }, string, string][] = [
    [
      'with a default',
      { sensitive: true, default: SECRET },
      'comes from variable "v", which has a default: the default is written in plaintext to cdk.tf.json.',
      'remove the default and pass the value at plan time (TF_VAR_v or -var), or ',
    ],
    [
      'not sensitive',
      {},
      'comes from variable "v", which is not sensitive: Terraform would print the secret in plans and logs.',
      'declare the variable with sensitive: true',
    ],
  ];

  test.each(BAD_VARIABLES)('a variable %s is rejected in every secret slot of a token, naming path, field and fix', (_what, config, message, fix) => {
    const stack = newStack();
    const v = new TerraformVariable(stack, 'v', { type: 'string', ...config });
    ProvisionToken.forTrustedCluster(stack, 'tc', { name: v.stringValue });
    ProvisionToken.token(stack, 'node', { roles: ['Node'], name: Fn.lower(v.stringValue) });
    ProvisionToken.forTrustedCluster(stack, 'imported').importFrom(v.stringValue);
    ProvisionToken.boundKeypair(stack, 'bk', { botName: 'b', onboarding: { registrationSecret: v.stringValue } });
    let errors = '';
    try {
      synthJson(stack);
    } catch (e) {
      errors = (e as Error).message;
    }
    for (const [path, field] of [
      ['tc', 'metadata.name'],
      ['node', 'metadata.name'],
      ['imported', 'import.id'],
      ['bk', 'spec.bound_keypair.onboarding.registration_secret'],
    ]) {
      const line = errors.split('\n').find((l) => l.includes(`[stack/${path}] field "${field}": ${message}`));
      if (line === undefined) throw new Error(`no ${path} ${field} message in:\n${errors}`);
      expect(line.slice(line.indexOf(' Fix: '))).toContain(fix);
    }
    expect(errors).not.toContain(SECRET);
  });

  test('variables added or renamed after a first validation are still found (the per-stack lookup rebuilds)', () => {
    const stack = newStack();
    const fine = new TerraformVariable(stack, 'fine', { type: 'string', sensitive: true });
    ProvisionToken.forTrustedCluster(stack, 'first', { name: fine.stringValue });
    expect(stack.node.findAll().flatMap((c) => c.node.validate())).toEqual([]);
    const late = new TerraformVariable(new Construct(stack, 'Nested'), 'late', { type: 'string', sensitive: true, default: SECRET });
    ProvisionToken.forTrustedCluster(stack, 'second', { name: late.stringValue });
    const renamed = new TerraformVariable(stack, 'renamed', { type: 'string' });
    renamed.overrideLogicalId('open_token');
    ProvisionToken.forTrustedCluster(stack, 'third', { name: renamed.stringValue });
    const errors = stack.node
      .findAll()
      .flatMap((c) => c.node.validate())
      .join('\n');
    expect(errors).toContain(`field "metadata.name": comes from variable "${late.friendlyUniqueId}", which has a default`);
    expect(errors).toContain('field "metadata.name": comes from variable "open_token", which is not sensitive');
    expect(errors).not.toContain(SECRET);
  });

  test('a defaulted variable is accepted with the explicit opt-in (that is the opt-in)', () => {
    const stack = newStack();
    const v = new TerraformVariable(stack, 'v', { type: 'string', sensitive: true, default: SECRET });
    const t = ProvisionToken.forTrustedCluster(stack, 'tc', { name: v.stringValue, allowLiteralSecret: true });
    expect(tokenOf(synthJson(stack), t).metadata.name).toBe('${var.v}');
  });

  test('a reference to a resource attribute is fine: no variable involved', () => {
    const stack = newStack();
    const other = ProvisionToken.forTrustedCluster(stack, 'other');
    const t = ProvisionToken.token(stack, 'node', { roles: ['Node'], name: other.tokenName });
    expect(tokenOf(synthJson(stack), t).metadata.name).toBe(ref(other));
  });

  test("import ID from a variable is written as a reference, with the resource's provider", () => {
    const stack = newStack();
    const root = new l1.provider.TeleportProvider(stack, 'root', { alias: 'root' });
    const v = new TerraformVariable(stack, 'existing', { type: 'string', sensitive: true });
    const t = ProvisionToken.forTrustedCluster(stack, 'leaf', { provider: root });
    t.importFrom(v.stringValue);
    const json = synthJson(stack);
    expect(json.import).toEqual([
      { id: '${var.existing}', provider: 'teleport.root', to: `teleport_provision_token.${t.resource.friendlyUniqueId}` },
    ]);
    expect(tokenOf(json, t).provider).toBe('teleport.root');
  });

  test('a literal name or import ID without opt-in fails, and the message never contains it', () => {
    const stack = newStack();
    const t = ProvisionToken.forTrustedCluster(stack, 'leaf', { name: SECRET });
    t.importFrom(SECRET);
    let message = '';
    try {
      synthJson(stack);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toContain('[stack/leaf] field "metadata.name": is a literal secret');
    expect(message).toContain('Fix: pass a sensitive TerraformVariable');
    expect(message).toContain('set allowLiteralSecret: true');
    expect(message).toContain('[stack/leaf] field "import.id": is a literal secret');
    expect(message).toContain('pass { allowLiteralSecret: true } to importFrom()');
    expect(message).not.toContain(SECRET);
  });

  test("a delegated token's import ID is its non-secret name: a literal is fine", () => {
    const stack = newStack();
    const t = ProvisionToken.iam(stack, 't', { name: 'iam-token', roles: ['Node'], allow: [{ awsAccount: '123456789012' }] });
    t.importFrom('iam-token');
    expect(synthJson(stack).import).toEqual([{ id: 'iam-token', to: `teleport_provision_token.${t.resource.friendlyUniqueId}` }]);
  });

  test('opt-in literals are written (that is the opt-in)', () => {
    const stack = newStack();
    const t = ProvisionToken.forTrustedCluster(stack, 'leaf', { name: SECRET, allowLiteralSecret: true });
    t.importFrom(SECRET, { allowLiteralSecret: true });
    const json = synthJson(stack);
    expect(tokenOf(json, t).metadata.name).toBe(SECRET);
    expect(json.import[0].id).toBe(SECRET);
  });

  test('bound keypair registration secret: reference ok, literal only with opt-in', () => {
    const stack = newStack();
    const v = new TerraformVariable(stack, 'reg', { type: 'string', sensitive: true });
    const a = ProvisionToken.boundKeypair(stack, 'a', { botName: 'b', onboarding: { registrationSecret: v.stringValue } });
    expect(tokenOf(synthJson(stack), a).spec.bound_keypair.onboarding).toEqual({ registration_secret: '${var.reg}' });

    const stack2 = newStack();
    ProvisionToken.boundKeypair(stack2, 'lit', { botName: 'b', onboarding: { registrationSecret: SECRET } });
    expect(() => synthJson(stack2)).toThrow(/\[stack\/lit\] field "spec\.bound_keypair\.onboarding\.registration_secret": is a literal secret/);
    try {
      synthJson(stack2);
    } catch (e) {
      expect((e as Error).message).not.toContain(SECRET);
    }
  });

  test('cdktf.out written by TeleportApp holds no byte of the secret (variable without default, import by variable)', () => {
    const outdir = tempDir('pt-secret-');
    try {
      const app = new TeleportApp({ outdir });
      const stack = new TerraformStack(app, 'root');
      new l1.provider.TeleportProvider(stack, 'teleport', {});
      const v = new TerraformVariable(stack, 'join', { type: 'string', sensitive: true });
      const t = ProvisionToken.forTrustedCluster(stack, 'leaf', { name: v.stringValue });
      t.importFrom(v.stringValue);
      new TerraformOutput(stack, 'token', { value: t.tokenName, sensitive: true });
      app.synth();
      const files = filesBelow(outdir);
      expect(files).toContain(path.join('stacks', 'root', 'cdk.tf.json'));
      for (const f of files) expect(fs.readFileSync(path.join(outdir, f), 'utf8')).not.toContain(SECRET);
    } finally {
      fs.rmSync(outdir, { recursive: true, force: true });
    }
  });
});
