// The published artifact works in a user's project: pack the tarball, install it offline (from the
// npm cache that `npm ci` filled) beside cdktf and constructs, import it and synthesize a stack.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { tempDir } from '../support/synth';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { packAndInstall } = require('../../scripts/pack-install.js');

describe('npm pack + offline install', () => {
  let dir: string;
  let tarball: string;
  beforeAll(() => {
    dir = tempDir('pack-');
    tarball = packAndInstall(dir).tarball;
  }, 300000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('the tarball holds compiled code, the schema and the jsii assembly, not sources or tests', () => {
    const listing = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).split('\n');
    expect(listing).toEqual(expect.arrayContaining(['package/dist/lib/index.js', 'package/dist/lib/index.d.ts', 'package/.jsii', 'package/schemas/teleport-provider.schema.json', 'package/bin/cdktf-teleport.js', 'package/dist/lib/check/precompiled-validators/resource_teleport_role.js']));
    expect(listing.filter((f) => !f.startsWith('package/node_modules/') && (f.startsWith('package/test/') || /\.ts$/.test(f) && !/\.d\.ts$/.test(f)))).toEqual([]);
    expect(listing.some((f) => f.startsWith('package/node_modules/ajv/'))).toBe(true);
  });

  test('a user app imports it and synthesizes a stack that passes the bundled check', () => {
    const project = path.join(dir, 'project');
    fs.writeFileSync(
      path.join(project, 'main.js'),
      `const { TerraformStack } = require('cdktf');
const { TeleportApp, TeleportProvider, Role, RoleVersion, l1 } = require('cdktf-teleport');
const app = new TeleportApp({ outdir: 'cdktf.out' });
const stack = new TerraformStack(app, 'infra');
new TeleportProvider(stack, 'teleport', { addr: 'teleport.example.com:443' });
new l1.role.Role(stack, 'visitor', { version: 'v7', metadata: { name: 'visitor' }, spec: { allow: { logins: ['visitor'] } } });
new Role(stack, 'Dev', { name: 'dev', version: RoleVersion.V7 }).allowLogins('dev');
app.synth();
`,
    );
    execFileSync('node', ['main.js'], { cwd: project, stdio: 'pipe', env: { ...process.env, CHECKPOINT_DISABLE: '1' } });
    const stack = JSON.parse(fs.readFileSync(path.join(project, 'cdktf.out', 'stacks', 'infra', 'cdk.tf.json'), 'utf8'));
    expect(stack.terraform.required_providers.teleport.source).toBe('terraform.releases.teleport.dev/gravitational/teleport');
    expect(stack.resource.teleport_role.visitor.spec.allow.logins).toEqual(['visitor']);
    expect(Object.values(stack.resource.teleport_role).map((r: any) => r.metadata.name).sort()).toEqual(['dev', 'visitor']);
    const bin = path.join(project, 'node_modules', '.bin', 'cdktf-teleport');
    const out = execFileSync(bin, ['check', path.join(project, 'cdktf.out'), '--json'], { cwd: project, encoding: 'utf8' });
    expect(JSON.parse(out)).toMatchObject({ schemaVersion: 1, ok: true });
  });
});
