// The package's main is written by scripts/lazy-exports.js from lib/index.ts (and bundled by
// scripts/bundle-main.js, test/build/bundled-main.test.ts): each public name loads its module when
// first read, side-effect imports stay eager. It must export exactly the run-time names the
// TypeScript index exports.
import * as fs from 'fs';
import * as path from 'path';
import { tempDir } from '../support/synth';
import { REPO_ROOT } from './scratch-repo';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { lazyMainModule, runtimeNames } = require('../../scripts/lazy-exports.js');

const INDEX = path.join(REPO_ROOT, 'lib', 'index.ts');

/** The module specifiers lib/index.ts re-exports with `export * from`. */
const reExported = (): string[] => [...fs.readFileSync(INDEX, 'utf8').matchAll(/^export \* from '(\.[\w./-]*)';$/gm)].map((m) => m[1]);

test('GIVEN lib/index.ts WHEN its lazy module is written THEN it defines exactly the run-time names of every re-exported module', () => {
  const text: string = lazyMainModule(fs.readFileSync(INDEX, 'utf8'), INDEX);
  const defined = [...text.matchAll(/Object\.defineProperty\(exports, "(\w+)"/g)].map((m) => m[1]).filter((n) => n !== '__esModule');
  // What the modules export at run time (types and interfaces have no value), as ts-jest compiles them.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const actual = ['l1', ...reExported().flatMap((spec) => Object.keys(require(path.join(REPO_ROOT, 'lib', spec))).filter((k) => k !== '__esModule'))];
  expect([...defined].sort()).toEqual([...actual].sort());
  expect(defined).toEqual(expect.arrayContaining(['TeleportApp', 'Role', 'RoleVersion', 'Guardrails', 'GuardrailsPack', 'TctlResources', 'AccessMap']));
  expect(text).toMatch(/^require\("\.\/core\/load-guard"\);\nrequire\("\.\/app\/core-check"\);\nrequire\("\.\/app\/schema-validation"\);$/m);
});

test('GIVEN an export the script cannot read WHEN it looks for the run-time names THEN the build fails, naming the statement', () => {
  const dir = tempDir('lazy-index-');
  try {
    fs.writeFileSync(path.join(dir, 'a.ts'), "export { One, type Two, Three as Four } from './b';\nexport * from './b';\n");
    fs.writeFileSync(path.join(dir, 'b.ts'), 'export interface Two { x: string }\nexport abstract class Five {}\nexport default 1;\n');
    expect(() => runtimeNames(path.join(dir, 'a.ts'))).toThrow(/b\.ts: cannot tell the run-time names of: export default 1;/);
    fs.writeFileSync(path.join(dir, 'b.ts'), 'export interface Two { x: string }\nexport abstract class Five {}\nexport const enum_ = 1;\n');
    expect(runtimeNames(path.join(dir, 'a.ts'))).toEqual(['One', 'Four', 'Five', 'enum_']);
    expect(() => lazyMainModule("import { x } from './a';\n", path.join(dir, 'index.ts'))).toThrow(/expected only/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
