// terraform-check makes no network request and hands Terraform no credentials (issue 10, item 2):
// a terraform_remote_state data source (built into Terraform, no init needed) at the top level, in a
// check block, or in a .tf file of the stack makes the stack not checkable, and a local listener
// sees no request. Also: diagnostics name the user's file (item 16), and --plan-json writes
// redacted plans with mode 0600 (item 18).
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import * as path from 'path';
import { main } from '../../lib/cli/main';
import { REDACTED_VALUE } from '../../lib/config/redacted';
import { writeHarness } from '../../lib/terraform-check/environment';
import { placeholderVariables } from '../../lib/terraform-check/placeholders';
import { runTerraform } from '../../lib/terraform-check/run-terraform';
import { terraformCheck } from '../../lib/terraform-check/terraform-check';
import { copyStack } from '../../lib/terraform-check/workspace';
import { tempDir } from '../support/synth';
import { PROVIDER, TERRAFORM, VISITOR, captureIo, stackDir, terraformAvailable } from './harness';

const available = terraformAvailable();
const maybe = available ? describe : describe.skip;

let dir: string;
let server: http.Server;
let requests: string[] = [];
let stateUrl = '';
beforeAll(async () => {
  dir = tempDir('tf-no-network-');
  server = http.createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({
        version: 4,
        terraform_version: '1.11.4',
        serial: 1,
        lineage: 'x',
        outputs: { token: { value: 'from-remote-state', type: 'string' } },
        resources: [],
      }),
    );
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  stateUrl = `http://127.0.0.1:${(server.address() as { port: number }).port}/state`;
});
afterAll(async () => {
  await new Promise((r) => server.close(r));
  fs.rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => (requests = []));

const remoteState = () => ({ terraform_remote_state: { shared: { backend: 'http', config: { address: stateUrl } } } });
const teleportOnly = { terraform: TERRAFORM, provider: PROVIDER, resource: { teleport_role: { visitor: VISITOR } } };

maybe('no network, no credentials', () => {
  test("control: planned without terraform-check's guard, a check block's remote state is fetched (the listener works)", async () => {
    const config = {
      ...teleportOnly,
      check: {
        reachable: { data: remoteState(), assert: [{ condition: '${data.terraform_remote_state.shared.outputs != null}', error_message: 'x' }] },
      },
    };
    const base = path.join(dir, 'control');
    const cliConfig = writeHarness(base);
    const ws = path.join(base, 'ws');
    const src = stackDir(dir, 'control-src', config);
    copyStack(
      { dir: src, configs: [{ file: path.join(src, 'cdk.tf.json'), config }], hcl: [], wholeDirectory: true },
      ws,
      placeholderVariables(config).values,
    );
    await runTerraform('terraform', ['plan', '-input=false', '-lock=false', '-no-color'], ws, cliConfig);
    expect(requests).toContain('GET /state');
  });

  test('terraform_remote_state at the top level, in a check block and in a .tf file: not checkable, zero requests', async () => {
    const top = stackDir(dir, 'top', { ...teleportOnly, data: remoteState() });
    const inCheck = stackDir(dir, 'in-check', {
      ...teleportOnly,
      check: {
        reachable: { data: remoteState(), assert: [{ condition: '${data.terraform_remote_state.shared.outputs != null}', error_message: 'x' }] },
      },
    });
    const inHcl = stackDir(dir, 'in-hcl', teleportOnly);
    fs.writeFileSync(
      path.join(inHcl, 'remote.tf'),
      `data "terraform_remote_state" "shared" {\n  backend = "http"\n  config = {\n    address = "${stateUrl}"\n  }\n}\n`,
    );
    const results = await terraformCheck([top, inCheck, inHcl]);
    expect(results.map((r) => [r.stack, r.terraform])).toEqual([
      ['top', 'not-run'],
      ['in-check', 'not-run'],
      ['in-hcl', 'not-run'],
    ]);
    const warning = (i: number) => results[i].findings.find((f) => f.check === 'terraform.not-checkable')?.message;
    expect(warning(0)).toMatch(
      /it uses data source terraform_remote_state, and only the Teleport provider's resources and data sources are planned offline/,
    );
    expect(warning(1)).toMatch(/it uses data source terraform_remote_state in check reachable/);
    expect(warning(2)).toMatch(/it uses data source terraform_remote_state \(remote\.tf:1\)/);
    expect(requests).toEqual([]);
  });

  test('a --var-file that is a FIFO is refused at once (Terraform would wait on it)', async () => {
    const fifo = path.join(dir, 'vars.fifo.tfvars.json');
    execFileSync('mkfifo', [fifo]);
    await expect(terraformCheck([stackDir(dir, 'fifo-vars', teleportOnly)], { varFiles: [fifo] })).rejects.toThrow(
      `the var file ${fifo} is not a regular file.`,
    );
  });

  test('a .tf file of only safe blocks is planned', async () => {
    const safe = stackDir(dir, 'safe-hcl', teleportOnly);
    fs.writeFileSync(
      path.join(safe, 'extra.tf'),
      [
        '# comments, strings with braces and heredocs do not confuse the scanner',
        'locals {',
        '  greeting = "}{ ${upper("x")} }"',
        '  doc = <<-EOT',
        '    resource "aws_instance" "no" {}',
        '  EOT',
        '}',
        'variable "extra" {',
        '  type    = string',
        '  default = "x"',
        '  validation {',
        '    condition     = length(var.extra) > 0',
        '    error_message = "empty"',
        '  }',
        '}',
        'output "role" { value = teleport_role.visitor.metadata.name }',
        '',
      ].join('\n'),
    );
    const [r] = await terraformCheck([safe]);
    expect(r.terraform).toBe('planned');
    expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  test("hand-written main.tf.json: Terraform's diagnostics name the real file and the resource address", async () => {
    const d = path.join(dir, 'handwritten');
    fs.mkdirSync(d);
    fs.writeFileSync(path.join(d, 'main.tf.json'), JSON.stringify({ terraform: TERRAFORM, provider: PROVIDER }, null, 2));
    fs.writeFileSync(
      path.join(d, 'roles.tf.json'),
      JSON.stringify({ resource: { teleport_role: { broken: { metadata: { name: 'x' } } } } }, null, 2),
    );
    const [r] = await terraformCheck([d]);
    const missing = r.findings.find((f) => f.check === 'terraform.validate' && /Missing required argument/.test(f.message));
    expect(missing).toMatchObject({
      resource: 'teleport_role.broken',
      message: expect.stringMatching(new RegExp(`\\(${path.join(d, 'roles.tf.json').replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:\\d+\\)$`)),
    });
    expect(r.findings.some((f) => /cdk\.tf\.json/.test(f.resource + f.message))).toBe(false);
  });

  test('--plan-json writes plans redacted and 0600; validate then says the token was not checked; --plan-json-keep-sensitive keeps it', async () => {
    const secret = 's3cr3t-join-token-9f8e7d';
    const d = stackDir(dir, 'leaf', {
      terraform: TERRAFORM,
      provider: PROVIDER,
      variable: { root_join_token: { type: 'string', sensitive: true } },
      resource: {
        teleport_role: { visitor: VISITOR },
        teleport_trusted_cluster: {
          root: {
            version: 'v2',
            metadata: { name: 'root.example.com' },
            spec: {
              token: '${var.root_join_token}',
              web_proxy_addr: 'root.example.com:443',
              tunnel_addr: 'root.example.com:443',
              role_map: [{ remote: 'access', local: ['visitor'] }],
            },
            depends_on: ['teleport_role.visitor'],
          },
        },
      },
    });
    const varFile = path.join(dir, 'prod.tfvars.json');
    fs.writeFileSync(varFile, JSON.stringify({ root_join_token: secret }));
    const plans = path.join(dir, 'plans');
    fs.mkdirSync(plans);
    fs.writeFileSync(path.join(plans, 'leaf.plan.json'), 'an older file, world-readable', { mode: 0o644 });
    expect(await main(['terraform-check', d, '--plan-json', plans, '--var-file', varFile], captureIo())).toBe(0);
    const file = path.join(plans, 'leaf.plan.json');
    const text = fs.readFileSync(file, 'utf8');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(text).not.toContain(secret);
    const plan = JSON.parse(text);
    expect(plan.variables.root_join_token.value).toBe(REDACTED_VALUE);
    expect(plan.resource_changes.find((c: any) => c.type === 'teleport_trusted_cluster').change.after.spec.token).toBe(REDACTED_VALUE);
    expect(plan.planned_values.root_module.resources.find((r: any) => r.type === 'teleport_trusted_cluster').values.spec.token).toBe(REDACTED_VALUE);
    expect(plan.planned_values.root_module.resources.find((r: any) => r.type === 'teleport_role').values.metadata.name).toBe('visitor');

    const v = captureIo();
    expect(await main(['validate', '--offline', file, '--json'], v)).toBe(0);
    expect(JSON.parse(v.stdout).findings).toContainEqual(
      expect.objectContaining({
        severity: 'info',
        check: 'validate.join-token',
        message: expect.stringMatching(/^not checked: the plan holds this token redacted/),
      }),
    );

    expect(await main(['terraform-check', d, '--plan-json', plans, '--var-file', varFile, '--plan-json-keep-sensitive'], captureIo())).toBe(0);
    expect(fs.readFileSync(file, 'utf8')).toContain(secret);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  });
});
