// What terraform-check refuses to plan, without Terraform: anything but Teleport's resources and data
// sources anywhere in the JSON configuration, and HCL files that are not provably safe (a careful
// block scanner); and the environment Terraform gets: no credentials (issue 10, item 2).
import * as fs from 'fs';
import * as path from 'path';
import { foreignUses, hclUses, notCheckable } from '../../lib/terraform-check/checkability';
import { STRIPPED_ENVIRONMENT, isStripped, terraformEnv } from '../../lib/terraform-check/environment';
import { HclScanError, scanHcl } from '../../lib/terraform-check/hcl-scan';
import { TERRAFORM } from './harness';

describe('JSON configuration', () => {
  test.each([
    ['terraform_remote_state', { data: { terraform_remote_state: { s: {} } } }, ['data source terraform_remote_state']],
    ['terraform_data', { resource: { terraform_data: { x: {} } } }, ['terraform_data']],
    ['the array form', { resource: [{ teleport_role: {} }, { null_resource: { x: {} } }] }, ['null_resource']],
    [
      'a check block with nested data',
      { check: { c: { data: { terraform_remote_state: { s: {} } }, assert: [{}] } } },
      ['data source terraform_remote_state in check c'],
    ],
    ['a check block in the array form', { check: [{ c: [{ data: [{ http: { s: {} } }] }] }] }, ['data source http in check c']],
    ['an ephemeral block', { ephemeral: { random_password: { p: {} } } }, ['ephemeral block']],
    [
      'a provisioner in a Teleport resource',
      { resource: { teleport_role: { v: { provisioner: [{ 'local-exec': { command: 'curl x' } }] } } } },
      ['provisioner in teleport_role.v'],
    ],
    ['another provider by meta-argument', { resource: { teleport_role: { v: { provider: 'aws.x' } } } }, ['provider aws.x in teleport_role.v']],
    ['another provider block', { provider: { aws: [{}] } }, ['provider aws']],
    ['another required provider', { terraform: { required_providers: { google: {} } } }, ['provider google']],
    ['terraform.provider_meta', { terraform: { provider_meta: { teleport: {} } } }, ['terraform.provider_meta']],
  ])('%s is not checkable', (_what, config, uses) => {
    expect(foreignUses(config)).toEqual(uses);
    expect(notCheckable({ terraform: TERRAFORM, ...config })?.uses).toEqual(uses);
  });

  test('Teleport resources, data sources in checks, variables, outputs, locals, imports and state blocks are checkable', () => {
    const config = {
      '//': { metadata: {} },
      terraform: { ...TERRAFORM, backend: { s3: {} }, required_version: '>= 1.5' },
      provider: { teleport: [{ alias: 'leaf' }] },
      resource: { teleport_role: { v: { provider: 'teleport.leaf', lifecycle: { ignore_changes: ['spec'] } } } },
      data: { teleport_role: { d: {} } },
      check: { c: { data: { teleport_role: { x: {} } }, assert: [{ condition: '${true}', error_message: 'x' }] } },
      variable: { v: {} },
      output: { o: { value: 1 } },
      locals: { l: 1 },
      import: [{ to: 'teleport_role.v', id: 'v' }],
      moved: [{ from: 'teleport_role.a', to: 'teleport_role.v' }],
    };
    expect(foreignUses(config)).toEqual([]);
    expect(notCheckable(config)).toBeUndefined();
  });

  test('values of any shape are read without throwing', () => {
    for (const v of [null, 1, 'x', [], [null], { resource: null }, { resource: 'x' }, { check: [1, null] }, { terraform: [null, 'x'] }]) {
      expect(() => notCheckable(v as never)).not.toThrow();
    }
  });
});

