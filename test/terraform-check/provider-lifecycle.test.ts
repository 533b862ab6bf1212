// The offline provider under Terraform: apply then plan says "No changes"; a rename replaces, a
// version change updates in place; data sources and import blocks work; the process ignores SIGINT,
// exits right after go-plugin's Shutdown, and exits when its parent is killed.
import { ChildProcess, spawn } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import * as grpc from '@grpc/grpc-js';
import { buildExamples } from '../../examples/main';
import { findTerraform, providerEntry, writeHarness } from '../../lib/terraform-check/environment';
import { TELEPORT_PROVIDER_SOURCE, defaultSchemaPath } from '../../lib/schema/provider-schema';
import { runTerraform } from '../../lib/terraform-check/run-terraform';
import { PLACEHOLDER_FILE, placeholderVariables } from '../../lib/terraform-check/placeholders';
import { copyStack } from '../../lib/terraform-check/workspace';
import { loadServices, protocolDescriptor } from '../../lib/provider-server/proto';
import { readStack, tempDir } from '../support/synth';
import { PROVIDER, TERRAFORM, VISITOR, providerProcesses, terraformAvailable } from './harness';

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

async function tf(cwd: string, args: string[]) {
  return runTerraform(findTerraform(), args, cwd, cli);
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
    const file = path.join(out, 'stacks', 'one-stack', 'cdk.tf.json');
    copyStack({ dir: path.dirname(file), configs: [{ file, config }], hcl: [], wholeDirectory: true }, ws, placeholderVariables(config).values);
    const vars = `-var-file=${PLACEHOLDER_FILE}`;
    const apply = await tf(ws, ['apply', '-input=false', '-no-color', '-auto-approve', vars]);
    expect(apply.stdout).toContain('Apply complete! Resources: 3 added, 0 changed, 0 destroyed.');
    const state = JSON.parse(fs.readFileSync(path.join(ws, 'terraform.tfstate'), 'utf8'));
    const token = state.resources.find((r: any) => r.type === 'teleport_provision_token').instances[0].attributes;
    expect(token.metadata.name).toMatch(/^placeholder-[0-9a-f]{24}$/); // the generated secret's placeholder
    expect(token.kind).toBe('token');
    const plan = await tf(ws, ['plan', '-input=false', '-no-color', '-detailed-exitcode', vars]);
    expect(plan.code).toBe(0);
    expect(plan.stdout).toContain('No changes. Your infrastructure matches the configuration.');
  });

  test('after apply: a rename plans a replacement (metadata.name); a version change updates in place, as the 18.x provider does; a nested object added on update has its computed attributes unknown', async () => {
    const role = (over: Record<string, unknown> = {}, kinds = ['pod']) => ({
      terraform: TERRAFORM,
      provider: PROVIDER,
      resource: {
        teleport_role: {
          visitor: { ...VISITOR, spec: { allow: { kubernetes_resources: kinds.map((kind) => ({ kind, name: '*', namespace: '*' })) } }, ...over },
        },
      },
    });
    const ws = workspace('after-apply', role());
    const plan = async (config: Record<string, unknown>, ...args: string[]) => {
      fs.writeFileSync(path.join(ws, 'cdk.tf.json'), JSON.stringify(config));
      return tf(ws, ['plan', '-input=false', '-no-color', ...args]);
    };
    expect((await tf(ws, ['apply', '-input=false', '-no-color', '-auto-approve'])).code).toBe(0);

    const rename = await plan(role({ metadata: { name: 'visitor2' } }));
    expect(rename.stdout).toMatch(/teleport_role.visitor must be replaced/);
    expect(rename.stdout).toMatch(/~ name\s+= "visitor" -> "visitor2" # forces replacement/);
    expect(rename.stdout).toMatch(/Plan: 1 to add, 0 to change, 1 to destroy/);

    const version = await plan(role({ version: 'v8' }));
    expect(version.stdout).toMatch(/teleport_role.visitor will be updated in-place/);
    expect(version.stdout).toMatch(/~ version\s+= "v7" -> "v8"\n/);
    expect(version.stdout).not.toMatch(/forces replacement/);

    expect((await plan(role({}, ['pod', 'deployment']), '-out=plan.bin')).code).toBe(0);
    const change = JSON.parse((await tf(ws, ['show', '-json', 'plan.bin'])).stdout).resource_changes[0].change;
    expect(change.actions).toEqual(['update']);
    expect(change.after_unknown.spec.allow.kubernetes_resources[1].verbs).toBe(true); // the new element
    expect(change.after_unknown.spec.allow.kubernetes_resources[0].verbs).not.toBe(true); // the existing one: known
    expect(change.after.spec.allow.kubernetes_resources[0].verbs).toEqual(change.before.spec.allow.kubernetes_resources[0].verbs);
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
    const ws = workspace('import', {
      terraform: TERRAFORM,
      provider: PROVIDER,
      import: [{ to: 'teleport_role.visitor', id: 'visitor' }],
      resource: { teleport_role: { visitor: VISITOR } },
    });
    const plan = await tf(ws, ['plan', '-input=false', '-no-color', '-out=plan.bin']);
    expect(plan.code).toBe(0);
    expect(plan.stdout).toMatch(/Plan: 1 to import, 0 to add, 1 to change, 0 to destroy/);
    const show = JSON.parse((await tf(ws, ['show', '-json', 'plan.bin'])).stdout);
    expect(show.resource_changes[0]).toMatchObject({
      address: 'teleport_role.visitor',
      change: { actions: ['update'], importing: { id: 'visitor' } },
    });
  });

  test('the process ignores SIGINT and exits right after Shutdown', async () => {
    const child = spawn(process.execPath, [providerEntry()], {
      env: { ...process.env, TF_PLUGIN_MAGIC_COOKIE: MAGIC, PLUGIN_PROTOCOL_VERSIONS: '5,6' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
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

  test('GetProviderSchema serves each schema version from the schema file; GetFunctions answers with no functions (served from a --descriptor, called from the .proto files)', async () => {
    const doc = JSON.parse(fs.readFileSync(defaultSchemaPath(), 'utf8'));
    doc.provider_schemas[TELEPORT_PROVIDER_SOURCE].resource_schemas.teleport_role.version = 3;
    const schemaFile = path.join(dir, 'versioned.schema.json');
    fs.writeFileSync(schemaFile, JSON.stringify(doc));
    const descriptor = path.join(dir, 'protocol.json');
    fs.writeFileSync(descriptor, JSON.stringify(protocolDescriptor()));
    const child = spawn(process.execPath, [providerEntry(), '--schema', schemaFile, '--descriptor', descriptor], {
      env: { ...process.env, TF_PLUGIN_MAGIC_COOKIE: MAGIC, PLUGIN_PROTOCOL_VERSIONS: '6' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const address = (await firstLine(child)).split('|')[3];
      const Provider = grpc.makeGenericClientConstructor(loadServices().provider, 'Provider');
      const client = new Provider(address, grpc.credentials.createInsecure()) as any;
      const call = (method: string) =>
        new Promise<any>((resolve, reject) => client[method]({}, (e: Error | null, r: any) => (e ? reject(e) : resolve(r))));
      const schema = await call('GetProviderSchema');
      expect({ role: schema.resource_schemas.teleport_role.version, token: schema.resource_schemas.teleport_provision_token.version }).toEqual({
        role: 3,
        token: 0,
      });
      expect(await call('GetFunctions')).toMatchObject({ functions: {}, diagnostics: [] });
      client.close();
    } finally {
      child.kill('SIGKILL');
    }
  });

  test('the watchdog: when the parent is killed with SIGKILL, the provider exits within a few seconds', async () => {
    // A parent that starts the provider, prints its pid, and waits (as Terraform would).
    const parentScript = `const c = require('child_process').spawn(process.execPath, [${JSON.stringify(providerEntry())}], { stdio: ['ignore', 'pipe', 'inherit'] });
      c.stdout.once('data', () => console.log(c.pid)); setInterval(() => {}, 1000);`;
    const parent = spawn(process.execPath, ['-e', parentScript], {
      env: { ...process.env, TF_PLUGIN_MAGIC_COOKIE: MAGIC, PLUGIN_PROTOCOL_VERSIONS: '6' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const provider = Number(await firstLine(parent));
    expect(providerProcesses()).toContain(provider);
    parent.kill('SIGKILL');
    const started = Date.now();
    while (alive(provider) && Date.now() - started < 5000) await sleep(50);
    expect(alive(provider)).toBe(false);
    expect(Date.now() - started).toBeLessThan(3000); // the watchdog polls every 500 ms
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

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return !/^\S+ \(.*\) Z/.test(fs.readFileSync(`/proc/${pid}/stat`, 'utf8')); // a zombie has exited
  } catch {
    return false;
  }
}
