// Test clusters and identities in Teleport's real layouts: a Host CA (the server side: Auth's
// certificate with teleport.cluster.local and *.teleport.cluster.local) and a User CA (the client
// side), both made with lib/x509; identity files written as `tctl auth sign --format=file` writes
// them (key, SSH certificate line, TLS certificate, @cert-authority lines, TLS CAs), with RSA
// PKCS#1, RSA PKCS#8 or EC keys.
import * as crypto from 'crypto';
import { IssuedCertificate, createCertificate, generateKey } from '../../lib/x509';

export interface TestCluster {
  readonly name: string;
  readonly hostCa: IssuedCertificate;
  readonly userCa: IssuedCertificate;
  /** The Auth Service's certificate, signed by the Host CA. */
  readonly authCert: IssuedCertificate;
}

export function testCluster(name: string): TestCluster {
  const hostCa = createCertificate({ commonName: `${name} host CA`, isCa: true }, generateKey());
  const userCa = createCertificate({ commonName: `${name} user CA`, isCa: true }, generateKey());
  const authCert = createCertificate(
    {
      commonName: 'auth',
      dnsNames: ['teleport.cluster.local', '*.teleport.cluster.local'],
      issuer: { certificatePem: hostCa.certificatePem, privateKey: hostCa.privateKey },
    },
    generateKey(),
  );
  return { name, hostCa, userCa, authCert };
}

export type KeyForm = 'rsa-pkcs1' | 'rsa-pkcs8' | 'ec';

export interface IdentityOptions {
  readonly user?: string;
  readonly key?: KeyForm;
  readonly notBefore?: Date;
  readonly notAfter?: Date;
  /** The CAs written into the file (default: the cluster's Host CA). */
  readonly trust?: readonly IssuedCertificate[];
  /** The CA that signs the client certificate (default: the cluster's User CA). */
  readonly signer?: IssuedCertificate;
}

export interface TestIdentity {
  /** The identity file's content. */
  readonly text: string;
  readonly keyPem: string;
  readonly certPem: string;
  /** The client certificate's serial number (hex, as Node prints it). */
  readonly serial: string;
}

const rsaKeys: crypto.KeyObject[] = [];
/** RSA keys are slow to make: a few are shared by every identity of a test process. */
function rsaKey(i: number): crypto.KeyObject {
  while (rsaKeys.length <= i) rsaKeys.push(crypto.generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey);
  return rsaKeys[i];
}
let next = 0;

export function testIdentity(cluster: TestCluster, o: IdentityOptions = {}): TestIdentity {
  const form = o.key ?? 'rsa-pkcs1';
  const key = form === 'ec' ? generateKey() : rsaKey(next++ % 3);
  const signer = o.signer ?? cluster.userCa;
  const cert = createCertificate(
    {
      commonName: o.user ?? 'bot-terraform',
      notBefore: o.notBefore,
      notAfter: o.notAfter,
      issuer: { certificatePem: signer.certificatePem, privateKey: signer.privateKey },
    },
    key,
  );
  const keyPem =
    form === 'rsa-pkcs1'
      ? key.export({ type: 'pkcs1', format: 'pem' }).toString()
      : key.export({ type: form === 'ec' ? 'sec1' : 'pkcs8', format: 'pem' }).toString();
  const sshLine = `ssh-rsa-cert-v01@openssh.com AAAAHHNzaC1yc2EtY2VydC12MDFAb3BlbnNzaC5jb20${crypto.randomBytes(24).toString('base64')}\n`;
  const caLines = `@cert-authority *.${cluster.name},${cluster.name} ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQ${crypto.randomBytes(24).toString('base64')} type=host\n`;
  const trust = (o.trust ?? [cluster.hostCa]).map((c) => c.certificatePem).join('');
  return {
    text: keyPem + sshLine + cert.certificatePem + caLines + trust,
    keyPem,
    certPem: cert.certificatePem,
    serial: new crypto.X509Certificate(cert.certificatePem).serialNumber,
  };
}
