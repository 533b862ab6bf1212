// A role's spec without the values the Auth Service would fill in anyway (the defaults `Role` writes
// out, docs/role-defaults.md), so exported YAML reads like the guides' and `tctl get` prints the same
// role after `tctl create`. Only values equal to the server's for the role's version are left out.
import { isDeepStrictEqual } from 'util';
import {
  DEFAULT_BOOLEAN_OPTIONS,
  DEFAULT_CERT_FORMAT,
  DEFAULT_ENHANCED_RECORDING,
  DEFAULT_MAX_SESSION_TTL,
  DEFAULT_RECORD_SESSION,
  LEGACY_SAML_IDP_VERSIONS,
  WILDCARD_LABELS_VERSION,
  defaultKubernetesResourcesJson,
} from '../common/role-server-defaults';
import { isPlainObject } from '../config/shape';

type Spec = Record<string, any>;

/** `spec.options` fields and the value the server sets (docs/role-defaults.md, "Defaults per role version"). */
function optionDefaults(version: string): Record<string, unknown> {
  return {
    cert_format: DEFAULT_CERT_FORMAT,
    max_session_ttl: DEFAULT_MAX_SESSION_TTL,
    enhanced_recording: [...DEFAULT_ENHANCED_RECORDING],
    record_session: { ...DEFAULT_RECORD_SESSION },
    ...DEFAULT_BOOLEAN_OPTIONS,
    ...(LEGACY_SAML_IDP_VERSIONS.has(version) ? { idp: { saml: { enabled: true } } } : {}),
  };
}

const WILDCARD = { '*': ['*'] };

/** Order-insensitive for object keys: compares by value. */
const same = (a: unknown, b: unknown) => isDeepStrictEqual(normalize(a), normalize(b));
function normalize(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(normalize);
  if (isPlainObject(v))
    return Object.fromEntries(
      Object.keys(v)
        .sort()
        .map((k) => [k, normalize(v[k])]),
    );
  return v;
}

function withoutAllowDefaults(version: string, allow: Spec): Spec {
  const out: Spec = { ...allow };
  if (version === WILDCARD_LABELS_VERSION) {
    for (const key of ['app_labels', 'kubernetes_labels', 'db_labels']) if (same(out[key], WILDCARD)) delete out[key];
    if (Array.isArray(out.logins) && out.logins.length > 0 && same(out.node_labels, WILDCARD)) delete out.node_labels;
  }
  const fallback = defaultKubernetesResourcesJson(version);
  const matchers =
    (isPlainObject(out.kubernetes_labels) && Object.keys(out.kubernetes_labels).length > 0) ||
    (typeof out.kubernetes_labels_expression === 'string' && out.kubernetes_labels_expression !== '');
  if (fallback && matchers && same(out.kubernetes_resources, fallback)) delete out.kubernetes_resources;
  return out;
}

/** The role's spec with every value equal to the server's default for `version` left out (and blocks left empty by that). */
export function withoutServerDefaults(version: string, spec: Spec | undefined): Spec {
  const out: Spec = { ...(spec ?? {}) };
  if (isPlainObject(out.options)) {
    const options: Spec = { ...out.options };
    for (const [key, value] of Object.entries(optionDefaults(version))) if (same(options[key], value)) delete options[key];
    out.options = options;
  }
  if (isPlainObject(out.allow)) out.allow = withoutAllowDefaults(version, out.allow);
  for (const key of ['options', 'allow', 'deny']) if (isPlainObject(out[key]) && Object.keys(out[key]).length === 0) delete out[key];
  return out;
}
