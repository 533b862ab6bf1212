// terraform validate + plan against the offline provider: examples pass; broken configurations fail
// with Terraform's own messages; a nested typo passes Terraform and is caught by the offline check.
import * as fs from 'fs';
import * as path from 'path';
import { buildExamples } from '../../examples/main';
import { main } from '../../lib/cli/main';
import { TELEPORT_PROVIDER_SOURCE, defaultSchemaPath } from '../../lib/schema/provider-schema';
import { terraformCheck } from '../../lib/terraform-check/terraform-check';
import { tempDir } from '../support/synth';
import { PROVIDER, TERRAFORM, VISITOR, captureIo as io, stackDir, terraformAvailable, withEnv } from './harness';

const available = terraformAvailable();
const maybe = available ? describe : describe.skip;

let dir: string;
beforeAll(() => {
  dir = tempDir('tfcheck-');
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

maybe('terraform-check', () => {
  test('every example stack passes validate and plan, and writes its plan JSON', async () => {
    const out = path.join(dir, 'examples');
    buildExamples(out).synth();
    const plans = path.join(dir, 'plans');
    const results = await terraformCheck([out], { planJsonDir: plans });
    const names = fs.readdirSync(path.join(out, 'stacks')).sort();
    expect(results.map((r) => r.stack).sort()).toEqual(names);
    for (const r of results) {
      expect({ stack: r.stack, errors: r.findings.filter((f) => f.severity !== 'info') }).toEqual({ stack: r.stack, errors: [] });
      expect(r.findings).toEqual([expect.objectContaining({ check: 'terraform.plan-summary', severity: 'info' })]);
      expect(r.plan?.resource_changes?.length).toBeGreaterThan(0);
      expect(r.plan?.resource_changes.every((c: any) => c.change.actions.join() === 'create')).toBe(true);
    }
    expect(fs.readdirSync(plans).sort()).toEqual(names.map((n) => `${n}.plan.json`));
    // The provider-generated token name is sensitive and unknown in the plan; nothing leaks into it.
    const root = JSON.parse(fs.readFileSync(path.join(plans, 'two-stack-root.plan.json'), 'utf8'));
    const token = root.resource_changes.find((c: any) => c.type === 'teleport_provision_token');
    expect(token.change.after_unknown.metadata.name).toBe(true);
    expect(root.output_changes.leaf_join_token.after_sensitive).toBe(true);
    // The plan JSON feeds validate: the seed leaf's plan passes the offline checks.
    const v = io();
    expect(await main(['validate', path.join(plans, 'seed-l1-leaf.plan.json'), '--offline', '--json'], v)).toBe(0);
    expect(JSON.parse(v.stdout)).toMatchObject({ schemaVersion: 1, ok: true });
  }, 300_000); // seven stacks, three terraform runs each: on a loaded two-core machine past jest's 120 s

  // [what, config, Terraform's own message fragments]
  const BROKEN: [string, Record<string, unknown>, RegExp[]][] = [
    [
      'an unknown top-level attribute',
      { teleport_role: { visitor: { ...VISITOR, bogus_top: 1 } } },
      [/Extraneous JSON object property/, /No argument or block type is named "bogus_top"/],
    ],
    [
      'a wrong type',
      { teleport_role: { visitor: { ...VISITOR, spec: { allow: { logins: 'visitor', node_labels: { env: 'prod' } } } } } },
      [/Incorrect attribute value type/, /Inappropriate value for attribute "spec"/],
    ],
    [
      'a missing required attribute',
      { teleport_role: { visitor: { metadata: { name: 'visitor' } } } },
      [/Missing required argument/, /The argument "version" is required/],
    ],
    [
      'a reference to an undeclared resource',
      {
        teleport_trusted_cluster: {
          root: {
            version: 'v2',
            metadata: { name: 'root' },
            spec: { token: '${teleport_provision_token.nope.metadata.name}', web_proxy_addr: 'r:443', role_map: [{ remote: 'a', local: ['b'] }] },
          },
        },
      },
      [/Reference to undeclared resource/, /teleport_provision_token" "nope"/],
    ],
  ];

  test.each(BROKEN)("%s fails with Terraform's own message", async (_what, resource, messages) => {
    const [r] = await terraformCheck([stackDir(dir, `broken-${_what.replace(/\W+/g, '-')}`, { terraform: TERRAFORM, provider: PROVIDER, resource })]);
    const tf = r.findings.filter((f) => f.check === 'terraform.validate' && f.severity === 'error');
    expect(tf.length).toBeGreaterThan(0);
    for (const m of messages) expect(tf.map((f) => f.message).join('\n')).toMatch(m);
  });

  test('a nested typo passes Terraform (it drops the key) and the offline check catches it', async () => {
    const resource = {
      teleport_trusted_cluster: {
        root: {
          version: 'v2',
          metadata: { name: 'root.example.com' },
          spec: {
            proxy_addr: 'root.example.com:3080',
            web_proxy_addr: 'root.example.com:443',
            token: '${var.t}',
            role_map: [{ remote: 'access', local: ['visitor'] }],
          },
        },
      },
    };
    const [r] = await terraformCheck([
      stackDir(dir, 'nested-typo', { terraform: TERRAFORM, provider: PROVIDER, variable: { t: { type: 'string', sensitive: true } }, resource }),
    ]);
    expect(r.findings.filter((f) => f.check.startsWith('terraform.') && f.severity === 'error')).toEqual([]);
    expect(r.plan?.resource_changes[0].change.after.spec.proxy_addr).toBeUndefined(); // dropped by Terraform
    expect(r.findings).toContainEqual(
      expect.objectContaining({
        severity: 'error',
        check: 'schema.unknown-attribute',
        resource: 'teleport_trusted_cluster.root',
        path: 'spec.proxy_addr',
      }),
    );
  });

  test('a stack with another provider gets a not-checkable finding, not a crash', async () => {
    const config = {
      terraform: { required_providers: { ...TERRAFORM.required_providers, random: { source: 'hashicorp/random' } } },
      provider: PROVIDER,
      resource: { random_password: { p: { length: 32 } }, teleport_role: { visitor: VISITOR } },
    };
    const [r] = await terraformCheck([stackDir(dir, 'foreign', config)]);
    expect(r.findings.filter((f) => f.severity !== 'info')).toEqual([
      expect.objectContaining({
        severity: 'warning',
        check: 'terraform.not-checkable',
        resource: 'foreign',
        message: expect.stringContaining('it uses provider random, random_password,'),
      }),
    ]);
    expect(r.terraform).toBe('not-run');
  });

  test('a module call is not checkable (no misleading "Module not installed"); terraform.cloud and terraform.backend are dropped', async () => {
    const withModule = stackDir(dir, 'with-module', {
      terraform: TERRAFORM,
      provider: PROVIDER,
      module: { roles: { source: './roles' } },
      resource: { teleport_role: { visitor: VISITOR } },
    });
    // With either block left in, plan fails (HCP Terraform wants `terraform init`; both together are an error).
    const state = {
      cloud: { organization: 'example-org', workspaces: { name: 'leaf' } },
      backend: { s3: { bucket: 'b', key: 'k', region: 'eu-west-1' } },
    };
    const withState = stackDir(dir, 'with-cloud-and-backend', {
      terraform: { ...TERRAFORM, ...state },
      provider: PROVIDER,
      resource: { teleport_role: { visitor: VISITOR } },
    });
    const [m, c] = await terraformCheck([withModule, withState]);
    expect(m.findings.filter((f) => f.severity !== 'info')).toEqual([
      expect.objectContaining({ severity: 'warning', check: 'terraform.not-checkable', message: expect.stringContaining('it calls module roles') }),
    ]);
    expect(JSON.stringify(m.findings)).not.toContain('Module not installed');
    expect(c.findings.filter((f) => f.severity !== 'info')).toEqual([]);
    expect(c.terraform).toBe('planned');
  });

  test("placeholders follow the variable types; a placeholder failing a validation block is a warning; --var-file gives real values; the user's TF_* settings do not leak in", async () => {
    const variable = {
      owner: { type: 'object({name=string, team=optional(string)})' },
      pair: { type: 'tuple([string, number])' },
      addr: {
        type: 'string',
        validation: [{ condition: '${can(regex("^[a-z]+[.]example[.]com$", var.addr))}', error_message: 'addr must be a host in example.com.' }],
      },
    };
    const role = {
      ...VISITOR,
      metadata: { name: 'visitor', description: '${var.owner.name}-${var.pair[0]}-${var.pair[1]}', labels: { addr: '${var.addr}' } },
    };
    const stack = stackDir(dir, 'typed-vars', { terraform: TERRAFORM, provider: PROVIDER, variable, resource: { teleport_role: { visitor: role } } });
    // Each of these would change the run if it reached Terraform (TF_VAR_addr would even pass the validation).
    const leaked = {
      TF_CLI_ARGS: '-no-such-flag',
      TF_CLI_ARGS_plan: '-target=nothing.here',
      TF_DATA_DIR: path.join(dir, 'elsewhere'),
      TF_WORKSPACE: 'ghost',
      TF_VAR_addr: 'leaf.example.com',
    };
    const [placeholdered] = await withEnv(leaked, () => terraformCheck([stack]));
    expect(placeholdered.findings.filter((f) => f.severity !== 'info')).toEqual([
      expect.objectContaining({
        severity: 'warning',
        check: 'terraform.placeholder-validation',
        message: expect.stringContaining('placeholder value for var.addr failed its validation'),
      }),
    ]);
    expect(placeholdered.terraform).toBe('validated');
    const varFile = path.join(dir, 'real.tfvars.json');
    fs.writeFileSync(varFile, JSON.stringify({ addr: 'leaf.example.com' }));
    const [real] = await terraformCheck([stack], { varFiles: [varFile] });
    expect(real.findings.filter((f) => f.severity !== 'info')).toEqual([]);
    expect(real.plan?.resource_changes[0].change.after.metadata).toMatchObject({
      description: 'placeholder-owner-placeholder-pair-0',
      labels: { addr: 'leaf.example.com' },
    });
  });

  test('the CLI: exit 0 on the examples, 1 on a broken stack, 2 when terraform is missing', async () => {
    const good = stackDir(dir, 'cli-good', { terraform: TERRAFORM, provider: PROVIDER, resource: { teleport_role: { visitor: VISITOR } } });
    const bad = stackDir(dir, 'cli-bad', {
      terraform: TERRAFORM,
      provider: PROVIDER,
      resource: { teleport_role: { visitor: { ...VISITOR, bogus_top: 1 } } },
    });
    const a = io();
    expect(await main(['terraform-check', good, '--json'], a)).toBe(0);
    expect(JSON.parse(a.stdout)).toMatchObject({ schemaVersion: 1, ok: true });
    const b = io();
    expect(await main(['terraform-check', bad], b)).toBe(1);
    expect(b.stdout).toMatch(/ERROR \[terraform.validate\].*No argument or block type is named "bogus_top"/);
    const c = io();
    expect(await withEnv({ TERRAFORM_BINARY: path.join(dir, 'no-terraform-here') }, () => main(['terraform-check', good, '--json'], c))).toBe(2);
    expect(JSON.parse(c.stdout)).toMatchObject({ ok: false, error: expect.stringContaining('no-terraform-here, which does not exist') });
  });

  test('the CLI: a stack that is not checkable does not say it was checked; --schema is resolved, checked, and used by the strict check too', async () => {
    const foreign = stackDir(dir, 'cli-foreign', { terraform: TERRAFORM, provider: PROVIDER, resource: { random_id: { x: { byte_length: 4 } } } });
    const a = io();
    expect(await main(['terraform-check', foreign], a)).toBe(0);
    expect(a.stdout).not.toMatch(/OK: 1 stack\(s\) checked with terraform/);
    expect(a.stdout).toMatch(/OK: 0 of 1 stack\(s\) planned with terraform; not checked with terraform \(strict offline check only\): cli-foreign/);

    // A schema with one more top-level role attribute: Terraform accepts it, and so must the strict check.
    const doc = JSON.parse(fs.readFileSync(defaultSchemaPath(), 'utf8'));
    doc.provider_schemas[TELEPORT_PROVIDER_SOURCE].resource_schemas.teleport_role.block.attributes.owner_team = {
      type: 'string',
      optional: true,
      description_kind: 'plain',
    };
    const schema = path.join(dir, 'extended.schema.json');
    fs.writeFileSync(schema, JSON.stringify(doc));
    const extended = stackDir(dir, 'cli-extended', {
      terraform: TERRAFORM,
      provider: PROVIDER,
      resource: { teleport_role: { visitor: { ...VISITOR, owner_team: 'sre' } } },
    });
    const b = io();
    expect(await main(['terraform-check', extended, '--schema', path.relative(process.cwd(), schema), '--json'], b)).toBe(0);
    expect(JSON.parse(b.stdout)).toMatchObject({ ok: true, findings: [expect.objectContaining({ check: 'terraform.plan-summary' })] });
    const c = io();
    expect(await main(['terraform-check', extended, '--schema', 'no/such.schema.json'], c)).toBe(2);
    expect(c.stderr).toBe('cdktf-teleport: the schema file no/such.schema.json does not exist.\n');
  });
});
