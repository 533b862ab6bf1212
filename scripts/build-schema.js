#!/usr/bin/env node
// Builds schemas/teleport-provider.schema.json (the `terraform providers schema -json` format) the way
// schemas/schema-origin.json says it was made. Deterministic: same inputs, same bytes.
//
//   node scripts/build-schema.js [--check]      rebuild (or check) from the recorded origin:
//       origin "pages": Teleport's own tfplugindocs reference pages plus schemas/source-facts.json
//       (facts the pages hide, read from Teleport's generated Go schema);
//       origin "terraform": the committed schema trimmed again (idempotent).
//   node scripts/build-schema.js --from-terraform FILE --version CONSTRAINT
//       take a real `terraform providers schema -json` FILE, trim it to the Teleport provider block and
//       the three resources and data sources, and record origin "terraform" with CONSTRAINT.
//   node scripts/build-schema.js --from-pages [--version CONSTRAINT]
//       go back to the pages (origin "pages", default constraint ~> 18.0).
//   Also: --reference DIR (pages), --out FILE (schema), --origin FILE (origin record).
//
// --check exits 1 when the committed schema differs from what its origin produces.
'use strict';
const fs = require('fs');
const path = require('path');
const { SOURCE_ADDRESS, trimSchema, schemaText } = require('./schema-scope');
const { ORIGIN_FILE, PAGES_VERSION, readOrigin, writeOrigin } = require('./schema-origin');

const ROOT = path.resolve(__dirname, '..');
const PAGE_PREFIX = 'docs__pages__reference__infrastructure-as-code__terraform-provider__';
const RESOURCES = {
  teleport_trusted_cluster: 'resources__trusted_cluster.mdx',
  teleport_role: 'resources__role.mdx',
  teleport_provision_token: 'resources__provision_token.mdx',
};
const PROVIDER_PAGE = 'terraform-provider.mdx';

const SCALARS = { String: 'string', Number: 'number', Boolean: 'bool' };
const NESTING = { Attributes: 'single', 'Attributes List': 'list', 'Attributes Map': 'map', 'Attributes Set': 'set' };

/** Turns a tfplugindocs type label ("Map of List of String") into a cty type. */
function ctyType(label) {
  if (SCALARS[label]) return SCALARS[label];
  const m = /^(List|Set|Map) of (.+)$/.exec(label);
  if (m) return [m[1].toLowerCase(), ctyType(m[2])];
  throw new Error(`unknown tfplugindocs type label "${label}"`);
}

