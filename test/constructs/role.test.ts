import * as fs from 'fs';
import * as path from 'path';
import { TerraformStack, Token, TerraformVariable, Testing } from 'cdktf';
import { l1 } from '../../lib';
import { TeleportApp } from '../../lib/app/teleport-app';
import { checkConfig } from '../../lib/check';
import {
  CreateHostUserMode, PresetRole, RequireMfaType, Role, RoleVersion,
} from '../../lib/constructs/role';
import { filesBelow, readStack, tempDir } from '../support/synth';

function newStack(): TerraformStack {
  const app = Testing.app();
  const stack = new TerraformStack(app, 'stack');
  new l1.provider.TeleportProvider(stack, 'teleport', {});
  return stack;
}

function synth(stack: TerraformStack): any {
  return JSON.parse(Testing.synth(stack, true));
}

/** The synthesized `teleport_role` of a construct. */
function roleOf(json: any, role: Role): any {
  const all = json.resource.teleport_role;
  const found = all[role.resource.friendlyUniqueId];
  expect(found).toBeDefined();
  const { '//': _meta, ...rest } = found;
  return rest;
}

/** What Teleport fills into `spec.options` of every role (api/types/role.go CheckAndSetDefaults). */
const OPTIONS_V8 = {
  cert_format: 'standard',
  max_session_ttl: '30h0m0s',
  enhanced_recording: ['command', 'network'],
  record_session: { desktop: true, default: 'best_effort' },
  desktop_clipboard: true,
  desktop_directory_sharing: true,
  create_desktop_user: false,
  create_db_user: false,
  ssh_file_copy: true,
};
/** Role v7 and below also get the legacy SAML IdP option. */
const OPTIONS_V7 = { ...OPTIONS_V8, idp: { saml: { enabled: true } } };

