#!/usr/bin/env node
// Writes the mapping table of docs/export.md from lib/export/mapping.ts, between its markers; the
// rest of the page is hand-written. Run after `npm run build`:
//   node scripts/export-doc.js          rewrite docs/export.md
//   node scripts/export-doc.js --check  exit 1 when the page is stale
'use strict';
const fs = require('fs');
const path = require('path');

const file = path.join(__dirname, '..', 'docs', 'export.md');
const { withMappingTable } = require(path.join(__dirname, '..', 'dist', 'lib', 'export', 'doc.js'));

const current = fs.readFileSync(file, 'utf8');
const fresh = withMappingTable(current);
if (process.argv.includes('--check')) {
  if (fresh !== current) {
    process.stderr.write('docs/export.md is stale: run npm run build && node scripts/export-doc.js\n');
    process.exit(1);
  }
  process.exit(0);
}
if (fresh !== current) fs.writeFileSync(file, fresh);
process.stdout.write(`docs/export.md: ${fresh === current ? 'up to date' : 'mapping table rewritten'}\n`);
