// Role: the notes and warnings a role version brings, as annotations at synth.
import { Role, RoleVersion } from '../../lib/constructs/role';
import { newStack, synthJson } from '../support/constructs';
import { synthRole } from '../support/role';

/** Kubernetes labels and an explicitly empty resource list. */
const emptyResources = () => ({ kubernetesLabels: { env: ['dev'] }, kubernetesResources: [] });
const notes = (r: Role, type: string) => r.node.metadata.filter((m) => m.type === type).map((m) => String(m.data));

describe('Role versions', () => {
  test('v8 says it needs Teleport 18 agents; v9 warns about older Auth Services; v7 says nothing', () => {
    // GIVEN a v7, a v8 and a v9 role
    const stack = newStack();
    const v7 = new Role(stack, 'v7', { name: 'v7', version: RoleVersion.V7 });
    const v8 = new Role(stack, 'v8', { name: 'v8', version: RoleVersion.V8 });
    const v9 = new Role(stack, 'v9', { name: 'v9', version: RoleVersion.V9 });
    // WHEN they synthesize
    synthJson(stack);
    // THEN
    expect(notes(v7, '@cdktf/info').concat(notes(v7, '@cdktf/warn'))).toEqual([]);
    expect(notes(v8, '@cdktf/info')).toEqual([expect.stringContaining('Role v8 needs Teleport 18 agents')]);
    expect(notes(v9, '@cdktf/warn')).toEqual([expect.stringContaining('Role v9 needs an Auth Service that knows v9')]);
  });

  test('an explicit empty kubernetes_resources with Kubernetes labels warns that it grants the default', () => {
    // GIVEN a v7 role with Kubernetes labels and an empty resource list
    const r = new Role(newStack(), 'r', { name: 'r', version: RoleVersion.V7, allow: emptyResources() });
    // WHEN it synthesizes
    const spec = synthRole(r).spec;
    // THEN the default is written out, and the role says why
    expect(spec.allow.kubernetes_resources).toEqual([{ kind: '*', namespace: '*', name: '*', verbs: ['*'] }]);
    expect(notes(r, '@cdktf/warn')).toEqual([expect.stringContaining('is an empty list, which role v7 treats as unset')]);
  });

  test('no warning once a helper adds resources to an empty list', () => {
    // GIVEN the same role
    const r = new Role(newStack(), 'r', { name: 'r', version: RoleVersion.V7, allow: emptyResources() });
    // WHEN a helper adds a resource after construction
    r.allowKubernetesResources({ kind: 'pod', namespace: 'dev', name: '*' });
    // THEN the rendered list is that resource, and nothing is said
    expect(synthRole(r).spec.allow.kubernetes_resources).toEqual([{ kind: 'pod', namespace: 'dev', name: '*' }]);
    expect(notes(r, '@cdktf/warn')).toEqual([]);
  });
});
