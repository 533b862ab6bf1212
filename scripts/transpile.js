#!/usr/bin/env node
// Emits dist/ for development: lib/ and examples/ (what `npm run synth` and cdktf.json's app load),
// with --all also test/ and bench/ (`npm run build`), file by file with esbuild, then the post-compile
// steps (scripts/postcompile.js). It does not type-check: `npm run build` runs tsc first (noEmit,
// incremental) and `npm test` runs it and jsii. Why not tsc's emit, measured on the 2-core machine
// (bench/README.md): checking and emitting lib/ and examples/ from scratch (2.3 MB, 1.8 MB of it
// generated bindings) took tsc 23 s of CPU, so a fresh `npm run synth` could not stay within 8 s;
// esbuild transpiles the same files in 0.6 s of CPU. One emitter for dist/ also keeps it simple:
// tsc's incremental state only describes type-checking, never which outputs are current.
//
// Incremental, on content: dist/.build/transpile.json keeps, per source, the hash of the source and
// of the .js written for it; a file is transpiled again when either differs (edited, reverted, or
// overwritten since by tsc or jsii), or when esbuild, its options or tsconfig.json changed. Outputs of
// deleted sources are removed (scripts/prune-dist.js). Emitted semantics follow tsc's from the same
// tsconfig.json options (target, strict mode, decorators, class fields), CommonJS, one output per
// source; test/build checks that the examples write byte-identical JSON either way. One difference
// to know: a namespace import (`import * as x`) is an object of getters onto the module, not the
// module itself, so it cannot be called, and a cycle that reads a binding too early throws instead
// of reading undefined.
'use strict';
const fs = require('fs');
const path = require('path');
const { postcompile } = require('./postcompile');
const { DIST, ROOT, hash, hashFile, readState, runStep, writeIfChanged, writeState } = require('./build-state');

const STATE = 'transpile';
/** What synth runs: the library and the examples app; with --all also what the bench runs. */
const SYNTH_DIRS = ['lib', 'examples'];
const ALL_DIRS = [...SYNTH_DIRS, 'test', 'bench'];
/** Sources whose output another step writes: the lazy indexes of lib/gen and lib/ (scripts/lazy-exports.js). */
const WRITTEN_ELSEWHERE = new Set(['lib/gen/index.ts', 'lib/index.ts']);

function sourcesBelow(rel) {
  const out = [];
  for (const entry of fs.readdirSync(path.join(ROOT, rel), { withFileTypes: true })) {
    const child = `${rel}/${entry.name}`;
    if (entry.isDirectory()) out.push(...sourcesBelow(child));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) out.push(child);
  }
  return out;
}

const outputOf = (source) => path.join(DIST, source.replace(/\.ts$/, '.js'));

/** @returns {import('esbuild').BuildOptions & { write: false }} */
function esbuildOptions() {
  const { compilerOptions } = JSON.parse(fs.readFileSync(path.join(ROOT, 'tsconfig.json'), 'utf8'));
  if (String(compilerOptions.module).toLowerCase() !== 'commonjs')
    throw new Error(`tsconfig.json: module ${compilerOptions.module}; this build emits CommonJS only`);
  return {
    absWorkingDir: ROOT,
    outdir: DIST,
    outbase: '.',
    bundle: false,
    format: 'cjs',
    platform: 'node',
    target: String(compilerOptions.target).toLowerCase(),
    sourcemap: compilerOptions.sourceMap ? 'linked' : false,
    // esbuild reads from these what changes emitted semantics: alwaysStrict, experimentalDecorators,
    // useDefineForClassFields (from target when unset, as tsc does), verbatimModuleSyntax and kin.
    tsconfigRaw: { compilerOptions },
    write: false,
    logLevel: 'error',
  };
}

/** Transpiles what changed below `dirs`; returns the sources it transpiled. */
function transpile(dirs = SYNTH_DIRS) {
  const options = esbuildOptions();
  // esbuild itself is loaded only when there is something to transpile.
  const optionsHash = hash(fs.readFileSync(require.resolve('esbuild/package.json')), JSON.stringify(options), fs.readFileSync(__filename));
  const previous = readState(STATE);
  const known = previous && previous.optionsHash === optionsHash ? previous.files : {};
  const inDirs = (source) => dirs.some((d) => source.startsWith(`${d}/`));
  // Entries of folders not transpiled this time stay (each is checked again before it is trusted).
  const files = Object.fromEntries(Object.entries(known).filter(([source]) => !inDirs(source)));
  const stale = [];
  for (const source of dirs.flatMap(sourcesBelow).sort()) {
    if (WRITTEN_ELSEWHERE.has(source)) continue;
    const sourceHash = hashFile(path.join(ROOT, source));
    const entry = known[source];
    if (entry && entry.source === sourceHash && hashFile(outputOf(source)) === entry.output) files[source] = entry;
    else stale.push({ source, sourceHash });
  }
  if (stale.length > 0) {
    let result;
    try {
      result = require('esbuild').buildSync({ ...options, entryPoints: stale.map((s) => s.source) });
    } catch {
      throw new Error('esbuild could not transpile the sources (errors above)');
    }
    const written = new Map(result.outputFiles.map((f) => [f.path, f.contents]));
    for (const [file, contents] of written) writeIfChanged(file, contents);
    for (const { source, sourceHash } of stale) {
      const js = written.get(outputOf(source));
      if (!js) throw new Error(`esbuild wrote no output for ${source}`);
      files[source] = { source: sourceHash, output: hash(js) };
    }
  }
  const state = { optionsHash, files: Object.fromEntries(Object.entries(files).sort(([a], [b]) => (a < b ? -1 : 1))) };
  if (JSON.stringify(state) !== JSON.stringify(previous)) writeState(STATE, state);
  return stale.map((s) => s.source);
}

if (require.main === module) {
  runStep('transpile', () => {
    transpile(process.argv.includes('--all') ? ALL_DIRS : SYNTH_DIRS);
    return postcompile();
  });
}

module.exports = { transpile };
