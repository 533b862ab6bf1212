// cdktn-teleport as a user gets it: the packed tarball, installed into a fresh cdktn project beside
// cdktn and constructs 10.7 (and nothing of cdktf). The README example and the examples app (the
// seed guide, in L1 bindings and in constructs) synthesize there, with `node` and with `cdktn synth`
// (cdktn-cli needs Node >= 22.19: from the toolchain .ci/run installs, or a loud SKIPPED), the same
// as with cdktf-teleport but for the version stamp and the whitespace of empty objects.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';
import { filesBelow, tempDir } from '../support/synth';
import {
  BUILD_TIMEOUT,
  CdktnBuild,
  ROOT,
  cdktnBuild,
  cdktnConstructsVersion,
  cdktnVersion,
  expectSameStacks,
  registryTarball,
  runNode,
  scratchProject,
  stackFiles,
  synthCdktfExamples,
} from './support';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { locateToolchain } = require('../../scripts/cdktn-toolchain.js');

const STACKS = ['from-yaml-leaf', 'one-stack', 'root-two-leaves', 'seed-l1-leaf', 'seed-l1-root', 'two-stack-leaf', 'two-stack-root'];
const CDKTF_JSON = {
  language: 'typescript',
  app: 'node main.js',
  projectId: 'scratch-infra',
  sendCrashReports: 'false',
  terraformProviders: [],
  terraformModules: [],
  context: {},
};

/** The README's complete program (the TypeScript block that imports cdktf-teleport and synthesizes), as CommonJS. */
function readmeExample(core: string, library: string): string {
  const blocks = [...fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8').matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]);
  const program = blocks.find((b) => b.includes("from 'cdktf-teleport'") && b.includes('app.synth()'));
  if (!program) throw new Error('README.md has no TypeScript block that imports cdktf-teleport and calls app.synth()');
  const source = program.replace(/from 'cdktf-teleport'/g, `from '${library}'`).replace(/from 'cdktf'/g, `from '${core}'`);
  return ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } }).outputText;
}

