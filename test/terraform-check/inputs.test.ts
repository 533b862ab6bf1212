// What terraform-check prepares before Terraform runs, without Terraform: placeholders built from
// parsed type expressions, the workspace copy, what is not checkable, the scrubbed environment, and
// how diagnostics become findings.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { notCheckable } from '../../lib/terraform-check/checkability';
import { dedupe, diagnosticAddress, diagnosticFinding, fixFor } from '../../lib/terraform-check/diagnostics';
import { PLACEHOLDER_FILE, placeholderVariables } from '../../lib/terraform-check/placeholders';
import { DEAD_PROXY, terraformEnv } from '../../lib/terraform-check/environment';
import { parseTypeExpression } from '../../lib/terraform-check/type-expression';
import { copyStack } from '../../lib/terraform-check/workspace';
import { Finding } from '../../lib/report/finding';
import { tempDir } from '../support/synth';
import { TERRAFORM } from './harness';

describe('placeholders for required variables', () => {
  const values = (variable: Record<string, unknown>) => placeholderVariables({ variable }).values;

  test('every type gets a value of that type, recursively', () => {
    expect(
      values({
        s: { type: 'string' },
        n: { type: 'number' },
        b: { type: 'bool' },
        untyped: {},
        anything: { type: 'any' },
        l: { type: 'list(string)' },
        st: { type: 'set(number)' },
        m: { type: 'map(object({a=string}))' },
        o: {
          type: 'object({name=string, port=optional(number, 443), tags=optional(map(string), {"a" = "b, c)"}), nested=object({on=bool, ids=list(number)})})',
        },
        t: { type: 'tuple([string, number, object({x = string})])' },
        wrapped: { type: '${list(string)}' },
        withDefault: { type: 'string', default: 'kept' },
      }),
    ).toEqual({
      s: 'placeholder-s',
      n: 0,
      b: false,
      untyped: 'placeholder-untyped',
      anything: 'placeholder-anything',
      l: [],
      st: [],
      m: {},
      o: { name: 'placeholder-o', nested: { on: false, ids: [] } },
      t: ['placeholder-t', 0, { x: 'placeholder-t' }],
      wrapped: [],
    });
  });

  test('variables and object attributes named like JavaScript builtins get their placeholders', () => {
    const variable = JSON.parse('{"__proto__": {"type": "string"}, "constructor": {"type": "object({constructor = string, __proto__ = number})"}}');
    const p = placeholderVariables({ variable });
    expect(JSON.stringify(p.values)).toBe(
      '{"__proto__":"placeholder-__proto__","constructor":{"constructor":"placeholder-constructor","__proto__":0}}',
    );
    // Several files, the array form, and declarations of any shape.
    expect(placeholderVariables([{ variable: [{ a: {} }, null] }, { variable: { b: null, c: 'x' } }, null]).values).toEqual({ a: 'placeholder-a' });
  });

  test('a type that cannot be read gets a string placeholder and is reported', () => {
    const p = placeholderVariables({ variable: { odd: { type: 'strang' } } });
    expect(p.values).toEqual({ odd: 'placeholder-odd' });
    expect(p.unreadable.odd).toMatch(/unknown type "strang"/);
    expect(() => parseTypeExpression('object({a=string')).toThrow(/expected/);
  });
});

