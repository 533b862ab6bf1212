// Identity files in the layout tctl and tbot write (key, SSH certificate line, TLS certificate,
// @cert-authority lines, TLS CAs): RSA PKCS#1, PKCS#8 and EC keys; keys that do not match,
// missing parts, key references (YubiKey, tbot's identity API); and the redactor knows the key and
// the certificate's serial before anything can print.
import * as crypto from 'crypto';
import { AuthClientError, identityProblem, parseIdentityFile } from '../../lib/auth-client';
import { clearSecrets, redact } from '../../lib/report/redact';
import { createCertificate } from '../../lib/x509';
import { testCluster, testIdentity } from '../support/fake-auth-identity';

const cluster = testCluster('leafcluster.example.com');
afterEach(() => clearSecrets());

const fails = (text: string, message: string | RegExp) => {
  let error: unknown;
  try {
    parseIdentityFile(text, 'test-identity');
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(AuthClientError);
  expect((error as AuthClientError).message).toMatch(
    typeof message === 'string' ? new RegExp(message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) : message,
  );
  expect((error as AuthClientError).kind).toBe('identity');
  expect((error as AuthClientError).message).not.toMatch(/[A-Za-z0-9+/]{24,}/); // never a piece of the key or a certificate
};

test.each(['rsa-pkcs1', 'rsa-pkcs8', 'ec'] as const)('a %s identity: key, certificate and the Host CA, the SSH lines skipped', (key) => {
  const id = testIdentity(cluster, { key, user: 'bot-ci' });
  expect(id.text.split('-----BEGIN ')[1]).toMatch(key === 'rsa-pkcs1' ? /^RSA PRIVATE KEY/ : key === 'ec' ? /^EC PRIVATE KEY/ : /^PRIVATE KEY/);
  const parsed = parseIdentityFile(id.text, 'test-identity');
  expect(parsed.subject).toBe('bot-ci');
  expect(parsed.caPems.map((p) => p.trim())).toEqual([cluster.hostCa.certificatePem.trim()]);
  expect(parsed.certPem.trim()).toBe(id.certPem.trim());
  expect(parsed.keyPem).toMatch(/^-----BEGIN PRIVATE KEY-----/);
  expect(crypto.createPublicKey(parsed.keyPem).equals(crypto.createPublicKey(id.keyPem))).toBe(true);
  expect(identityProblem(parsed, new Date())).toBeUndefined();
  // Nothing of the key, nor the serial, can print once the file was read.
  const keyLine = id.keyPem.split('\n')[1];
  expect(redact(`key ${keyLine} serial ${id.serial} ${id.serial.toLowerCase()}`)).toBe('key ***REDACTED*** serial ***REDACTED*** ***REDACTED***');
});

test("CRLF line ends and indented lines are read as Teleport's scanner reads them (trimmed)", () => {
  const id = testIdentity(cluster, { key: 'rsa-pkcs8' });
  expect(
    parseIdentityFile(
      id.text
        .split('\n')
        .map((l) => `  ${l}`)
        .join('\r\n'),
      'x',
    ).certPem.replace(/\s/g, ''),
  ).toBe(id.certPem.replace(/\s/g, ''));
});

test('PKCS#8 DER inside an "RSA PRIVATE KEY" block (some writers do this): read, as Teleport does', () => {
  const id = testIdentity(cluster, { key: 'rsa-pkcs8' });
  const relabelled = id.text.replace(/-----(BEGIN|END) PRIVATE KEY-----/g, '-----$1 RSA PRIVATE KEY-----');
  expect(parseIdentityFile(relabelled, 'x').subject).toBe('bot-terraform');
});

test('expired and not-yet-valid certificates are reported by identityProblem', () => {
  const expired = parseIdentityFile(
    testIdentity(cluster, { notBefore: new Date(Date.now() - 7200e3), notAfter: new Date(Date.now() - 3600e3) }).text,
    'x',
  );
  expect(identityProblem(expired, new Date())).toMatch(/^its certificate expired at \d{4}-/);
  const future = parseIdentityFile(
    testIdentity(cluster, { notBefore: new Date(Date.now() + 3600e3), notAfter: new Date(Date.now() + 7200e3) }).text,
    'x',
  );
  expect(identityProblem(future, new Date())).toMatch(/^its certificate is not valid before /);
});

test('broken files: the message says what is wrong and never quotes the content', () => {
  const id = testIdentity(cluster);
  const other = testIdentity(cluster, { key: 'ec' });
  const [keyBlock] = id.text.match(/-----BEGIN RSA PRIVATE KEY-----[\s\S]+?-----END RSA PRIVATE KEY-----\n/)!;
  fails('hello\nworld\n', 'is not a Teleport identity file (no PEM block)');
  fails(id.text.replace(/-----END CERTIFICATE-----\n@cert[\s\S]*$/, ''), 'ends in the middle of a PEM block');
  fails(id.text.replace(keyBlock, other.keyPem), 'the private key does not match the TLS client certificate');
  fails(id.text.replace(/-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----\n@/, '@'), /CA certificate|TLS client certificate/);
  fails(keyBlock + id.certPem, 'holds no TLS CA certificate');
  fails(id.certPem + id.certPem, 'the first PEM block is a CERTIFICATE, not a private key');
  fails(keyBlock.replace(/\n[A-Za-z0-9+/=]{10}/, '\n%%%%%%%%%%') + id.certPem + cluster.hostCa.certificatePem, 'is not valid PEM');
});

test('key references instead of keys: detected and explained', () => {
  const id = testIdentity(cluster);
  const [keyBlock] = id.text.match(/-----BEGIN RSA PRIVATE KEY-----[\s\S]+?-----END RSA PRIVATE KEY-----\n/)!;
  const reference = (label: string, body: string) => `-----BEGIN ${label}-----\n${Buffer.from(body).toString('base64')}\n-----END ${label}-----\n`;
  fails(id.text.replace(keyBlock, reference('PIV YUBIKEY PRIVATE KEY', '12345678+9a')), 'a reference to a key on a YubiKey');
  fails(
    id.text.replace(keyBlock, reference('TBOT IDENTITY API PRIVATE KEY', '{"public_key":"AAAA"}')),
    "a reference to a key held by tbot's identity API",
  );
  fails(
    id.text.replace(keyBlock, reference('OPENSSH PRIVATE KEY', 'openssh-key-v1')),
    'not a private key (RSA PRIVATE KEY, PRIVATE KEY or EC PRIVATE KEY)',
  );
});

test('a client certificate from another CA still parses (the server refuses it, not the parser)', () => {
  const stranger = createCertificate({ commonName: 'stranger CA', isCa: true });
  expect(parseIdentityFile(testIdentity(cluster, { signer: stranger }).text, 'x').subject).toBe('bot-terraform');
});
