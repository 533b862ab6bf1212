// The wrong package for the app's core, as users get it: one scratch project that installed both
// tarballs (cdktf-teleport packed from this checkout, cdktn-teleport from the cdktn build) beside
// cdktf, cdktn and constructs 10.7; what its package.json declares and which core the app imports
// make each case. A wrong pairing stops at load (or, when package.json names both cores, at the first
// Teleport construct) with an error naming the right package, never a TypeError deep in synth.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { tempDir } from '../support/synth';
import {
  BUILD_TIMEOUT,
  ROOT,
  cdktnBuild,
  cdktnConstructsVersion,
  cdktnVersion,
  declareDependencies,
  installedVersion,
  registryTarball,
  runNode,
  scratchProject,
} from './support';

/** An app on `core` that uses `library`; `libraryFirst` imports the library before the core. */
function app(core: string, library: string, libraryFirst = false): string {
  const imports = [`const core = require('${core}');`, `const teleport = require('${library}');`];
  return `${(libraryFirst ? imports.reverse() : imports).join('\n')}
const app = new core.App({ outdir: process.env.OUT });
const stack = new core.TerraformStack(app, 'leaf');
new teleport.TeleportProvider(stack, 'teleport', { addr: 'leaf.example.com:443' });
new teleport.Role(stack, 'Visitor', { name: 'visitor', version: teleport.RoleVersion.V7 }).allowLogins('visitor');
app.synth();
`;
}

let dir: string;
let project: string;
beforeAll(() => {
  const build = cdktnBuild();
  dir = tempDir('cdktn-wrong-core-');
  const packed = JSON.parse(
    execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', dir], {
      cwd: ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
  );
  const cdktfTarball = path.join(dir, packed[0].filename);
  // No bin links: both packages install the same `cdktf-teleport` command.
  project = scratchProject(
    path.join(dir, 'project'),
    [
      cdktfTarball,
      build.tarball,
      registryTarball('cdktf', installedVersion('cdktf')),
      registryTarball('cdktn', cdktnVersion()),
      registryTarball('constructs', cdktnConstructsVersion()),
    ],
    ['--no-bin-links'],
  );
  for (const [file, text] of [
    ['cdktf-app.js', app('cdktf', 'cdktf-teleport')],
    ['cdktn-app.js', app('cdktn', 'cdktn-teleport')],
    ['cdktf-app-wrong.js', app('cdktf', 'cdktn-teleport')],
    ['cdktf-app-wrong-library-first.js', app('cdktf', 'cdktn-teleport', true)],
    ['cdktn-app-wrong.js', app('cdktn', 'cdktf-teleport')],
  ]) {
    fs.writeFileSync(path.join(project, file), text);
  }
}, BUILD_TIMEOUT);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function runApp(file: string) {
  const out = path.join(dir, `${file}.out`);
  const run = runNode(project, [file], { OUT: out });
  return { ...run, out };
}

/** The error line node printed for an uncaught exception. */
function errorLine(stderr: string): string {
  return stderr.split('\n').find((l) => /^\w*Error: /.test(l)) ?? stderr;
}

test.each([
  ['cdktf', 'cdktf-app.js', ['cdktf', 'constructs', 'cdktf-teleport']],
  ['cdktn', 'cdktn-app.js', ['cdktn', 'constructs', 'cdktn-teleport']],
])('the right package for the core synthesizes (%s)', (core, file, declared) => {
  declareDependencies(project, declared as string[]);
  const run = runApp(file as string);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  const stack = JSON.parse(fs.readFileSync(path.join(run.out, 'stacks', 'leaf', 'cdk.tf.json'), 'utf8'));
  expect(stack['//'].metadata.version).toBe(core === 'cdktf' ? installedVersion('cdktf') : cdktnVersion());
  expect(Object.values(stack.resource.teleport_role).map((r: any) => r.metadata.name)).toEqual(['visitor']);
});

