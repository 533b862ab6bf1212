// Every request the client may send, as (method, path pattern). Checked before each request; the
// validator only reads. Source: docs of the Teleport proxy web API (lib/web/apiserver.go,
// lib/web/resources.go, lib/web/join_tokens.go, lib/web/yaml.go), see README "What validate checks".

export interface AllowedRequest {
  readonly method: 'GET' | 'POST' | 'DELETE';
  readonly pattern: RegExp;
  /** Why it is safe: it reads, or it only manages our own web session, or it parses without storing. */
  readonly why: string;
}

export const ALLOWED_REQUESTS: readonly AllowedRequest[] = [
  { method: 'GET', pattern: /^\/webapi\/find$/, why: 'no credentials; cached, no Auth round trip' },
  { method: 'GET', pattern: /^\/webapi\/ping$/, why: 'no credentials' },
  { method: 'GET', pattern: /^\/webapi\/presetroles$/, why: 'no credentials; preset role names' },
  { method: 'POST', pattern: /^\/webapi\/sessions\/web$/, why: 'login: creates our own web session only; never retried' },
  { method: 'DELETE', pattern: /^\/webapi\/sessions\/web$/, why: 'logout of our own session' },
  { method: 'GET', pattern: /^\/webapi\/roles$/, why: 'reads roles' },
  { method: 'GET', pattern: /^\/webapi\/tokens$/, why: 'reads tokens (values are secrets: redacted)' },
  { method: 'GET', pattern: /^\/webapi\/trustedcluster$/, why: 'reads trusted clusters (spec.token redacted)' },
  { method: 'GET', pattern: /^\/webapi\/sites$/, why: 'reads clusters and remote (leaf) clusters' },
  { method: 'POST', pattern: /^\/webapi\/yaml\/parse\/(role|token)$/, why: 'server-side parse: validates, stores nothing' },
];

/**
 * Endpoints that must never be called, whatever changes: the trusted-cluster handshake creates a
 * remote_cluster on the root, returns its CAs and deletes expired tokens; host credentials joins a
 * host. Tests assert that the allow-list refuses them.
 */
export const NEVER_CALLED: readonly string[] = [
  '/webapi/trustedclusters/validate',
  '/v1/webapi/trustedclusters/validate',
  '/webapi/host/credentials',
];

export function isAllowed(method: string, path: string): boolean {
  const bare = path.split('?')[0];
  if (NEVER_CALLED.includes(bare)) return false;
  return ALLOWED_REQUESTS.some((r) => r.method === method && r.pattern.test(bare));
}
