import * as crypto from 'crypto';
import * as net from 'net';
import { bitString, bool, explicit, integer, octetString, oid, sequence, set, smallInteger, time, tlv, utf8String } from './der';

/**
 * X.509 certificates from node:crypto keys (node:crypto can sign but cannot build certificates).
 * ECDSA P-256/P-384/P-521 keys (and RSA subject keys), signed with ECDSA-SHA256/384/512. Used for
 * the Terraform plugin server's certificate and for test CAs and identities; nothing here is
 * security-critical policy.
 */
export interface CertificateOptions {
  /** Subject common name. */
  readonly commonName: string;
  /** DNS subject alternative names. @default none */
  readonly dnsNames?: string[];
  /** IP subject alternative names. @default none */
  readonly ipAddresses?: string[];
  /** A CA certificate (basicConstraints CA=true, keyCertSign). @default false */
  readonly isCa?: boolean;
  /** @default now minus 30 seconds */
  readonly notBefore?: Date;
  /** @default notBefore plus one day */
  readonly notAfter?: Date;
  /** The signing CA; omit for a self-signed certificate. */
  readonly issuer?: Issuer;
}

export interface Issuer {
  readonly certificatePem: string;
  readonly privateKey: crypto.KeyObject;
}

export interface IssuedCertificate {
  readonly certificatePem: string;
  readonly certificateDer: Buffer;
  readonly privateKey: crypto.KeyObject;
  readonly privateKeyPem: string;
}

const CURVES: Record<string, { oid: string; hash: string; sigOid: string }> = {
  prime256v1: { oid: '1.2.840.10045.3.1.7', hash: 'sha256', sigOid: '1.2.840.10045.4.3.2' },
  secp384r1: { oid: '1.3.132.0.34', hash: 'sha384', sigOid: '1.2.840.10045.4.3.3' },
  secp521r1: { oid: '1.3.132.0.35', hash: 'sha512', sigOid: '1.2.840.10045.4.3.4' },
};

function curveOf(key: crypto.KeyObject) {
  const name = key.asymmetricKeyDetails?.namedCurve;
  const curve = name && CURVES[name];
  if (!curve) throw new Error(`unsupported key: only ECDSA P-256, P-384 and P-521 keys are supported (got ${name ?? key.asymmetricKeyType})`);
  return curve;
}

function subjectName(cn: string): Buffer {
  return sequence(set(sequence(oid('2.5.4.3'), utf8String(cn))));
}

function extension(id: string, critical: boolean, value: Buffer): Buffer {
  return sequence(oid(id), ...(critical ? [bool(true)] : []), octetString(value));
}

function ipBytes(ip: string): Buffer {
  if (net.isIPv4(ip)) return Buffer.from(ip.split('.').map(Number));
  const full = new net.SocketAddress({ address: ip, family: 'ipv6' }).address;
  const [head, tail = ''] = full.split('::');
  const h = head ? head.split(':') : [];
  const t = tail ? tail.split(':') : [];
  const groups = [...h, ...Array(8 - h.length - t.length).fill('0'), ...t];
  return Buffer.from(groups.flatMap((g) => [parseInt(g, 16) >> 8, parseInt(g, 16) & 0xff]));
}

/** A new ECDSA key pair on the given curve. */
export function generateKey(namedCurve: 'P-256' | 'P-384' | 'P-521' = 'P-256'): crypto.KeyObject {
  return crypto.generateKeyPairSync('ec', { namedCurve }).privateKey;
}

/** Builds and signs a certificate for `key` (a private key; its public half goes in the certificate). */
export function createCertificate(options: CertificateOptions, key: crypto.KeyObject = generateKey()): IssuedCertificate {
  const publicKey = crypto.createPublicKey(key);
  if (publicKey.asymmetricKeyType !== 'rsa') curveOf(publicKey); // RSA subjects (Teleport client identities); the signer stays ECDSA
  const signer = options.issuer?.privateKey ?? key;
  const sigCurve = curveOf(signer);
  const issuerName = options.issuer ? Buffer.from(new crypto.X509Certificate(options.issuer.certificatePem).raw) : undefined;
  const notBefore = options.notBefore ?? new Date(Date.now() - 30_000);
  const notAfter = options.notAfter ?? new Date(notBefore.getTime() + 86_400_000);
  const serial = crypto.randomBytes(16);
  serial[0] &= 0x7f; // positive
  const sigAlg = sequence(oid(sigCurve.sigOid));

  const altNames = [
    ...(options.dnsNames ?? []).map((d) => tlv(0x82, Buffer.from(d, 'ascii'))),
    ...(options.ipAddresses ?? []).map((ip) => tlv(0x87, ipBytes(ip))),
  ];
  const keyUsage = options.isCa
    ? Buffer.from([0x03, 0x02, 0x01, 0x86]) /* digitalSignature, keyCertSign, cRLSign */
    : Buffer.from([0x03, 0x02, 0x05, 0xa0]); /* digitalSignature, keyEncipherment */
  const extensions = [
    extension('2.5.29.19', true, sequence(...(options.isCa ? [bool(true)] : []))),
    extension('2.5.29.15', true, keyUsage),
    extension('2.5.29.37', false, sequence(oid('1.3.6.1.5.5.7.3.1'), oid('1.3.6.1.5.5.7.3.2'))),
    ...(altNames.length ? [extension('2.5.29.17', false, sequence(...altNames))] : []),
  ];
  const spki = publicKey.export({ type: 'spki', format: 'der' });
  const tbs = sequence(
    explicit(0, smallInteger(2)),
    integer(serial),
    sigAlg,
    issuerName ? issuerSubject(issuerName) : subjectName(options.commonName),
    sequence(time(notBefore), time(notAfter)),
    subjectName(options.commonName),
    spki,
    explicit(3, sequence(...extensions)),
  );
  const signature = crypto.sign(sigCurve.hash, tbs, signer);
  const der = sequence(tbs, sigAlg, bitString(signature));
  const pem = `-----BEGIN CERTIFICATE-----\n${der
    .toString('base64')
    .replace(/(.{64})/g, '$1\n')
    .replace(/\n$/, '')}\n-----END CERTIFICATE-----\n`;
  return {
    certificatePem: pem,
    certificateDer: der,
    privateKey: key,
    privateKeyPem: key.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
}

/** The subject Name of a DER certificate, copied byte for byte (the issuer field must match it exactly). */
function issuerSubject(certDer: Buffer): Buffer {
  // Certificate ::= SEQUENCE { tbs SEQUENCE { [0] version, serial, sigAlg, issuer, validity, subject, ... } }
  const tbs = children(contentOf(certDer))[0];
  return children(contentOf(tbs))[5];
}

/** Header length and content length of the TLV at the start of `buf`. */
function header(buf: Buffer): { hdr: number; len: number } {
  const first = buf[1];
  if (!(first & 0x80)) return { hdr: 2, len: first };
  const n = first & 0x7f;
  let len = 0;
  for (let k = 0; k < n; k++) len = len * 256 + buf[2 + k];
  return { hdr: 2 + n, len };
}

function contentOf(tlvBuf: Buffer): Buffer {
  const { hdr, len } = header(tlvBuf);
  return tlvBuf.subarray(hdr, hdr + len);
}

function children(buf: Buffer): Buffer[] {
  const out: Buffer[] = [];
  for (let i = 0; i < buf.length;) {
    const { hdr, len } = header(buf.subarray(i));
    out.push(buf.subarray(i, i + hdr + len));
    i += hdr + len;
  }
  return out;
}
