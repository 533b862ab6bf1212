// Role: its L1 resource (escape hatches, the whole schema, the offline check), how it renders at synth,
// and under TeleportApp.
import * as fs from 'fs';
import * as path from 'path';
import { TerraformStack, Testing } from 'cdktf';
import { l1 } from '../../lib';
import { TeleportApp } from '../../lib/app/teleport-app';
import { checkConfig } from '../../lib/check';
import {
  CertFormat,
  CreateHostUserMode,
  DeviceTrustMode,
  EnhancedRecordingEvent,
  LockingMode,
  RequestReasonMode,
  RequestStrategy,
  RequireMfaType,
  Role,
  RoleVersion,
  SessionLeaveAction,
  SessionParticipantMode,
  SessionRecordingMode,
} from '../../lib/constructs/role';
import { JoinToken, TrustedCluster } from '../../lib/constructs/trusted-cluster';
import { newStack, synthJson } from '../support/constructs';
import { roleOf, synthRole } from '../support/role';
import { filesBelow, readStack, tempDir } from '../support/synth';

describe('Role resource', () => {
  test('provider alias, depends_on and lifecycle reach the resource; addOverride stays usable', () => {
    // GIVEN two roles on an aliased provider, one after the other, with a lifecycle
    const stack = newStack();
    const leaf = new l1.provider.TeleportProvider(stack, 'leaf', { alias: 'leaf' });
    const other = new Role(stack, 'other', { name: 'other', version: RoleVersion.V7, provider: leaf });
    const r = new Role(stack, 'r', {
      name: 'r',
      version: RoleVersion.V7,
      provider: leaf,
      dependsOn: [other.resource],
      lifecycle: { preventDestroy: true, ignoreChanges: ['metadata.labels'] },
    });
    // WHEN an override is set on the L1 resource, before a helper is called
    r.resource.addOverride('spec.options.forward_agent', true);
    r.allowLogins('ubuntu');
    const out = synthRole(r);
    // THEN
    expect(out.provider).toBe('teleport.leaf');
    expect(out.depends_on).toEqual([`teleport_role.${other.resource.friendlyUniqueId}`]);
    expect(out.lifecycle).toEqual({ prevent_destroy: true, ignore_changes: ['metadata.labels'] });
    expect(out.spec.options.forward_agent).toBe(true);
    expect(out.spec.options.max_session_ttl).toBe('30h0m0s');
    expect(out.spec.allow).toEqual({ logins: ['ubuntu'] });
  });

  test('description and labels go into metadata', () => {
    // GIVEN a role with a description and labels
    const r = new Role(newStack(), 'dev', { name: 'dev', version: RoleVersion.V8, description: 'developers', labels: { team: 'platform' } });
    // WHEN it synthesizes (synthRole also runs the offline schema check, as for every helper in the role-*.test.ts files)
    const out = synthRole(r);
    // THEN
    expect(out.metadata).toEqual({ name: 'dev', description: 'developers', labels: { team: 'platform' } });
  });

  test('props covering the whole schema pass the offline schema check', () => {
    // GIVEN a v9 role that sets every attribute of the schema, on both sides
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
      joinSessions: [{ name: 'audit', roles: ['prod'], kinds: ['ssh'], modes: [SessionParticipantMode.OBSERVER] }],
      kubernetesLabelsExpression: 'true',
      linuxDesktopLabels: { os: ['linux'] },
      linuxDesktopLabelsExpression: 'true',
      linuxDesktopLogins: ['ubuntu'],
      mcp: { tools: ['search_*'] },
      nodeLabelsExpression: 'labels["env"] == "dev"',
      requireSessionJoin: [
        {
          name: 'oversight',
          filter: 'contains(user.spec.roles, "auditor")',
          kinds: ['ssh'],
          modes: [SessionParticipantMode.MODERATOR],
          count: 1,
          onLeave: SessionLeaveAction.TERMINATE,
        },
      ],
      reviewRequests: {
        roles: ['dev'],
        previewAsRoles: ['dev'],
        submitForUsers: ['bot'],
        where: 'true',
        claimsToRoles: [{ claim: 'groups', value: 'admins', roles: ['dev'] }],
      },
      spiffe: [{ path: '/svc/foo', ipSans: ['10.0.0.100/32'], dnsSans: ['foo.svc.example.com'] }],
      windowsDesktopLabelsExpression: 'true',
      workloadIdentityLabels: { env: ['dev'] },
      workloadIdentityLabelsExpression: 'true',
      impersonate: { users: ['jenkins'], roles: ['jenkins'] },
      request: {
        roles: ['dba'],
        searchAsRoles: ['access'],
        suggestedReviewers: ['alice'],
        annotations: { ticket: ['{{external.ticket}}'] },
        claimsToRoles: [{ claim: 'projects', value: '^product-(.*)$', roles: ['$1-admin'] }],
        kubernetesResources: [{ kind: 'namespaces' }],
        maxDuration: '7d',
        reason: { mode: RequestReasonMode.REQUIRED, prompt: 'ticket?' },
        thresholds: [{ name: 'two', filter: 'true', approve: 2, deny: 1 }],
      },
    };
    const r = new Role(stack, 'full', {
      name: 'full',
      version: RoleVersion.V9,
      subKind: 'custom',
      expires: '2040-01-01T00:00:00Z',
      options: {
        maxSessionTtl: '8h',
        forwardAgent: true,
        sshPortForwarding: { local: { enabled: true }, remote: { enabled: false } },
        sshFileCopy: false,
        certFormat: CertFormat.OLDSSH,
        clientIdleTimeout: '30m',
        disconnectExpiredCert: true,
        maxSessions: 10,
        maxConnections: 2,
        maxKubernetesConnections: 1,
        enhancedRecording: [EnhancedRecordingEvent.COMMAND, EnhancedRecordingEvent.DISK, EnhancedRecordingEvent.NETWORK],
        permitX11Forwarding: true,
        deviceTrustMode: DeviceTrustMode.REQUIRED,
        requireSessionMfa: RequireMfaType.SESSION,
        mfaVerificationInterval: '1h',
        lock: LockingMode.STRICT,
        requestAccess: RequestStrategy.REASON,
        requestPrompt: 'why?',
        recordSession: { desktop: false, default: SessionRecordingMode.STRICT, ssh: SessionRecordingMode.BEST_EFFORT },
        desktopClipboard: false,
        desktopDirectorySharing: false,
        createDesktopUser: true,
        createDbUser: true,
        createDbUserMode: 2,
        createHostUserMode: CreateHostUserMode.KEEP,
        createHostUserDefaultShell: 'bash',
        pinSourceIp: true,
        certExtensions: [{ name: 'login@github.com', value: '{{external.github_login}}', type: 0, mode: 0 }],
        webTerminalClipboardMode: 1,
      },
      allow: { ...both, appResources: [{ allowAll: true }] },
      deny: { ...both, impersonate: { users: ['x'], roles: ['y'] } },
    });
    // WHEN it synthesizes
    const json = synthJson(stack);
    const spec = roleOf(json, r).spec;
    // THEN options and app_resources are written as the provider spells them, and the offline check accepts it all
    expect(spec.options.record_session).toEqual({ desktop: false, default: 'strict', ssh: 'best_effort' });
    expect(spec.options.idp).toBeUndefined();
    expect(spec.options.require_session_mfa).toBe(1);
    expect(spec.options.create_host_user_mode).toBe(3);
    expect(spec.allow.app_resources).toEqual([{ allow_all: true }]);
    expect(spec.allow.request.kubernetes_resources).toEqual([{ kind: 'namespaces' }]);
    expect(spec.deny.app_resources).toBeUndefined();
    expect(checkConfig(json).filter((f) => f.severity === 'error')).toEqual([]);
  });
});

