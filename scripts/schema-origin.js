// Where schemas/teleport-provider.schema.json comes from, recorded in schemas/schema-origin.json so
// that `build-schema.js`, its `--check` and `npm run gen` rebuild it the same way it was made:
//   "pages"     built from Teleport's reference pages (given with --docs DIR; `pages` records each
//               page's sha256) plus schemas/source-facts.json (the 18.x target);
//   "terraform" a `terraform providers schema -json` document trimmed by build-schema.js --from-terraform.
// `providerVersion` is the constraint the generated provider binding pins in users' required_providers.
'use strict';
const fs = require('fs');
const path = require('path');

const ORIGIN_FILE = path.resolve(__dirname, '..', 'schemas', 'schema-origin.json');
const ORIGINS = ['pages', 'terraform'];
// The release line the reference pages document (see schemas/README.md).
const PAGES_VERSION = '~> 18.0';

function readOrigin(file = ORIGIN_FILE) {
  let origin;
  try {
    origin = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(`cannot read ${path.relative(process.cwd(), file)}: ${e.code === 'ENOENT' ? 'no such file' : 'not valid JSON'}`, { cause: e });
  }
  if (!ORIGINS.includes(origin.origin) || typeof origin.providerVersion !== 'string' || !origin.providerVersion.trim()) {
    throw new Error(`${path.relative(process.cwd(), file)}: expected {"origin": "pages" | "terraform", "providerVersion": "<constraint>"}`);
  }
  if (origin.pages !== undefined && (origin.origin !== 'pages' || typeof origin.pages !== 'object' || origin.pages === null)) {
    throw new Error(`${path.relative(process.cwd(), file)}: "pages" (page -> sha256) goes with origin "pages" only`);
  }
  return origin;
}

function writeOrigin(origin, file = ORIGIN_FILE) {
  const doc = {
    '//': 'How teleport-provider.schema.json was made; written by scripts/build-schema.js (see schemas/README.md).',
    origin: origin.origin,
    providerVersion: origin.providerVersion,
  };
  if (origin.origin === 'pages' && origin.pages) doc.pages = origin.pages;
  fs.writeFileSync(file, JSON.stringify(doc, null, 2) + '\n');
}

module.exports = { ORIGIN_FILE, PAGES_VERSION, readOrigin, writeOrigin };
