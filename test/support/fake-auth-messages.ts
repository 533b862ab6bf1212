// The fake Auth Service's own encoding of Teleport's messages: a protobufjs schema with the fields
// (and numbers) of Teleport's protos that the client reads, plus a few it skips, so the client's
// hand-written wire code (lib/auth-client/protobuf.ts) is checked against an independent encoder.
import * as path from 'path';
import type * as protobuf from 'protobufjs';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the protobufjs copy proto-loader resolves, by path
const pb: typeof protobuf = require(require.resolve('protobufjs', { paths: [path.dirname(require.resolve('@grpc/proto-loader'))] }));

const str = (id: number) => ({ type: 'string', id });
const strs = (id: number) => ({ type: 'string', id, rule: 'repeated' });
const msg = (type: string, id: number, repeated = false) => ({ type, id, ...(repeated ? { rule: 'repeated' } : {}) });
/** Every resource message: Kind 1, SubKind 2, Version 3, Metadata 4, and the spec (or status) at 5. */
const resource = (spec: string, field = 'Spec') => ({
  fields: { Kind: str(1), SubKind: str(2), Version: str(3), Metadata: msg('types.Metadata', 4), [field]: msg(spec, 5) },
});

export const root = pb.Root.fromJSON(<protobuf.INamespace>{
  nested: {
    google: { nested: { protobuf: { nested: { Timestamp: { fields: { seconds: { type: 'int64', id: 1 }, nanos: { type: 'int32', id: 2 } } } } } } },
    types: {
      nested: {
        Metadata: {
          fields: {
            Name: str(1),
            Namespace: str(2),
            Description: str(3),
            Labels: { keyType: 'string', type: 'string', id: 5 },
            Expires: msg('google.protobuf.Timestamp', 6),
            Revision: str(8),
          },
        },
        ResourceRequest: { fields: { Name: str(1) } },
        RoleConditions: { fields: { Logins: strs(1) } },
        RoleSpecV6: { fields: { Allow: msg('types.RoleConditions', 2), Deny: msg('types.RoleConditions', 3) } },
        RoleV6: resource('types.RoleSpecV6'),
        RoleMapping: { fields: { Remote: str(1), Local: strs(2) } },
        TrustedClusterSpecV2: {
          fields: {
            Enabled: { type: 'bool', id: 1 },
            Roles: strs(2),
            Token: str(3),
            ProxyAddress: str(4),
            ReverseTunnelAddress: str(5),
            RoleMap: msg('types.RoleMapping', 6, true),
          },
        },
        TrustedClusterV2: resource('types.TrustedClusterSpecV2'),
        TrustedClusterV2List: { fields: { TrustedClusters: msg('types.TrustedClusterV2', 1, true) } },
        ProvisionTokenSpecV2: { fields: { Roles: strs(1), JoinMethod: str(4), BotName: str(5) } },
        ProvisionTokenV2: resource('types.ProvisionTokenSpecV2'),
        RemoteClusterStatusV3: { fields: { Connection: str(1), LastHeartbeat: msg('google.protobuf.Timestamp', 2) } },
        RemoteClusterV3: resource('types.RemoteClusterStatusV3', 'Status'),
      },
    },
    proto: {
      nested: {
        PingResponse: { fields: { ClusterName: str(1), ServerVersion: str(2), ProxyPublicAddr: str(4), IsBoring: { type: 'bool', id: 5 } } },
        GetRoleRequest: { fields: { Name: str(1) } },
        ListRolesRequest: { fields: { Limit: { type: 'int32', id: 1 }, StartKey: str(2) } },
        ListRolesResponse: { fields: { Roles: msg('types.RoleV6', 1, true), NextKey: str(2) } },
        GetRolesResponse: { fields: { Roles: msg('types.RoleV6', 1, true) } },
      },
    },
    teleport: { nested: { presence: { nested: { v1: { nested: { GetRemoteClusterRequest: { fields: { name: str(1) } } } } } } } },
  },
});

export function encode(type: string, value: Record<string, unknown>): Buffer {
  const t = root.lookupType(type);
  return Buffer.from(t.encode(t.fromObject(value)).finish());
}

export function decode(type: string, bytes: Buffer): Record<string, any> {
  const t = root.lookupType(type);
  return t.toObject(t.decode(bytes), { longs: Number, defaults: true });
}

export const timestampOf = (d: Date) => ({ seconds: Math.floor(d.getTime() / 1000), nanos: (d.getTime() % 1000) * 1e6 });