describe('Role renders at synth', () => {
  test('a helper called after the role is used elsewhere still reaches the spec', () => {
    // GIVEN a role already mapped by a trusted cluster
    const stack = newStack();
    const visitor = new Role(stack, 'visitor', { name: 'visitor', version: RoleVersion.V7 });
    new TrustedCluster(stack, 'Root', {
      name: 'root.example.com',
      webProxyAddr: 'root.example.com:443',
      token: JoinToken.alreadyJoined(),
      roleMap: [{ remote: 'access', local: [visitor] }],
    });
    // WHEN a login is allowed afterwards
    visitor.allowLogins('visitor');
    // THEN the synthesized role has it
    expect(synthRole(visitor).spec.allow).toEqual({ logins: ['visitor'] });
  });

  test('each synth renders what was added so far, and checks it', () => {
    // GIVEN a role synthesized once
    const r = new Role(newStack(), 'r', { name: 'r', version: RoleVersion.V8 });
    r.allowLogins('a');
    expect(synthRole(r).spec.allow).toEqual({ logins: ['a'] });
    // WHEN a helper adds a login after that synth
    r.allowLogins('b');
    // THEN the next synth has it
    expect(synthRole(r).spec.allow).toEqual({ logins: ['a', 'b'] });
    // AND the rules see it too
    r.allowLogins('*');
    expect(() => synthRole(r)).toThrow('[stack/r] field "spec.allow.logins": entry #3 is "*"');
  });

  test('the teleport_role is the generated class, built directly in the constructor (one frame under each of its tokens)', () => {
    // GIVEN a role
    const r = new Role(newStack(), 'r', { name: 'r', version: RoleVersion.V7 });
    // THEN its escape hatch is the generated class itself, not a subclass
    expect(Object.getPrototypeOf(r.resource)).toBe(l1.role.Role.prototype);
    // AND the generated constructor runs right under Role's: cdktf formats a full stack trace for
    // each token it creates, so every frame in between costs time on dozens of tokens per role
    const frames = r.resource.spec.creationStack;
    const generated = frames.findIndex((f) => /^new Role .*gen[\\/]role/.test(f));
    expect(generated).toBeGreaterThan(0);
    expect(frames[generated + 1]).toMatch(/^new Role .*constructs[\\/]role[\\/]role\./);
  });

  test('the HCL synth renders the same spec', () => {
    // GIVEN a role with a helper call
    const stack = newStack();
    const r = new Role(stack, 'r', { name: 'r', version: RoleVersion.V8 });
    r.allowLogins('visitor');
    // WHEN the stack is synthesized as HCL
    const hcl = String(Testing.synthHcl(stack, true)).replace(/\s+/g, ' ');
    // THEN the login and the server defaults are in the role's spec
    expect(hcl).toContain('spec { allow { logins = [ "visitor" ] } deny { } options { cert_format = "standard"');
  });
});

