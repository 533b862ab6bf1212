#!/usr/bin/env node
// Post-compile step (after lazy-exports): writes the package's main, dist/lib/index.js, as one file.
// A user's `cdktf synth` is one cold process, and Node's per-module cost (resolve, read, wrap,
// compile, ~100 modules for a synth of the constructs) was a large part of what the constructs added
// to the raw L1 bindings: ~50 ms of a 10-resource synth (bench/README.md, "Cold process"). The
// bundle keeps the lazy index's behaviour: esbuild wraps every module in a function that runs on its
// first require, so a public name still loads its module (and what it imports) when first read, and
// side-effect imports stay eager, in order.
//
// What stays outside, loaded from its own file as before:
// - npm packages (cdktf, constructs, ajv, yaml, re2js, ...): one copy of each for the whole app;
// - lib/gen, the generated L1 bindings (lazy per resource type; shared with `l1` users and the CLI);
// - the precompiled validators (dist/lib/check/precompiled-validators/*.js, loaded by name).
// Every other dist/lib/*.js file stays where it is for the CLI (bin/), which never loads the main.
// Two computed requires are rewritten for the bundle's location (dist/lib/) and the build fails if
// their text changes: the api check's class and enum modules (a static table of the public modules)
// and the precompiled validators (a path from the bundle's directory).
'use strict';
const fs = require('fs');
const path = require('path');
const { DIST, ROOT, filesHash, hash, hashFile, readState, runStep, writeIfChanged, writeState } = require('./build-state');
const { lazyMainModule } = require('./lazy-exports');

const LIB = path.join(DIST, 'lib');
const MAIN_SOURCE = path.join(ROOT, 'lib', 'index.ts');
const MAIN_OUTPUT = path.join(LIB, 'index.js');
const GEN = path.join(LIB, 'gen');
const SHAPES = path.join(ROOT, 'lib', 'api-check', 'api-shapes.generated.ts');
const STATE = 'bundle-main';

/**
 * The computed requires of the compiled modules, each replaced by what finds the same module from the bundle.
 * @returns {{ file: string, from: RegExp, to: (match: string, ...groups: string[]) => string }[]}
 */
function rewrites() {
  const publicModules = [...new Set([...fs.readFileSync(SHAPES, 'utf8').matchAll(/module: \{lib: "([\w/-]+)"/g)].map((m) => m[1]))].sort();
  if (publicModules.length === 0) throw new Error(`${SHAPES}: no public modules found; has the generator changed?`);
  const table = publicModules.map((m) => `${JSON.stringify(m)}: () => require(${JSON.stringify(`../${m}`)})`).join(', ');
  return [
    {
      file: path.join('api-check', 'check-args.js'),
      from: /require\(`\.\.\/\$\{shape\.module\.lib\}`\)/,
      to: () => `({ ${table} })[shape.module.lib]()`,
    },
    {
      file: path.join('check', 'validators.js'),
      from: /require\(`\.\/precompiled-validators\/\$\{([^`]+)\}`\)/,
      to: (_, name) => `require(require("path").join(__dirname, "check", "precompiled-validators", ${name}))`,
    },
  ];
}

/**
 * Statements that give each top-level class of a compiled module its own name back. Bundling turns a
 * class that names itself in its body into `var X = class _X`, so `X.name` would read `_X` (and error
 * messages print class names). esbuild's keepNames would also do it, by wrapping every function and
 * arrow function in a call that costs at run time; only classes need it.
 */
function classNames(text) {
  const names = [...text.matchAll(/^class ([A-Za-z_$][\w$]*)/gm)].map((m) => m[1]);
  return names.map((n) => `Object.defineProperty(${n}, "name", { value: ${JSON.stringify(n)}, configurable: true });`).join('\n');
}

/** The esbuild plugin: keeps lib/gen outside (packages are external by option), applies each rewrite exactly once. */
function bundlePlugin(all, applied) {
  const byFile = new Map(all.map((r) => [path.join(LIB, r.file), r]));
  return {
    name: 'cdktf-teleport-main',
    setup(build) {
      build.onResolve({ filter: /^\./ }, (args) => {
        const target = path.resolve(args.resolveDir, args.path);
        if (target !== GEN && !target.startsWith(`${GEN}${path.sep}`)) return undefined;
        return { path: `./${path.relative(LIB, target).split(path.sep).join('/')}`, external: true };
      });
      build.onLoad({ filter: /\.js$/ }, (args) => {
        if (!args.path.startsWith(`${LIB}${path.sep}`)) return undefined;
        let text = fs.readFileSync(args.path, 'utf8');
        const rewrite = byFile.get(args.path);
        if (rewrite) {
          const count = (text.match(new RegExp(rewrite.from, 'g')) ?? []).length;
          if (count !== 1) throw new Error(`${args.path}: expected one ${rewrite.from} to rewrite for the bundle, found ${count}`);
          applied.add(rewrite.file);
          text = text.replace(rewrite.from, rewrite.to);
        }
        return { contents: `${text}\n${classNames(text)}`, loader: 'js' };
      });
    },
  };
}

/**
 * The bundled main's text from the lazy module `entry` and the compiled modules in dist/lib, and the
 * files it was built from (relative to the repository root).
 */
async function bundledMain(entry) {
  const esbuild = require('esbuild');
  const all = rewrites();
  const applied = new Set();
  const result = await esbuild.build({
    stdin: { contents: entry, resolveDir: LIB, sourcefile: 'index.js', loader: 'js' },
    absWorkingDir: ROOT,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    packages: 'external',
    write: false,
    metafile: true,
    logLevel: 'error',
    legalComments: 'none',
    plugins: [bundlePlugin(all, applied)],
  });
  const missing = all.map((r) => r.file).filter((f) => !applied.has(f));
  if (missing.length) throw new Error(`the bundle no longer contains ${missing.join(', ')}: update scripts/bundle-main.js`);
  const inputs = Object.keys(result.metafile.inputs)
    .filter((f) => f !== '<stdin>')
    .sort();
  return {
    text: `// Written by scripts/bundle-main.js from lib/index.ts and the modules it loads (see there).\n${result.outputFiles[0].text}`,
    inputs,
  };
}

/** One hash of everything the bundle depends on: its entry, its inputs' contents, the rewrites' table, esbuild and this script. */
function inputsKey(entry, inputs) {
  return hash(entry, fs.readFileSync(__filename), fs.readFileSync(require.resolve('esbuild/package.json')), hashFile(SHAPES), filesHash(inputs));
}

/**
 * Writes dist/lib/index.js. Incremental, on content like the other steps: when the entry, every file
 * the last bundle read and the output are as they were, esbuild is not run (it is most of a `npm run
 * synth` where nothing changed). An edited module changes its own hash; a new one is imported by an
 * edited one.
 */
async function bundleMain() {
  if (!fs.existsSync(LIB)) throw new Error(`${LIB} does not exist: compile lib/ first`);
  const entry = lazyMainModule(fs.readFileSync(MAIN_SOURCE, 'utf8'));
  const previous = readState(STATE);
  if (previous && hashFile(MAIN_OUTPUT) === previous.output && inputsKey(entry, previous.inputs) === previous.key) {
    return { built: false, changed: false };
  }
  const { text, inputs } = await bundledMain(entry);
  const changed = writeIfChanged(MAIN_OUTPUT, text);
  writeState(STATE, { key: inputsKey(entry, inputs), inputs, output: hash(text) });
  return { built: true, changed };
}

if (require.main === module) runStep('bundle-main', bundleMain);

module.exports = { bundleMain, bundledMain };
