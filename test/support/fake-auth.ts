// A fake Teleport Auth Service on 127.0.0.1: gRPC over HTTP/2 with mutual TLS (its certificate from
// the test cluster's Host CA with the teleport.cluster.local SANs; client certificates must chain
// to the cluster's User CA), answering the read methods from fixtures, UNIMPLEMENTED for anything
// else, with per-method faults. Every method it receives is logged (and whose certificate sent
// it), so tests can assert that nothing but reads ever arrived.
import * as http2 from 'http2';
import { AddressInfo, Socket } from 'net';
import { TestCluster } from './fake-auth-identity';
import { decode, encode, timestampOf } from './fake-auth-messages';

export interface AuthFixtures {
  clusterName: string;
  version: string;
  roles?: string[];
  trustedClusters?: { name: string; proxyAddress: string; tunnelAddress: string; token?: string; enabled?: boolean }[];
  tokens?: { name: string; roles: string[]; expires?: Date; joinMethod?: string }[];
  remoteClusters?: { name: string; connection: string; lastHeartbeat?: Date }[];
  /** The most roles ListRoles returns per page (a server may page below the client's limit). */
  pageSize?: number;
}

/** A method's fault: never answer, a gRPC error status, or these bytes as an OK answer's message. */
export type AuthFault = 'stall' | 'unimplemented' | 'permission-denied' | { status: number; message: string } | { raw: Buffer };

export interface AuthCall {
  readonly method: string;
  /** The client certificate's common name. */
  readonly user: string;
  readonly server: string;
}

export interface FakeAuth {
  readonly address: string;
  readonly calls: AuthCall[];
  /** TLS connections that completed the handshake. */
  readonly connections: () => number;
  fixtures: AuthFixtures;
  faults: Record<string, AuthFault>;
  /** Ends every open connection (what a server does to an idle one). */
  dropConnections(): void;
  close(): Promise<void>;
}

const NOT_FOUND = 5;
const PERMISSION_DENIED = 7;
const UNIMPLEMENTED = 12;

type Answer = { message: Buffer } | { status: number; text: string };

export async function startFakeAuth(
  cluster: TestCluster,
  fixtures: AuthFixtures,
  options: { log?: AuthCall[]; host?: string; port?: number } = {},
): Promise<FakeAuth> {
  let state = { fixtures, faults: {} as Record<string, AuthFault> };
  const calls: AuthCall[] = [];
  let handshakes = 0;
  const server = http2.createSecureServer({
    key: cluster.authCert.privateKeyPem,
    cert: cluster.authCert.certificatePem,
    ca: [cluster.userCa.certificatePem],
    requestCert: true,
    rejectUnauthorized: true,
    ALPNProtocols: ['h2'],
  });
  const sockets = new Set<Socket>();
  server.on('connection', (s: Socket) => {
    s.setNoDelay(true);
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  server.on('secureConnection', () => handshakes++);
  server.on('stream', (stream, headers) => {
    const method = String(headers[':path']);
    const peer = (stream.session?.socket as unknown as { getPeerCertificate(): { subject?: { CN?: string } } } | undefined)?.getPeerCertificate();
    const call = { method, user: String(peer?.subject?.CN ?? ''), server: address };
    calls.push(call);
    options.log?.push(call);
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    stream.on('end', () => {
      const fault = state.faults[method];
      if (fault === 'stall') return;
      const body = Buffer.concat(chunks);
      const request = body.length >= 5 ? body.subarray(5, 5 + body.readUInt32BE(1)) : Buffer.alloc(0);
      const answer: Answer =
        fault === 'unimplemented'
          ? { status: UNIMPLEMENTED, text: `unknown method ${method}` }
          : fault === 'permission-denied'
            ? { status: PERMISSION_DENIED, text: `access denied to perform action "read" on "${method.split('/Get').pop()}"` }
            : typeof fault === 'object' && 'raw' in fault
              ? { message: fault.raw }
              : typeof fault === 'object'
                ? { status: fault.status, text: fault.message }
                : answerFor(method, request, state.fixtures);
      if ('status' in answer) {
        stream.respond(
          {
            ':status': 200,
            'content-type': 'application/grpc',
            'grpc-status': String(answer.status),
            'grpc-message': encodeURIComponent(answer.text),
          },
          { endStream: true },
        );
        return;
      }
      const frame = Buffer.alloc(5);
      frame.writeUInt32BE(answer.message.length, 1);
      stream.respond({ ':status': 200, 'content-type': 'application/grpc' }, { waitForTrailers: true });
      stream.on('wantTrailers', () => stream.sendTrailers({ 'grpc-status': '0' }));
      stream.end(Buffer.concat([frame, answer.message]));
    });
    stream.on('error', () => undefined);
  });
  server.on('sessionError', () => undefined);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve);
  });
  const address = `${options.host ?? '127.0.0.1'}:${(server.address() as AddressInfo).port}`;
  return {
    address,
    calls,
    connections: () => handshakes,
    get fixtures() {
      return state.fixtures;
    },
    set fixtures(f) {
      state = { ...state, fixtures: f };
    },
    get faults() {
      return state.faults;
    },
    set faults(f) {
      state = { ...state, faults: f };
    },
    dropConnections: () => sockets.forEach((s) => s.destroy()),
    close: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}

