// Input without limits (issue 10, item 10) and hand-written Terraform JSON (item 16): only regular
// files are read (a symlink to /dev/zero and a FIFO are refused at once), the size and the nesting
// depth are capped with a clear exit 2, a directory that cannot be listed is "permission denied",
// and a directory of *.tf.json files is a stack.
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { loadConfigs } from '../../lib/config';
import { depthExceededAt } from '../../lib/config/json-depth';
import { parseSize } from '../../lib/config/input-limits';
import { runCli } from '../support/cli';
import { tempDir } from '../support/synth';

const TERRAFORM = { required_providers: { teleport: { source: 'terraform.releases.teleport.dev/gravitational/teleport', version: '~> 18.0' } } };
const VISITOR = { version: 'v7', metadata: { name: 'visitor' }, spec: { allow: { logins: ['visitor'] } } };
const VALID = { terraform: TERRAFORM, provider: { teleport: [{ addr: 'leaf.example.com:443' }] }, resource: { teleport_role: { visitor: VISITOR } } };

let dir: string;
beforeAll(() => {
  dir = tempDir('input-limits-');
  fs.chmodSync(dir, 0o755); // the permission test runs a process as another user below it
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function stack(name: string, files: Record<string, string>): string {
  const d = path.join(dir, name);
  fs.mkdirSync(d, { recursive: true });
  for (const [f, text] of Object.entries(files)) fs.writeFileSync(path.join(d, f), text);
  return d;
}

describe('only regular files, without blocking', () => {
  test.each(['check', 'validate'])('%s: a cdk.tf.json that is a symlink to /dev/zero exits 2 at once', async (command) => {
    const d = stack(`zero-${command}`, {});
    fs.symlinkSync('/dev/zero', path.join(d, 'cdk.tf.json'));
    const args = command === 'validate' ? ['validate', '--offline', d] : ['check', d];
    const r = await runCli([...args, '--json']);
    expect(r.code).toBe(2);
    expect(r.report.error).toBe(
      `cannot read ${path.join(d, 'cdk.tf.json')}: it is a character device; only regular files are read. Fix: pass the file itself (a symbolic link may point at a regular file).`,
    );
    const file = await runCli([command, ...(command === 'validate' ? ['--offline'] : []), path.join(d, 'cdk.tf.json')]);
    expect(file.code).toBe(2);
    expect(file.stderr).toMatch(/it is a character device; only regular files are read/);
  });

  test('a FIFO named cdk.tf.json exits 2 without waiting for a writer', async () => {
    const d = stack('fifo', {});
    execFileSync('mkfifo', [path.join(d, 'cdk.tf.json')]);
    const r = await runCli(['check', d]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `cdktf-teleport: cannot read ${path.join(d, 'cdk.tf.json')}: it is a FIFO (named pipe); only regular files are read. Fix: pass the file itself (a symbolic link may point at a regular file).\n`,
    );
  });

  test('a symlink to a regular file is read', async () => {
    const d = stack('linked', { 'real.json': JSON.stringify(VALID) });
    fs.symlinkSync(path.join(d, 'real.json'), path.join(d, 'cdk.tf.json'));
    expect((await runCli(['check', d])).code).toBe(0);
  });
});

describe('the size limit', () => {
  test('a file over the default 64 MiB is refused before it is read (a sparse file: nothing is allocated)', async () => {
    const d = stack('huge', {});
    fs.writeFileSync(path.join(d, 'cdk.tf.json'), '');
    fs.truncateSync(path.join(d, 'cdk.tf.json'), 64 * 1024 * 1024 + 1);
    const r = await runCli(['check', d, '--json']);
    expect(r.code).toBe(2);
    expect(r.report.error).toMatch(
      /: it is larger than the input limit of 64 MiB\. Fix: pass the right file, or raise the limit with --max-input-size/,
    );
  });

  test('--max-input-size lowers and raises it, on check, validate and terraform-check alike', async () => {
    const d = stack('sized', { 'cdk.tf.json': JSON.stringify(VALID, null, 2) });
    const size = fs.statSync(path.join(d, 'cdk.tf.json')).size;
    expect(size).toBeGreaterThan(300);
    for (const args of [
      ['check', d],
      ['validate', '--offline', d],
      ['terraform-check', d],
    ]) {
      const small = await runCli([...args, '--max-input-size', '256', '--json']);
      expect({ args, code: small.code, error: small.report.error }).toEqual({
        args,
        code: 2,
        error: expect.stringContaining('it is larger than the input limit of 256 bytes'),
      });
    }
    expect((await runCli(['check', d, '--max-input-size', '1KiB'])).code).toBe(0);
    expect((await runCli(['validate', '--offline', d, '--max-input-size', '1k'])).code).toBe(0);
  });

  test('a size that is not one is a usage error', async () => {
    const r = await runCli(['check', dir, '--max-input-size', 'lots']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('cdktf-teleport: --max-input-size takes a size such as 64MiB, 512KiB or a number of bytes, got "lots"\n');
    expect(parseSize('64MiB')).toBe(64 * 1024 * 1024);
    expect(parseSize('1.5k')).toBe(1536);
    expect(parseSize('0')).toBeUndefined();
    expect(parseSize('12 parsecs')).toBeUndefined();
  });
});

describe('the nesting limit', () => {
  const deep = (n: number) => `${'['.repeat(n)}"x"${']'.repeat(n)}`;

  test.each([
    // [where, the document with n levels there, check's exit code at 500 levels]
    ['a provider secret slot', (n: number) => `{"provider": {"teleport": [{"identity_file_base64": ${deep(n)}}]}}`, 1],
    ['a sensitive variable default', (n: number) => `{"variable": {"t": {"sensitive": true, "default": ${deep(n)}}}}`, 0],
  ] as const)('100,000 levels in %s: exit 2 with the place, not a stack overflow', async (_what, text, atLimit) => {
    const d = stack(`deep-${_what.replace(/\W+/g, '-')}`, { 'cdk.tf.json': text(100_000) });
    for (const args of [
      ['check', d],
      ['validate', '--offline', d],
    ]) {
      const r = await runCli(args);
      expect({ args, code: r.code, stderr: r.stderr }).toEqual({
        args,
        code: 2,
        stderr: expect.stringMatching(
          /^cdktf-teleport: cannot read .*cdk\.tf\.json: JSON nested deeper than 512 levels \(at line 1, column \d+\)\. Fix: /,
        ),
      });
    }
    // At the limit it is read (and the schema check judges it).
    fs.writeFileSync(path.join(d, 'cdk.tf.json'), text(500));
    expect((await runCli(['check', d])).code).toBe(atLimit);
  });

  test('a plan nested too deeply, for validate', async () => {
    const file = path.join(dir, 'deep.plan.json');
    fs.writeFileSync(file, `{"format_version": "1.2", "planned_values": {"root_module": {"resources": ${deep(20_000)}}}}`);
    const r = await runCli(['validate', '--offline', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/JSON nested deeper than 512 levels/);
  });

  test('brackets inside strings do not count', () => {
    expect(depthExceededAt('{"a": "[[[[[[", "b": ["\\"[[["]}', 2)).toBe(-1);
    expect(depthExceededAt('[[[1]]]', 2)).toBe(2);
  });
});

describe('a directory that cannot be read', () => {
  // Tests run as root, whom no mode bit stops: the CLI runs as the unprivileged user "nobody" there.
  test('is reported as permission denied, not as "no cdk.tf.json"', async () => {
    const d = stack('locked', { 'cdk.tf.json': JSON.stringify(VALID) });
    fs.chmodSync(d, 0o700);
    try {
      const expected = `cdktf-teleport: cannot read ${d}: permission denied\n`;
      if (process.getuid?.() === 0) {
        const bin = path.join(__dirname, '..', '..', 'bin', 'cdktf-teleport.js');
        for (const args of [
          ['check', d],
          ['validate', '--offline', d],
        ]) {
          const r = spawnSync(process.execPath, [bin, ...args], { uid: 65534, gid: 65534, encoding: 'utf8', timeout: 60_000 });
          expect({ args, status: r.status, stderr: r.stderr }).toEqual({ args, status: 2, stderr: expected });
        }
      } else {
        const r = await runCli(['check', d]);
        expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 2, stderr: expected });
      }
    } finally {
      fs.chmodSync(d, 0o755);
    }
  });
});

describe('hand-written Terraform JSON: a directory of *.tf.json files', () => {
  test('check and validate read main.tf.json', async () => {
    const d = stack('handwritten', { 'main.tf.json': JSON.stringify(VALID) });
    expect(await runCli(['check', d])).toMatchObject({ code: 0, stdout: expect.stringContaining('OK: 1 stack(s) checked') });
    expect(await runCli(['validate', '--offline', d])).toMatchObject({ code: 0 });
  });

  test('every *.tf.json of the directory is one stack; a finding names its file', async () => {
    const d = stack('split', {
      'main.tf.json': JSON.stringify({ terraform: TERRAFORM, provider: VALID.provider }),
      'roles.tf.json': JSON.stringify({ resource: { teleport_role: { visitor: { ...VISITOR, metadata: { name: 'visitor', labelz: {} } } } } }),
      'notes.json': '{ not terraform, not read',
      'terraform.tfvars.json': '{ not read either',
    });
    const r = await runCli(['check', d, '--json']);
    expect(r.code).toBe(1);
    expect(r.report.findings).toEqual([
      expect.objectContaining({
        check: 'schema.unknown-attribute',
        resource: 'teleport_role.visitor',
        path: 'metadata.labelz',
        message: expect.stringMatching(/\(in roles\.tf\.json\)$/),
      }),
    ]);
    expect(loadConfigs(d).map((s) => [s.name, s.files.map((f) => path.basename(f.file))])).toEqual([['split', ['main.tf.json', 'roles.tf.json']]]);
    const v = await runCli(['validate', '--offline', d, '--json']);
    expect(v.report.findings).toContainEqual(
      expect.objectContaining({ check: 'schema.unknown-attribute', stack: 'split', message: expect.stringMatching(/\(in roles\.tf\.json\)$/) }),
    );
  });

  test('a directory of HCL files only says that HCL is not read', async () => {
    const d = stack('hcl-only', { 'main.tf': 'resource "teleport_role" "x" {}\n' });
    const r = await runCli(['check', d]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /no cdk\.tf\.json \(or other \*\.tf\.json\) in .*hcl-only: .* It holds \*\.tf files: HCL is not read, only Terraform JSON \(\*\.tf\.json\)/,
    );
  });
});
