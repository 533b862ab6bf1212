// The hand-written wire format against an independent encoder (protobufjs, as the fake Auth
// Service uses it), and against hostile bytes: every input either decodes or fails with
// MalformedMessage, never anything else.
import * as crypto from 'crypto';
import { decodePing, decodeRemoteCluster, decodeToken, decodeTrustedCluster, listRolesRequest, nameRequest } from '../../lib/auth-client/messages';
import { Fields, MalformedMessage, encodeMessage, timestamp } from '../../lib/auth-client/protobuf';
import { clearSecrets, redact } from '../../lib/report/redact';
import { decode, encode, timestampOf } from '../support/fake-auth-messages';

afterEach(() => clearSecrets());

test('requests decode with protobufjs to the fields Teleport reads', () => {
  expect(decode('types.ResourceRequest', nameRequest('visitor'))).toEqual({ Name: 'visitor' });
  expect(decode('proto.ListRolesRequest', listRolesRequest(200, 'next-role'))).toEqual({ Limit: 200, StartKey: 'next-role' });
  expect(decode('proto.ListRolesRequest', listRolesRequest(300, ''))).toEqual({ Limit: 300, StartKey: '' });
  expect(
    encodeMessage([
      [1, { string: '' }],
      [2, { uint: 0 }],
    ]),
  ).toEqual(Buffer.alloc(0)); // proto3 leaves defaults out
  expect(decode('proto.ListRolesRequest', encodeMessage([[1, { uint: 2 ** 31 - 1 }]])).Limit).toBe(2 ** 31 - 1);
});

test('answers encoded by protobufjs decode to the same values, unknown fields skipped', () => {
  expect(
    decodePing(
      encode('proto.PingResponse', {
        ClusterName: 'root.example.com',
        ServerVersion: '18.1.4',
        ProxyPublicAddr: 'root.example.com:443',
        IsBoring: true,
      }),
    ),
  ).toEqual({ clusterName: 'root.example.com', serverVersion: '18.1.4', proxyPublicAddr: 'root.example.com:443' });
  const tc = decodeTrustedCluster(
    encode('types.TrustedClusterV2', {
      Kind: 'trusted_cluster',
      Version: 'v2',
      Metadata: { Name: 'root', Labels: { a: 'b' } },
      Spec: {
        Enabled: true,
        Token: 'tc-secret-token-5e1',
        ProxyAddress: 'root:443',
        ReverseTunnelAddress: 'root:3024',
        RoleMap: [{ Remote: 'access', Local: ['visitor', 'ops'] }],
      },
    }),
  );
  expect(tc).toEqual({
    name: 'root',
    enabled: true,
    proxyAddress: 'root:443',
    reverseTunnelAddress: 'root:3024',
    roleMap: [{ remote: 'access', local: ['visitor', 'ops'] }],
  });
  expect(redact('token tc-secret-token-5e1')).toBe('token ***REDACTED***'); // spec.token registered as it was decoded
  const expires = new Date('2031-02-03T04:05:06.789Z');
  expect(
    decodeToken(
      encode('types.ProvisionTokenV2', {
        Metadata: { Name: 'join-token-value-77', Expires: timestampOf(expires) },
        Spec: { Roles: ['Trusted_cluster', 'Node'], JoinMethod: 'token', BotName: 'x' },
      }),
    ),
  ).toEqual({ roles: ['Trusted_cluster', 'Node'], joinMethod: 'token', expires });
  expect(redact('join-token-value-77')).toBe('***REDACTED***');
  expect(
    decodeRemoteCluster(
      encode('types.RemoteClusterV3', { Metadata: { Name: 'leaf' }, Status: { Connection: 'offline', LastHeartbeat: timestampOf(expires) } }),
    ),
  ).toEqual({ name: 'leaf', connection: 'offline', lastHeartbeat: expires });
});

test('Go\'s zero time (a negative int64) and absent timestamps are "no time"', () => {
  expect(timestamp(Fields.decode(encode('google.protobuf.Timestamp', { seconds: -62135596800 })))).toBeUndefined();
  expect(timestamp(Fields.decode(Buffer.alloc(0)))).toBeUndefined();
  expect(timestamp(undefined)).toBeUndefined();
});

test('hostile bytes: truncated, overlong, wrong wire types, field 0, or wrong shapes are MalformedMessage', () => {
  const cases: [string, Buffer][] = [
    ['truncated varint', Buffer.from([0x08, 0x80])],
    ['11-byte varint', Buffer.from([0x08, ...Array(10).fill(0xff), 0x01])],
    ['length past the end', Buffer.from([0x0a, 0x05, 0x61])],
    ['group wire type', Buffer.from([0x0b])],
    ['field number 0', Buffer.from([0x02, 0x00])],
    ['fixed64 truncated', Buffer.from([0x09, 0x01, 0x02])],
  ];
  for (const [, bytes] of cases) expect(() => Fields.decode(bytes)).toThrow(MalformedMessage);
  // A string field sent as a varint: refused when read.
  expect(() => decodePing(Buffer.from([0x08, 0x01]))).toThrow(MalformedMessage);
  // An embedded message that is not one.
  expect(() => decodeTrustedCluster(Buffer.from([0x2a, 0x02, 0x0b, 0x00]))).toThrow(MalformedMessage);
});

test('random bytes never throw anything but MalformedMessage', () => {
  for (let i = 0; i < 1000; i++) {
    const bytes = crypto.randomBytes(1 + (i % 64));
    for (const f of [decodePing, decodeTrustedCluster, decodeToken, decodeRemoteCluster]) {
      try {
        f(bytes);
      } catch (e) {
        expect(e).toBeInstanceOf(MalformedMessage);
      }
    }
  }
});