const meta = (name: string, expires?: Date) => ({
  Name: name,
  Namespace: 'default',
  Labels: { 'teleport.dev/origin': 'fake' },
  ...(expires ? { Expires: timestampOf(expires) } : {}),
});
const role = (name: string) => ({ Kind: 'role', Version: 'v7', Metadata: meta(name), Spec: { Allow: { Logins: ['root'] } } });
const notFound = (what: string): Answer => ({ status: NOT_FOUND, text: `${what} is not found` });

function answerFor(method: string, request: Buffer, f: AuthFixtures): Answer {
  const name = () => String(decode('types.ResourceRequest', request).Name);
  const roles = [...(f.roles ?? [])].sort();
  const trusted = (t: NonNullable<AuthFixtures['trustedClusters']>[number]) => ({
    Kind: 'trusted_cluster',
    Version: 'v2',
    Metadata: meta(t.name),
    Spec: {
      Enabled: t.enabled ?? true,
      Token: t.token ?? '',
      ProxyAddress: t.proxyAddress,
      ReverseTunnelAddress: t.tunnelAddress,
      RoleMap: [{ Remote: 'access', Local: ['visitor'] }],
    },
  });
  switch (method) {
    case '/proto.AuthService/Ping':
      return {
        message: encode('proto.PingResponse', {
          ClusterName: f.clusterName,
          ServerVersion: f.version,
          ProxyPublicAddr: `${f.clusterName}:443`,
          IsBoring: false,
        }),
      };
    case '/proto.AuthService/GetRole':
      return roles.includes(name()) ? { message: encode('types.RoleV6', role(name())) } : notFound(`role ${name()}`);
    case '/proto.AuthService/ListRoles': {
      const r = decode('proto.ListRolesRequest', request);
      const start = r.StartKey ? roles.indexOf(r.StartKey) : 0;
      const size = Math.min(r.Limit || roles.length, f.pageSize ?? Infinity);
      const page = roles.slice(Math.max(0, start), Math.max(0, start) + size);
      return { message: encode('proto.ListRolesResponse', { Roles: page.map(role), NextKey: roles[start + size] ?? '' }) };
    }
    case '/proto.AuthService/GetRoles':
      return { message: encode('proto.GetRolesResponse', { Roles: roles.map(role) }) };
    case '/proto.AuthService/GetTrustedCluster': {
      const t = (f.trustedClusters ?? []).find((x) => x.name === name());
      return t ? { message: encode('types.TrustedClusterV2', trusted(t)) } : notFound(`trusted_cluster ${name()}`);
    }
    case '/proto.AuthService/GetTrustedClusters':
      return { message: encode('types.TrustedClusterV2List', { TrustedClusters: (f.trustedClusters ?? []).map(trusted) }) };
    case '/proto.AuthService/GetToken': {
      const t = (f.tokens ?? []).find((x) => x.name === name());
      return t
        ? {
            message: encode('types.ProvisionTokenV2', {
              Kind: 'token',
              Version: 'v2',
              Metadata: meta(t.name, t.expires),
              Spec: { Roles: t.roles, JoinMethod: t.joinMethod ?? 'token' },
            }),
          }
        : notFound('token');
    }
    case '/teleport.presence.v1.PresenceService/GetRemoteCluster': {
      const wanted = String(decode('teleport.presence.v1.GetRemoteClusterRequest', request).name);
      const rc = (f.remoteClusters ?? []).find((x) => x.name === wanted);
      return rc
        ? {
            message: encode('types.RemoteClusterV3', {
              Kind: 'remote_cluster',
              Version: 'v3',
              Metadata: meta(rc.name),
              Status: { Connection: rc.connection, LastHeartbeat: rc.lastHeartbeat ? timestampOf(rc.lastHeartbeat) : { seconds: -62135596800 } },
            }),
          }
        : notFound(`remote cluster ${wanted}`);
    }
    default:
      return { status: UNIMPLEMENTED, text: `unknown method ${method.split('/').pop()} for service` };
  }
}
