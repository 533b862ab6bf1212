#!/usr/bin/env node
// Writes the rule reference of docs/guardrails.md from the rule data (lib/guardrails/rules), between
// its markers; the rest of the page is hand-written. Run after `npm run build`:
//   node scripts/guardrails-doc.js          rewrite docs/guardrails.md
//   node scripts/guardrails-doc.js --check  exit 1 when the page is stale
'use strict';
const fs = require('fs');
const path = require('path');

const file = path.join(__dirname, '..', 'docs', 'guardrails.md');
const { withRuleReference } = require(path.join(__dirname, '..', 'dist', 'lib', 'guardrails', 'doc.js'));

const current = fs.readFileSync(file, 'utf8');
const fresh = withRuleReference(current);
if (process.argv.includes('--check')) {
  if (fresh !== current) {
    process.stderr.write('docs/guardrails.md is stale: run npm run build && node scripts/guardrails-doc.js\n');
    process.exit(1);
  }
  process.exit(0);
}
if (fresh !== current) fs.writeFileSync(file, fresh);
process.stdout.write(`docs/guardrails.md: ${fresh === current ? 'up to date' : 'rule reference rewritten'}\n`);