describe('Role under TeleportApp', () => {
  test('writes the role to cdk.tf.json, and the offline check passes on it', () => {
    // GIVEN a TeleportApp with a v7 and a v8 role
    const outdir = tempDir('role-');
    try {
      const app = new TeleportApp({ outdir });
      const stack = new TerraformStack(app, 'leaf');
      new l1.provider.TeleportProvider(stack, 'teleport', {});
      const r = new Role(stack, 'visitor', { name: 'visitor', version: RoleVersion.V7 });
      r.allowLogins('visitor');
      const v8 = new Role(stack, 'v8', { name: 'v8', version: RoleVersion.V8 });
      // WHEN it synthesizes
      app.synth();
      // THEN
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
    // GIVEN a TeleportApp with a role
    const outdir = path.join(tempDir('role-bad-'), 'out');
    const app = new TeleportApp({ outdir });
    const stack = new TerraformStack(app, 'leaf');
    new l1.provider.TeleportProvider(stack, 'teleport', {});
    const r = new Role(stack, 'visitor', { name: 'visitor', version: RoleVersion.V7 });
    // WHEN a login is "*"
    r.allowLogins('*');
    // THEN synth stops, naming the construct path, and writes nothing
    expect(() => app.synth()).toThrow(
      '[leaf/visitor] field "spec.allow.logins": entry #1 is "*"; Teleport rejects it ("wildcard matcher is not allowed in logins"). ' +
        'Fix: list the logins',
    );
    expect(fs.existsSync(outdir)).toBe(false);
  });
});