describe('Role synthesizes the whole teleport_role, field by field', () => {
  test('the seed visitor role: logins and node labels, server defaults written out, empty deny', () => {
    const stack = newStack();
    const visitor = new Role(stack, 'visitor', { name: 'visitor', version: RoleVersion.V7 });
    visitor.allowLogins('visitor');
    visitor.allowNodeLabels('*', '*');
    expect(roleOf(synth(stack), visitor)).toEqual({
      version: 'v7',
      metadata: { name: 'visitor' },
      spec: {
        options: OPTIONS_V7,
        allow: { logins: ['visitor'], node_labels: { '*': ['*'] } },
        deny: {},
      },
    });
    expect(visitor.roleName).toBe('visitor');
    expect(visitor.version).toBe(RoleVersion.V7);
  });

  test('a role with no conditions still writes allow {} and deny {}', () => {
    const stack = newStack();
    const r = new Role(stack, 'r', { name: 'empty', version: RoleVersion.V8 });
    expect(roleOf(synth(stack), r).spec).toEqual({ options: OPTIONS_V8, allow: {}, deny: {} });
  });

  test('every helper lands in its attribute, merged and without duplicates', () => {
    const stack = newStack();
    const r = new Role(stack, 'dev', {
      name: 'dev',
      version: RoleVersion.V8,
      description: 'developers',
      labels: { team: 'platform' },
      allow: { logins: ['ubuntu'], nodeLabels: { env: ['dev'] } },
    });
    r.allowLogins('ubuntu', '{{internal.logins}}');
    r.denyLogins('root');
    r.allowWindowsDesktopLogins('Administrator');
    r.allowNodeLabels('env', 'dev', 'staging');
    r.denyNodeLabels('env', 'prod');
    r.allowAppLabels('app', 'grafana');
    r.denyAppLabels('tier', 'secret');
    r.allowDatabaseLabels('engine', 'postgres');
    r.denyDatabaseLabels('env', 'prod');
    r.allowDatabaseUsers('reader');
    r.allowDatabaseNames('app', 'app');
    r.allowKubernetesLabels('env', 'dev');
    r.denyKubernetesLabels('env', 'prod');
    r.allowKubernetesGroups('viewers');
    r.allowKubernetesUsers('dev-user');
    r.allowKubernetesResources({ kind: 'pods', namespace: 'dev', name: '*', verbs: ['get', 'list'] },
      { kind: 'deployments', apiGroup: 'apps', namespace: 'dev', name: '*', verbs: ['get'] });
    r.denyKubernetesResources({ kind: 'secrets', namespace: '*', name: '*', verbs: ['*'] });
    r.allowWindowsDesktopLabels('os', 'windows');
    r.allowClusterLabels('env', 'dev');
    r.denyClusterLabels('env', 'prod');
    r.allowRule(['role'], ['list', 'read']);
    r.allowRule(['token'], ['create'], 'equals(resource.metadata.name, "x")');
    r.denyRule(['user'], ['delete']);
    r.allowRead('session', 'event');
    r.allowRequestRoles('admin');
    r.allowRequestRoles('admin', 'dba');
    r.allowReviewRoles('dev');
    const json = synth(stack);
    expect(roleOf(json, r)).toEqual({
      version: 'v8',
      metadata: { name: 'dev', description: 'developers', labels: { team: 'platform' } },
      spec: {
        options: OPTIONS_V8,
        allow: {
          logins: ['ubuntu', '{{internal.logins}}'],
          windows_desktop_logins: ['Administrator'],
          node_labels: { env: ['dev', 'staging'] },
          app_labels: { app: ['grafana'] },
          db_labels: { engine: ['postgres'] },
          db_users: ['reader'],
          db_names: ['app'],
          kubernetes_labels: { env: ['dev'] },
          kubernetes_groups: ['viewers'],
          kubernetes_users: ['dev-user'],
          kubernetes_resources: [
            { kind: 'pods', namespace: 'dev', name: '*', verbs: ['get', 'list'] },
            { kind: 'deployments', api_group: 'apps', namespace: 'dev', name: '*', verbs: ['get'] },
          ],
          windows_desktop_labels: { os: ['windows'] },
          cluster_labels: { env: ['dev'] },
          rules: [
            { resources: ['role'], verbs: ['list', 'read'] },
            { resources: ['token'], verbs: ['create'], where: 'equals(resource.metadata.name, "x")' },
            { resources: ['session', 'event'], verbs: ['list', 'read'] },
          ],
          request: { roles: ['admin', 'dba'] },
          review_requests: { roles: ['dev'] },
        },
        deny: {
          logins: ['root'],
          node_labels: { env: ['prod'] },
          app_labels: { tier: ['secret'] },
          db_labels: { env: ['prod'] },
          kubernetes_labels: { env: ['prod'] },
          kubernetes_resources: [{ kind: 'secrets', namespace: '*', name: '*', verbs: ['*'] }],
          cluster_labels: { env: ['prod'] },
          rules: [{ resources: ['user'], verbs: ['delete'] }],
        },
      },
    });
    // The offline schema check accepts everything Role wrote.
    expect(checkConfig(json).filter((f) => f.severity === 'error')).toEqual([]);
  });

  test('props covering the whole schema pass the offline schema check', () => {
    const stack = newStack();
    const both = {
      accountAssignments: [{ account: '123456789012', permissionSet: 'arn:aws:sso:::permissionSet/ssoins-1/ps-2' }],
      appLabelsExpression: 'labels["env"] == "dev"',
      awsRoleArns: ['arn:aws:iam::123456789012:role/ro'],
      azureIdentities: ['/subscriptions/x/resourceGroups/y/providers/Microsoft.ManagedIdentity/userAssignedIdentities/z'],
      beamLabels: { env: ['dev'] },
      beamLabelsExpression: 'true',
      clusterLabelsExpression: 'true',
      dbLabelsExpression: 'true',
      dbPermissions: [{ match: { object_kind: ['table'] }, permissions: ['SELECT'] }],
      dbRoles: ['reader'],
      dbServiceLabels: { env: ['dev'] },
      dbServiceLabelsExpression: 'true',
      desktopGroups: ['Users'],
      gcpServiceAccounts: ['sa@project.iam.gserviceaccount.com'],
      githubPermissions: [{ orgs: ['my-org'] }],
      groupLabels: { env: ['dev'] },
      groupLabelsExpression: 'true',
      hostGroups: ['docker'],
      hostSudoers: ['ALL = (root) NOPASSWD: /usr/bin/systemctl restart nginx.service'],
      joinSessions: [{ name: 'audit', roles: ['prod'], kinds: ['ssh'], modes: ['observer'] }],
      kubernetesLabelsExpression: 'true',
      linuxDesktopLabels: { os: ['linux'] },
      linuxDesktopLabelsExpression: 'true',
      linuxDesktopLogins: ['ubuntu'],
      mcp: { tools: ['search_*'] },
      nodeLabelsExpression: 'labels["env"] == "dev"',
      requireSessionJoin: [{ name: 'oversight', filter: 'contains(user.spec.roles, "auditor")', kinds: ['ssh'], modes: ['moderator'], count: 1, onLeave: 'terminate' }],
      reviewRequests: { roles: ['dev'], previewAsRoles: ['dev'], submitForUsers: ['bot'], claimsToRoles: [{ claim: 'groups', value: 'admins', roles: ['dev'] }], where: 'true' },
      spiffe: [{ path: '/svc/foo', ipSans: ['10.0.0.100/32'], dnsSans: ['foo.svc.example.com'] }],
      windowsDesktopLabelsExpression: 'true',
      workloadIdentityLabels: { env: ['dev'] },
      workloadIdentityLabelsExpression: 'true',
      impersonate: { users: ['jenkins'], roles: ['jenkins'] },
      request: {
        roles: ['dba'], searchAsRoles: ['access'], suggestedReviewers: ['alice'], annotations: { ticket: ['{{external.ticket}}'] },
        claimsToRoles: [{ claim: 'projects', value: '^product-(.*)$', roles: ['$1-admin'] }],
        kubernetesResources: [{ kind: 'namespaces' }], maxDuration: '7d', reason: { mode: 'required', prompt: 'ticket?' },
        thresholds: [{ name: 'two', filter: 'true', approve: 2, deny: 1 }],
      },
    };
    const r = new Role(stack, 'full', {
      name: 'full',
      version: RoleVersion.V9,
      subKind: 'custom',
      expires: '2040-01-01T00:00:00Z',
      options: {
        maxSessionTtl: '8h', forwardAgent: true, sshPortForwarding: { local: { enabled: true }, remote: { enabled: false } },
        sshFileCopy: false, certFormat: 'oldssh', clientIdleTimeout: '30m', disconnectExpiredCert: true, maxSessions: 10,
        maxConnections: 2, maxKubernetesConnections: 1, enhancedRecording: ['command', 'disk', 'network'],
        permitX11Forwarding: true, deviceTrustMode: 'required', requireSessionMfa: RequireMfaType.SESSION,
        mfaVerificationInterval: '1h', lock: 'strict', requestAccess: 'reason', requestPrompt: 'why?',
        recordSession: { desktop: false, default: 'strict', ssh: 'best_effort' }, desktopClipboard: false,
        desktopDirectorySharing: false, createDesktopUser: true, createDbUser: true, createDbUserMode: 2,
        createHostUserMode: CreateHostUserMode.KEEP, createHostUserDefaultShell: 'bash', pinSourceIp: true,
        certExtensions: [{ name: 'login@github.com', value: '{{external.github_login}}', type: 0, mode: 0 }],
        webTerminalClipboardMode: 1,
      },
      allow: { ...both, appResources: [{ allowAll: true }] },
      deny: { ...both, impersonate: { users: ['x'], roles: ['y'] } },
    });
    const json = synth(stack);
    const spec = roleOf(json, r).spec;
    expect(spec.options.record_session).toEqual({ desktop: false, default: 'strict', ssh: 'best_effort' });
    expect(spec.options.idp).toBeUndefined();
    expect(spec.options.require_session_mfa).toBe(1);
    expect(spec.options.create_host_user_mode).toBe(3);
    expect(spec.allow.app_resources).toEqual([{ allow_all: true }]);
    expect(spec.allow.request.kubernetes_resources).toEqual([{ kind: 'namespaces' }]);
    expect(spec.deny.app_resources).toBeUndefined();
    expect(checkConfig(json).filter((f) => f.severity === 'error')).toEqual([]);
  });

  test('provider alias, depends_on and lifecycle reach the resource; addOverride stays usable', () => {
    const stack = newStack();
    const leaf = new l1.provider.TeleportProvider(stack, 'leaf', { alias: 'leaf' });
    const other = new Role(stack, 'other', { name: 'other', version: RoleVersion.V7, provider: leaf });
    const r = new Role(stack, 'r', {
      name: 'r', version: RoleVersion.V7, provider: leaf, dependsOn: [other.resource],
      lifecycle: { preventDestroy: true, ignoreChanges: ['metadata.labels'] },
    });
    r.resource.addOverride('spec.options.forward_agent', true);
    const out = roleOf(synth(stack), r);
    expect(out.provider).toBe('teleport.leaf');
    expect(out.depends_on).toEqual([`teleport_role.${other.resource.friendlyUniqueId}`]);
    expect(out.lifecycle).toEqual({ prevent_destroy: true, ignore_changes: ['metadata.labels'] });
    expect(out.spec.options.forward_agent).toBe(true);
    expect(out.spec.options.max_session_ttl).toBe('30h0m0s');
  });

  test('importFrom() adopts the role by name (with its provider), which also allows managing a preset', () => {
    const stack = newStack();
    const root = new l1.provider.TeleportProvider(stack, 'root', { alias: 'root' });
    const access = new Role(stack, 'access', { name: 'access', version: RoleVersion.V7, provider: root });
    access.importFrom();
    const json = synth(stack);
    expect(json.import).toEqual([{ id: 'access', provider: 'teleport.root', to: `teleport_role.${access.resource.friendlyUniqueId}` }]);
  });
});