describe('the workspace copy', () => {
  let dir: string;
  beforeAll(() => (dir = tempDir('tfinputs-')));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('drops terraform.backend and terraform.cloud, state and auto-loaded var files; writes the placeholders', () => {
    const stackDir = path.join(dir, 'stack');
    fs.mkdirSync(stackDir);
    const config = {
      terraform: { ...TERRAFORM, backend: { local: { path: 'x.tfstate' } }, cloud: { organization: 'o', workspaces: { name: 'w' } } },
    };
    for (const f of ['cdk.tf.json', 'extra.tf.json', 'notes.md', 'terraform.tfstate', 'terraform.tfvars', 'secrets.auto.tfvars.json'])
      fs.writeFileSync(path.join(stackDir, f), '{}');
    const into = path.join(dir, 'ws-dir');
    const configs = [
      { file: path.join(stackDir, 'cdk.tf.json'), config },
      { file: path.join(stackDir, 'extra.tf.json'), config: {} },
    ];
    const files = copyStack({ dir: stackDir, configs, hcl: [], wholeDirectory: true }, into, { v: 'placeholder-v' });
    expect([...files]).toEqual([
      ['cdk.tf.json', path.join(stackDir, 'cdk.tf.json')],
      ['extra.tf.json', path.join(stackDir, 'extra.tf.json')],
    ]);
    expect(fs.readdirSync(into).sort()).toEqual(['cdk.tf.json', 'extra.tf.json', PLACEHOLDER_FILE, 'notes.md'].sort());
    expect(JSON.parse(fs.readFileSync(path.join(into, 'cdk.tf.json'), 'utf8'))).toEqual({ terraform: TERRAFORM });
    expect(JSON.parse(fs.readFileSync(path.join(into, PLACEHOLDER_FILE), 'utf8'))).toEqual({ v: 'placeholder-v' });
  });

  test('only regular files and directories are copied: a FIFO or a link to a device is left out', () => {
    const stackDir = path.join(dir, 'special');
    fs.mkdirSync(stackDir);
    fs.writeFileSync(path.join(stackDir, 'notes.md'), 'x');
    execFileSync('mkfifo', [path.join(stackDir, 'pipe')]);
    fs.symlinkSync('/dev/zero', path.join(stackDir, 'zero'));
    fs.mkdirSync(path.join(stackDir, 'sub'));
    execFileSync('mkfifo', [path.join(stackDir, 'sub', 'pipe')]);
    const into = path.join(dir, 'ws-special');
    copyStack({ dir: stackDir, configs: [], hcl: [], wholeDirectory: true }, into, {});
    expect(fs.readdirSync(into).sort()).toEqual([PLACEHOLDER_FILE, 'notes.md', 'sub'].sort());
    expect(fs.readdirSync(path.join(into, 'sub'))).toEqual([]);
  });

  test('a stack named by a file: only that file (as cdk.tf.json) and the non-Terraform files', () => {
    const stackDir = path.join(dir, 'by-file');
    fs.mkdirSync(stackDir);
    for (const f of ['main.tf.json', 'other.tf.json', 'other.tf', 'notes.md']) fs.writeFileSync(path.join(stackDir, f), '{}');
    const into = path.join(dir, 'ws-file');
    const files = copyStack(
      { dir: stackDir, configs: [{ file: path.join(stackDir, 'main.tf.json'), config: {} }], hcl: [], wholeDirectory: false },
      into,
      {},
    );
    // The configuration keeps its name, so Terraform's diagnostics name the user's file.
    expect(fs.readdirSync(into).sort()).toEqual(['main.tf.json', PLACEHOLDER_FILE, 'notes.md'].sort());
    expect(files.get('main.tf.json')).toBe(path.join(stackDir, 'main.tf.json'));
  });
});

describe('what cannot be checked offline', () => {
  test('other providers, module calls and another Teleport source each say so', () => {
    expect(notCheckable({ terraform: TERRAFORM, resource: { teleport_role: {} } })).toBeUndefined();
    expect(notCheckable({ terraform: TERRAFORM, resource: { random_password: {} } })?.uses).toEqual(['random_password']);
    expect(notCheckable({ terraform: TERRAFORM, module: { vpc: { source: './vpc' } } })).toMatchObject({
      uses: ['module vpc'],
      message: expect.stringContaining('terraform init'),
    });
    const registry = notCheckable({
      terraform: { required_providers: { teleport: { source: 'gravitational/teleport' } } },
      resource: { teleport_role: {} },
    });
    expect(registry?.message).toContain('"registry.terraform.io/gravitational/teleport"');
    expect(notCheckable({ resource: { teleport_role: {} } })?.message).toContain('"registry.terraform.io/hashicorp/teleport"');
  });
});

