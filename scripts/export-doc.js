#!/usr/bin/env node
// Keeps the generated section of docs/export.md (the mapping table, from lib/export/mapping.ts
// through dist/lib/export/doc.js) in step with its source; the rest of the page is hand-written.
// Run after `npm run build`: without arguments it rewrites the page, with --check it exits 1 when
// the page is stale (test/export/docs.test.ts checks the same).
'use strict';
const fs = require('fs');
const path = require('path');

const ROOT = path.join(__dirname, '..');
const page = { doc: 'docs/export.md', module: 'dist/lib/export/doc.js', render: 'withMappingTable' };

function main(check) {
  const file = path.join(ROOT, page.doc);
  const text = fs.readFileSync(file, 'utf8');
  const fresh = require(path.join(ROOT, page.module))[page.render](text);
  if (fresh === text) return `${page.doc}: up to date`;
  if (check) throw new Error(`${page.doc} is stale: run npm run build && node scripts/export-doc.js`);
  fs.writeFileSync(file, fresh);
  return `${page.doc}: generated section rewritten`;
}

try {
  const said = main(process.argv.includes('--check'));
  if (!process.argv.includes('--check')) process.stdout.write(`${said}\n`);
} catch (e) {
  process.stderr.write(`${e.message}\n`);
  process.exitCode = 1;
}