describe('a cdktf project that installed cdktn-teleport', () => {
  beforeEach(() => declareDependencies(project, ['cdktf', 'constructs', 'cdktn-teleport']));

  test.each(['cdktf-app-wrong.js', 'cdktf-app-wrong-library-first.js'])('stops at load, naming cdktf-teleport (%s)', (file) => {
    const run = runApp(file);
    expect(run.status).toBe(1);
    expect(errorLine(run.stderr)).toBe(
      `Error: cdktn-teleport is the cdktn (CDK Terrain) build of this library, but this project uses cdktf (CDK for Terraform) (${path.join(project, 'package.json')} depends on cdktf, not cdktn), and an app must load exactly one core. ` +
        "Fix: npm uninstall cdktn-teleport && npm install cdktf-teleport, then import from 'cdktf-teleport' (the same API). " +
        'To move the app to cdktn instead, replace cdktf with cdktn in package.json and in the imports.',
    );
    expect(run.stderr).toContain('load-guard.js');
    expect(run.stderr).not.toContain('TypeError');
    expect(fs.existsSync(run.out)).toBe(false);
  });

  test('without cdktn installed (npm did not add the peer), names cdktf-teleport too', () => {
    const cdktn = path.join(project, 'node_modules', 'cdktn');
    fs.renameSync(cdktn, `${cdktn}.away`);
    try {
      const run = runApp('cdktf-app-wrong.js');
      expect(run.status).toBe(1);
      expect(errorLine(run.stderr)).toBe(
        `Error: cdktn-teleport cannot load: it is the cdktn (CDK Terrain) build of this library, and cdktn is not installed, but cdktf is (${path.join(project, 'package.json')}). ` +
          "Fix: npm uninstall cdktn-teleport && npm install cdktf-teleport, then import from 'cdktf-teleport' (the same API).",
      );
    } finally {
      fs.renameSync(`${cdktn}.away`, cdktn);
    }
  });
});

test('a cdktn project that installed cdktf-teleport stops at load, naming cdktn-teleport', () => {
  declareDependencies(project, ['cdktn', 'constructs', 'cdktf-teleport']);
  const run = runApp('cdktn-app-wrong.js');
  expect(run.status).toBe(1);
  expect(errorLine(run.stderr)).toContain(
    'Error: cdktf-teleport is the cdktf (CDK for Terraform) build of this library, but this project uses cdktn (CDK Terrain)',
  );
  expect(errorLine(run.stderr)).toContain('Fix: npm uninstall cdktf-teleport && npm install cdktn-teleport');
  expect(run.stderr).not.toContain('TypeError');
});

describe('a project that names both cores (mid-migration): the first Teleport construct in a stack of the other core stops', () => {
  beforeEach(() => declareDependencies(project, ['cdktf', 'cdktn', 'constructs', 'cdktf-teleport', 'cdktn-teleport']));

  test('cdktn-teleport in a cdktf stack names cdktf-teleport, the construct and the stack', () => {
    const run = runApp('cdktf-app-wrong.js');
    expect(run.status).toBe(1);
    expect(errorLine(run.stderr)).toBe(
      `Error: [leaf/teleport] cdktn-teleport is built for cdktn (CDK Terrain), but stack "leaf" is a cdktf (CDK for Terraform) TerraformStack (${path.join(project, 'node_modules', 'cdktf')}); ` +
        "an app must load exactly one core. Fix: npm uninstall cdktn-teleport && npm install cdktf-teleport, then import from 'cdktf-teleport' (the same API), or move the whole app to cdktn.",
    );
  });

  test('cdktf-teleport in a cdktn stack (a TypeError at synth without the check) names cdktn-teleport', () => {
    const run = runApp('cdktn-app-wrong.js');
    expect(run.status).toBe(1);
    expect(errorLine(run.stderr)).toContain(
      'Error: [leaf/teleport] cdktf-teleport is built for cdktf (CDK for Terraform), but stack "leaf" is a cdktn (CDK Terrain) TerraformStack',
    );
    expect(errorLine(run.stderr)).toContain('npm install cdktn-teleport');
    expect(run.stderr).not.toContain('_resetResolveDiscoveredProviderFeatureUsage');
  });
});
