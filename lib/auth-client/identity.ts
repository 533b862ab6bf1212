// A client identity for mutual TLS with the Auth Service: a private key, its certificate and the
// CA certificates to trust for the server (the cluster's Host CA, and nothing else). Built from an
// identity file, from key + certificate + CA files or base64, or from a tsh profile; whatever the
// source, the same checks run here, and the key and the certificate's serial are registered with
// the redactor before anything else can print.
import * as crypto from 'crypto';
import { registerSecret } from '../report/redact';
import { AuthClientError } from './errors';

export interface ClientIdentity {
  /** The private key as PKCS#8 PEM (whatever the input form). */
  readonly keyPem: string;
  /** The client certificate (PEM). */
  readonly certPem: string;
  /** The CA certificates trusted for the server (PEM each). */
  readonly caPems: readonly string[];
  readonly notBefore: Date;
  readonly notAfter: Date;
  /** The certificate's subject common name (the Teleport user or bot), for messages. */
  readonly subject: string;
  /** Where it came from, for messages (`--identity leaf (./identity-leaf)`); never its content. */
  readonly source: string;
}

const KEY_TYPES: Readonly<Record<string, 'pkcs1' | 'pkcs8' | 'sec1'>> = {
  'RSA PRIVATE KEY': 'pkcs1',
  'PRIVATE KEY': 'pkcs8',
  'EC PRIVATE KEY': 'sec1',
};

/** Key blocks that are references to a key held elsewhere, and what to do instead. */
const KEY_REFERENCES: Readonly<Record<string, string>> = {
  'PIV YUBIKEY PRIVATE KEY': 'a reference to a key on a YubiKey (hardware key support), which validate cannot sign with',
  'TBOT IDENTITY API PRIVATE KEY': "a reference to a key held by tbot's identity API, which validate cannot sign with",
};

export interface PemBlock {
  readonly label: string;
  readonly text: string;
  readonly der: Buffer;
}

/** Every PEM block in `text`, in order (malformed base64 bodies are an error). */
export function pemBlocks(text: string, source: string): PemBlock[] {
  const out: PemBlock[] = [];
  const re = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/g;
  for (const m of text.matchAll(re)) {
    const body = m[2].replace(/\s+/g, '');
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(body))
      throw new AuthClientError('identity', source, `the ${m[1]} block is not valid PEM (its body is not base64).`);
    out.push({ label: m[1], text: m[0], der: Buffer.from(body, 'base64') });
  }
  return out;
}

/** Registers a key's PEM text, its body and each body line, so no part of it can print. */
function registerKey(block: PemBlock): void {
  registerSecret(block.text);
  registerSecret(block.der.toString('base64'));
  for (const line of block.text.split(/\r?\n/)) if (!line.startsWith('-----')) registerSecret(line.trim());
}

function parseKey(block: PemBlock, source: string): crypto.KeyObject {
  registerKey(block);
  const reference = KEY_REFERENCES[block.label];
  if (reference) {
    throw new AuthClientError(
      'identity',
      source,
      `the private key is ${reference}. Give validate an identity with the key itself (tbot without key references, tctl auth sign), or run it where Terraform runs with the same output.`,
    );
  }
  const preferred = KEY_TYPES[block.label];
  if (!preferred)
    throw new AuthClientError(
      'identity',
      source,
      `the first PEM block is a ${block.label}, not a private key (RSA PRIVATE KEY, PRIVATE KEY or EC PRIVATE KEY).`,
    );
  // As Teleport does, try every DER form: some writers put PKCS#8 in an RSA PRIVATE KEY block.
  for (const type of [preferred, 'pkcs8', 'pkcs1', 'sec1'] as const) {
    try {
      return crypto.createPrivateKey({ key: block.der, format: 'der', type });
    } catch {
      // next form
    }
  }
  throw new AuthClientError('identity', source, `the ${block.label} block does not hold a key validate can read.`);
}

function parseCertificate(block: PemBlock | undefined, what: string, source: string): crypto.X509Certificate {
  if (!block || block.label !== 'CERTIFICATE')
    throw new AuthClientError('identity', source, `${what} is missing (expected a CERTIFICATE PEM block${block ? `, found ${block.label}` : ''}).`);
  try {
    return new crypto.X509Certificate(block.der);
  } catch {
    throw new AuthClientError('identity', source, `${what} is not a valid X.509 certificate.`);
  }
}

/**
 * Checks and assembles an identity from its PEM parts: the key parses and matches the
 * certificate, there is at least one CA. Expiry is not an error here: the caller decides (see
 * {@link identityProblem}).
 */
export function assembleIdentity(key: PemBlock | undefined, cert: PemBlock | undefined, cas: readonly PemBlock[], source: string): ClientIdentity {
  if (!key) throw new AuthClientError('identity', source, 'holds no private key.');
  const privateKey = parseKey(key, source);
  const x509 = parseCertificate(cert, 'the TLS client certificate', source);
  registerSecret(x509.serialNumber);
  registerSecret(x509.serialNumber.toLowerCase());
  if (!x509.publicKey.equals(crypto.createPublicKey(privateKey))) {
    throw new AuthClientError('identity', source, 'the private key does not match the TLS client certificate.');
  }
  const caPems = cas.map((b, i) => {
    parseCertificate(b, `CA certificate ${i + 1}`, source);
    return b.text;
  });
  if (!caPems.length)
    throw new AuthClientError('identity', source, "holds no TLS CA certificate, so the Auth Service's certificate cannot be verified.");
  const keyPem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  registerKey(pemBlocks(keyPem, source)[0]);
  return {
    keyPem,
    certPem: cert!.text,
    caPems,
    notBefore: new Date(x509.validFrom),
    notAfter: new Date(x509.validTo),
    subject: /(?:^|\n)CN=([^\n]*)/.exec(x509.subject)?.[1] ?? '',
    source,
  };
}

/** Why an identity cannot be used now (expired, not yet valid), or undefined. */
export function identityProblem(id: ClientIdentity, now: Date): string | undefined {
  if (id.notAfter.getTime() <= now.getTime()) return `its certificate expired at ${id.notAfter.toISOString()}`;
  if (id.notBefore.getTime() > now.getTime()) return `its certificate is not valid before ${id.notBefore.toISOString()}`;
  return undefined;
}
