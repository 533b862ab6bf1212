// The public APIs of cdktf-teleport and cdktn-teleport, read from their jsii assemblies (this
// checkout's .jsii from `npm run jsii`, and the cdktn build's own), are the same but for the name of
// the core (`cdktf.TerraformStack` there is `cdktn.TerraformStack` here) and of the package.
import * as fs from 'fs';
import * as path from 'path';
import { BUILD_TIMEOUT, CdktnBuild, ROOT, cdktnBuild } from './support';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

let build: CdktnBuild;
let cdktf: Record<string, any>;
let cdktn: Record<string, any>;
beforeAll(() => {
  build = cdktnBuild();
  const read = (file: string) => {
    if (!fs.existsSync(file)) throw new Error(`${file} is missing: run npm run jsii (npm test does)`);
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  };
  cdktf = read(path.join(ROOT, '.jsii'));
  cdktn = read(path.join(build.staging, '.jsii'));
}, BUILD_TIMEOUT);

/** A type reference or name of the cdktf assembly, as the cdktn assembly names it; counts the renames. */
function renamed(value: Json, count: { n: number }): Json {
  if (typeof value === 'string') {
    if (value === 'cdktf-teleport' || value.startsWith('cdktf-teleport.')) return (count.n++, value.replace('cdktf-teleport', 'cdktn-teleport'));
    if (/^cdktf\.[A-Za-z_][\w.]*$/.test(value)) return (count.n++, value.replace(/^cdktf\./, 'cdktn.'));
    return value;
  }
  if (Array.isArray(value)) return value.map((v) => renamed(v, count));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [renamed(k, count) as string, renamed(v, count)]));
  return value;
}

/** Every string in `value` that names a type of the core `core`. */
function coreReferences(value: Json, core: string): string[] {
  if (typeof value === 'string') return value.startsWith(`${core}.`) ? [value] : [];
  if (Array.isArray(value)) return value.flatMap((v) => coreReferences(v, core));
  if (value && typeof value === 'object') return Object.values(value).flatMap((v) => coreReferences(v, core));
  return [];
}

test('each assembly is its own package on its own core', () => {
  expect([cdktf.name, cdktn.name]).toEqual(['cdktf-teleport', 'cdktn-teleport']);
  expect(cdktf.dependencies).toEqual(expect.objectContaining({ cdktf: expect.any(String), constructs: expect.any(String) }));
  expect(Object.keys(cdktf.dependencies)).not.toContain('cdktn');
  expect(cdktn.dependencies).toEqual({ cdktn: '^0.24.0', constructs: '>=10.6.0 <10.8.0' });
  expect(Object.keys(cdktn.dependencyClosure).sort()).toEqual(['cdktn', 'constructs']);
  expect(cdktn.version).toBe(cdktf.version);
  expect(cdktn.bin).toEqual(cdktf.bin);
  // jsii records the bundled dependencies with their versions: the same in both packages.
  expect(cdktn.bundled).toEqual(cdktf.bundled);
  expect(Object.keys(cdktn.bundled).sort()).toEqual(expect.arrayContaining(['ajv', 'undici', 'yaml']));
});

test('the types are identical once the core and package names are swapped', () => {
  const count = { n: 0 };
  const expected = renamed({ types: cdktf.types, submodules: cdktf.submodules }, count);
  expect({ types: cdktn.types, submodules: cdktn.submodules }).toEqual(expected);
  // Not vacuous: the API is large, and it refers to the core in many places.
  expect(Object.keys(cdktn.types).length).toBeGreaterThan(500);
  expect(coreReferences(cdktn.types, 'cdktn').length).toBeGreaterThan(100);
  expect(count.n).toBeGreaterThan(1000);
});

test('neither assembly refers to the other core', () => {
  expect(coreReferences({ types: cdktn.types, submodules: cdktn.submodules }, 'cdktf')).toEqual([]);
  expect(coreReferences({ types: cdktf.types, submodules: cdktf.submodules }, 'cdktn')).toEqual([]);
});

test('the public classes that extend the core extend the right one', () => {
  expect(cdktf.types['cdktf-teleport.TeleportApp'].base).toBe('cdktf.App');
  expect(cdktn.types['cdktn-teleport.TeleportApp'].base).toBe('cdktn.App');
  expect(cdktn.types['cdktn-teleport.l1.role.Role'].base).toBe('cdktn.TerraformResource');
});
