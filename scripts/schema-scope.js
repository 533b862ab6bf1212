// What this library binds and checks of the Teleport provider: the provider block and three
// resources with their data sources. Every script that reads a provider schema trims it to this, so
// a real `terraform providers schema -json` (every provider of a configuration, every Teleport
// resource) gives exactly the modules and checks the library is built around.
'use strict';

const SOURCE_ADDRESS = 'terraform.releases.teleport.dev/gravitational/teleport';
const TYPES = ['teleport_trusted_cluster', 'teleport_role', 'teleport_provision_token'];

/** The three types out of `schemas` (resource_schemas or data_source_schemas), in the input's order. */
function pick(schemas, what, where) {
  /** @type {Record<string, any>} */
  const out = {};
  for (const type of Object.keys(schemas || {})) if (TYPES.includes(type)) out[type] = schemas[type];
  const missing = TYPES.filter((t) => !out[t]);
  if (missing.length) throw new Error(`${where}: no ${what}["${missing.join('", "')}"] for ${SOURCE_ADDRESS}`);
  return out;
}

/**
 * Trims a `terraform providers schema -json` document to the Teleport provider block and the three
 * resources and data sources. Idempotent: trimming a trimmed document changes nothing.
 */
function trimSchema(doc, where) {
  const entry = doc && doc.provider_schemas && doc.provider_schemas[SOURCE_ADDRESS];
  if (!entry) throw new Error(`${where}: no provider_schemas["${SOURCE_ADDRESS}"]: is this \`terraform providers schema -json\` output?`);
  if (!entry.provider) throw new Error(`${where}: provider_schemas["${SOURCE_ADDRESS}"] has no provider block`);
  return {
    format_version: doc.format_version,
    provider_schemas: {
      [SOURCE_ADDRESS]: {
        provider: entry.provider,
        resource_schemas: pick(entry.resource_schemas, 'resource_schemas', where),
        data_source_schemas: pick(entry.data_source_schemas, 'data_source_schemas', where),
      },
    },
  };
}

/** The committed text of a schema document: two-space JSON and a final newline. */
function schemaText(doc) {
  return JSON.stringify(doc, null, 2) + '\n';
}

module.exports = { SOURCE_ADDRESS, TYPES, trimSchema, schemaText };
