// The published artifact, as a fresh clone packs it and a user installs it. One pack serves every
// test here (packing runs jsii, the slowest step): a clean copy of the working tree (no dist/, no
// .jsii) is packed, so npm's `prepack` must build everything the tarball needs; the tarball is
// installed offline beside cdktf and constructs; then a plain JavaScript app and the
// getting-started recipe (docs/getting-started.md, read from the page) are built from it.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { tempDir } from '../support/synth';
import { recipeDependencies, recipeProjects } from './recipe';
import { Run, installedVersion, linkFromRepo, run } from './toolchain';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { packAndInstall } = require('../../scripts/pack-install.js');
const PKG = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8'));
const TOOLCHAIN = ['cdktf-cli', 'typescript', '@types/node'];

describe('npm pack from a fresh clone + install', () => {
  let dir: string;
  let tarball: string;
  let project: string;
  beforeAll(() => {
    dir = tempDir('pack-');
    ({ tarball, project } = packAndInstall(dir));
    linkFromRepo(project, TOOLCHAIN);
  }, 900000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('the clean copy had nothing built, and the tarball holds what prepack built: compiled code, the jsii assembly, the validators', () => {
    const listing = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).split('\n');
    expect(listing).toEqual(
      expect.arrayContaining([
        'package/dist/lib/index.js',
        'package/dist/lib/index.d.ts',
        'package/dist/lib/cli/main.js',
        'package/.jsii',
        'package/schemas/teleport-provider.schema.json',
        'package/bin/cdktf-teleport.js',
        'package/dist/lib/check/precompiled-validators/resource_teleport_role.js',
      ]),
    );
    expect(
      listing.filter((f) => !f.startsWith('package/node_modules/') && (f.startsWith('package/test/') || (/\.ts$/.test(f) && !/\.d\.ts$/.test(f)))),
    ).toEqual([]);
    expect(listing.some((f) => f.startsWith('package/node_modules/ajv/'))).toBe(true);
    // The assembly is the one of this version, with the public API in it.
    const jsii = JSON.parse(execFileSync('tar', ['-xzOf', tarball, 'package/.jsii'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }));
    expect(jsii).toMatchObject({ name: 'cdktf-teleport', version: PKG.version });
    expect(Object.keys(jsii.types)).toEqual(expect.arrayContaining(['cdktf-teleport.TrustedClusterLink', 'cdktf-teleport.TeleportApp']));
  });

  test('a plain JavaScript app imports it and synthesizes a stack that passes the bundled check', () => {
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
    expect(
      Object.values(stack.resource.teleport_role)
        .map((r: any) => r.metadata.name)
        .sort(),
    ).toEqual(['dev', 'visitor']);
    const bin = path.join(project, 'node_modules', '.bin', 'cdktf-teleport');
    const out = execFileSync(bin, ['check', path.join(project, 'cdktf.out'), '--json'], { cwd: project, encoding: 'utf8' });
    expect(JSON.parse(out)).toMatchObject({ schemaVersion: 1, ok: true });
  });

  describe('the getting-started recipe (docs/getting-started.md)', () => {
    const projects = recipeProjects();
    const results = new Map<string, { synth: Run; dir: string }>();
    beforeAll(async () => {
      // Each variant in its own folder beside the installed project, sharing its node_modules; in parallel.
      await Promise.all(
        [...projects].map(async ([variant, files]) => {
          const app = path.join(dir, `recipe-${variant || 'main'}`);
          fs.mkdirSync(app);
          for (const [file, text] of files) fs.writeFileSync(path.join(app, file), text);
          fs.symlinkSync(path.join(project, 'node_modules'), path.join(app, 'node_modules'), 'dir');
          // cdktf.json's app is `npx tsc && node main.js`: cdktf synth compiles, then synthesizes.
          const synth = await run('npx', ['cdktf', 'synth'], app, { npm_config_offline: 'true', CI: '1' });
          results.set(variant, { synth, dir: app });
        }),
      );
    }, 600000);
    const stackOf = (variant: string, stack: string) =>
      JSON.parse(fs.readFileSync(path.join(results.get(variant)!.dir, 'cdktf.out', 'stacks', stack, 'cdk.tf.json'), 'utf8'));

    test('the page gives the whole project: tsconfig.json, cdktf.json and main.ts, and a two-stack main.ts', () => {
      expect([...projects.keys()]).toEqual(['', 'two-stacks']);
      expect([...projects.get('')!.keys()].sort()).toEqual(['cdktf.json', 'main.ts', 'tsconfig.json']);
      expect([...projects.get('two-stacks')!.keys()].sort()).toEqual(['cdktf.json', 'main.ts', 'tsconfig.json']);
      expect(projects.get('two-stacks')!.get('main.ts')).not.toBe(projects.get('')!.get('main.ts'));
    });

    test("its npm install lines name cdktf-cli and typescript ~5.9, with this repository's own ranges, and those versions are what the project runs", () => {
      expect(recipeDependencies()).toEqual(
        new Map<string, string | undefined>([
          ['cdktf-teleport', undefined],
          ['cdktf', PKG.peerDependencies.cdktf],
          ['constructs', PKG.peerDependencies.constructs],
          ['cdktf-cli', PKG.devDependencies['cdktf-cli']],
          ['typescript', PKG.devDependencies.typescript],
          ['@types/node', PKG.devDependencies['@types/node']],
        ]),
      );
      expect(PKG.devDependencies.typescript).toMatch(/^~5\.9\./);
      expect(installedVersion(project, 'typescript')).toMatch(/^5\.9\./);
      expect(installedVersion(project, 'cdktf-cli')).toBe(PKG.devDependencies['cdktf-cli']);
      expect(installedVersion(project, 'cdktf')).toBe(PKG.devDependencies.cdktf);
      expect(installedVersion(project, 'cdktf-teleport')).toBe(PKG.version);
    });

    test.each([[''], ['two-stacks']])('variant "%s" compiles with tsc and synthesizes with the cdktf CLI (cdktf synth)', (variant) => {
      const { synth, dir: app } = results.get(variant)!;
      if (synth.code !== 0) throw new Error(`cdktf synth failed (${synth.code}):\n${synth.stdout}\n${synth.stderr}`);
      // tsc (strict) compiled main.ts without a diagnostic: it failed the app command otherwise.
      expect(fs.existsSync(path.join(app, 'main.js'))).toBe(true);
      expect(`${synth.stdout}${synth.stderr}`).not.toMatch(/error TS\d+/);
      const manifest = JSON.parse(fs.readFileSync(path.join(app, 'cdktf.out', 'manifest.json'), 'utf8'));
      expect(Object.keys(manifest.stacks).sort()).toEqual(variant === '' ? ['seed-guide'] : ['leaf', 'root']);
    });

    test("the seed guide: the root's join token (tokenTtl, tokenLabels) and the leaf's trusted cluster using it by reference", () => {
      const json = stackOf('', 'seed-guide');
      expect(json.provider.teleport.map((p: any) => [p.alias, p.addr, p.identity_file_path])).toEqual([
        ['root', 'rootcluster.example.com:443', 'identity/root'],
        ['leaf', 'leafcluster.example.com:443', 'identity/leaf'],
      ]);
      const [[tokenId, token]] = Object.entries<any>(json.resource.teleport_provision_token);
      expect(token.provider).toBe('teleport.root');
      expect(token.spec).toEqual({ join_method: 'token', roles: ['Trusted_cluster'] });
      expect(token.metadata.expires).toBe('${timeadd(plantimestamp(), "30m")}');
      expect(token.metadata.labels).toEqual({ env: 'prod' });
      expect(token.metadata.name).toBeUndefined();
      const [[roleId, role]] = Object.entries<any>(json.resource.teleport_role);
      expect([role.provider, role.metadata.name, role.spec.allow.logins, role.spec.allow.node_labels]).toEqual([
        'teleport.leaf',
        'visitor',
        ['visitor'],
        { '*': ['*'] },
      ]);
      const [tc] = Object.values<any>(json.resource.teleport_trusted_cluster);
      expect(tc.provider).toBe('teleport.leaf');
      expect(tc.metadata.name).toBe('rootcluster.example.com');
      expect(tc.spec).toMatchObject({
        token: `\${teleport_provision_token.${tokenId}.metadata.name}`,
        web_proxy_addr: 'rootcluster.example.com:443',
        tunnel_addr: 'rootcluster.example.com:443',
        role_map: [{ remote: 'access', local: ['visitor'] }],
      });
      expect(tc.depends_on).toEqual([`teleport_provision_token.${tokenId}`, `teleport_role.${roleId}`]);
    });

    test('two stacks: the token name leaves the root only as a sensitive output; the leaf takes it from a sensitive variable', () => {
      const root = stackOf('two-stacks', 'root');
      const [[tokenId, token]] = Object.entries<any>(root.resource.teleport_provision_token);
      expect(token.spec).toEqual({ join_method: 'token', roles: ['Trusted_cluster'] });
      expect(token.metadata).toMatchObject({ expires: '${timeadd(plantimestamp(), "30m")}', labels: { env: 'prod' } });
      expect(root.output.leaf_join_token).toEqual({ sensitive: true, value: `\${teleport_provision_token.${tokenId}.metadata.name}` });
      const leaf = stackOf('two-stacks', 'leaf');
      expect(leaf.variable.root_join_token).toEqual({ sensitive: true, type: 'string' });
      const [tc] = Object.values<any>(leaf.resource.teleport_trusted_cluster);
      expect(tc.spec.token).toBe('${var.root_join_token}');
      expect(tc.lifecycle.ignore_changes).toEqual(['spec.token']);
    });
  });
});
