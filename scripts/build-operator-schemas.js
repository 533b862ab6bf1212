#!/usr/bin/env node
// Derives one JSON Schema per Teleport Kubernetes operator custom resource from the operator's CRD
// field reference pages (gravitational/teleport docs/pages/reference/infrastructure-as-code/
// operator-resources/resources-teleport-dev-*.mdx, generated from the CRDs by `make crd-docs`).
// Only facts are kept: field names, types, nesting, the apiVersion and kind; no descriptions, no
// page text. schemas/operator/sources.json records each page, its commit (from the folder's
// SOURCES.md, when there) and sha256, and what was derived.
//   node scripts/build-operator-schemas.js --docs DIR          write schemas/operator/
//   node scripts/build-operator-schemas.js --docs DIR --check  exit 1 when the committed files differ
//   node scripts/build-operator-schemas.js --check             without pages: the committed files are well formed
// DIR: a gravitational/teleport checkout, its docs/ folder, or a folder of pages named by their
// repository path with `/` as `__` (../shared/reference/teleport).
'use strict';
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');

const OUT = path.join(__dirname, '..', 'schemas', 'operator');
const BASE = 'docs/pages/reference/infrastructure-as-code/operator-resources/';
/** The pages, by the file each schema is written to. */
const PAGES = {
  TeleportRoleV7: `${BASE}resources-teleport-dev-rolesv7.mdx`,
  TeleportRoleV8: `${BASE}resources-teleport-dev-rolesv8.mdx`,
  TeleportTrustedClusterV2: `${BASE}resources-teleport-dev-trustedclustersv2.mdx`,
  TeleportProvisionToken: `${BASE}resources-teleport-dev-provisiontokens.mdx`,
};

