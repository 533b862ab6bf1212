// The offline provider under Terraform: apply then plan says "No changes"; data sources and import
// blocks work; the process ignores SIGINT and exits right after go-plugin's Shutdown.
import { ChildProcess, spawn } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import * as grpc from '@grpc/grpc-js';
import { buildExamples } from '../../examples/main';
import { findTerraform, providerEntry, writeHarness } from '../../lib/terraform-check/environment';
import { runTerraform } from '../../lib/terraform-check/run-terraform';
import { copyStack, placeholderVariables } from '../../lib/terraform-check/workspace';
import { loadServices } from '../../lib/provider-server/proto';
import { readStack, tempDir } from '../support/synth';
import { PROVIDER, TERRAFORM, VISITOR, terraformAvailable } from './harness';

const available = terraformAvailable();
const maybe = available ? describe : describe.skip;
const MAGIC = 'd602bf8f470bc67ca7faa0386276bbdd4330efaf76d1a219cb4d6991ca9872b2';

let dir: string;
let cli: string;
beforeAll(() => {
  dir = tempDir('tflife-');
  if (available) cli = writeHarness(path.join(dir, 'harness'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function tf(cwd: string, args: string[], env: Record<string, string> = {}) {
  return runTerraform(findTerraform(), args, cwd, cli, env);
}

function workspace(name: string, config: Record<string, unknown>): string {
  const ws = path.join(dir, name);
  fs.mkdirSync(ws, { recursive: true });
  fs.writeFileSync(path.join(ws, 'cdk.tf.json'), JSON.stringify(config));
  return ws;
}

maybe('the offline provider under Terraform', () => {
  test('apply, then plan: "No changes" (plan-relative token expiry and the ignored trusted-cluster token stay quiet)', async () => {
    const out = path.join(dir, 'out');
    buildExamples(out).synth();
    const config = readStack(out, 'one-stack');
    const ws = path.join(dir, 'two-apply');
    copyStack(path.join(out, 'stacks', 'one-stack'), config, ws);
    const env = placeholderVariables(config);
    const apply = await tf(ws, ['apply', '-input=false', '-no-color', '-auto-approve'], env);
    expect(apply.stdout).toContain('Apply complete! Resources: 3 added, 0 changed, 0 destroyed.');
    const state = JSON.parse(fs.readFileSync(path.join(ws, 'terraform.tfstate'), 'utf8'));
    const token = state.resources.find((r: any) => r.type === 'teleport_provision_token').instances[0].attributes;
    expect(token.metadata.name).toMatch(/^placeholder-[0-9a-f]{24}$/); // the generated secret's placeholder
    expect(token.kind).toBe('token');
    const plan = await tf(ws, ['plan', '-input=false', '-no-color', '-detailed-exitcode'], env);
    expect(plan.code).toBe(0);
    expect(plan.stdout).toContain('No changes. Your infrastructure matches the configuration.');
  });

  test('changing a role version plans a replacement, as the real provider does', async () => {
    const ws = workspace('replace', { terraform: TERRAFORM, provider: PROVIDER, resource: { teleport_role: { visitor: VISITOR } } });
    expect((await tf(ws, ['apply', '-input=false', '-no-color', '-auto-approve'])).code).toBe(0);
    fs.writeFileSync(path.join(ws, 'cdk.tf.json'), JSON.stringify({ terraform: TERRAFORM, provider: PROVIDER, resource: { teleport_role: { visitor: { ...VISITOR, version: 'v8' } } } }));
    const plan = await tf(ws, ['plan', '-input=false', '-no-color']);
    expect(plan.stdout).toMatch(/teleport_role.visitor must be replaced/);
    expect(plan.stdout).toMatch(/~ version\s+= "v7" -> "v8" # forces replacement/);
  });

  test('a data source is read with deterministic placeholders', async () => {
    const ws = workspace('data', {
      terraform: TERRAFORM,
      provider: PROVIDER,
      data: { teleport_role: { access: { version: 'v7', metadata: { name: 'access' } } } },
      output: { kind: { value: '${data.teleport_role.access.kind}' }, id: { value: '${data.teleport_role.access.id}' } },
    });
    const apply = await tf(ws, ['apply', '-input=false', '-no-color', '-auto-approve']);
    expect(apply.code).toBe(0);
    const outputs = JSON.parse((await tf(ws, ['output', '-json'])).stdout);
    expect({ kind: outputs.kind.value, id: outputs.id.value }).toEqual({ kind: 'role', id: 'access' });
  });

  test('an import block adopts an existing role', async () => {
    const ws = workspace('import', { terraform: TERRAFORM, provider: PROVIDER, import: [{ to: 'teleport_role.visitor', id: 'visitor' }], resource: { teleport_role: { visitor: VISITOR } } });
    const plan = await tf(ws, ['plan', '-input=false', '-no-color', '-out=plan.bin']);
    expect(plan.code).toBe(0);
    expect(plan.stdout).toMatch(/Plan: 1 to import, 0 to add, 1 to change, 0 to destroy/);
    const show = JSON.parse((await tf(ws, ['show', '-json', 'plan.bin'])).stdout);
    expect(show.resource_changes[0]).toMatchObject({ address: 'teleport_role.visitor', change: { actions: ['update'], importing: { id: 'visitor' } } });
  });

  test('the process ignores SIGINT and exits right after Shutdown', async () => {
    const child = spawn(process.execPath, [providerEntry()], { env: { ...process.env, TF_PLUGIN_MAGIC_COOKIE: MAGIC, PLUGIN_PROTOCOL_VERSIONS: '5,6' }, stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const handshake = await firstLine(child);
      const [core, proto, network, address, protocol] = handshake.split('|');
      expect({ core, proto, network, protocol }).toEqual({ core: '1', proto: '6', network: 'tcp', protocol: 'grpc' });
      child.kill('SIGINT');
      await sleep(300);
      expect(child.exitCode).toBeNull(); // still serving
      const Controller = grpc.makeGenericClientConstructor(loadServices().controller, 'GRPCController');
      const client = new Controller(address, grpc.credentials.createInsecure()) as any;
      await new Promise<void>((resolve, reject) => client.Shutdown({}, (e: Error | null) => (e ? reject(e) : resolve())));
      client.close();
      const code = await new Promise<number | null>((resolve) => (child.exitCode !== null ? resolve(child.exitCode) : child.once('exit', resolve)));
      expect(code).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });

  test('started by hand (not by Terraform) it says so and exits 1', async () => {
    const child = spawn(process.execPath, [providerEntry()], { env: { PATH: process.env.PATH }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(1);
    expect(stderr).toContain('This is a Terraform provider plugin');
  });
});

function firstLine(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let buf = '';
    child.stdout!.on('data', (d) => {
      buf += d;
      if (buf.includes('\n')) resolve(buf.split('\n')[0]);
    });
    child.once('exit', (c) => reject(new Error(`provider exited (${c}) before the handshake`)));
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
