// What Teleport accepts in `kubernetes_resources`, per role version. Facts from
// gravitational/teleport `api/types/role.go` (validateKubeResources, validateRequestKubeResources,
// setDefaultKubernetesVerbs; commit c2d4248b8763f149bdd991655f3ededafe1962b4) and the kind and verb
// lists in `api/types/constants.go` (commit 2018be1454789e26da40c06da1df7f3afffd6330) and the tctl
// role reference (`docs/pages/includes/role-spec.mdx`, commit f4b581a6d9bf).

/** The role v7 kinds (`KubernetesResourcesKinds`), singular, with the API group each stands for. */
export const V7_KIND_GROUPS: { readonly [kind: string]: string } = {
  pod: '',
  secret: '',
  configmap: '',
  namespace: '',
  service: '',
  serviceaccount: '',
  kube_node: '',
  persistentvolume: '',
  persistentvolumeclaim: '',
  deployment: 'apps',
  replicaset: 'apps',
  statefulset: 'apps',
  daemonset: 'apps',
  clusterrole: 'rbac.authorization.k8s.io',
  kube_role: 'rbac.authorization.k8s.io',
  clusterrolebinding: 'rbac.authorization.k8s.io',
  rolebinding: 'rbac.authorization.k8s.io',
  cronjob: 'batch',
  job: 'batch',
  certificatesigningrequest: 'certificates.k8s.io',
  ingress: 'networking.k8s.io',
};

/** Role v7 kinds. */
export const V7_KINDS: readonly string[] = Object.keys(V7_KIND_GROUPS);

/** The plural (role v8) name of each v7 kind, for fixes. */
export const V8_PLURALS: { readonly [kind: string]: string } = {
  pod: 'pods',
  secret: 'secrets',
  configmap: 'configmaps',
  namespace: 'namespaces',
  service: 'services',
  serviceaccount: 'serviceaccounts',
  kube_node: 'nodes',
  persistentvolume: 'persistentvolumes',
  persistentvolumeclaim: 'persistentvolumeclaims',
  deployment: 'deployments',
  replicaset: 'replicasets',
  statefulset: 'statefulsets',
  daemonset: 'daemonsets',
  clusterrole: 'clusterroles',
  kube_role: 'roles',
  clusterrolebinding: 'clusterrolebindings',
  rolebinding: 'rolebindings',
  cronjob: 'cronjobs',
  job: 'jobs',
  certificatesigningrequest: 'certificatesigningrequests',
  ingress: 'ingresses',
};

/** Role v7 kinds that are cluster-wide: they need no `namespace` (`KubernetesClusterWideResourceKinds`). */
export const V7_CLUSTER_WIDE_KINDS: readonly string[] = [
  'namespace',
  'kube_node',
  'persistentvolume',
  'clusterrole',
  'clusterrolebinding',
  'certificatesigningrequest',
];

/**
 * Role v8 kinds that may go without `api_group`: Teleport allows an empty `api_group` only for the
 * kinds of its `KubernetesCoreResourceKinds` map, the resources of the Kubernetes core API group
 * (plural names). That map itself was not in the material we could read, so this list is the
 * Kubernetes core/v1 resources; any other kind needs an `api_group` (`*` included, as the role
 * reference's table says: "v8 requires api_group for '*' kind").
 */
export const V8_CORE_KINDS: readonly string[] = [
  'pods',
  'secrets',
  'configmaps',
  'namespaces',
  'services',
  'serviceaccounts',
  'nodes',
  'persistentvolumes',
  'persistentvolumeclaims',
  'endpoints',
  'events',
  'limitranges',
  'podtemplates',
  'replicationcontrollers',
  'resourcequotas',
  'bindings',
  'componentstatuses',
];

/** Kubernetes verbs a role may grant (`KubernetesVerbs`), besides `*`. */
export const KUBERNETES_VERBS: readonly string[] = [
  'get',
  'list',
  'watch',
  'create',
  'update',
  'patch',
  'delete',
  'deletecollection',
  'exec',
  'portforward',
];