describe('server defaults are written out per role version', () => {
  // [version, options, allow.kubernetes_resources Teleport adds when only kubernetes_labels are set]
  const CASES: [RoleVersion, object, object[] | undefined][] = [
    [RoleVersion.V3, OPTIONS_V7, [{ kind: 'pod', namespace: '*', name: '*', verbs: ['*'] }]],
    [RoleVersion.V4, OPTIONS_V7, [{ kind: 'pod', namespace: '*', name: '*', verbs: ['*'] }]],
    [RoleVersion.V5, OPTIONS_V7, [{ kind: 'pod', namespace: '*', name: '*', verbs: ['*'] }]],
    [RoleVersion.V6, OPTIONS_V7, undefined],
    [RoleVersion.V7, OPTIONS_V7, [{ kind: '*', namespace: '*', name: '*', verbs: ['*'] }]],
    [RoleVersion.V8, OPTIONS_V8, [{ kind: '*', namespace: '*', name: '*', verbs: ['*'], api_group: '*' }]],
    [RoleVersion.V9, OPTIONS_V8, undefined],
  ];

  test.each(CASES)('%s', (version, options, kube) => {
    const stack = newStack();
    const r = new Role(stack, 'r', { name: 'k8s', version });
    r.allowKubernetesLabels('env', 'dev');
    const spec = roleOf(synth(stack), r).spec;
    expect(spec.options).toEqual(options);
    expect(spec.allow.kubernetes_resources).toEqual(kube);
    expect(spec.allow.kubernetes_labels).toEqual({ env: ['dev'] });
    expect(spec.deny).toEqual({});
  });

  test('no Kubernetes labels: no kubernetes_resources default, in any version', () => {
    const stack = newStack();
    const roles = Object.values(RoleVersion).map((version) => new Role(stack, version, { name: `r-${version}`, version, allow: { logins: ['x'] } }));
    const json = synth(stack);
    for (const r of roles.filter((x) => x.version !== RoleVersion.V3)) {
      expect(roleOf(json, r).spec.allow).toEqual({ logins: ['x'] });
    }
  });

  test('a kubernetes_labels_expression counts as Kubernetes labels', () => {
    const stack = newStack();
    const r = new Role(stack, 'r', { name: 'r', version: RoleVersion.V8, allow: { kubernetesLabelsExpression: 'labels["env"] == "dev"' } });
    expect(roleOf(synth(stack), r).spec.allow.kubernetes_resources).toEqual([{ kind: '*', namespace: '*', name: '*', verbs: ['*'], api_group: '*' }]);
  });

  test('v3: wildcard app, kube and db labels; node labels only with logins (never an empty map, which reads back as null)', () => {
    const stack = newStack();
    const withLogins = new Role(stack, 'a', { name: 'a', version: RoleVersion.V3, allow: { logins: ['ubuntu'] } });
    const without = new Role(stack, 'b', { name: 'b', version: RoleVersion.V3 });
    const own = new Role(stack, 'c', { name: 'c', version: RoleVersion.V3, allow: { kubernetesLabels: {}, appLabels: { app: ['x'] } } });
    const json = synth(stack);
    const pod = [{ kind: 'pod', namespace: '*', name: '*', verbs: ['*'] }];
    expect(roleOf(json, withLogins).spec.allow).toEqual({
      logins: ['ubuntu'], node_labels: { '*': ['*'] }, app_labels: { '*': ['*'] }, kubernetes_labels: { '*': ['*'] },
      db_labels: { '*': ['*'] }, kubernetes_resources: pod,
    });
    expect(roleOf(json, without).spec.allow).toEqual({
      app_labels: { '*': ['*'] }, kubernetes_labels: { '*': ['*'] }, db_labels: { '*': ['*'] }, kubernetes_resources: pod,
    });
    // Given (even empty) maps are kept as they are; {} Kubernetes labels grant no default resources.
    expect(roleOf(json, own).spec.allow).toEqual({
      app_labels: { app: ['x'] }, kubernetes_labels: {}, db_labels: { '*': ['*'] },
    });
  });

  test('v3..v6 fill verbs ["*"] into kubernetes_resources without verbs (allow and deny); v7+ do not', () => {
    const stack = newStack();
    const pod = { kind: 'pod', namespace: 'dev', name: '*' };
    const v6 = new Role(stack, 'v6', { name: 'v6', version: RoleVersion.V6, allow: { kubernetesLabels: { env: ['dev'] }, kubernetesResources: [pod] }, deny: { kubernetesResources: [pod] } });
    const v7 = new Role(stack, 'v7', { name: 'v7', version: RoleVersion.V7, allow: { kubernetesLabels: { env: ['dev'] }, kubernetesResources: [pod] } });
    const json = synth(stack);
    expect(roleOf(json, v6).spec.allow.kubernetes_resources).toEqual([{ ...pod, verbs: ['*'] }]);
    expect(roleOf(json, v6).spec.deny.kubernetes_resources).toEqual([{ ...pod, verbs: ['*'] }]);
    expect(roleOf(json, v7).spec.allow.kubernetes_resources).toEqual([pod]);
  });

  test('given options win; partial record_session stays partial; an empty enhanced_recording gets the default', () => {
    const stack = newStack();
    const r = new Role(stack, 'r', {
      name: 'r', version: RoleVersion.V7,
      options: { maxSessionTtl: '8h', recordSession: { ssh: 'strict' }, enhancedRecording: [], sshFileCopy: false, idp: { saml: { enabled: false } } },
    });
    expect(roleOf(synth(stack), r).spec.options).toEqual({
      ...OPTIONS_V7,
      max_session_ttl: '8h',
      record_session: { ssh: 'strict' },
      ssh_file_copy: false,
      idp: { saml: { enabled: false } },
    });
  });
});

