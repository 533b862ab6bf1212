// Secrets in CLI output: redacted in every part that comes from the input, on the human and the
// --json path, whatever characters they hold, and never by mangling the tool's own words.
import * as fs from 'fs';
import * as path from 'path';
import { main } from '../../lib/cli/main';
import { REDACTED, clearSecrets } from '../../lib/report/redact';
import { tempDir } from '../support/synth';

const SOURCE = 'terraform.releases.teleport.dev/gravitational/teleport';
const TERRAFORM = { required_providers: { teleport: { source: SOURCE, version: '~> 18.0' } } };
const PEM = '-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAq7BFUA5bA0xyz\nQ2xk9cR0wKc1pZ2n\n-----END RSA PRIVATE KEY-----\n';
const QUOTED = 'tok"en\\with\\\\back"slashes-0123';

function capture() {
  const io = { stdout: '', stderr: '', out: (t: string) => (io.stdout += t), err: (t: string) => (io.stderr += t) };
  return io;
}

/** The forms a secret could leak in: as it is, and as it looks inside a JSON string. */
const leaks = (text: string, secret: string) => [secret, JSON.stringify(secret).slice(1, -1)].filter((form) => text.includes(form));

describe('CLI redaction', () => {
  let dir: string;
  beforeEach(() => {
    dir = tempDir('cli-redact-');
    clearSecrets();
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
  const write = (config: unknown) => {
    const file = path.join(dir, 'cdk.tf.json');
    fs.writeFileSync(file, JSON.stringify(config));
    return file;
  };

  describe('secrets equal to words of the report ("error", "findings", "severity")', () => {
    const config = {
      terraform: TERRAFORM,
      variable: { other: { type: 'string', sensitive: true, default: 'severity' } },
      resource: {
        teleport_provision_token: { tok: { version: 'v2', metadata: { name: 'error' }, spec: { roles: ['Node'] } } },
        teleport_trusted_cluster: {
          cluster: { version: 'v2', metadata: { name: 'root' }, spec: { enabled: true, token: 'findings', proxy_addr: 'root.example.com:3080' } },
        },
      },
    };

    test('--json stays the report document: keys, severities and check ids intact', async () => {
      const io = capture();
      expect(await main(['check', write(config), '--json'], io)).toBe(1);
      const report = JSON.parse(io.stdout);
      expect(Object.keys(report)).toEqual(['schemaVersion', 'ok', 'findings']);
      expect(report.findings).toEqual([
        expect.objectContaining({
          severity: 'error',
          check: 'schema.unknown-attribute',
          resource: 'teleport_trusted_cluster.cluster',
          path: 'spec.proxy_addr',
        }),
      ]);
      expect(io.stdout).not.toContain(REDACTED);
    });

    test('the human summary keeps its words', async () => {
      const io = capture();
      expect(await main(['check', write(config)], io)).toBe(1);
      expect(io.stdout).toContain('ERROR [schema.unknown-attribute] spec.proxy_addr:');
      expect(io.stdout).toMatch(/FAILED: 1 stack\(s\) checked: 1 error\(s\), 0 warning\(s\), 0 info\n$/);
      expect(io.stdout).not.toContain(REDACTED);
    });

    test('a usage error with --json keeps the document keys', async () => {
      const io = capture();
      // the secrets are registered by a first check in the same process
      await main(['check', write(config), '--json'], capture());
      expect(await main(['check', path.join(dir, 'error-findings.json'), '--json'], io)).toBe(2);
      const report = JSON.parse(io.stdout);
      expect(Object.keys(report)).toEqual(['schemaVersion', 'ok', 'findings', 'error']);
      expect(report.error).toContain(REDACTED);
      expect(report.error).not.toMatch(/error-findings/);
    });
  });

  describe.each([
    ['a multi-line PEM identity file', PEM],
    ['a token with quotes and backslashes', QUOTED],
  ])('%s', (_name, secret) => {
    // The secret is a sensitive literal, and also (by mistake) a key, so it reaches message and path.
    const config = () => ({
      terraform: TERRAFORM,
      provider: { teleport: { addr: 'leaf.example.com:443', identity_file: secret } },
      resource: {
        teleport_trusted_cluster: { cluster: { version: 'v2', metadata: { name: 'root' }, spec: { enabled: true, token: secret, [secret]: 'x' } } },
      },
    });

    test('--json: valid document, the secret nowhere, raw or escaped', async () => {
      const io = capture();
      expect(await main(['check', write(config()), '--json'], io)).toBe(1);
      const report = JSON.parse(io.stdout);
      const f = report.findings.find((x: any) => x.check === 'schema.unknown-attribute');
      expect(f).toMatchObject({ resource: 'teleport_trusted_cluster.cluster' });
      expect(f.message).toContain(REDACTED);
      expect(f.path).toContain(REDACTED);
      expect(leaks(io.stdout + io.stderr, secret)).toEqual([]);
      expect(leaks(JSON.stringify(report), secret)).toEqual([]);
    });

    test('human output: the secret nowhere, raw or escaped', async () => {
      const io = capture();
      expect(await main(['check', write(config())], io)).toBe(1);
      expect(io.stdout).toContain('ERROR [schema.unknown-attribute]');
      expect(io.stdout).toContain(REDACTED);
      expect(leaks(io.stdout + io.stderr, secret)).toEqual([]);
      expect(io.stdout).not.toContain('BEGIN RSA');
    });
  });
});
