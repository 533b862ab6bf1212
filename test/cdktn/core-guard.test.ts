// The core check, in process, on this source tree (the cdktf build): which project manifest it
// reads and what it says (lib/core/load-guard.ts), and the construct-time check that a stack comes
// from the very copy of cdktf the library loaded (lib/app/core-check.ts).
import * as fs from 'fs';
import * as path from 'path';
import { App, TerraformStack, Testing } from 'cdktf';
import { Role, RoleVersion, l1 } from '../../lib';
import { CORE, OTHER_BUILD, THIS_BUILD } from '../../lib/core/identity';
import { ProjectManifest, findProjectManifest, loadProblem } from '../../lib/core/load-guard';
import { tempDir } from '../support/synth';

const project = (...cores: Array<'cdktf' | 'cdktn'>): ProjectManifest => ({ file: '/infra/package.json', cores: new Set(cores) });
const everything = () => true;

describe('loadProblem (this tree is the cdktf build)', () => {
  test('the identity this tree builds', () => {
    expect([CORE, THIS_BUILD.library, OTHER_BUILD.core, OTHER_BUILD.library]).toEqual(['cdktf', 'cdktf-teleport', 'cdktn', 'cdktn-teleport']);
  });

  test('a cdktn project: names the cdktn build and how to switch', () => {
    const message = loadProblem(project('cdktn'), everything);
    expect(message).toContain('cdktf-teleport is the cdktf (CDK for Terraform) build of this library');
    expect(message).toContain('this project uses cdktn (CDK Terrain) (/infra/package.json depends on cdktn, not cdktf)');
    expect(message).toContain('Fix: npm uninstall cdktf-teleport && npm install cdktn-teleport');
  });

  test('a project that names both cores, or this one, or none is left to the construct-time check', () => {
    expect(loadProblem(project('cdktf', 'cdktn'), everything)).toBeUndefined();
    expect(loadProblem(project('cdktf'), everything)).toBeUndefined();
    expect(loadProblem(undefined, everything)).toBeUndefined();
  });

  test('this core missing, the other installed: names the other build', () => {
    const message = loadProblem(undefined, (core) => core === 'cdktn');
    expect(message).toBe(
      "cdktf-teleport cannot load: it is the cdktf (CDK for Terraform) build of this library, and cdktf is not installed, but cdktn is. Fix: npm uninstall cdktf-teleport && npm install cdktn-teleport, then import from 'cdktn-teleport' (the same API).",
    );
    expect(loadProblem(project('cdktn'), () => false)).toContain('but cdktn is (/infra/package.json)');
  });

  test('no core at all: install this one', () => {
    expect(loadProblem(undefined, () => false)).toBe(
      'cdktf-teleport cannot load: its peer dependency cdktf (CDK for Terraform) is not installed. Fix: npm install cdktf constructs.',
    );
  });
});

describe('findProjectManifest', () => {
  let dir: string;
  beforeEach(() => (dir = tempDir('core-guard-')));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
  const write = (rel: string, text: unknown) => {
    const file = path.join(dir, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, typeof text === 'string' ? text : JSON.stringify(text));
    return file;
  };

  test('the nearest package.json that names a core, outside node_modules; a workspace root that names none is passed over', () => {
    write('package.json', { name: 'monorepo', workspaces: ['infra'] });
    const infra = write('infra/package.json', { name: 'infra', devDependencies: { cdktn: '^0.24.0' }, dependencies: { 'cdktn-teleport': '*' } });
    write('infra/node_modules/some-tool/package.json', { name: 'some-tool', peerDependencies: { cdktf: '*' } });
    fs.mkdirSync(path.join(dir, 'infra', 'node_modules', 'some-tool', 'bin'), { recursive: true });
    const found = findProjectManifest([path.join(dir, 'infra', 'node_modules', 'some-tool', 'bin')]);
    expect(found).toEqual({ file: infra, cores: new Set(['cdktn']) });
    fs.mkdirSync(path.join(dir, 'infra', 'src'));
    expect(findProjectManifest([path.join(dir, 'infra', 'src')])).toEqual({ file: infra, cores: new Set(['cdktn']) });
  });

  test('every dependency field counts; unreadable manifests are skipped; the next start is tried', () => {
    const both = write('a/package.json', { peerDependencies: { cdktf: '*' }, optionalDependencies: { cdktn: '*' } });
    expect(findProjectManifest([path.join(dir, 'a')])?.cores).toEqual(new Set(['cdktf', 'cdktn']));
    write('b/package.json', '{ not json');
    write('b/c/package.json', { name: 'no-core', dependencies: { yaml: '*' } });
    const start = path.join(dir, 'b', 'c');
    expect(findProjectManifest([start])).toBeUndefined();
    expect(findProjectManifest([start, path.join(dir, 'a')])?.file).toBe(both);
  });
});

describe('checkCore at construct time', () => {
  test('a stack of this copy of cdktf passes', () => {
    const stack = new TerraformStack(Testing.app(), 'leaf');
    new l1.provider.TeleportProvider(stack, 'teleport', {});
    expect(() => new Role(stack, 'Visitor', { name: 'visitor', version: RoleVersion.V7 })).not.toThrow();
  });

  test('a stack of another copy of cdktf: the construct path, Aspects, and the fix', () => {
    let copy: typeof import('cdktf') | undefined;
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- a second copy: isolateModules loads it afresh
      copy = require('cdktf');
    });
    expect(copy!.TerraformStack).not.toBe(TerraformStack);
    const stack = new copy!.TerraformStack(new copy!.App({ outdir: tempDir('core-guard-copy-') }), 'leaf');
    let message = '';
    try {
      new Role(stack, 'Visitor', { name: 'visitor', version: RoleVersion.V7 });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/^\[leaf\/Visitor\/Resource\] stack "leaf" was made by another copy of cdktf/);
    expect(message).toContain('not by the cdktf that cdktf-teleport loaded');
    expect(message).toContain('Aspects silently disappear');
    expect(message).toContain('Fix: install one copy of cdktf for the whole app (npm ls cdktf; npm dedupe)');
  });

  test('an app of another copy of cdktf around a stack of this one', () => {
    let copy: typeof import('cdktf') | undefined;
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- a second copy: isolateModules loads it afresh
      copy = require('cdktf');
    });
    const app = new copy!.App({ outdir: tempDir('core-guard-copy-') });
    expect(app).not.toBeInstanceOf(App);
    const stack = new TerraformStack(app as unknown as App, 'leaf');
    expect(() => new l1.provider.TeleportProvider(stack, 'teleport', {})).toThrow(/^\[leaf\/teleport\] the app was made by another copy of cdktf/);
  });
});
