// Parses the "## Schema" part of Teleport's tfplugindocs reference pages (the Terraform provider's
// generated documentation) into Terraform schema blocks: type labels to cty types, Required /
// Optional / Read-Only sections, nested schemas. Used by build-schema.js with pages from --docs DIR.
'use strict';

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

module.exports = { ctyType, parsePage, assemble };