describe('existing roles', () => {
  test('fromName and fromPreset give a name and create nothing', () => {
    const stack = newStack();
    const existing = Role.fromName(stack, 'existing', 'visitor');
    const access = Role.fromPreset(stack, 'access', PresetRole.ACCESS);
    const editor = Role.fromPreset(stack, 'editor', PresetRole.EDITOR);
    const json = synth(stack);
    expect(existing.roleName).toBe('visitor');
    expect(access.roleName).toBe('access');
    expect(editor.roleName).toBe('editor');
    expect(json.resource).toBeUndefined();
  });

  test('the Enterprise presets and system roles of constants.go are presets too', () => {
    const stack = newStack();
    const names = [PresetRole.OKTA_REQUESTER, PresetRole.OKTA_ACCESS, PresetRole.AWS_IC_ACCESS, PresetRole.ACCESS_APPROVER]
      .map((p) => Role.fromPreset(stack, p, p).roleName);
    expect(names).toEqual(['okta-requester', 'okta-access', 'aws-ic-access', '@teleport-access-approver']);
    expect(() => synth(stack)).not.toThrow();
    const again = newStack();
    new Role(again, 'ic', { name: 'aws-ic-access', version: RoleVersion.V7 });
    expect(() => synth(again)).toThrow('[stack/ic] field "metadata.name": is "aws-ic-access", a preset role Teleport creates itself');
  });

  test('an empty name or an unknown preset fails at synth with the path, the field and the fix', () => {
    const stack = newStack();
    Role.fromName(stack, 'blank', ' ');
    Role.fromPreset(stack, 'typo', 'acess' as PresetRole);
    let message = '';
    try { synth(stack); } catch (e) { message = (e as Error).message; }
    expect(message).toContain('[stack/blank] field "metadata.name": is empty: an existing role needs its name. Fix: pass the role\'s name');
    expect(message).toContain('[stack/typo] field "metadata.name": "acess" is not a Teleport preset role. Fix: use PresetRole (access, editor, auditor');
  });
});

