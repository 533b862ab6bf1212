// A role's spec as the Auth Service stores it: the defaults it fills in per version (the same data
// the constructs write out, lib/common/role-server-defaults.ts; docs/role-defaults.md), applied to
// the provider's snake_case values. A value known only at apply (`${...}`) is never defaulted over.
import {
  DEFAULT_KUBERNETES_RESOURCES,
  DEFAULT_KUBERNETES_VERBS_VERSIONS,
  DEFAULT_MAX_SESSION_TTL,
  WILDCARD_LABELS_VERSION,
  defaultKubernetesResourcesJson,
} from '../common/role-server-defaults';
import { hasKeys, isExpression } from './values';

type Spec = Record<string, any>;

const WILDCARD = () => ({ '*': ['*'] });
const unset = (v: unknown) => v === undefined || v === null;
const emptyList = (v: unknown) => unset(v) || (Array.isArray(v) && v.length === 0);

/** Go's HasLabelMatchers for Kubernetes: labels or an expression; undefined when only apply tells. */
function hasKubernetesMatchers(c: Spec): boolean | undefined {
  const expr = c.kubernetes_labels_expression;
  if (typeof expr === 'string' && expr !== '') return true;
  const labels = c.kubernetes_labels;
  if (isExpression(labels)) return undefined;
  return hasKeys(labels ?? undefined);
}

function withDefaultVerbs(version: string, resources: unknown): unknown {
  if (!DEFAULT_KUBERNETES_VERBS_VERSIONS.has(version) || !Array.isArray(resources)) return resources;
  return resources.map((r) => (r && typeof r === 'object' && emptyList(r.verbs) ? { ...r, verbs: ['*'] } : r));
}

function allowWithDefaults(version: string, allow: Spec, notes: string[]): Spec {
  let out: Spec = { ...allow };
  if (version === WILDCARD_LABELS_VERSION) {
    const logins = out.logins;
    const withLogins = Array.isArray(logins) && logins.length > 0;
    out = {
      ...out,
      node_labels: unset(out.node_labels) && withLogins ? WILDCARD() : out.node_labels,
      app_labels: unset(out.app_labels) ? WILDCARD() : out.app_labels,
      kubernetes_labels: unset(out.kubernetes_labels) ? WILDCARD() : out.kubernetes_labels,
      db_labels: unset(out.db_labels) ? WILDCARD() : out.db_labels,
    };
  }
  if (emptyList(out.kubernetes_resources)) {
    const matchers = hasKubernetesMatchers(out);
    const fallback = DEFAULT_KUBERNETES_RESOURCES.get(version);
    if (matchers === true && fallback) {
      out = {
        ...out,
        kubernetes_resources: defaultKubernetesResourcesJson(version),
      };
      notes.push(
        `allow.kubernetes_resources: none given with Kubernetes labels, so role ${version} grants the server's default (${fallback.map((r) => r.kind).join(', ')} in every namespace)`,
      );
    } else if (matchers === undefined && fallback) {
      notes.push('allow.kubernetes_resources: the Kubernetes labels are known only at apply, so whether the server fills in its default is too');
    }
  }
  return { ...out, kubernetes_resources: withDefaultVerbs(version, out.kubernetes_resources) };
}

/** `{version, spec}` of a role with the server's defaults applied, and notes on what was filled in. */
export function withServerDefaults(version: string, spec: Spec | undefined): { spec: Spec; notes: string[] } {
  const notes: string[] = [];
  const s = spec ?? {};
  const options: Spec = { ...(s.options ?? {}) };
  if (unset(options.max_session_ttl) || options.max_session_ttl === '' || options.max_session_ttl === '0s')
    options.max_session_ttl = DEFAULT_MAX_SESSION_TTL;
  if (unset(options.ssh_file_copy)) options.ssh_file_copy = true;
  const deny: Spec = { ...(s.deny ?? {}) };
  deny.kubernetes_resources = withDefaultVerbs(version, deny.kubernetes_resources);
  return { spec: { options, allow: allowWithDefaults(version, s.allow ?? {}, notes), deny }, notes };
}
