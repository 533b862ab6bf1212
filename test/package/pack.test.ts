// The published artifact works in a user's project: pack the tarball, install it offline (from the
// npm cache that `npm ci` filled) beside cdktf and constructs, import it and synthesize a stack.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { tempDir } from '../support/synth';

const ROOT = path.join(__dirname, '..', '..');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

describe('npm pack + offline install', () => {
  let dir: string;
  let tarball: string;
  beforeAll(() => {
    dir = tempDir('pack-');
    const out = execFileSync('npm', ['pack', '--json', '--pack-destination', dir], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    tarball = path.join(dir, JSON.parse(out)[0].filename);
    const project = path.join(dir, 'project');
    fs.mkdirSync(project);
    fs.writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'scratch-infra', version: '1.0.0', private: true }));
    execFileSync(
      'npm',
      ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', tarball, `cdktf@${pkg.devDependencies.cdktf}`, `constructs@${pkg.devDependencies.constructs}`],
      { cwd: project, stdio: 'pipe', env: { ...process.env, CHECKPOINT_DISABLE: '1' } },
    );
  }, 300000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('the tarball holds compiled code, the schema and the jsii assembly, not sources or tests', () => {
    const listing = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).split('\n');
    expect(listing).toEqual(expect.arrayContaining(['package/dist/lib/index.js', 'package/dist/lib/index.d.ts', 'package/.jsii', 'package/schemas/teleport-provider.schema.json', 'package/bin/cdktf-teleport.js']));
    expect(listing.filter((f) => !f.startsWith('package/node_modules/') && (f.startsWith('package/test/') || /\.ts$/.test(f) && !/\.d\.ts$/.test(f)))).toEqual([]);
    expect(listing.some((f) => f.startsWith('package/node_modules/ajv/'))).toBe(true);
  });

  test('a user app imports it and synthesizes a stack that passes the bundled check', () => {
    const project = path.join(dir, 'project');
    fs.writeFileSync(
      path.join(project, 'main.js'),
      `const { TerraformStack } = require('cdktf');
const { TeleportApp, l1 } = require('cdktf-teleport');
const app = new TeleportApp({ outdir: 'cdktf.out' });
const stack = new TerraformStack(app, 'infra');
new l1.provider.TeleportProvider(stack, 'teleport', { addr: 'teleport.example.com:443' });
new l1.role.Role(stack, 'visitor', { version: 'v7', metadata: { name: 'visitor' }, spec: { allow: { logins: ['visitor'] } } });
app.synth();
`,
    );
    execFileSync('node', ['main.js'], { cwd: project, stdio: 'pipe', env: { ...process.env, CHECKPOINT_DISABLE: '1' } });
    const stack = JSON.parse(fs.readFileSync(path.join(project, 'cdktf.out', 'stacks', 'infra', 'cdk.tf.json'), 'utf8'));
    expect(stack.terraform.required_providers.teleport.source).toBe('terraform.releases.teleport.dev/gravitational/teleport');
    expect(stack.resource.teleport_role.visitor.spec.allow.logins).toEqual(['visitor']);
    const bin = path.join(project, 'node_modules', '.bin', 'cdktf-teleport');
    const out = execFileSync(bin, ['check', path.join(project, 'cdktf.out'), '--json'], { cwd: project, encoding: 'utf8' });
    expect(JSON.parse(out)).toMatchObject({ schemaVersion: 1, ok: true });
  });
});
