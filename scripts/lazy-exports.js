#!/usr/bin/env node
// Post-compile step (after tsc, jsii and the esbuild transpile): makes the compiled lib/gen/index.js
// load each generated binding module on first access instead of at import. The bindings are ~1.7 MB
// of generated code; most programs touch two or three of them. TypeScript cannot express a lazy
// namespace re-export, so the compiled module is written here from lib/gen/index.ts (what jsii and
// tsc read, untouched), whichever compiler emitted it: tsc and esbuild shape it differently.
// Writes only when the content changes; fails loudly if the source no longer has the expected shape.
'use strict';
const fs = require('fs');
const path = require('path');
const { DIST, ROOT, runStep, writeIfChanged } = require('./build-state');

const SOURCE = path.join(ROOT, 'lib', 'gen', 'index.ts');
const OUTPUT = path.join(DIST, 'lib', 'gen', 'index.js');
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

/** Writes dist/lib/gen/index.js; true when it changed. */
function lazyExports() {
  if (!fs.existsSync(path.dirname(OUTPUT))) throw new Error(`${path.dirname(OUTPUT)} does not exist: compile lib/ first`);
  return writeIfChanged(OUTPUT, lazyModule(fs.readFileSync(SOURCE, 'utf8')));
}

if (require.main === module) runStep('lazy-exports', lazyExports);

module.exports = { lazyExports, lazyModule };
