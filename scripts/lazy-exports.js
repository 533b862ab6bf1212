#!/usr/bin/env node
// Post-compile step (run after tsc and after jsii): makes the compiled lib/gen/index.js load each
// generated binding module on first access instead of at import. The bindings are ~1.7 MB of
// generated code; most programs touch two or three of them. TypeScript cannot express a lazy
// namespace re-export, so the compiled JS is rewritten; lib/gen/index.ts (what jsii and tsc read)
// is untouched. Idempotent; fails loudly if the compiled file no longer has the expected shape.
'use strict';
const fs = require('fs');
const path = require('path');

const file = path.join(__dirname, '..', 'dist', 'lib', 'gen', 'index.js');
const EAGER = /^exports\.(\w+) = require\("(\.\/[\w-]+)"\);$/gm;

const text = fs.readFileSync(file, 'utf8');
if (text.includes('/* lazy */')) process.exit(0);
let count = 0;
const out = text.replace(EAGER, (_, name, mod) => {
  count++;
  return `/* lazy */ Object.defineProperty(exports, ${JSON.stringify(name)}, { enumerable: true, configurable: true, get: () => require(${JSON.stringify(mod)}) });`;
});
if (count === 0) {
  process.stderr.write(`lazy-exports: no eager re-exports found in ${file}; has the compiler output changed?\n`);
  process.exit(1);
}
fs.writeFileSync(file, out);
