import * as fs from 'fs';
import * as path from 'path';
import { main } from '../../lib/cli/main';
import { clearSecrets } from '../../lib/report/redact';
import { tempDir } from '../support/synth';

function capture() {
  const io = { stdout: '', stderr: '', out: (t: string) => (io.stdout += t), err: (t: string) => (io.stderr += t) };
  return io;
}

const GOOD = {
  terraform: { required_providers: { teleport: { source: 'terraform.releases.teleport.dev/gravitational/teleport', version: '~> 18.0' } } },
  resource: { teleport_role: { visitor: { version: 'v7', metadata: { name: 'visitor' }, spec: { allow: { logins: ['visitor'] } } } } },
};
const SECRET = 'abcd123-insecure-do-not-use-this';
const BAD = {
  resource: {
    teleport_trusted_cluster: {
      primary: { version: 'v2', metadata: { name: 'primary' }, spec: { enabled: false, proxy_addr: 'localhost:3080', token: SECRET } },
    },
  },
};

describe('cdktf-teleport CLI', () => {
  let dir: string;
  beforeEach(() => {
    dir = tempDir('cli-');
    clearSecrets();
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, value: unknown) => {
    const file = path.join(dir, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value));
    return file;
  };

  test('check exits 0 on a valid stack directory', async () => {
    write('stack/cdk.tf.json', GOOD);
    const io = capture();
    expect(await main(['check', path.join(dir, 'stack')], io)).toBe(0);
    expect(io.stdout).toMatch(/OK: 1 stack\(s\) checked: 0 error\(s\)/);
  });

  test('check exits 1 on findings and names resource, path and fix; the token never prints', async () => {
    const file = write('bad/cdk.tf.json', BAD);
    const io = capture();
    expect(await main(['check', file], io)).toBe(1);
    expect(io.stdout).toContain('teleport_trusted_cluster.primary');
    expect(io.stdout).toContain('spec.proxy_addr');
    expect(io.stdout).toContain('web_proxy_addr');
    expect(io.stdout + io.stderr).not.toContain(SECRET);
  });

  test('--json prints the report document with findings', async () => {
    const file = write('bad/cdk.tf.json', BAD);
    const io = capture();
    expect(await main(['check', file, '--json'], io)).toBe(1);
    const report = JSON.parse(io.stdout);
    expect(report.schemaVersion).toBe(1);
    expect(report.ok).toBe(false);
    expect(report.error).toBeUndefined();
    const f = report.findings.find((x: any) => x.path === 'spec.proxy_addr');
    expect(f).toMatchObject({ severity: 'error', resource: 'teleport_trusted_cluster.primary' });
    expect(typeof f.check).toBe('string');
    expect(typeof f.message).toBe('string');
    expect(io.stdout).not.toContain(SECRET);
  });

  describe('several stacks (a cdktf.out directory)', () => {
    const out = () => {
      write('cdktf.out/stacks/b/cdk.tf.json', BAD);
      write('cdktf.out/stacks/a/cdk.tf.json', BAD);
      write('cdktf.out/stacks/ok/cdk.tf.json', GOOD);
      return path.join(dir, 'cdktf.out');
    };

    test('--json: each finding names its stack in `stack`; `resource` stays a Terraform address', async () => {
      const io = capture();
      expect(await main(['check', out(), '--json'], io)).toBe(1);
      const findings = JSON.parse(io.stdout).findings.filter((f: any) => f.path === 'spec.proxy_addr');
      expect(findings.map((f: any) => [f.stack, f.resource])).toEqual([
        ['a', 'teleport_trusted_cluster.primary'],
        ['b', 'teleport_trusted_cluster.primary'],
      ]);
    });

    test('human output groups by resource and stack', async () => {
      const io = capture();
      expect(await main(['check', out()], io)).toBe(1);
      expect(io.stdout).toContain('\nteleport_trusted_cluster.primary (stack a)\n  ERROR [schema.unknown-attribute] spec.proxy_addr:');
      expect(io.stdout).toContain('\nteleport_trusted_cluster.primary (stack b)\n');
      expect(io.stdout.indexOf('(stack a)')).toBeLessThan(io.stdout.indexOf('(stack b)'));
      expect(io.stdout).toMatch(/FAILED: 3 stack\(s\) checked: 2 error\(s\)/);
    });

    test('one stack: no `stack` field', async () => {
      const io = capture();
      expect(await main(['check', write('one/cdk.tf.json', BAD), '--json'], io)).toBe(1);
      expect(JSON.parse(io.stdout).findings.every((f: any) => !('stack' in f))).toBe(true);
    });
  });

  test.each([
    ['a missing file', (d: string) => ['check', path.join(d, 'nope.json')], /nope\.json/],
    ['malformed JSON', () => ['check', write('broken.json', '{"resource": ')], /broken\.json/],
    ['no path', () => ['check'], /exactly one path/],
    ['an unknown command', () => ['frobnicate'], /unknown command "frobnicate"/],
    ['an unknown option', () => ['check', 'x', '--frob'], /frob/],
  ])('exit 2 with --json still printing the document: %s', async (_name, args, pattern) => {
    const io = capture();
    expect(await main([...args(dir), '--json'], io)).toBe(2);
    const report = JSON.parse(io.stdout);
    expect(report).toMatchObject({ schemaVersion: 1, ok: false, findings: [] });
    expect(report.error).toMatch(pattern);
  });

  test('exit 2 without --json prints a one-line error on stderr, no stack trace', async () => {
    const io = capture();
    expect(await main(['check', path.join(dir, 'missing')], io)).toBe(2);
    expect(io.stderr).toMatch(/^cdktf-teleport: /);
    expect(io.stderr).not.toMatch(/\n\s+at /);
  });

  test.each([
    ['check --help --json', ['check', '--help', '--json'], 0, 'cdktf-teleport check <stack dir'],
    ['--help --json', ['--help', '--json'], 0, 'check <path>'],
    ['--json alone', ['--json'], 2, 'check <path>'],
  ])('%s prints only the JSON document on stdout, the help on stderr', async (_name, args, code, helpText) => {
    const io = capture();
    expect(await main(args, io)).toBe(code);
    const report = JSON.parse(io.stdout);
    expect(report).toMatchObject({ schemaVersion: 1, ok: code === 0, findings: [] });
    if (code !== 0) expect(report.error).toBe('no command given');
    expect(io.stderr).toContain(helpText);
  });

  test('--json may come before the command', async () => {
    write('stack/cdk.tf.json', GOOD);
    const io = capture();
    expect(await main(['--json', 'check', path.join(dir, 'stack')], io)).toBe(0);
    expect(JSON.parse(io.stdout)).toEqual({ schemaVersion: 1, ok: true, findings: [] });
  });

  test('help exits 0 and lists the check command', async () => {
    const io = capture();
    expect(await main(['--help'], io)).toBe(0);
    expect(io.stdout).toContain('check <path>');
  });
});
