// The facts the tfplugindocs pages hide (schemas/source-facts.json, each with its source): applied
// when the schema is built from pages, and checked against the committed schema when it is not
// (so every test runs from the committed schema and facts alone, without the pages).
'use strict';

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

const FLAGS = ['required', 'optional', 'computed', 'sensitive'];

/**
 * What in a built schema document contradicts the facts (one line each; empty when they all hold):
 * every added attribute with its type and flags, every computed and sensitive flag, each resource's
 * schema version, and data sources equal to their resources (the provider builds both from one
 * schema function).
 */
function factsProblems(doc, facts, source) {
  const problems = [];
  const entry = doc && doc.provider_schemas && doc.provider_schemas[source];
  if (!entry) return [`no provider_schemas["${source}"]`];
  for (const [resource, rf] of Object.entries(facts.resources || {})) {
    const schema = (entry.resource_schemas || {})[resource];
    if (!schema) {
      problems.push(`${resource}: not in resource_schemas`);
      continue;
    }
    const attributes = schema.block.attributes;
    const attr = (dotted) => {
      const at = findAttr(attributes, dotted);
      return at && at.parent[at.name];
    };
    if (schema.version !== (rf.schema_version || 0))
      problems.push(`${resource}: schema version ${schema.version}, the facts say ${rf.schema_version || 0}`);
    for (const [dotted, spec] of Object.entries(rf.add || {})) {
      const a = attr(dotted);
      if (!a) {
        problems.push(`${resource}.${dotted}: missing (source-facts "add")`);
        continue;
      }
      if (JSON.stringify(a.type) !== JSON.stringify(spec.type))
        problems.push(`${resource}.${dotted}: type ${JSON.stringify(a.type)}, the facts say ${JSON.stringify(spec.type)}`);
      for (const flag of FLAGS) {
        if (!!a[flag] !== !!spec[flag]) problems.push(`${resource}.${dotted}: ${flag} is ${!!a[flag]}, the facts say ${!!spec[flag]}`);
      }
    }
    for (const flag of ['computed', 'sensitive']) {
      for (const dotted of rf[flag] || []) {
        const a = attr(dotted);
        if (!a) problems.push(`${resource}.${dotted}: missing (source-facts "${flag}")`);
        else if (a[flag] !== true) problems.push(`${resource}.${dotted}: not ${flag}, the facts say it is`);
      }
    }
    const data = (entry.data_source_schemas || {})[resource];
    if (JSON.stringify(data) !== JSON.stringify(schema))
      problems.push(`data source ${resource}: differs from the resource (both come from one schema function)`);
  }
  return problems;
}

module.exports = { applyFacts, factsProblems, findAttr };