function candidates(dir, repoPath) {
  return [path.join(dir, repoPath.replace(/\//g, '__')), path.join(dir, repoPath), path.join(dir, repoPath.replace(/^docs\//, ''))];
}

/** The commit SOURCES.md (a table of saved file -> source path -> commit) names for a page, if any. */
function commitOf(dir, repoPath) {
  const file = path.join(dir, 'SOURCES.md');
  if (!fs.existsSync(file)) return undefined;
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    const cells = line.split('|').map((c) => c.trim().replace(/^`|`$/g, ''));
    if (cells[2] === repoPath && /^[0-9a-f]{40}$/.test(cells[3] ?? '')) return cells[3];
  }
  return undefined;
}

/** `|name|type|description|` rows under `### <section>` headings, by section. */
function sectionsOf(text, page) {
  const sections = new Map();
  let current;
  let apiVersion;
  for (const line of text.split('\n')) {
    let m;
    if ((m = /^\*\*apiVersion:\*\* (\S+)$/.exec(line))) apiVersion = m[1];
    else if ((m = /^### (.+?)( items)?$/.exec(line))) {
      current = m[1] + (m[2] ? '[]' : '');
      if (sections.has(current)) throw new Error(`${page}: section ${current} listed twice`);
      sections.set(current, new Map());
    } else if (/^## /.test(line)) current = undefined;
    else if (current && (m = /^\|([a-z0-9_]+)\|([^|]+)\|/.exec(line))) sections.get(current).set(m[1], m[2]);
  }
  if (!apiVersion) throw new Error(`${page}: no **apiVersion:** line`);
  const kind = /^title: (\S+)$/m.exec(text)?.[1];
  if (!kind) throw new Error(`${page}: no title (the kind)`);
  return { apiVersion, kind, sections };
}

const SCALARS = { string: { type: 'string' }, boolean: { type: 'boolean' }, integer: { type: 'integer' }, number: { type: 'number' } };
/** A label map (`*_labels`, `labels`): Teleport reads each value as one string or a list of strings. */
const LABEL_VALUE = { anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] };

/** The JSON Schema of one field's page type. */
function fieldSchema(name, type, at, sections, page) {
  if (SCALARS[type]) return SCALARS[type];
  if (type === 'string or integer') return { type: ['string', 'integer'] };
  if (type === '[]string') return { type: 'array', items: { type: 'string' } };
  if (type === '[]integer') return { type: 'array', items: { type: 'integer' } };
  if (/^\[\]\[object\]\(#[a-z0-9_-]+\)$/.test(type)) return { type: 'array', items: objectSchema(`${at}[]`, sections, page) };
  if (/^\[object\]\(#[a-z0-9_-]+\)$/.test(type)) return objectSchema(at, sections, page);
  if (type === 'object') return /(^|_)labels$/.test(name) ? { type: 'object', additionalProperties: LABEL_VALUE } : { type: 'object' };
  throw new Error(`${page}: ${at}: unknown type "${type}"`);
}

/** A section as a closed object: the fields it lists, nothing else. */
function objectSchema(at, sections, page) {
  const fields = sections.get(at);
  if (!fields) throw new Error(`${page}: no section for ${at}`);
  const properties = {};
  for (const name of [...fields.keys()].sort()) properties[name] = fieldSchema(name, fields.get(name), `${at}.${name}`, sections, page);
  return { type: 'object', additionalProperties: false, properties };
}

/** The schema of one custom resource: apiVersion and kind fixed, metadata a Kubernetes object with a name, the spec from the page. */
function schemaOf(text, page) {
  const { apiVersion, kind, sections } = sectionsOf(text, page);
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: `https://cdktf-teleport.local/schemas/operator/${kind}.schema.json`,
    title: `${kind} (${apiVersion}), derived from the operator's CRD field reference`,
    type: 'object',
    additionalProperties: false,
    required: ['apiVersion', 'kind', 'metadata', 'spec'],
    properties: {
      apiVersion: { const: apiVersion },
      kind: { const: kind },
      metadata: {
        type: 'object',
        required: ['name'],
        properties: {
          name: { type: 'string', minLength: 1 },
          namespace: { type: 'string' },
          labels: { type: 'object', additionalProperties: { type: 'string' } },
          annotations: { type: 'object', additionalProperties: { type: 'string' } },
        },
      },
      spec: objectSchema('spec', sections, page),
    },
  };
}

function count(schema) {
  let n = 0;
  const walk = (s) => {
    if (s.properties) {
      for (const v of Object.values(s.properties)) {
        n++;
        walk(v);
      }
    }
    if (s.items) walk(s.items);
  };
  walk(schema.properties.spec);
  return n;
}

/** Every file the script writes, as text, from the pages in `dir`. */
function build(dir) {
  const files = {};
  const sources = { _comment: 'Derived by scripts/build-operator-schemas.js from the pages below (facts only: names, types, nesting).', kinds: {} };
  for (const [kind, repoPath] of Object.entries(PAGES)) {
    const file = candidates(dir, repoPath).find((f) => fs.existsSync(f) && fs.statSync(f).isFile());
    if (!file) throw Object.assign(new Error(`--docs ${dir}: no ${repoPath}`), { usage: true });
    const bytes = fs.readFileSync(file);
    const schema = schemaOf(bytes.toString('utf8'), repoPath);
    if (schema.properties.kind.const !== kind) throw new Error(`${repoPath}: documents ${schema.properties.kind.const}, expected ${kind}`);
    files[`${kind}.schema.json`] = JSON.stringify(schema, null, 2) + '\n';
    sources.kinds[kind] = {
      page: `gravitational/teleport ${repoPath}`,
      commit: commitOf(dir, repoPath) ?? null,
      sha256: crypto.createHash('sha256').update(bytes).digest('hex'),
      apiVersion: schema.properties.apiVersion.const,
      specFields: count(schema),
    };
  }
  files['sources.json'] = JSON.stringify(sources, null, 2) + '\n';
  return files;
}

/** Without pages: each committed schema parses, names its kind, and sources.json lists it. */
function checkCommitted() {
  const sources = JSON.parse(fs.readFileSync(path.join(OUT, 'sources.json'), 'utf8'));
  const problems = [];
  for (const kind of Object.keys(PAGES)) {
    const schema = JSON.parse(fs.readFileSync(path.join(OUT, `${kind}.schema.json`), 'utf8'));
    if (schema.properties?.kind?.const !== kind) problems.push(`${kind}.schema.json does not fix kind ${kind}`);
    if (!sources.kinds?.[kind]) problems.push(`sources.json does not list ${kind}`);
    else if (sources.kinds[kind].specFields !== count(schema)) problems.push(`sources.json's field count for ${kind} is stale`);
  }
  return problems;
}

function main(argv) {
  const at = argv.indexOf('--docs');
  const dir = at >= 0 ? argv[at + 1] : undefined;
  const check = argv.includes('--check');
  if (at >= 0 && !dir) throw Object.assign(new Error('--docs takes a directory'), { usage: true });
  if (!dir) {
    if (!check) throw Object.assign(new Error('give --docs DIR to build, or --check to check the committed files'), { usage: true });
    const problems = checkCommitted();
    for (const p of problems) process.stderr.write(`${p}\n`);
    return problems.length ? 1 : 0;
  }
  const files = build(dir);
  if (check) {
    const stale = Object.keys(files).filter((f) => !fs.existsSync(path.join(OUT, f)) || fs.readFileSync(path.join(OUT, f), 'utf8') !== files[f]);
    for (const f of stale) process.stderr.write(`schemas/operator/${f} is stale: run node scripts/build-operator-schemas.js --docs ${dir}\n`);
    return stale.length ? 1 : 0;
  }
  fs.mkdirSync(OUT, { recursive: true });
  for (const [f, text] of Object.entries(files)) fs.writeFileSync(path.join(OUT, f), text);
  process.stdout.write(`schemas/operator: ${Object.keys(files).join(', ')}\n`);
  return 0;
}

if (require.main === module) {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`build-operator-schemas: ${e.message}\n`);
    process.exitCode = e.usage ? 2 : 1;
  }
}

module.exports = { PAGES, build, schemaOf };
