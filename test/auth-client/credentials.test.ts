// Credentials as the Teleport provider reads them from its block: each attribute from the block,
// else TF_TELEPORT_*; the provider's source order; `${var.NAME}` from TF_VAR_NAME or --var-file
// (JSON or HCL), never argv; relative paths from where Terraform runs; tsh profiles in the current
// and the legacy layout. What cannot be used says why, and a named file that is not here is
// `missing`.
import * as fs from 'fs';
import * as path from 'path';
import { AuthClientError, CredentialSource, providerCredentials, varValues } from '../../lib/auth-client';
import { clearSecrets, redact } from '../../lib/report/redact';
import { testCluster, testIdentity } from '../support/fake-auth-identity';
import { tempDir } from '../support/synth';

const cluster = testCluster('leafcluster.example.com');
const id = testIdentity(cluster, { user: 'bot-file', key: 'rsa-pkcs8' });
let dir: string;

beforeAll(() => {
  dir = tempDir('credentials-');
  fs.writeFileSync(path.join(dir, 'identity'), id.text);
  fs.writeFileSync(path.join(dir, 'tls.key'), id.keyPem);
  fs.writeFileSync(path.join(dir, 'tls.crt'), id.certPem);
  fs.writeFileSync(path.join(dir, 'ca.pem'), cluster.hostCa.certificatePem);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
afterEach(() => clearSecrets());

const resolve = (values: Record<string, unknown>, env: Record<string, string> = {}, varFiles: string[] = []) =>
  providerCredentials(values, { env, vars: varValues(env, varFiles), baseDir: dir, label: 'provider.teleport.leaf' });
const loaded = (s: CredentialSource | undefined) => {
  if (s?.kind !== 'loadable') throw new Error(`not loadable: ${JSON.stringify(s)}`);
  return { from: s.from, identity: s.load() };
};
const b64 = (s: string) => Buffer.from(s).toString('base64');

test('identity_file_path, relative to where Terraform runs; else TF_TELEPORT_IDENTITY_FILE_PATH; the block wins', () => {
  expect(loaded(resolve({ identity_file_path: 'identity' }))).toMatchObject({
    from: 'provider.teleport.leaf identity_file_path',
    identity: { subject: 'bot-file' },
  });
  expect(loaded(resolve({}, { TF_TELEPORT_IDENTITY_FILE_PATH: path.join(dir, 'identity') })).from).toBe('TF_TELEPORT_IDENTITY_FILE_PATH');
  expect(loaded(resolve({ identity_file_path: 'identity' }, { TF_TELEPORT_IDENTITY_FILE_PATH: '/nonexistent' })).from).toBe(
    'provider.teleport.leaf identity_file_path',
  );
});

test('a named file that is not here: unusable and missing, with the path it looked at', () => {
  expect(resolve({ identity_file_path: 'identity/leaf' })).toEqual({
    kind: 'unusable',
    missing: true,
    from: 'provider.teleport.leaf identity_file_path',
    why: `provider.teleport.leaf identity_file_path names identity/leaf, which does not exist here (${path.join(dir, 'identity/leaf')})`,
    fix: expect.stringContaining('--identity NAME=FILE'),
  });
});

test('identity_file and identity_file_base64 from a sensitive variable: TF_VAR_NAME, else --var-file (later files win)', () => {
  const ref = { identity_file: '${var.leaf_identity}' };
  expect(loaded(resolve(ref, { TF_VAR_leaf_identity: id.text })).from).toBe('provider.teleport.leaf identity_file (TF_VAR_leaf_identity)');
  const json = path.join(dir, 'a.tfvars.json');
  fs.writeFileSync(json, JSON.stringify({ leaf_identity: 'not an identity', other: 3 }));
  const hcl = path.join(dir, 'b.tfvars');
  fs.writeFileSync(hcl, `# credentials\nleaf_identity = <<-EOT\n    ${id.text.trim().split('\n').join('\n    ')}\n    EOT\ncount = 3\n`);
  expect(loaded(resolve(ref, {}, [json, hcl])).from).toBe(`provider.teleport.leaf identity_file (--var-file ${hcl})`);
  expect(() => loaded(resolve(ref, {}, [hcl, json]))).toThrow('is not a Teleport identity file');
  const b64ref = { identity_file_base64: '${var.id64}' };
  fs.writeFileSync(hcl, `id64 = "${b64(id.text)}" # base64\n`);
  expect(loaded(resolve(b64ref, {}, [hcl])).identity.subject).toBe('bot-file');
  expect(redact(b64(id.text))).toBe('***REDACTED***'); // the variable's value is a secret
  expect(loaded(resolve({}, { TF_TELEPORT_IDENTITY_FILE_BASE64: b64(id.text) })).from).toBe('TF_TELEPORT_IDENTITY_FILE_BASE64');
});

test('a variable without a value, or an expression: unusable, saying which', () => {
  expect(resolve({ identity_file: '${var.leaf_identity}' })).toMatchObject({
    kind: 'unusable',
    why: 'provider.teleport.leaf identity_file is var.leaf_identity, which has no value here (neither TF_VAR_leaf_identity nor a --var-file sets it)',
  });
  expect(resolve({ identity_file: '${file("identity")}' })).toMatchObject({
    kind: 'unusable',
    why: 'provider.teleport.leaf identity_file is an expression validate does not evaluate',
  });
});

test('key, certificate and root CA: as paths or base64, all three required; they come before an identity file', () => {
  expect(loaded(resolve({ key_path: 'tls.key', cert_path: 'tls.crt', root_ca_path: 'ca.pem', identity_file_path: 'identity' })).from).toBe(
    'provider.teleport.leaf key_path, provider.teleport.leaf cert_path, provider.teleport.leaf root_ca_path',
  );
  expect(
    loaded(
      resolve(
        {},
        { TF_TELEPORT_KEY: path.join(dir, 'tls.key'), TF_TELEPORT_CERT: path.join(dir, 'tls.crt'), TF_TELEPORT_ROOT_CA: path.join(dir, 'ca.pem') },
      ),
    ).identity.subject,
  ).toBe('bot-file');
  expect(resolve({ key_path: 'tls.key', cert_path: 'tls.crt' })).toMatchObject({
    kind: 'unusable',
    why: expect.stringContaining('the ca path is missing'),
  });
  expect(
    loaded(
      resolve(
        { key_base64: '${var.k}', cert_base64: b64(id.certPem), root_ca_base64: b64(cluster.hostCa.certificatePem) },
        { TF_VAR_k: b64(id.keyPem) },
      ),
    ).identity.subject,
  ).toBe('bot-file');
  expect(() =>
    loaded(resolve({ key_base64: 'not base64!', cert_base64: b64(id.certPem), root_ca_base64: b64(cluster.hostCa.certificatePem) })),
  ).toThrow(AuthClientError);
});

test('native Machine ID joining: unusable (validate does not join), whatever else is set', () => {
  expect(resolve({ join_method: 'github', join_token: 'bot-ci', identity_file_path: 'identity' })).toMatchObject({
    kind: 'unusable',
    why: 'the provider joins with native Machine ID, which validate does not do (a join registers a bot instance)',
  });
  expect(resolve({}, { TF_TELEPORT_JOIN_METHOD: 'gitlab' })).toMatchObject({ kind: 'unusable', from: 'TF_TELEPORT_JOIN_METHOD' });
});

test('nothing set: no source (no silent fallback to ~/.tsh)', () => {
  expect(resolve({ addr: 'leaf:443' })).toBeUndefined();
});

test('a tsh profile: profile_dir + current-profile, the current layout (<user>.key, <user>.crt, cas/) and the legacy one', () => {
  const tsh = path.join(dir, 'tsh');
  const keys = path.join(tsh, 'keys', 'leaf.example.com');
  fs.mkdirSync(path.join(keys, 'cas'), { recursive: true });
  fs.writeFileSync(path.join(tsh, 'current-profile'), 'leaf.example.com\n');
  fs.writeFileSync(path.join(tsh, 'leaf.example.com.yaml'), 'web_proxy_addr: leaf.example.com:443\nuser: alice\ncluster: leaf\n');
  fs.writeFileSync(path.join(keys, 'alice.key'), id.keyPem);
  fs.writeFileSync(path.join(keys, 'alice.crt'), id.certPem);
  fs.writeFileSync(path.join(keys, 'cas', 'leaf.pem'), cluster.hostCa.certificatePem);
  expect(loaded(resolve({ profile_dir: 'tsh' }))).toMatchObject({ from: 'provider.teleport.leaf profile_dir', identity: { subject: 'bot-file' } });
  // Teleport 16 and older: the key as <user>, the certificate as <user>-x509.pem, the CAs in certs.pem.
  fs.renameSync(path.join(keys, 'alice.key'), path.join(keys, 'alice'));
  fs.renameSync(path.join(keys, 'alice.crt'), path.join(keys, 'alice-x509.pem'));
  fs.rmSync(path.join(keys, 'cas'), { recursive: true });
  fs.writeFileSync(path.join(keys, 'certs.pem'), cluster.hostCa.certificatePem);
  expect(loaded(resolve({}, { TF_TELEPORT_PROFILE_PATH: tsh, TF_TELEPORT_PROFILE_NAME: 'leaf.example.com' })).identity.caPems).toHaveLength(1);
  expect(() => loaded(resolve({ profile_dir: 'tsh', profile_name: 'nosuch' }))).toThrow(/cannot read .*nosuch\.yaml \(ENOENT\)/);
});

test('an unreadable or malformed var file is an error naming the file, never its content', () => {
  const bad = path.join(dir, 'bad.tfvars.json');
  fs.writeFileSync(bad, '{"leaf_identity": "-----BEGIN SECRET');
  expect(() => varValues({}, [bad])).toThrow(new RegExp(`--var-file ${bad}: is not valid JSON \\(unexpected end at line 1, column \\d+\\)\\.$`));
  expect(() => varValues({}, [path.join(dir, 'nosuch.tfvars')])).toThrow(/cannot be read \(ENOENT\)/);
});