describe('tokens', () => {
  test('unresolved values skip value checks and pass through; helpers extend token lists with concat()', () => {
    const stack = newStack();
    const s = (name: string) => new TerraformVariable(stack, name, { type: 'string' }).stringValue;
    const logins = new TerraformVariable(stack, 'logins', { type: 'list(string)' }).listValue;
    const r = new Role(stack, 'r', {
      name: s('name'),
      version: RoleVersion.V8,
      labels: { team: s('team') },
      options: { maxSessionTtl: s('ttl'), lock: s('lock'), enhancedRecording: [s('event')] },
      allow: {
        logins,
        nodeLabels: { env: [s('env')] },
        kubernetesResources: [{ kind: s('kind'), name: '*', namespace: '*', verbs: [s('verb')] }],
        rules: [{ resources: [s('resource')], verbs: [s('ruleverb')] }],
        awsRoleArns: [s('arn')],
      },
    });
    r.allowLogins('extra');
    const unknownVersion = new Role(stack, 'v', { name: 'v', version: s('version') as RoleVersion, allow: { kubernetesResources: [{ kind: 'anything', name: '*' }] } });
    const json = synth(stack);
    const out = roleOf(json, r);
    expect(out.metadata).toEqual({ name: '${var.name}', labels: { team: '${var.team}' } });
    expect(roleOf(json, unknownVersion).version).toBe('${var.version}');
    expect(out.spec.allow.logins).toBe('${concat(var.logins, ["extra"])}');
    expect(out.spec.allow.node_labels).toEqual({ env: ['${var.env}'] });
    expect(out.spec.allow.kubernetes_resources).toEqual([{ kind: '${var.kind}', name: '*', namespace: '*', verbs: ['${var.verb}'] }]);
    expect(out.spec.options.max_session_ttl).toBe('${var.ttl}');
    expect(Token.isUnresolved(r.roleName)).toBe(true);
  });

  test('a token label map is merged with merge()', () => {
    const stack = newStack();
    const labels = new TerraformVariable(stack, 'labels', { type: 'map(list(string))' });
    const r = new Role(stack, 'r', { name: 'r', version: RoleVersion.V7, allow: { appLabels: labels.value } });
    r.allowAppLabels('app', 'grafana');
    expect(roleOf(synth(stack), r).spec.allow.app_labels).toBe('${merge(var.labels, {"app" = ["grafana"]})}');
  });
});

