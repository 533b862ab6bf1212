// When the check cannot run, terraform-check says so in one line and exits 2 (the --json document is
// still printed): a terraform that is broken or too old, a provider that fails, output that is not
// JSON, an interrupt (which also stops Terraform and removes the temporary workspace).
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { main } from '../../lib/cli/main';
import { TELEPORT_PROVIDER_SOURCE, defaultSchemaPath } from '../../lib/schema/provider-schema';
import { tempDir } from '../support/synth';
import { PROVIDER, TERRAFORM, VISITOR, captureIo as io, providerProcesses, providersAfter, stackDir, terraformAvailable, withEnv } from './harness';

let dir: string;
let good: string;
beforeAll(() => {
  dir = tempDir('tfcannot-');
  good = stackDir(dir, 'good', { terraform: TERRAFORM, provider: PROVIDER, resource: { teleport_role: { visitor: VISITOR } } });
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A fake terraform: `version -json` prints `version`, every other command runs `other` (shell). */
function fakeTerraform(name: string, version: string, other: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, `#!/bin/sh\nif [ "$1" = version ]; then ${version}; fi\n${other}\n`, { mode: 0o755 });
  return file;
}

async function withTerraform(binary: string, argv: string[]) {
  const c = io();
  const code = await withEnv({ TERRAFORM_BINARY: binary }, () => main(argv, c));
  return { code, ...c };
}

const VERSION_OK = `echo '{"terraform_version":"1.11.4","platform":"linux_amd64"}'; exit 0`;

describe('terraform that cannot be run', () => {
  test('a terraform that prints "boom" and exits 3: exit 2, one line, and the --json document', async () => {
    const boom = fakeTerraform('tf-boom', VERSION_OK, 'echo boom >&2; exit 3');
    const human = await withTerraform(boom, ['terraform-check', good]);
    expect(human.code).toBe(2);
    expect(human.stderr).toBe('cdktf-teleport: terraform validate failed for stack good (exit 3): boom\n');
    expect(human.stdout).toBe('');
    const json = await withTerraform(boom, ['terraform-check', good, '--json']);
    expect(json.code).toBe(2);
    expect(JSON.parse(json.stdout)).toMatchObject({
      schemaVersion: 1,
      ok: false,
      findings: [],
      error: 'terraform validate failed for stack good (exit 3): boom',
    });
  });

  test('output that is not JSON, from validate and from show', async () => {
    const prose = await withTerraform(fakeTerraform('tf-prose', VERSION_OK, 'echo "Success! The configuration is valid."; exit 0'), [
      'terraform-check',
      good,
    ]);
    expect(prose).toMatchObject({
      code: 2,
      stderr: 'cdktf-teleport: terraform validate failed for stack good (exit 0): Success! The configuration is valid.\n',
    });
    const show = fakeTerraform(
      'tf-show',
      VERSION_OK,
      `case "$1" in validate) echo '{"valid":true,"diagnostics":[]}';; plan) echo '{"type":"version"}';; show) echo 'not json';; esac; exit 0`,
    );
    const r = await withTerraform(show, ['terraform-check', good]);
    expect(r).toMatchObject({ code: 2, stderr: 'cdktf-teleport: terraform show -json did not print JSON for stack good: not json\n' });
  });

  test('a terraform that cannot report its version, or is older than 1.5', async () => {
    const broken = await withTerraform(fakeTerraform('tf-noversion', 'echo boom; exit 3', 'exit 3'), ['terraform-check', good]);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(
      /^cdktf-teleport: could not run `.*tf-noversion version -json` \(Command failed: .*\); terraform-check needs a working Terraform >= 1\.5\.0\.\n$/,
    );
    const old = await withTerraform(fakeTerraform('tf-old', `echo '{"terraform_version":"1.4.7"}'; exit 0`, 'exit 0'), ['terraform-check', good]);
    expect(old).toMatchObject({ code: 2, stderr: expect.stringContaining('is Terraform 1.4.7; terraform-check needs Terraform >= 1.5.0') });
    const ancient = await withTerraform(fakeTerraform('tf-ancient', 'echo "Terraform v0.12.31"; exit 0', 'exit 0'), ['terraform-check', good]);
    expect(ancient.stderr).toContain('is Terraform 0.12.31; terraform-check needs Terraform >= 1.5.0');
  });
});

const available = terraformAvailable();
(available ? describe : describe.skip)('with the real terraform', () => {
  test('a provider that fails to serve its schema: exit 2, not a finding about the stack', async () => {
    // Loadable here (the strict check runs), but the provider cannot turn it into protocol messages.
    const doc = JSON.parse(fs.readFileSync(defaultSchemaPath(), 'utf8'));
    doc.provider_schemas[TELEPORT_PROVIDER_SOURCE].resource_schemas.teleport_role.block.attributes.metadata.nested_type.nesting_mode = 'group';
    const schema = path.join(dir, 'unservable.schema.json');
    fs.writeFileSync(schema, JSON.stringify(doc));
    const c = io();
    expect(await main(['terraform-check', good, '--schema', schema, '--json'], c)).toBe(2);
    const report = JSON.parse(c.stdout);
    expect(report).toMatchObject({ ok: false, findings: [] });
    expect(report.error).toMatch(
      /^the offline provider failed in terraform validate \(stack good\): Failed to load plugin schemas: .*nesting mode "group" has no protocol 6 equivalent/,
    );
    expect(report.error).not.toContain('\n');
  });

  test('Ctrl-C (SIGINT to the process group) stops Terraform and the provider, and removes the temporary workspace', async () => {
    const tmp = tempDir('tfsigint-');
    const roles = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`r${i}`, { ...VISITOR, metadata: { name: `r${i}` } }]));
    const stack = stackDir(dir, 'interrupted', { terraform: TERRAFORM, provider: PROVIDER, resource: { teleport_role: roles } });
    const bin = path.join(__dirname, '..', '..', 'bin', 'cdktf-teleport.js');
    const child = spawn(process.execPath, [bin, 'terraform-check', stack], {
      env: { ...process.env, TMPDIR: tmp },
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr!.on('data', (d) => (stderr += d));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      const mark = `TMPDIR=${tmp}`;
      const deadline = Date.now() + 30_000;
      while (providerProcesses(undefined, mark).length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      expect(providerProcesses(undefined, mark).length).toBeGreaterThan(0); // Terraform is running our provider
      process.kill(-child.pid!, 'SIGINT');
      expect(await exited).toBe(2);
      expect(stderr).toMatch(
        /^cdktf-teleport: terraform-check was interrupted \(SIGINT\); Terraform was stopped and the temporary workspace removed\.\n$/,
      );
      expect(await providersAfter(3000, mark)).toEqual([]);
      expect(fs.readdirSync(tmp)).toEqual([]);
    } finally {
      if (child.exitCode === null) process.kill(-child.pid!, 'SIGKILL');
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});
