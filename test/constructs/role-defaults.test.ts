// Role: what the Auth Service adds to a stored role, written out per role version (docs/role-defaults.md).
import { Role, RoleVersion, SessionRecordingMode } from '../../lib/constructs/role';
import { newStack, synthJson } from '../support/constructs';
import { OPTIONS_V7, OPTIONS_V8, roleOf, synthRole } from '../support/role';

const POD = [{ kind: 'pod', namespace: '*', name: '*', verbs: ['*'] }];

describe('Role server defaults', () => {
  test('a role with no conditions still writes allow {} and deny {}', () => {
    // GIVEN a role with neither props conditions nor helpers
    const r = new Role(newStack(), 'r', { name: 'empty', version: RoleVersion.V8 });
    // WHEN it synthesizes, THEN both sides are empty blocks next to the options
    expect(synthRole(r).spec).toEqual({ options: OPTIONS_V8, allow: {}, deny: {} });
  });

  // [version, options, allow.kubernetes_resources Teleport adds when only kubernetes_labels are set]
  const CASES: [RoleVersion, object, object[] | undefined][] = [
    [RoleVersion.V3, OPTIONS_V7, POD],
    [RoleVersion.V4, OPTIONS_V7, POD],
    [RoleVersion.V5, OPTIONS_V7, POD],
    [RoleVersion.V6, OPTIONS_V7, undefined],
    [RoleVersion.V7, OPTIONS_V7, [{ kind: '*', namespace: '*', name: '*', verbs: ['*'] }]],
    [RoleVersion.V8, OPTIONS_V8, [{ kind: '*', namespace: '*', name: '*', verbs: ['*'], api_group: '*' }]],
    [RoleVersion.V9, OPTIONS_V8, undefined],
  ];

  test.each(CASES)('%s: options, and kubernetes_resources for Kubernetes labels', (version, options, kube) => {
    // GIVEN a role of this version
    const r = new Role(newStack(), 'r', { name: 'k8s', version });
    // WHEN it allows Kubernetes clusters by label, with no resources
    r.allowKubernetesLabels('env', 'dev');
    // THEN the version's options and default resources are written out
    const spec = synthRole(r).spec;
    expect(spec.options).toEqual(options);
    expect(spec.allow.kubernetes_resources).toEqual(kube);
    expect(spec.allow.kubernetes_labels).toEqual({ env: ['dev'] });
    expect(spec.deny).toEqual({});
  });

  test('no Kubernetes labels: no kubernetes_resources default, in any version', () => {
    // GIVEN a role of every version with logins only
    const stack = newStack();
    const roles = Object.values(RoleVersion).map((version) => new Role(stack, version, { name: `r-${version}`, version, allow: { logins: ['x'] } }));
    // WHEN they synthesize
    const json = synthJson(stack);
    // THEN allow holds the logins only (v3 adds wildcard labels: see below)
    for (const r of roles.filter((x) => x.version !== RoleVersion.V3)) {
      expect(roleOf(json, r).spec.allow).toEqual({ logins: ['x'] });
    }
  });

  test('a kubernetes_labels_expression counts as Kubernetes labels', () => {
    // GIVEN a v8 role that selects Kubernetes clusters by expression only
    const r = new Role(newStack(), 'r', { name: 'r', version: RoleVersion.V8, allow: { kubernetesLabelsExpression: 'labels["env"] == "dev"' } });
    // WHEN it synthesizes, THEN it gets the v8 default resources
    expect(synthRole(r).spec.allow.kubernetes_resources).toEqual([{ kind: '*', namespace: '*', name: '*', verbs: ['*'], api_group: '*' }]);
  });

  test('v3: wildcard app, kube and db labels; node labels only with logins (never an empty map, which reads back as null)', () => {
    // GIVEN three v3 roles: with logins, without, and with maps of their own
    const stack = newStack();
    const withLogins = new Role(stack, 'a', { name: 'a', version: RoleVersion.V3, allow: { logins: ['ubuntu'] } });
    const without = new Role(stack, 'b', { name: 'b', version: RoleVersion.V3 });
    const own = new Role(stack, 'c', { name: 'c', version: RoleVersion.V3, allow: { kubernetesLabels: {}, appLabels: { app: ['x'] } } });
    // WHEN they synthesize
    const json = synthJson(stack);
    // THEN
    expect(roleOf(json, withLogins).spec.allow).toEqual({
      logins: ['ubuntu'],
      node_labels: { '*': ['*'] },
      app_labels: { '*': ['*'] },
      kubernetes_labels: { '*': ['*'] },
      db_labels: { '*': ['*'] },
      kubernetes_resources: POD,
    });
    expect(roleOf(json, without).spec.allow).toEqual({
      app_labels: { '*': ['*'] },
      kubernetes_labels: { '*': ['*'] },
      db_labels: { '*': ['*'] },
      kubernetes_resources: POD,
    });
    // Given (even empty) maps are kept as they are; {} Kubernetes labels grant no default resources.
    expect(roleOf(json, own).spec.allow).toEqual({
      app_labels: { app: ['x'] },
      kubernetes_labels: {},
      db_labels: { '*': ['*'] },
    });
  });

  test('v3..v6 fill verbs ["*"] into kubernetes_resources without verbs (allow and deny); v7+ do not', () => {
    // GIVEN a v6 and a v7 role with a resource without verbs
    const stack = newStack();
    const pod = { kind: 'pod', namespace: 'dev', name: '*' };
    const k8s = { kubernetesLabels: { env: ['dev'] }, kubernetesResources: [pod] };
    const v6 = new Role(stack, 'v6', { name: 'v6', version: RoleVersion.V6, allow: k8s, deny: { kubernetesResources: [pod] } });
    const v7 = new Role(stack, 'v7', { name: 'v7', version: RoleVersion.V7, allow: k8s });
    // WHEN they synthesize
    const json = synthJson(stack);
    // THEN only v6 gets the verbs
    expect(roleOf(json, v6).spec.allow.kubernetes_resources).toEqual([{ ...pod, verbs: ['*'] }]);
    expect(roleOf(json, v6).spec.deny.kubernetes_resources).toEqual([{ ...pod, verbs: ['*'] }]);
    expect(roleOf(json, v7).spec.allow.kubernetes_resources).toEqual([pod]);
  });

  test('given options win; partial record_session stays partial; an empty enhanced_recording gets the default', () => {
    // GIVEN a v7 role with options of its own
    const r = new Role(newStack(), 'r', {
      name: 'r',
      version: RoleVersion.V7,
      options: {
        maxSessionTtl: '8h',
        recordSession: { ssh: SessionRecordingMode.STRICT },
        enhancedRecording: [],
        sshFileCopy: false,
        idp: { saml: { enabled: false } },
      },
    });
    // WHEN it synthesizes, THEN the defaults fill only what is missing
    expect(synthRole(r).spec.options).toEqual({
      ...OPTIONS_V7,
      max_session_ttl: '8h',
      record_session: { ssh: 'strict' },
      ssh_file_copy: false,
      idp: { saml: { enabled: false } },
    });
  });
});
