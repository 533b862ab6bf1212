#!/usr/bin/env node
// Post-compile step (after tsc, jsii and the esbuild transpile): the two index modules that load what
// they re-export on first access instead of at import. TypeScript cannot express a lazy re-export,
// so each is made here from its source (what jsii and tsc read, untouched), whichever compiler
// emitted the rest: tsc and esbuild shape it differently. This step writes the first; the second is
// the entry of scripts/bundle-main.js.
// - lib/gen/index.js: each generated binding module (~1.7 MB of generated code; most programs touch
//   two or three of them).
// - lib/index.js, the package's main: each public name loads its module when first read, so a cold
//   `cdktf synth` loads only the constructs it uses (not TctlResources' YAML reader, AccessMap's
//   renderers, ...). Side-effect imports (`import './x';`) stay eager, in order. The names of an
//   `export * from` are read from the TypeScript sources (declarations and re-exports, followed).
//   scripts/bundle-main.js bundles this module with what it loads into the file the package ships.
// Writes only when the content changes; fails loudly if a source no longer has the expected shape.
'use strict';
const fs = require('fs');
const path = require('path');
const { DIST, ROOT, runStep, writeIfChanged } = require('./build-state');

const SOURCE = path.join(ROOT, 'lib', 'gen', 'index.ts');
const OUTPUT = path.join(DIST, 'lib', 'gen', 'index.js');
const MAIN_SOURCE = path.join(ROOT, 'lib', 'index.ts');
const NAMESPACE_EXPORT = /^export \* as (\w+) from '(\.\/[\w-]+)';$/;

/** The lazy module's text for lib/gen/index.ts's source. */
function lazyModule(source) {
  const exports = [];
  for (const raw of source.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('//')) continue;
    const m = NAMESPACE_EXPORT.exec(line);
    if (!m) throw new Error(`${SOURCE}: expected only \`export * as name from './module';\` lines, found: ${line}`);
    exports.push(
      `Object.defineProperty(exports, ${JSON.stringify(m[1])}, { enumerable: true, configurable: true, get: () => require(${JSON.stringify(m[2])}) });`,
    );
  }
  if (exports.length === 0) throw new Error(`${SOURCE}: no namespace re-exports found; has the generator changed?`);
  return [
    '"use strict";',
    '// Written by scripts/lazy-exports.js from lib/gen/index.ts: each binding module loads on first access.',
    'Object.defineProperty(exports, "__esModule", { value: true });',
    ...exports,
    '',
  ].join('\n');
}

/** A TypeScript source without comments (strings in export statements hold no comment markers). */
const withoutComments = (text) => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');

/** The module file a relative specifier names from `fromFile` (./x.ts or ./x/index.ts). */
function resolveSource(fromFile, specifier) {
  const base = path.resolve(path.dirname(fromFile), specifier);
  for (const candidate of [`${base}.ts`, path.join(base, 'index.ts')]) if (fs.existsSync(candidate)) return candidate;
  throw new Error(`${fromFile}: cannot find the module '${specifier}'`);
}

/**
 * The run-time names a TypeScript module exports (types and interfaces have none), following
 * `export * from`. Any export statement of another shape fails the build rather than lose a name.
 */
function runtimeNames(file, seen = new Set()) {
  if (seen.has(file)) return [];
  seen.add(file);
  const names = [];
  const text = withoutComments(fs.readFileSync(file, 'utf8'));
  for (const m of text.matchAll(/^export\b[^\n]*/gm)) {
    const line = m[0];
    let d;
    if (/^export\s+(declare\s+)?(interface|type)\s/.test(line)) continue;
    if ((d = /^export\s+(?:declare\s+)?(?:abstract\s+)?(?:class|function\*?|async\s+function|const|let|var|enum)\s+([A-Za-z_$][\w$]*)/.exec(line))) {
      names.push(d[1]);
    } else if ((d = /^export\s*\*\s*from\s*'([^']+)'/.exec(line))) {
      names.push(...runtimeNames(resolveSource(file, d[1]), seen));
    } else if ((d = /^export\s*\*\s*as\s+([A-Za-z_$][\w$]*)\s+from\s/.exec(line))) {
      names.push(d[1]);
    } else if ((d = /^export\s*\{([^}]*)\}/.exec(text.slice(m.index)))) {
      for (const item of d[1]
        .split(',')
        .map((i) => i.trim())
        .filter(Boolean)) {
        if (!item.startsWith('type ')) names.push(item.split(/\s+as\s+/).pop());
      }
    } else {
      throw new Error(`${file}: cannot tell the run-time names of: ${line}`);
    }
  }
  return names;
}

/** The lazy main module for lib/index.ts's source: side-effect imports eager, every export a getter. */
function lazyMainModule(source, sourceFile = MAIN_SOURCE) {
  const lines = [];
  const defined = new Set();
  const getter = (name, expression) => {
    if (defined.has(name)) throw new Error(`${sourceFile}: the name ${name} is exported twice`);
    defined.add(name);
    lines.push(`Object.defineProperty(exports, ${JSON.stringify(name)}, { enumerable: true, configurable: true, get: () => ${expression} });`);
  };
  for (const raw of withoutComments(source).split('\n')) {
    const line = raw.trim();
    if (line === '') continue;
    let m;
    if ((m = /^import '(\.[\w./-]*)';$/.exec(line))) {
      lines.push(`require(${JSON.stringify(m[1])});`);
    } else if ((m = NAMESPACE_EXPORT.exec(line))) {
      getter(m[1], `require(${JSON.stringify(m[2])})`);
    } else if ((m = /^export \* from '(\.[\w./-]*)';$/.exec(line))) {
      for (const name of runtimeNames(resolveSource(sourceFile, m[1]))) getter(name, `require(${JSON.stringify(m[1])})[${JSON.stringify(name)}]`);
    } else {
      throw new Error(
        `${sourceFile}: expected only \`import './x';\`, \`export * from './x';\` and \`export * as name from './x';\` lines, found: ${line}`,
      );
    }
  }
  return [
    '"use strict";',
    '// Written by scripts/lazy-exports.js from lib/index.ts: each public name loads its module on first access.',
    'Object.defineProperty(exports, "__esModule", { value: true });',
    ...lines,
    '',
  ].join('\n');
}

/** Writes dist/lib/gen/index.js (the main's lazy module is bundle-main.js's entry); true when it changed. */
function lazyExports() {
  if (!fs.existsSync(path.dirname(OUTPUT))) throw new Error(`${path.dirname(OUTPUT)} does not exist: compile lib/ first`);
  return writeIfChanged(OUTPUT, lazyModule(fs.readFileSync(SOURCE, 'utf8')));
}

if (require.main === module) runStep('lazy-exports', lazyExports);

module.exports = { lazyExports, lazyModule, lazyMainModule, runtimeNames };
