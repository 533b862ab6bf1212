import { closestName } from '../../check/suggest';
import { NestedType, SchemaAttribute, loadProviderSchema } from '../../schema/provider-schema';
import { TctlYamlError } from './tctl-document';

/**
 * Checks a tctl document's `metadata` or `spec` against the provider schema of `resourceType` and
 * converts it to the camelCase shape of the generated bindings: attribute names become camelCase,
 * map keys (labels) stay as written, a label value given as one string (`'*': '*'`, which tctl
 * accepts) becomes a one-element list. Unknown fields throw with a suggestion; values never print.
 */
export function toBindingShape(
  resourceType: string,
  top: 'metadata' | 'spec',
  value: Record<string, unknown>,
  where: string,
): Record<string, unknown> {
  const block = loadProviderSchema().resource(resourceType);
  const attribute = block?.attributes?.[top];
  if (!attribute?.nested_type) throw new TctlYamlError(`${where}: ${resourceType} has no ${top}.`);
  return convertObject(attribute.nested_type, value, top, where) as Record<string, unknown>;
}

function convertObject(nested: NestedType, value: unknown, path: string, where: string): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new TctlYamlError(`${where}: field "${path}" must be a mapping. Fix: indent its fields under it.`);
  }
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    // Own attributes only: a field named `constructor` or `__proto__` is not an attribute.
    const attribute = Object.prototype.hasOwnProperty.call(nested.attributes, key) ? nested.attributes[key] : undefined;
    if (!attribute) {
      const hint = closestName(key, Object.keys(nested.attributes));
      throw new TctlYamlError(
        `${where}: field "${path}.${key.slice(0, 100)}" is not an attribute of the Teleport provider. Fix: ${hint ? `did you mean "${hint}"? ` : ''}` +
          `remove it or use one of: ${Object.keys(nested.attributes).join(', ')}.`,
      );
    }
    if (v === null || v === undefined) continue;
    out[camel(key)] = convertAttribute(attribute, v, `${path}.${key}`, where);
  }
  return out;
}

function convertAttribute(attribute: SchemaAttribute, value: unknown, path: string, where: string): unknown {
  const nested = attribute.nested_type;
  if (nested) {
    if (nested.nesting_mode === 'single') return convertObject(nested, value, path, where);
    if (nested.nesting_mode === 'map') return mapValues(value, path, where, (v, p) => convertObject(nested, v, p, where));
    return listOf(value, path, where).map((v, i) => convertObject(nested, v, `${path}[${i}]`, where));
  }
  return convertPlain(attribute.type, value, path, where);
}

function convertPlain(type: unknown, value: unknown, path: string, where: string): unknown {
  if (Array.isArray(type) && (type[0] === 'list' || type[0] === 'set')) {
    // tctl accepts a single string where a list of strings is expected (labels: '*': '*').
    const items = typeof value === 'string' ? [value] : listOf(value, path, where);
    return items.map((v, i) => convertPlain(type[1], v, `${path}[${i}]`, where));
  }
  if (Array.isArray(type) && type[0] === 'map') {
    return mapValues(value, path, where, (v, p) => convertPlain(type[1], v, p, where));
  }
  const expected = type === 'bool' ? 'boolean' : type === 'number' ? 'number' : 'string';
  if (expected === 'string' && (typeof value === 'number' || typeof value === 'boolean')) return String(value);
  if (typeof value !== expected) {
    throw new TctlYamlError(`${where}: field "${path}" must be a ${type}. Fix: write a ${type} value.`);
  }
  return value;
}

function listOf(value: unknown, path: string, where: string): unknown[] {
  if (!Array.isArray(value)) throw new TctlYamlError(`${where}: field "${path}" must be a list. Fix: write it as a YAML list.`);
  return value;
}

function mapValues(value: unknown, path: string, where: string, f: (v: unknown, p: string) => unknown): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new TctlYamlError(`${where}: field "${path}" must be a mapping. Fix: write key: value pairs.`);
  }
  // Object.fromEntries defines own properties: a key `__proto__` stays a key.
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, f(v, `${path}[${JSON.stringify(k.slice(0, 100))}]`)]));
}

/** `web_proxy_addr` -> `webProxyAddr`, as the binding generator names attributes. */
export function camel(name: string): string {
  return name.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}