let build: CdktnBuild;
let dir: string;
let project: string;
let cdktfReadmeOut: string;
beforeAll(() => {
  build = cdktnBuild();
  dir = tempDir('cdktn-pack-');
  project = scratchProject(path.join(dir, 'project'), [
    build.tarball,
    registryTarball('cdktn', cdktnVersion()),
    registryTarball('constructs', cdktnConstructsVersion()),
  ]);
  fs.writeFileSync(path.join(project, 'main.js'), readmeExample('cdktn', 'cdktn-teleport'));
  fs.writeFileSync(path.join(project, 'cdktf.json'), JSON.stringify(CDKTF_JSON, null, 2));
  // The same program on cdktf with this checkout's cdktf-teleport build (dist/), run from the
  // project directory too (the local backend's state path is absolute), in a cdktf "project".
  const cdktfApp = path.join(dir, 'cdktf-app');
  fs.mkdirSync(cdktfApp);
  fs.writeFileSync(path.join(cdktfApp, 'package.json'), JSON.stringify({ name: 'cdktf-infra', private: true, dependencies: { cdktf: '*' } }));
  const program = readmeExample(require.resolve('cdktf', { paths: [ROOT] }), path.join(ROOT, 'dist', 'lib', 'index.js'));
  fs.writeFileSync(path.join(cdktfApp, 'main.js'), program);
  cdktfReadmeOut = path.join(dir, 'cdktf-readme.out');
  const run = runNode(project, [path.join(cdktfApp, 'main.js')], { CDKTF_OUTDIR: cdktfReadmeOut });
  if (run.status !== 0) throw new Error(`the README example failed on cdktf (${run.status}; is dist/ built? npm test builds it):\n${run.stderr}`);
}, BUILD_TIMEOUT);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('the tarball', () => {
  let listing: string[];
  beforeAll(() => {
    listing = execFileSync('tar', ['-tzf', build.tarball], { encoding: 'utf8' }).trim().split('\n');
  });

  test('holds compiled code, the schema, the jsii assembly, the CLI and a README; no sources or tests', () => {
    expect(listing).toEqual(
      expect.arrayContaining([
        'package/package.json',
        'package/README.md',
        'package/.jsii',
        'package/dist/lib/index.js',
        'package/dist/lib/index.d.ts',
        'package/dist/lib/core/load-guard.js',
        'package/schemas/teleport-provider.schema.json',
        'package/bin/cdktf-teleport.js',
        'package/dist/lib/check/precompiled-validators/resource_teleport_role.js',
      ]),
    );
    const own = listing.filter((f) => !f.startsWith('package/node_modules/'));
    expect(own.filter((f) => /^package\/(test|examples|lib|scripts)\//.test(f) || (f.endsWith('.ts') && !f.endsWith('.d.ts')))).toEqual([]);
  });

  test('bundles the same dependencies as cdktf-teleport', () => {
    const bundled = (files: string[]) => [...new Set(files.map((f) => /^node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(f)?.[1]).filter(Boolean))].sort();
    const cdktf = JSON.parse(
      execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }),
    )[0];
    const ours = bundled(listing.map((f) => f.replace(/^package\//, '')));
    expect(ours).toEqual(bundled(cdktf.files.map((f: { path: string }) => f.path)));
    expect(ours).toEqual(expect.arrayContaining(['ajv', 'undici', 'yaml', '@grpc/grpc-js']));
  });

  test("its package.json: cdktn-teleport, peers on cdktn and constructs in cdktn's range, the same bin, no scripts", () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(project, 'node_modules', 'cdktn-teleport', 'package.json'), 'utf8'));
    const source = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    const cdktn = JSON.parse(fs.readFileSync(path.join(project, 'node_modules', 'cdktn', 'package.json'), 'utf8'));
    expect(pkg.name).toBe('cdktn-teleport');
    expect(pkg.version).toBe(source.version);
    expect(pkg.peerDependencies).toEqual({ cdktn: `^${cdktnVersion()}`, constructs: cdktn.peerDependencies.constructs });
    expect(pkg.peerDependencies.constructs).toBe('>=10.6.0 <10.8.0');
    expect(pkg.bin).toEqual(source.bin);
    expect(pkg.bundleDependencies).toEqual(source.bundleDependencies);
    expect(pkg.dependencies).toEqual(source.dependencies);
    expect(pkg.scripts).toBeUndefined();
  });

  test('its code loads cdktn and never cdktf', () => {
    const dist = path.join(project, 'node_modules', 'cdktn-teleport', 'dist', 'lib');
    const texts = filesBelow(dist)
      .filter((f) => f.endsWith('.js'))
      .map((f) => fs.readFileSync(path.join(dist, f), 'utf8'));
    expect(texts.filter((t) => /require\("cdktf(\/[^"]*)?"\)/.test(t))).toEqual([]);
    expect(texts.filter((t) => t.includes('require("cdktn")')).length).toBeGreaterThan(20);
    expect(fs.existsSync(path.join(project, 'node_modules', 'cdktf'))).toBe(false);
  });
});

test('the README example synthesizes with node, the same as on cdktf', () => {
  const out = path.join(dir, 'cdktn-readme.out');
  const run = runNode(project, ['main.js'], { CDKTF_OUTDIR: out });
  // The guardrails' warnings (the guide's role has no session MFA and 30h sessions), no error.
  expect(run.stderr).not.toMatch(/ERROR/);
  expect(run.status).toBe(0);
  const leaf = JSON.parse(stackFiles(out).get('leaf')!);
  expect(leaf.provider.teleport).toEqual([{ addr: 'leaf.example.com:443', identity_file_path: 'identity' }]);
  expect(leaf.variable.root_join_token).toEqual({ sensitive: true, type: 'string' });
  const [tc] = Object.values(leaf.resource.teleport_trusted_cluster) as any[];
  expect(tc.spec.token).toBe('${var.root_join_token}');
  expect(tc.spec.role_map).toEqual([{ remote: 'access', local: ['visitor'] }]);
  expectSameStacks(cdktfReadmeOut, out, ['leaf']);
});

test('the examples app (the seed guide, L1 and constructs) runs from the installed package, the same as on cdktf', () => {
  // The examples as compiled in the cdktn build, importing the installed package instead of ../lib.
  const examples = path.join(project, 'examples');
  for (const rel of filesBelow(path.join(build.staging, 'dist', 'examples')).filter((f) => f.endsWith('.js'))) {
    const dest = path.join(examples, rel);
    fs.mkdirSync(path.dirname(dest), { recursive: true });
    const text = fs.readFileSync(path.join(build.staging, 'dist', 'examples', rel), 'utf8');
    fs.writeFileSync(dest, text.replace(/require\("(?:\.\.\/)+lib"\)/g, 'require("cdktn-teleport")'));
  }
  for (const yaml of filesBelow(path.join(ROOT, 'examples')).filter((f) => f.endsWith('.yaml')))
    fs.copyFileSync(path.join(ROOT, 'examples', yaml), path.join(examples, yaml));
  expect(fs.readFileSync(path.join(examples, 'main.js'), 'utf8')).toContain('require("cdktn-teleport")');

  const cdktnOut = path.join(dir, 'cdktn-examples.out');
  const run = runNode(process.cwd(), [path.join(examples, 'main.js')], { CDKTF_OUTDIR: cdktnOut });
  expect(run.status).toBe(0);
  const cdktfOut = path.join(dir, 'cdktf-examples.out');
  // The same annotations printed (guardrail warnings, the from-yaml example's info), no error.
  const cdktfStderr = synthCdktfExamples(cdktfOut);
  expect(run.stderr).toBe(cdktfStderr);
  expect(run.stderr).not.toMatch(/ERROR/);
  expectSameStacks(cdktfOut, cdktnOut, STACKS);

  // The installed package's CLI checks what cdktn wrote.
  const bin = path.join(project, 'node_modules', 'cdktn-teleport', 'bin', 'cdktf-teleport.js');
  const check = runNode(project, [bin, 'check', cdktnOut, '--json']);
  expect(check.status).toBe(0);
  expect(JSON.parse(check.stdout)).toEqual({ schemaVersion: 1, ok: true, findings: [] });
});

const toolchain = locateToolchain();
const requireNode22 = process.env.CDKTF_TELEPORT_REQUIRE_NODE22 === '1';
if (!toolchain.available && !requireNode22) {
  console.warn(`SKIPPED: cdktn synth under Node 22 (the cdktn-cli test): ${toolchain.reason}`);
}
(toolchain.available || requireNode22 ? test : test.skip)(
  `${toolchain.available || requireNode22 ? '' : 'SKIPPED (no Node 22 toolchain): '}cdktn synth (cdktn-cli under Node 22) reads cdktf.json and writes the README example into cdktf.out/`,
  () => {
    if (!toolchain.available) throw new Error(`the Node 22 toolchain is required here (CDKTF_TELEPORT_REQUIRE_NODE22=1): ${toolchain.reason}`);
    const viaNode = path.join(dir, 'cdktn-readme-node.out');
    expect(runNode(project, ['main.js'], { CDKTF_OUTDIR: viaNode }).status).toBe(0);
    fs.rmSync(path.join(project, 'cdktf.out'), { recursive: true, force: true });
    // The app command (`node main.js`) finds Node 22 first on PATH too.
    const env = { PATH: `${path.dirname(toolchain.node)}${path.delimiter}${process.env.PATH}`, CI: '1', FORCE_COLOR: '0' };
    const synth = runNode(project, [toolchain.cdktn, 'synth'], env, toolchain.node);
    expect({ status: synth.status, stderr: synth.stderr }).toMatchObject({ status: 0 });
    expect(synth.stdout).toContain('Generated Terraform code for the stacks: leaf');
    const written = stackFiles(path.join(project, 'cdktf.out'));
    expect([...written.keys()]).toEqual(['leaf']);
    expect(written.get('leaf')).toBe(stackFiles(viaNode).get('leaf'));
  },
  BUILD_TIMEOUT,
);