describe('HCL files', () => {
  const safe = `
terraform {
  required_version = ">= 1.5"
  required_providers {
    teleport = { source = "terraform.releases.teleport.dev/gravitational/teleport" }
  }
}
provider "teleport" { addr = "x:443" }
/* a block comment with data "terraform_remote_state" "x" {} */
resource "teleport_role" "visitor" {
  version  = "v7"
  metadata = { name = "visitor" } # a comment
  spec = {
    allow = { logins = ["\${var.x}", "a\\"}b"], node_labels = { "*" = ["*"] } }
  }
  provider = teleport.leaf
  lifecycle {
    ignore_changes = [spec]
    precondition {
      condition     = length("}") > 0
      error_message = <<EOT
not } a "block"
EOT
    }
  }
}
data "teleport_role" "existing" { metadata = { name = "x" } }
variable "x" {
  type = string
  validation {
    condition     = can(regex("^[a-z]+$", var.x))
    error_message = "lowercase"
  }
}
locals { a = { for k, v in { a = 1 } : k => v } }
output "o" {
  value = local.a
  precondition {
    condition     = true
    error_message = "never"
  }
}
`;

  test('a file of only safe blocks is safe, and the scanner finds its blocks', () => {
    expect(hclUses('safe.tf', safe)).toEqual([]);
    expect(scanHcl(safe).map((i) => (i.kind === 'block' ? [i.type, ...i.labels].join(' ') : i.name))).toEqual([
      'terraform',
      'provider teleport',
      'resource teleport_role visitor',
      'data teleport_role existing',
      'variable x',
      'locals',
      'output o',
    ]);
  });

  test.each([
    ['data "terraform_remote_state" "s" {\n  backend = "s3"\n}\n', 'data source terraform_remote_state (f.tf:1)'],
    ['resource "terraform_data" "d" {}\n', 'terraform_data (f.tf:1)'],
    [
      '\n\ncheck "c" {\n  data "http" "h" { url = "https://example.com" }\n  assert {\n condition = true\n error_message = "x"\n }\n}\n',
      'a check block (f.tf:3)',
    ],
    ['resource "teleport_role" "r" {\n  provisioner "local-exec" { command = "curl x" }\n}\n', 'a provisioner block in teleport_role.r (f.tf:2)'],
    ['resource "teleport_role" "r" {\n  provider = aws.east\n}\n', 'provider aws.east in teleport_role.r (f.tf:2)'],
    ['provider "aws" {}\n', 'provider aws (f.tf:1)'],
    ['terraform {\n  backend "s3" {}\n}\n', 'terraform backend (f.tf:2)'],
    ['terraform {\n  required_providers {\n    aws = { source = "hashicorp/aws" }\n  }\n}\n', 'provider aws (f.tf:3)'],
    ['module "m" { source = "./m" }\n', 'a module block (f.tf:1)'],
    ['ephemeral "random_password" "p" {}\n', 'a ephemeral block (f.tf:1)'],
    ['locals {\n  x = 1\n  nested { }\n}\n', 'a nested block in locals (f.tf:1)'],
  ])('%j is not safe', (text, use) => {
    expect(hclUses('f.tf', text)).toEqual([use]);
  });

  test.each([
    ['an unclosed block', 'locals {\n  a = 1\n', /a block is not closed at line 3/],
    ['an unclosed string', 'locals {\n  a = "x\n}\n', /a string is not closed at line 2/],
    ['an unclosed heredoc', 'locals {\n  a = <<EOT\nnever closed\n}\n', /a heredoc without its closing EOT/],
    ['a label with a template', 'resource "teleport_${x}" "r" {}\n', /a block label that is not a plain string at line 1/],
    ['something that is not HCL', '{"resource": {}}\n', /expected a name at line 1/],
  ])('%s cannot be read safely, and is not safe', (_what, text, message) => {
    expect(() => scanHcl(text)).toThrow(HclScanError);
    expect(() => scanHcl(text)).toThrow(message);
    expect(hclUses('f.tf', text)).toEqual([expect.stringMatching(/^f\.tf, which could not be read safely/)]);
  });

  test('a data source hidden in a string or a comment is not a block, and one after them is found', () => {
    const text = 'locals {\n  s = "data \\"x\\" {"\n  # data "y" "z" {\n}\ndata "terraform_remote_state" "s" {}\n';
    expect(hclUses('f.tf', text)).toEqual(['data source terraform_remote_state (f.tf:5)']);
  });

  test('nesting far beyond any real file is refused, not a stack overflow', () => {
    expect(hclUses('f.tf', `${'a {\n'.repeat(100_000)}${'}\n'.repeat(100_000)}`)).toEqual([expect.stringMatching(/blocks nested too deeply/)]);
    expect(hclUses('f.tf', `locals {\n  a = ${'['.repeat(100_000)}${']'.repeat(100_000)}\n}\n`)).toEqual([
      expect.stringMatching(/an expression nested too deeply/),
    ]);
  });
});