describe('annotations', () => {
  const notes = (r: Role, type: string) => r.node.metadata.filter((m) => m.type === type).map((m) => String(m.data));

  test('v8 says it needs Teleport 18 agents; v9 warns about older Auth Services; v7 says nothing', () => {
    const stack = newStack();
    const v7 = new Role(stack, 'v7', { name: 'v7', version: RoleVersion.V7 });
    const v8 = new Role(stack, 'v8', { name: 'v8', version: RoleVersion.V8 });
    const v9 = new Role(stack, 'v9', { name: 'v9', version: RoleVersion.V9 });
    synth(stack);
    expect(notes(v7, '@cdktf/info').concat(notes(v7, '@cdktf/warn'))).toEqual([]);
    expect(notes(v8, '@cdktf/info')).toEqual([expect.stringContaining('Role v8 needs Teleport 18 agents')]);
    expect(notes(v9, '@cdktf/warn')).toEqual([expect.stringContaining('Role v9 needs an Auth Service that knows v9')]);
  });

  test('an explicit empty kubernetes_resources with Kubernetes labels warns that it grants the default', () => {
    const stack = newStack();
    const r = new Role(stack, 'r', { name: 'r', version: RoleVersion.V7, allow: { kubernetesLabels: { env: ['dev'] }, kubernetesResources: [] } });
    const spec = roleOf(synth(stack), r).spec;
    expect(spec.allow.kubernetes_resources).toEqual([{ kind: '*', namespace: '*', name: '*', verbs: ['*'] }]);
    expect(notes(r, '@cdktf/warn')).toEqual([expect.stringContaining('is an empty list, which role v7 treats as unset')]);
  });
});

