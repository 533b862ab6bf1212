// The only gRPC methods the Auth client may call: full method paths, each a read. Checked first
// thing where a call is made (client.ts), and again where the HTTP/2 request is written
// (unary.ts), before a byte leaves. Sources: docs/auth-grpc.md.

export const ALLOWED_METHODS: ReadonlyMap<string, string> = new Map([
  ['/proto.AuthService/Ping', 'cluster name and server version; no resource read'],
  ['/proto.AuthService/GetRole', 'reads one role by name'],
  ['/proto.AuthService/ListRoles', 'reads roles, a page at a time (fallback when GetRole is unimplemented)'],
  ['/proto.AuthService/GetRoles', 'reads all roles (older servers without ListRoles)'],
  ['/proto.AuthService/GetTrustedCluster', 'reads one trusted cluster by name (spec.token is registered as a secret)'],
  ['/proto.AuthService/GetTrustedClusters', 'reads all trusted clusters (fallback; spec.token registered as a secret)'],
  ['/proto.AuthService/GetToken', 'reads one provision token by its value, which the configuration already holds'],
  ['/teleport.presence.v1.PresenceService/GetRemoteCluster', 'reads one remote cluster by name'],
]);

export function isAllowedMethod(path: string): boolean {
  return ALLOWED_METHODS.has(path);
}