describe('the environment Terraform gets', () => {
  test('cloud, CI, Teleport and proxy credentials are stripped; HOME is an empty directory; the rest passes', () => {
    const user: Record<string, string> = {
      PATH: '/bin',
      HOME: '/home/u',
      LANG: 'C.UTF-8',
      TF_LOG: 'trace',
      CDKTF_TELEPORT_TEST_RUN: 'run-1',
      AWS_ACCESS_KEY_ID: 'x',
      AWS_SECRET_ACCESS_KEY: 'x',
      AWS_PROFILE: 'prod',
      GOOGLE_APPLICATION_CREDENTIALS: '/k.json',
      CLOUDSDK_AUTH_ACCESS_TOKEN: 'x',
      GCLOUD_PROJECT: 'p',
      ARM_CLIENT_SECRET: 'x',
      AZURE_CLIENT_ID: 'x',
      KUBECONFIG: '/k',
      VAULT_TOKEN: 'x',
      CONSUL_HTTP_TOKEN: 'x',
      TFE_TOKEN: 'x',
      TF_HTTP_PASSWORD: 'x',
      ALICLOUD_ACCESS_KEY: 'x',
      OCI_CLI_KEY_FILE: 'x',
      DIGITALOCEAN_TOKEN: 'x',
      TF_TELEPORT_IDENTITY_FILE_BASE64: 'x',
      TELEPORT_ROOT_PASSWORD: 'x',
      ACTIONS_ID_TOKEN_REQUEST_URL: 'https://x',
      GITHUB_TOKEN: 'x',
      MY_SERVICE_API_KEY: 'x',
      HTTPS_PROXY: 'http://user:pass@proxy:3128',
      no_proxy: '*',
      XDG_CONFIG_HOME: '/home/u/.config',
      SSH_AUTH_SOCK: '/tmp/agent',
    };
    const env = terraformEnv('/ws/cli.tfrc', user);
    for (const k of ['PATH', 'LANG', 'TF_LOG', 'CDKTF_TELEPORT_TEST_RUN']) expect(env[k]).toBe(user[k]);
    const passed = Object.keys(user).filter((k) => env[k] === user[k]);
    expect(passed.sort()).toEqual(['CDKTF_TELEPORT_TEST_RUN', 'LANG', 'PATH', 'TF_LOG']);
    expect(env.HOME).toBe('/ws/home');
    expect(env.no_proxy).toBeUndefined();
    expect(env.HTTPS_PROXY).toBe('http://127.0.0.1:9');
  });

  test('docs/cli/terraform-check.md lists every stripped name', () => {
    const doc = fs.readFileSync(path.join(__dirname, '..', '..', 'docs', 'cli', 'terraform-check.md'), 'utf8');
    const missing = STRIPPED_ENVIRONMENT.flatMap((g) => g.names).filter((n) => !doc.includes(`\`${n}\``));
    expect(missing).toEqual([]);
    expect(isStripped('aws_session_token')).toBe(true);
  });
});
