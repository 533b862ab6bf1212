// TeleportApp prints the constructs' warnings and infos on stderr at synth (cdktf itself only writes
// them into manifest.json for its CLI), unless silenced or run by the cdktf CLI, which prints them.
import * as fs from 'fs';
import * as path from 'path';
import { Annotations, TerraformStack } from 'cdktf';
import { GuardrailsPack, ProvisionToken, Role, RoleVersion, TeleportApp, TeleportAppConfig, TeleportProvider } from '../../lib';
import { runByCdktfCli } from '../../lib/app/annotations';
import { clearSecrets, registerSecret } from '../../lib/report/redact';
import { tempDir } from '../support/synth';

/** What the cdktf CLI (cli-core synth-stack.ts) puts in the app's environment. */
const CLI_ENV = { CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS: 'true', CDKTF_CONTEXT_JSON: JSON.stringify({ cdktfRelativeModules: [] }) };
const VARS = ['CDKTF_TELEPORT_QUIET', 'CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS', 'CDKTF_CONTEXT_JSON'];

interface Synth {
  stderr: string;
  manifest: any;
}

/** Synthesizes an app with a noExpiry token (warning), a v8 role (info) and a v9 role (warning). */
function synth(config: Omit<TeleportAppConfig, 'outdir'> = {}, env: Record<string, string> = {}, extra?: (stack: TerraformStack) => void): Synth {
  const outdir = tempDir('annotations-');
  const saved = Object.fromEntries(VARS.map((k) => [k, process.env[k]]));
  for (const k of VARS) delete process.env[k];
  Object.assign(process.env, env);
  let stderr = '';
  const spy = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: any) => ((stderr += String(chunk)), true));
  try {
    // The pack's TG201 would fail synth on the noExpiry token: this test is about printing, not guardrails.
    const app = new TeleportApp({ guardrails: GuardrailsPack.OFF, ...config, outdir });
    const stack = new TerraformStack(app, 'root');
    new TeleportProvider(stack, 'teleport', { addr: 'root.example.com:443' });
    ProvisionToken.forTrustedCluster(stack, 'Forever', { noExpiry: true });
    new Role(stack, 'Eight', { name: 'eight', version: RoleVersion.V8 });
    new Role(stack, 'Nine', { name: 'nine', version: RoleVersion.V9 });
    extra?.(stack);
    app.synth();
    return { stderr, manifest: JSON.parse(fs.readFileSync(path.join(outdir, 'manifest.json'), 'utf8')) };
  } finally {
    spy.mockRestore();
    for (const k of VARS) {
      if (saved[k] === undefined) delete process.env[k];
      else process.env[k] = saved[k];
    }
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

describe('TeleportApp prints warnings and infos at synth', () => {
  afterEach(() => clearSecrets());

  test('on stderr, warnings first, then infos, each with its construct path, after a count and how to silence them', () => {
    const lines = synth().stderr.split('\n');
    expect(lines[0]).toBe('cdktf-teleport: 2 warnings, 1 info at synth (silence: printAnnotations: false or CDKTF_TELEPORT_QUIET=1)');
    expect(lines.slice(1).map((l) => l.slice(0, l.indexOf(']') + 1))).toEqual([
      '  WARN [root/Forever]',
      '  WARN [root/Nine]',
      '  INFO [root/Eight]',
      '',
    ]);
    expect(lines[1]).toContain('noExpiry: this Trusted_cluster token never expires');
    expect(lines[2]).toContain('Role v9 needs an Auth Service that knows v9');
    expect(lines[3]).toContain('Role v8 needs Teleport 18 agents');
  });

  test('printAnnotations: false prints nothing; the manifest still holds the annotations', () => {
    const { stderr, manifest } = synth({ printAnnotations: false });
    expect(stderr).toBe('');
    expect(manifest.stacks.root.annotations.map((a: any) => [a.level, a.constructPath])).toEqual([
      ['@cdktf/warn', 'root/Forever'],
      ['@cdktf/info', 'root/Eight'],
      ['@cdktf/warn', 'root/Nine'],
    ]);
  });

  test.each([['1'], ['true'], ['yes']])('CDKTF_TELEPORT_QUIET=%s prints nothing', (value) => {
    expect(synth({}, { CDKTF_TELEPORT_QUIET: value }).stderr).toBe('');
  });

  test.each([['0'], ['false'], ['']])('CDKTF_TELEPORT_QUIET=%j does not silence', (value) => {
    expect(synth({}, { CDKTF_TELEPORT_QUIET: value }).stderr).toContain('2 warnings, 1 info');
  });

  test("under the cdktf CLI nothing is printed (the CLI prints the manifest's annotations itself)", () => {
    const { stderr, manifest } = synth({}, CLI_ENV);
    expect(stderr).toBe('');
    expect(manifest.stacks.root.annotations).toHaveLength(3);
  });

  test("only the CLI's pair of variables counts as the CLI: the error-annotation variable set by hand does not", () => {
    expect(runByCdktfCli(CLI_ENV)).toBe(true);
    expect(runByCdktfCli({ CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS: 'true' })).toBe(false);
    expect(runByCdktfCli({ ...CLI_ENV, CDKTF_CONTEXT_JSON: '{}' })).toBe(false);
    expect(runByCdktfCli({ ...CLI_ENV, CDKTF_CONTEXT_JSON: 'not json' })).toBe(false);
    expect(synth({}, { CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS: 'true' }).stderr).toContain('2 warnings, 1 info');
  });

  test("the cdktf CLI of this repository still sets that pair when it runs the app, and prints the manifest's annotations", () => {
    const cliCore = path.dirname(require.resolve('@cdktf/cli-core/package.json', { paths: [require.resolve('cdktf-cli/package.json')] }));
    const synthStack = fs.readFileSync(path.join(cliCore, 'src', 'lib', 'synth-stack.js'), 'utf8');
    expect(synthStack).toContain('CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS: "true"');
    expect(synthStack).toContain('cdktfRelativeModules: relativeModules');
    const printer = fs.readFileSync(path.join(cliCore, 'src', 'lib', 'synth.js'), 'utf8');
    expect(printer).toContain('stacks.forEach((stack) => (stack.annotations || []).forEach((annotation) => {');
  });

  test('a message cannot drive the terminal (control characters shown escaped) nor reveal a registered secret', () => {
    registerSecret('s3cr3t-value');
    const { stderr } = synth({}, {}, (stack) => Annotations.of(stack).addWarning('name "\u001b[2Jevil\r\n OK" and s3cr3t-value'));
    const line = stderr.split('\n').find((l) => l.includes('evil'))!;
    expect(line).toBe('  WARN [root] name "\\x1b[2Jevil\\x0d\\x0a OK" and ***REDACTED***');
    expect(stderr).not.toContain('\u001b');
  });

  test('an app without annotations prints nothing', () => {
    const outdir = tempDir('annotations-');
    const spy = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      const app = new TeleportApp({ outdir });
      const stack = new TerraformStack(app, 'quiet');
      new TeleportProvider(stack, 'teleport', { addr: 'root.example.com:443' });
      new Role(stack, 'Dev', { name: 'dev', version: RoleVersion.V7 });
      app.synth();
      expect(spy).not.toHaveBeenCalled();
    } finally {
      spy.mockRestore();
      fs.rmSync(outdir, { recursive: true, force: true });
    }
  });
});
