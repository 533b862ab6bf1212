// The requests the Auth client sends and the fields it reads from the answers, with their field
// numbers (api/proto/teleport/legacy/client/proto/authservice.proto, .../types/types.proto,
// api/proto/teleport/presence/v1/service.proto; see docs/auth-grpc.md). Only these fields are read;
// protobuf skips the rest. Secrets in answers (a trusted cluster's spec.token, a token's name) are
// registered with the redactor as they are decoded.
import { registerSecret } from '../report/redact';
import { Fields, encodeMessage, timestamp } from './protobuf';

export const METHOD = {
  ping: '/proto.AuthService/Ping',
  getRole: '/proto.AuthService/GetRole',
  listRoles: '/proto.AuthService/ListRoles',
  getRoles: '/proto.AuthService/GetRoles',
  getTrustedCluster: '/proto.AuthService/GetTrustedCluster',
  getTrustedClusters: '/proto.AuthService/GetTrustedClusters',
  getToken: '/proto.AuthService/GetToken',
  getRemoteCluster: '/teleport.presence.v1.PresenceService/GetRemoteCluster',
} as const;

export interface PingInfo {
  readonly clusterName: string;
  readonly serverVersion: string;
  readonly proxyPublicAddr: string;
}

export interface TrustedClusterInfo {
  readonly name: string;
  readonly enabled: boolean;
  readonly proxyAddress: string;
  readonly reverseTunnelAddress: string;
  readonly roleMap: readonly { readonly remote: string; readonly local: readonly string[] }[];
}

export interface TokenInfo {
  readonly roles: readonly string[];
  readonly joinMethod: string;
  /** metadata.expires, when set. */
  readonly expires?: Date;
}

export interface RemoteClusterInfo {
  readonly name: string;
  /** `online` or `offline`. */
  readonly connection: string;
  readonly lastHeartbeat?: Date;
}

/** GetRoleRequest, types.ResourceRequest, GetRemoteClusterRequest: `name` = 1. */
export const nameRequest = (name: string) => encodeMessage([[1, { string: name }]]);
/** ListRolesRequest: `Limit` = 1, `StartKey` = 2. */
export const listRolesRequest = (limit: number, startKey: string) =>
  encodeMessage([
    [1, { uint: limit }],
    [2, { string: startKey }],
  ]);
/** PingRequest and google.protobuf.Empty: no fields. */
export const emptyRequest = () => Buffer.alloc(0);

/** Resource messages: `Metadata` = 4 (`Name` = 1, `Expires` = 6), `Spec` = 5 (`Status` = 5 for remote clusters). */
const nameOf = (resource: Fields) => resource.message(4)?.string(1) ?? '';

export function decodePing(b: Buffer): PingInfo {
  const f = Fields.decode(b);
  return { clusterName: f.string(1), serverVersion: f.string(2), proxyPublicAddr: f.string(4) };
}

/** GetRolesResponse and ListRolesResponse: `Roles` = 1 (repeated RoleV6), ListRoles' `NextKey` = 2. */
export function decodeRoleNames(b: Buffer): { names: string[]; nextKey: string } {
  const f = Fields.decode(b);
  return { names: f.messages(1).map(nameOf), nextKey: f.string(2) };
}

/** TrustedClusterV2; spec: `Enabled` = 1, `Token` = 3 (a secret), `ProxyAddress` = 4, `ReverseTunnelAddress` = 5, `RoleMap` = 6. */
export function decodeTrustedCluster(b: Buffer | Fields): TrustedClusterInfo {
  const f = b instanceof Fields ? b : Fields.decode(b);
  const spec = f.message(5);
  registerSecret(spec?.string(3));
  return {
    name: nameOf(f),
    enabled: spec?.uint(1) === 1,
    proxyAddress: spec?.string(4) ?? '',
    reverseTunnelAddress: spec?.string(5) ?? '',
    roleMap: (spec?.messages(6) ?? []).map((m) => ({ remote: m.string(1), local: m.strings(2) })),
  };
}

/** TrustedClusterV2List: `TrustedClusters` = 1. */
export function decodeTrustedClusters(b: Buffer): TrustedClusterInfo[] {
  return Fields.decode(b).messages(1).map(decodeTrustedCluster);
}

/** ProvisionTokenV2: the name (the secret) in metadata; spec `Roles` = 1, `JoinMethod` = 4. */
export function decodeToken(b: Buffer): TokenInfo {
  const f = Fields.decode(b);
  registerSecret(nameOf(f));
  const spec = f.message(5);
  return { roles: spec?.strings(1) ?? [], joinMethod: spec?.string(4) ?? '', expires: timestamp(f.message(4)?.message(6)) };
}

/** RemoteClusterV3: status (5) `Connection` = 1, `LastHeartbeat` = 2. */
export function decodeRemoteCluster(b: Buffer): RemoteClusterInfo {
  const f = Fields.decode(b);
  const status = f.message(5);
  return { name: nameOf(f), connection: status?.string(1) ?? '', lastHeartbeat: timestamp(status?.message(2)) };
}
