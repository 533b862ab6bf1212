// Role: the Kubernetes helpers (clusters by label, resources by kind), on the synthesized JSON.
// The per-version defaults Teleport adds are in role-defaults.test.ts.
import { Role, RoleVersion } from '../../lib/constructs/role';
import { newStack } from '../support/constructs';
import { synthRole } from '../support/role';

const pods = { kind: 'pods', namespace: 'dev', name: '*', verbs: ['get', 'list'] };
const deployments = { kind: 'deployments', apiGroup: 'apps', namespace: 'dev', name: '*', verbs: ['get'] };
const secrets = { kind: 'secrets', namespace: '*', name: '*', verbs: ['*'] };

describe('Role Kubernetes access', () => {
  test('labels and resources, allow and deny; given resources replace the default', () => {
    // GIVEN a v8 role
    const r = new Role(newStack(), 'dev', { name: 'dev', version: RoleVersion.V8 });
    // WHEN it gets dev clusters with two resources, and is denied prod clusters and secrets
    r.allowKubernetesLabels('env', 'dev');
    r.denyKubernetesLabels('env', 'prod');
    r.allowKubernetesResources(pods, deployments);
    r.denyKubernetesResources(secrets);
    // THEN
    const spec = synthRole(r).spec;
    expect(spec.allow).toEqual({
      kubernetes_labels: { env: ['dev'] },
      kubernetes_resources: [pods, { kind: 'deployments', api_group: 'apps', namespace: 'dev', name: '*', verbs: ['get'] }],
    });
    expect(spec.deny).toEqual({ kubernetes_labels: { env: ['prod'] }, kubernetes_resources: [secrets] });
  });

  test('resources add to those of the props, in call order', () => {
    // GIVEN a role with one resource in its props
    const allow = { kubernetesLabels: { env: ['dev'] }, kubernetesResources: [pods] };
    const r = new Role(newStack(), 'dev', { name: 'dev', version: RoleVersion.V8, allow });
    // WHEN two calls add one resource each
    r.allowKubernetesResources(secrets);
    r.allowKubernetesResources(pods);
    // THEN all three, as given (resources are not deduplicated)
    expect(synthRole(r).spec.allow.kubernetes_resources).toEqual([pods, secrets, pods]);
  });
});
