#!/usr/bin/env node
// Builds schemas/teleport-provider.schema.json (the `terraform providers schema -json` format) the way
// schemas/schema-origin.json says it was made. Deterministic: same inputs, same bytes. The project
// keeps the facts derived from Teleport's documentation (the schema, schemas/source-facts.json), not
// the pages: rebuilding from the pages takes a directory you supply with --docs.
//
//   node scripts/build-schema.js [--check]
//       origin "pages": check the committed schema against what the project keeps (its form, the
//       three resources and data sources, every fact of schemas/source-facts.json); it is kept as it
//       is (nothing to rebuild it from without --docs). origin "terraform": the committed schema
//       trimmed again (idempotent), or --check that it is.
//   node scripts/build-schema.js --docs DIR [--check]
//       origin "pages": rebuild (or --check byte for byte) from the tfplugindocs pages in DIR plus
//       schemas/source-facts.json. DIR is a Teleport checkout, its docs/ folder, or a folder of
//       pages named by their repository path with `/` as `__` (e.g. ../shared/reference/teleport).
//   node scripts/build-schema.js --from-terraform FILE --version CONSTRAINT
//       take a real `terraform providers schema -json` FILE, trim it to the Teleport provider block and
//       the three resources and data sources, and record origin "terraform" with CONSTRAINT.
//   node scripts/build-schema.js --from-pages --docs DIR [--version CONSTRAINT]
//       go back to (or move to newer) pages (origin "pages", default constraint ~> 18.0).
//   Also: --out FILE (schema), --origin FILE (origin record).
//
// --check exits 1 when the committed schema differs from what its origin produces; usage errors exit 2.
'use strict';
const fs = require('fs');
const path = require('path');
const { SOURCE_ADDRESS, trimSchema, schemaText } = require('./schema-scope');
const { ORIGIN_FILE, PAGES_VERSION, readOrigin, writeOrigin } = require('./schema-origin');
const { ctyType, parsePage, assemble } = require('./tfplugindocs');
const { applyFacts, factsProblems } = require('./source-facts');
const { PAGES, readPages, fingerprints } = require('./docs-pages');

const ROOT = path.resolve(__dirname, '..');
const FACTS_FILE = path.join(ROOT, 'schemas', 'source-facts.json');
const RESOURCES = ['teleport_trusted_cluster', 'teleport_role', 'teleport_provision_token'];

function readFacts() {
  return fs.existsSync(FACTS_FILE) ? JSON.parse(fs.readFileSync(FACTS_FILE, 'utf8')) : {};
}

