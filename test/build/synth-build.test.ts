// `npm run synth` and cdktf.json's app build incrementally (scripts/transpile.js): nothing they load
// may be stale. In a scratch copy of the repository (a fresh clone after `npm ci`): the first synth
// writes what the sources write; edits to lib/ and examples/ show in cdk.tf.json on the next run, by
// `npm run synth` and by the cdktf.json app; a renamed source's old output is gone, not loaded; the
// precompiled validators follow a schema change and are not rebuilt when nothing changed.
import * as fs from 'fs';
import * as path from 'path';
import { buildExamples } from '../../examples/main';
import { filesBelow, readStack, tempDir } from '../support/synth';
import { REPO_ROOT, editOnce, fileContaining, run, scratchRepo } from './scratch-repo';

const STACKS = ['from-yaml-leaf', 'one-stack', 'root-two-leaves', 'seed-l1-leaf', 'seed-l1-root', 'two-stack-leaf', 'two-stack-root'];
/** The role default the edits change: where it is defined (it may move between files). */
const TTL_DEFAULT = "DEFAULT_MAX_SESSION_TTL = '30h0m0s'";
const ONE_STACK = 'examples/one-stack/index.ts';
const VALIDATORS = 'dist/lib/check/precompiled-validators';

jest.setTimeout(900_000);

let repo: string;
let defaultsFile: string;
beforeAll(() => {
  repo = scratchRepo('synth-build-');
  defaultsFile = fileContaining(repo, 'lib', TTL_DEFAULT);
});
afterAll(() => fs.rmSync(repo, { recursive: true, force: true }));

const synth = () => run(repo, 'npm run --silent synth');
const cdktfApp = () => run(repo, JSON.parse(fs.readFileSync(path.join(repo, 'cdktf.json'), 'utf8')).app);
const oneStackRole = (): any => Object.values(readStack(path.join(repo, 'cdktf.out'), 'one-stack').resource.teleport_role)[0];
const mtimes = (dir: string) => filesBelow(path.join(repo, dir)).map((f) => `${f}@${fs.statSync(path.join(repo, dir, f)).mtimeMs}`);

test('a fresh copy: synth builds lib/ and examples/ only, writes what the sources write, and the check passes', () => {
  const r = synth();
  expect(r.output).toContain('OK: 7 stack(s) checked: 0 error(s)');
  expect(r.code).toBe(0);
  expect(fs.readdirSync(path.join(repo, 'dist')).sort()).toEqual(['.build', 'examples', 'lib']);
  expect(fs.readdirSync(path.join(repo, VALIDATORS)).length).toBeGreaterThan(0);

  // The same stacks, byte for byte, as the examples app run from its TypeScript sources in this
  // process (ts-jest), apart from the absolute folder each ran in (the local backend's state path).
  const reference = tempDir('synth-build-reference-');
  try {
    buildExamples(reference).synth();
    const text = (root: string, outdir: string, stack: string) =>
      fs.readFileSync(path.join(outdir, 'stacks', stack, 'cdk.tf.json'), 'utf8').split(`${root}${path.sep}`).join('<root>/');
    for (const stack of STACKS) expect(text(repo, path.join(repo, 'cdktf.out'), stack)).toBe(text(REPO_ROOT, reference, stack));
  } finally {
    fs.rmSync(reference, { recursive: true, force: true });
  }
});

test('nothing changed: the next synth rebuilds nothing (the precompiled validators are not rewritten)', () => {
  const before = mtimes(VALIDATORS);
  const r = synth();
  expect(r.code).toBe(0);
  expect(mtimes(VALIDATORS)).toEqual(before);
});

test('an edit in lib/ and one in examples/ both show in cdk.tf.json after the next npm run synth', () => {
  expect(oneStackRole().spec.options.max_session_ttl).toBe('30h0m0s');
  expect(oneStackRole().spec.allow.logins).toEqual(['visitor']);
  editOnce(repo, defaultsFile, TTL_DEFAULT, "DEFAULT_MAX_SESSION_TTL = '29h0m0s'");
  editOnce(repo, ONE_STACK, "visitor.allowLogins('visitor')", "visitor.allowLogins('visitor-edited')");
  const r = synth();
  expect(r.code).toBe(0);
  expect(oneStackRole().spec.options.max_session_ttl).toBe('29h0m0s');
  expect(oneStackRole().spec.allow.logins).toEqual(['visitor-edited']);
});

test("cdktf.json's app (what `cdktf synth` runs) picks up an edit in examples/ as well", () => {
  editOnce(repo, ONE_STACK, "visitor.allowLogins('visitor-edited')", "visitor.allowLogins('visitor-app')");
  const r = cdktfApp();
  expect(r.code).toBe(0);
  expect(oneStackRole().spec.allow.logins).toEqual(['visitor-app']);
});

test('a source moved to another path: its old output is removed, not loaded', () => {
  // lib/.../x.ts -> lib/.../x/index.ts: `require('./x')` would still find a stale dist/.../x.js
  // before dist/.../x/index.js.
  const moved = defaultsFile.replace(/\.ts$/, '/index.ts');
  const text = fs.readFileSync(path.join(repo, defaultsFile), 'utf8');
  fs.mkdirSync(path.dirname(path.join(repo, moved)));
  fs.writeFileSync(path.join(repo, moved), text.split("from '../").join("from '../../").split("from './").join("from '../"));
  fs.rmSync(path.join(repo, defaultsFile));
  editOnce(repo, moved, "DEFAULT_MAX_SESSION_TTL = '29h0m0s'", "DEFAULT_MAX_SESSION_TTL = '28h0m0s'");
  const r = synth();
  expect(r.output).toContain('OK: 7 stack(s) checked');
  expect(r.code).toBe(0);
  expect(oneStackRole().spec.options.max_session_ttl).toBe('28h0m0s');
  const stale = path.join(repo, 'dist', defaultsFile.replace(/\.ts$/, '.js'));
  expect(fs.existsSync(stale)).toBe(false);
  expect(fs.existsSync(`${stale}.map`)).toBe(false);
});

test('the schema changes: the precompiled validators follow it (the check then rejects the attribute it dropped)', () => {
  const file = path.join(repo, 'schemas', 'teleport-provider.schema.json');
  const doc = JSON.parse(fs.readFileSync(file, 'utf8'));
  const provider: any = Object.values(doc.provider_schemas)[0];
  const options = provider.resource_schemas.teleport_role.block.attributes.spec.nested_type.attributes.options.nested_type.attributes;
  expect(options.max_session_ttl).toBeDefined();
  delete options.max_session_ttl;
  fs.writeFileSync(file, JSON.stringify(doc, null, 2));
  const before = mtimes(VALIDATORS);
  const r = synth();
  expect(r.code).not.toBe(0);
  expect(r.output).toMatch(/one-stack.*max_session_ttl|max_session_ttl.*one-stack/s);
  expect(mtimes(VALIDATORS)).not.toEqual(before);
});
