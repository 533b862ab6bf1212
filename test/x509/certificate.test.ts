import * as crypto from 'crypto';
import * as https from 'https';
import { AddressInfo } from 'net';
import { createCertificate, generateKey } from '../../lib/x509';

describe('x509 certificates from node:crypto keys', () => {
  test('a self-signed CA parses and verifies itself', () => {
    const ca = createCertificate({ commonName: 'Test CA', isCa: true });
    const x = new crypto.X509Certificate(ca.certificatePem);
    expect(x.subject).toBe('CN=Test CA');
    expect(x.issuer).toBe('CN=Test CA');
    expect(x.ca).toBe(true);
    expect(x.verify(crypto.createPublicKey(ca.privateKey))).toBe(true);
  });

  test.each(['P-256', 'P-384', 'P-521'] as const)('a %s leaf signed by a CA carries SANs and verifies against the CA', (curve) => {
    const ca = createCertificate({ commonName: 'Test CA', isCa: true }, generateKey('P-384'));
    const leaf = createCertificate(
      { commonName: 'localhost', dnsNames: ['localhost'], ipAddresses: ['127.0.0.1', '::1'], issuer: ca },
      generateKey(curve),
    );
    const x = new crypto.X509Certificate(leaf.certificatePem);
    expect(x.issuer).toBe('CN=Test CA');
    expect(x.ca).toBe(false);
    expect(x.subjectAltName).toBe('DNS:localhost, IP Address:127.0.0.1, IP Address:0:0:0:0:0:0:0:1');
    expect(x.verify(crypto.createPublicKey(ca.privateKey))).toBe(true);
    expect(x.checkIssued(new crypto.X509Certificate(ca.certificatePem))).toBe(true);
  });

  test('validity defaults start 30 s in the past and last a day', () => {
    const before = Date.now();
    const x = new crypto.X509Certificate(createCertificate({ commonName: 'x' }).certificatePem);
    expect(Date.parse(x.validFrom)).toBeLessThanOrEqual(before - 29_000);
    expect(Date.parse(x.validTo) - Date.parse(x.validFrom)).toBe(86_400_000);
  });

  test('Node TLS accepts a CA-issued server certificate for 127.0.0.1', async () => {
    const ca = createCertificate({ commonName: 'Test CA', isCa: true });
    const leaf = createCertificate({ commonName: 'localhost', dnsNames: ['localhost'], ipAddresses: ['127.0.0.1'], issuer: ca });
    const server = https.createServer({ cert: leaf.certificatePem, key: leaf.privateKeyPem }, (_req, res) => res.end('ok'));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as AddressInfo).port;
    try {
      const body = await new Promise<string>((resolve, reject) => {
        https
          .get({ host: '127.0.0.1', port, ca: ca.certificatePem, path: '/' }, (res) => {
            let data = '';
            res.on('data', (c) => (data += c));
            res.on('end', () => resolve(data));
          })
          .on('error', reject);
      });
      expect(body).toBe('ok');
    } finally {
      server.close();
    }
  });

  test('RSA keys are refused with a clear message', () => {
    const rsa = crypto.generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey;
    expect(() => createCertificate({ commonName: 'x' }, rsa)).toThrow('only ECDSA P-256, P-384 and P-521 keys are supported (got rsa)');
  });
});