describe('TeleportApp', () => {
  test('writes the role to cdk.tf.json, and the offline check passes on it', () => {
    const outdir = tempDir('role-');
    try {
      const app = new TeleportApp({ outdir });
      const stack = new TerraformStack(app, 'leaf');
      new l1.provider.TeleportProvider(stack, 'teleport', {});
      const r = new Role(stack, 'visitor', { name: 'visitor', version: RoleVersion.V7 });
      r.allowLogins('visitor');
      const v8 = new Role(stack, 'v8', { name: 'v8', version: RoleVersion.V8 });
      app.synth();
      // Validation runs twice here (TeleportApp, then cdktf); the note is added once.
      expect(v8.node.metadata.filter((m) => m.type === '@cdktf/info')).toHaveLength(1);
      expect(filesBelow(outdir)).toContain(path.join('stacks', 'leaf', 'cdk.tf.json'));
      const json = readStack(outdir, 'leaf');
      expect(roleOf(json, r).spec.allow).toEqual({ logins: ['visitor'] });
      expect(checkConfig(json)).toEqual([]);
    } finally {
      fs.rmSync(outdir, { recursive: true, force: true });
    }
  });

  test('an invalid role stops synthesis before anything is written, naming the construct path', () => {
    const outdir = path.join(tempDir('role-bad-'), 'out');
    const app = new TeleportApp({ outdir });
    const stack = new TerraformStack(app, 'leaf');
    new l1.provider.TeleportProvider(stack, 'teleport', {});
    const r = new Role(stack, 'visitor', { name: 'visitor', version: RoleVersion.V7 });
    r.allowLogins('*');
    expect(() => app.synth()).toThrow('[leaf/visitor] field "spec.allow.logins": entry #1 is "*"; Teleport rejects it ("wildcard matcher is not allowed in logins"). Fix: list the logins');
    expect(fs.existsSync(outdir)).toBe(false);
  });
});