/** The schema document the pages ({key: {text}}, see docs-pages.js) and the source facts give. */
function build(pages, facts) {
  const pageName = (key) => path.basename(PAGES[key]);
  const resourceSchemas = {};
  for (const resource of RESOURCES) {
    const attributes = assemble(parsePage(pages[resource].text, pageName(resource)), '', pageName(resource));
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
          block: { attributes: assemble(parsePage(pages.provider.text, pageName('provider')), '', pageName('provider')), description_kind: 'plain' },
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

/**
 * Without the pages: what can be checked of a pages-built schema from the project alone. Its form
 * (two-space JSON, trimmed to the provider and the three resources and data sources) and every fact
 * of source-facts.json. Returns problems, one line each.
 */
function keptSchemaProblems(text, where) {
  let doc;
  try {
    doc = JSON.parse(text);
  } catch {
    return [`${where} is not valid JSON`];
  }
  let trimmed;
  try {
    trimmed = schemaText(trimSchema(doc, where));
  } catch (e) {
    return [e.message];
  }
  const problems =
    trimmed === text ? [] : [`${where} is not in its committed form (two-space JSON, only the provider and the three resources and data sources)`];
  return [...problems, ...factsProblems(doc, readFacts(), SOURCE_ADDRESS)];
}

/** Pages in DIR that are not those the schema was built from (as schema-origin.json records them). */
function otherPages(origin, pages) {
  if (!origin.pages) return [];
  const now = fingerprints(pages);
  return Object.keys(now).filter((p) => origin.pages[p] !== now[p]);
}

function main(argv) {
  const arg = (name, dflt) => {
    const i = argv.indexOf(name);
    if (i < 0) return dflt;
    if (i + 1 >= argv.length || argv[i + 1].startsWith('--')) throw usage(`${name} needs a value`);
    return argv[i + 1];
  };
  const VALUED = ['--docs', '--out', '--origin', '--from-terraform', '--version'];
  for (let i = 0; i < argv.length; i++) {
    if (VALUED.includes(argv[i])) i++;
    else if (argv[i] !== '--check' && argv[i] !== '--from-pages') {
      throw usage(
        `unknown argument ${argv[i]}${argv[i] === '--reference' ? ': the pages are not kept in the project; give their directory with --docs DIR' : ''}`,
      );
    }
  }
  const docs = arg('--docs');
  const out = path.resolve(arg('--out', path.join(ROOT, 'schemas', 'teleport-provider.schema.json')));
  const originFile = path.resolve(arg('--origin', ORIGIN_FILE));
  const fromTerraform = arg('--from-terraform');
  const fromPages = argv.includes('--from-pages');
  const check = argv.includes('--check');
  const version = arg('--version');
  const rel = (f) => path.relative(process.cwd(), f);

  if (fromTerraform !== undefined || fromPages) {
    if (check) throw usage('--check takes no --from-terraform or --from-pages');
    if (fromTerraform !== undefined && fromPages) throw usage('give --from-terraform FILE or --from-pages, not both');
    if (fromTerraform !== undefined && version === undefined) {
      throw usage("--from-terraform needs --version CONSTRAINT: the provider release to pin, e.g. --version '~> 19.0'");
    }
    if (fromPages && docs === undefined)
      throw usage('--from-pages needs --docs DIR: the Teleport documentation pages to build from (a Teleport checkout or its docs/ folder)');
    if (fromPages) {
      const pages = readPages(path.resolve(docs));
      fs.writeFileSync(out, schemaText(build(pages, readFacts())));
      writeOrigin({ origin: 'pages', providerVersion: version ?? PAGES_VERSION, pages: fingerprints(pages) }, originFile);
    } else {
      fs.writeFileSync(out, terraformText(path.resolve(fromTerraform)));
      writeOrigin({ origin: 'terraform', providerVersion: version }, originFile);
    }
    process.stdout.write(`wrote ${rel(out)} and ${rel(originFile)} (origin ${fromPages ? 'pages' : 'terraform'})\n`);
    return;
  }

  if (version !== undefined) throw usage('--version goes with --from-terraform or --from-pages; the constraint is recorded in the origin file');
  const origin = readOrigin(originFile);
  const committed = fs.existsSync(out) ? fs.readFileSync(out, 'utf8') : undefined;
  if (origin.origin === 'terraform') {
    if (docs !== undefined) throw usage(`--docs goes with origin "pages"; ${rel(originFile)} says the schema came from terraform`);
    if (committed === undefined)
      throw usage(
        `${rel(out)} is missing and ${rel(originFile)} says it came from terraform: run build-schema.js --from-terraform FILE --version CONSTRAINT`,
      );
    const text = terraformText(out);
    if (check) {
      if (text !== committed)
        fail(`${rel(out)} is out of date: it is not the trimmed form of itself (${rel(originFile)}: origin "terraform"): run npm run gen`);
      return;
    }
    fs.writeFileSync(out, text);
    process.stdout.write(`wrote ${rel(out)} (origin terraform)\n`);
    return;
  }

  if (docs === undefined) {
    // Built from documentation pages the project does not keep: check what it does keep.
    if (committed === undefined)
      throw usage(
        `${rel(out)} is missing: rebuild it with --docs DIR (the Teleport documentation pages) or --from-terraform FILE --version CONSTRAINT`,
      );
    const problems = keptSchemaProblems(committed, rel(out));
    if (problems.length) {
      fail(
        `${rel(out)} does not agree with schemas/source-facts.json:\n  ${problems.join('\n  ')}\nRebuild it with --docs DIR (the pages, see schemas/README.md) or fix the facts. To use a \`terraform providers schema -json\` file run build-schema.js --from-terraform FILE --version CONSTRAINT`,
      );
    }
    if (!check)
      process.stdout.write(`kept ${rel(out)} (origin pages; it agrees with schemas/source-facts.json; --docs DIR rebuilds it from the pages)\n`);
    return;
  }
  const pages = readPages(path.resolve(docs));
  const text = schemaText(build(pages, readFacts()));
  if (check) {
    if (committed !== text) {
      const other = otherPages(origin, pages);
      const why = other.length
        ? `the pages in ${docs} are not those it was built from (${other.join(', ')} differ from ${rel(originFile)}); to move to them run build-schema.js --from-pages --docs ${docs}`
        : `it is built from the reference pages (${rel(originFile)}: origin "pages"); to use a \`terraform providers schema -json\` file run build-schema.js --from-terraform FILE --version CONSTRAINT, else run build-schema.js --docs DIR`;
      fail(`${rel(out)} is out of date: ${why}`);
    }
    return;
  }
  fs.writeFileSync(out, text);
  writeOrigin({ ...origin, pages: fingerprints(pages) }, originFile);
  process.stdout.write(`wrote ${rel(out)} (origin pages, from ${docs})\n`);
}

function fail(message) {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

module.exports = { build, parsePage, ctyType, keptSchemaProblems, SOURCE_ADDRESS };
if (require.main === module) {
  try {
    main(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`build-schema: ${e.message}\n`);
    process.exit(e.usage ? 2 : 1);
  }
}