/** Parses the "## Schema" part of one tfplugindocs page into {path: {name: attr}}. */
function parsePage(text, pageName) {
  const start = text.indexOf('\n## Schema');
  if (start < 0) throw new Error(`${pageName}: no "## Schema" section`);
  const lines = text.slice(start).split('\n');
  const sections = { '': {} };
  let current = '';
  let mode = null;
  for (const line of lines) {
    let m;
    if ((m = /^### Nested Schema for `([^`]+)`/.exec(line))) {
      current = m[1];
      sections[current] = sections[current] || {};
      mode = null;
    } else if ((m = /^(?:### )?(Required|Optional|Read-Only):?$/.exec(line.trim()))) {
      mode = m[1];
    } else if ((m = /^- `([a-z0-9_]+)` \(([^)]*)\)\s?(.*)$/.exec(line))) {
      if (!mode) throw new Error(`${pageName}: attribute ${m[1]} outside a Required/Optional section`);
      const parts = m[2].split(', ');
      const label = parts[0];
      const attr = { label };
      if (NESTING[label]) attr.nesting = NESTING[label];
      else attr.type = ctyType(label);
      const description = m[3].replace(/\s*\(see \[below for nested schema\]\([^)]*\)\)\s*$/, '').trim();
      if (description) attr.description = description;
      if (mode === 'Required') attr.required = true;
      else if (mode === 'Optional') attr.optional = true;
      else attr.computed = true;
      if (parts.includes('Sensitive')) attr.sensitive = true;
      if (parts.includes('Deprecated')) attr.deprecated = true;
      if (sections[current][m[1]]) throw new Error(`${pageName}: ${current}.${m[1]} listed twice`);
      sections[current][m[1]] = attr;
    } else if (/^## /.test(line) && line !== '## Schema') {
      break;
    }
  }
  return sections;
}

/** Assembles parsed sections into a Terraform block ({attributes}) recursively. */
function assemble(sections, prefix, pageName) {
  const own = sections[prefix];
  if (!own) throw new Error(`${pageName}: no nested schema for "${prefix}"`);
  const attributes = {};
  for (const name of Object.keys(own).sort()) {
    const a = own[name];
    const full = prefix ? `${prefix}.${name}` : name;
    const out = {};
    if (a.type !== undefined) out.type = a.type;
    if (a.nesting) {
      out.nested_type = { attributes: assemble(sections, full, pageName), nesting_mode: a.nesting };
    }
    if (a.description) out.description = a.description;
    // terraform prints description_kind on every attribute, with or without a description
    out.description_kind = 'plain';
    if (a.deprecated) out.deprecated = true;
    if (a.required) out.required = true;
    if (a.optional) out.optional = true;
    if (a.computed) out.computed = true;
    if (a.sensitive) out.sensitive = true;
    attributes[name] = out;
  }
  return attributes;
}

function findAttr(attributes, dotted) {
  const parts = dotted.split('.');
  let attrs = attributes;
  for (let i = 0; i < parts.length - 1; i++) {
    const a = attrs[parts[i]];
    if (!a || !a.nested_type) return undefined;
    attrs = a.nested_type.attributes;
  }
  return { parent: attrs, name: parts[parts.length - 1] };
}

/** Applies the facts the pages hide (schemas/source-facts.json) to one resource's attributes. */
function applyFacts(attributes, facts, resource) {
  if (!facts) return;
  for (const [dotted, spec] of Object.entries(facts.add || {})) {
    const at = findAttr(attributes, dotted);
    if (!at) throw new Error(`source-facts: ${resource}.${dotted}: parent is not a nested attribute`);
    if (at.parent[at.name]) throw new Error(`source-facts: ${resource}.${dotted} is already on the page`);
    const out = { type: spec.type };
    if (spec.description) out.description = spec.description;
    out.description_kind = 'plain';
    for (const flag of ['required', 'optional', 'computed', 'sensitive']) if (spec[flag]) out[flag] = true;
    at.parent[at.name] = out;
    // keep attribute maps sorted, as terraform prints them
    const sorted = Object.keys(at.parent).sort();
    const copy = { ...at.parent };
    for (const k of Object.keys(at.parent)) delete at.parent[k];
    for (const k of sorted) at.parent[k] = copy[k];
  }
  for (const flag of ['computed', 'sensitive']) {
    for (const dotted of facts[flag] || []) {
      const at = findAttr(attributes, dotted);
      const a = at && at.parent[at.name];
      if (!a) throw new Error(`source-facts: ${resource}.${dotted} (${flag}) is not in the schema`);
      if (flag === 'computed' && a.required) throw new Error(`source-facts: ${resource}.${dotted} is required, cannot be computed`);
      a[flag] = true;
      // re-order flags into terraform's order
      const order = ['type', 'nested_type', 'description', 'description_kind', 'deprecated', 'required', 'optional', 'computed', 'sensitive'];
      const copy = { ...a };
      for (const k of Object.keys(a)) delete a[k];
      for (const k of order) if (copy[k] !== undefined) a[k] = copy[k];
    }
  }
}

function build(referenceDir, facts) {
  const read = (page) => fs.readFileSync(path.join(referenceDir, PAGE_PREFIX + page), 'utf8');
  const providerSections = parsePage(read(PROVIDER_PAGE), PROVIDER_PAGE);
  const resourceSchemas = {};
  for (const [resource, page] of Object.entries(RESOURCES)) {
    const attributes = assemble(parsePage(read(page), page), '', page);
    applyFacts(attributes, (facts.resources || {})[resource], resource);
    const version = ((facts.resources || {})[resource] || {}).schema_version || 0;
    resourceSchemas[resource] = { version, block: { attributes, description_kind: 'plain' } };
  }
  return {
    format_version: '1.0',
    provider_schemas: {
      [SOURCE_ADDRESS]: {
        provider: {
          version: 0,
          block: { attributes: assemble(providerSections, '', PROVIDER_PAGE), description_kind: 'plain' },
        },
        resource_schemas: resourceSchemas,
        // The provider's Go code builds each data source from the same schema function as the resource.
        data_source_schemas: JSON.parse(JSON.stringify(resourceSchemas)),
      },
    },
  };
}

function usage(message) {
  const err = /** @type {Error & { usage?: boolean }} */ (new Error(message));
  err.usage = true;
  return err;
}

/** The schema text the pages and source facts give. */
function pagesText(referenceDir) {
  const factsFile = path.join(ROOT, 'schemas', 'source-facts.json');
  const facts = fs.existsSync(factsFile) ? JSON.parse(fs.readFileSync(factsFile, 'utf8')) : {};
  return schemaText(build(referenceDir, facts));
}

/** The schema text a `terraform providers schema -json` file gives, trimmed to what the library covers. */
function terraformText(file) {
  let doc;
  try {
    doc = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw usage(`cannot read ${path.relative(process.cwd(), file)}: ${e.code === 'ENOENT' ? 'no such file' : 'not valid JSON'}`);
  }
  return schemaText(trimSchema(doc, path.relative(process.cwd(), file)));
}

function main(argv) {
  const arg = (name, dflt) => {
    const i = argv.indexOf(name);
    if (i < 0) return dflt;
    if (i + 1 >= argv.length || argv[i + 1].startsWith('--')) throw usage(`${name} needs a value`);
    return argv[i + 1];
  };
  const referenceDir = path.resolve(arg('--reference', path.join(ROOT, 'schemas', 'reference')));
  const out = path.resolve(arg('--out', path.join(ROOT, 'schemas', 'teleport-provider.schema.json')));
  const originFile = path.resolve(arg('--origin', ORIGIN_FILE));
  const fromTerraform = arg('--from-terraform');
  const fromPages = argv.includes('--from-pages');
  const version = arg('--version');
  const rel = (f) => path.relative(process.cwd(), f);

  if (fromTerraform !== undefined || fromPages) {
    if (argv.includes('--check')) throw usage('--check takes no --from-terraform or --from-pages');
    if (fromTerraform !== undefined && fromPages) throw usage('give --from-terraform FILE or --from-pages, not both');
    if (fromTerraform !== undefined && version === undefined) {
      throw usage("--from-terraform needs --version CONSTRAINT: the provider release to pin, e.g. --version '~> 19.0'");
    }
    const text = fromPages ? pagesText(referenceDir) : terraformText(path.resolve(fromTerraform));
    fs.writeFileSync(out, text);
    writeOrigin({ origin: fromPages ? 'pages' : 'terraform', providerVersion: version ?? PAGES_VERSION }, originFile);
    process.stdout.write(`wrote ${rel(out)} and ${rel(originFile)} (origin ${fromPages ? 'pages' : 'terraform'})\n`);
    return;
  }

  if (version !== undefined) throw usage('--version goes with --from-terraform or --from-pages; the constraint is recorded in the origin file');
  const origin = readOrigin(originFile);
  let text;
  if (origin.origin === 'pages') {
    text = pagesText(referenceDir);
  } else if (fs.existsSync(out)) {
    text = terraformText(out);
  } else {
    throw usage(`${rel(out)} is missing and ${rel(originFile)} says it came from terraform: run build-schema.js --from-terraform FILE --version CONSTRAINT`);
  }
  if (argv.includes('--check')) {
    const same = fs.existsSync(out) && fs.readFileSync(out, 'utf8') === text;
    if (!same) {
      const how =
        origin.origin === 'pages'
          ? `it is built from the reference pages (${rel(originFile)}: origin "pages"); to use a \`terraform providers schema -json\` file run build-schema.js --from-terraform FILE --version CONSTRAINT, else run npm run gen`
          : `it is not the trimmed form of itself (${rel(originFile)}: origin "terraform"): run npm run gen`;
      process.stderr.write(`${rel(out)} is out of date: ${how}\n`);
      process.exit(1);
    }
    return;
  }
  fs.writeFileSync(out, text);
  process.stdout.write(`wrote ${rel(out)} (origin ${origin.origin})\n`);
}

module.exports = { build, parsePage, ctyType, SOURCE_ADDRESS };
if (require.main === module) {
  try {
    main(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`build-schema: ${e.message}\n`);
    process.exit(e.usage ? 2 : 1);
  }
}