describe('the environment Terraform runs with', () => {
  test('drops the variables that would change what is checked, keeps the rest', () => {
    const env = terraformEnv('/ws/cli.tfrc', {
      PATH: '/bin',
      HOME: '/home/u',
      TF_LOG: 'debug',
      TF_CLI_ARGS: '-lock=true',
      TF_CLI_ARGS_plan: '-refresh=false',
      TF_DATA_DIR: '/elsewhere',
      TF_WORKSPACE: 'prod',
      TF_VAR_token: 'secret',
      TF_REATTACH_PROVIDERS: '{}',
      TF_TOKEN_app_terraform_io: 'secret',
      TF_CLI_CONFIG_FILE: '/home/u/.terraformrc',
    });
    expect(env).toEqual({
      PATH: '/bin',
      HOME: '/ws/home',
      XDG_CONFIG_HOME: '/ws/home/.config',
      XDG_CACHE_HOME: '/ws/home/.cache',
      XDG_DATA_HOME: '/ws/home/.local/share',
      HTTP_PROXY: DEAD_PROXY,
      HTTPS_PROXY: DEAD_PROXY,
      http_proxy: DEAD_PROXY,
      https_proxy: DEAD_PROXY,
      TF_LOG: 'debug',
      TF_CLI_CONFIG_FILE: '/ws/cli.tfrc',
      CHECKPOINT_DISABLE: '1',
      TF_IN_AUTOMATION: '1',
      TF_INPUT: '0',
    });
  });
});

describe('diagnostics as findings', () => {
  test('the fix names the case: missing provider, module, HCP, or the generic one', () => {
    expect(fixFor({ summary: 'Module not installed' })).toMatch(/modules cannot be installed/);
    expect(fixFor({ summary: 'HCP Terraform or Terraform Enterprise initialization required: please run "terraform init"' })).toMatch(/cloud/);
    expect(fixFor({ summary: 'Failed to query available provider packages' })).toMatch(/only the Teleport provider/);
    expect(fixFor({ summary: 'Missing required argument' })).toMatch(/Terraform itself rejects/);
  });

  test("a placeholder that fails its variable's validation is a warning naming the variable", () => {
    const f = diagnosticFinding('leaf', 'plan', {
      severity: 'error',
      summary: 'Invalid value for variable',
      detail: 'must be a hostname',
      range: { filename: PLACEHOLDER_FILE, start: { line: 2, column: 3 } },
      snippet: { values: [{ traversal: 'var.addr', statement: 'is "placeholder-addr"' }] },
    });
    expect(f).toMatchObject({
      severity: 'warning',
      check: 'terraform.placeholder-validation',
      message: expect.stringContaining('placeholder value for var.addr failed its validation'),
    });
    // A value the user gave that fails is the user's error.
    expect(
      diagnosticFinding('leaf', 'plan', {
        severity: 'error',
        summary: 'Invalid value for variable',
        range: { filename: '/home/u/prod.tfvars', start: { line: 1, column: 1 } },
      })?.severity,
    ).toBe('error');
  });

  test("a finding names the user's file (not the workspace copy) and the address from the diagnostic or its block", () => {
    const files = new Map([['main.tf.json', 'stacks/leaf/main.tf.json']]);
    const at = { filename: 'main.tf.json', start: { line: 40, column: 3 } };
    expect(diagnosticFinding('leaf', 'validate', { severity: 'error', summary: 'Missing required argument', range: at }, files)).toMatchObject({
      resource: 'stacks/leaf/main.tf.json:40',
    });
    expect(
      diagnosticFinding(
        'leaf',
        'plan',
        { severity: 'error', summary: 'x', range: at, snippet: { context: 'resource.teleport_role.visitor' } },
        files,
      ),
    ).toMatchObject({ resource: 'teleport_role.visitor', message: 'x (stacks/leaf/main.tf.json:40)' });
    expect(diagnosticAddress({ severity: 'error', summary: 'x', snippet: { context: 'data "teleport_role" "existing"' } })).toBe(
      'data.teleport_role.existing',
    );
    expect(
      diagnosticAddress({ severity: 'error', summary: 'x', address: 'teleport_role.a[0]', snippet: { context: 'resource.teleport_role.b' } }),
    ).toBe('teleport_role.a[0]');
    expect(diagnosticAddress({ severity: 'error', summary: 'x', snippet: { context: 'variable "x"' } })).toBeUndefined();
  });

  test('a warning reported by validate and again by plan is listed once', () => {
    const w = (check: string): Finding => ({ severity: 'warning', check, resource: 'teleport_role.x', message: 'Deprecated attribute' });
    expect(dedupe([w('terraform.validate'), w('terraform.plan'), { ...w('terraform.plan'), message: 'other' }])).toEqual([
      w('terraform.validate'),
      { ...w('terraform.plan'), message: 'other' },
    ]);
  });
});
