// Words for the runtime props check's messages: what a type is ("a JoinToken", "an array of
// strings"), what a value is (its kind only: values may be secrets), how to make a right one, and
// field paths as a user wrote them (`roleMap[0].local`).
import { terminalSafe } from '../report/sanitize';
import type { ApiShapes, NamedShape, TypeRef } from './api-shape-types';

const MAX_NAME = 64;

/** `cdktf.TerraformVariable` -> `TerraformVariable`. */
export function shortName(name: string): string {
  return name.slice(name.lastIndexOf('.') + 1);
}

function article(word: string): string {
  return /^[aeiouAEIOU]/.test(word) ? `an ${word}` : `a ${word}`;
}

/** A user-supplied name made printable: escaped as in a JS string (format and bidi characters too), capped. */
export function printableName(name: string): string {
  const escaped = terminalSafe(JSON.stringify(name).slice(1, -1));
  return escaped.length > MAX_NAME ? `${escaped.slice(0, MAX_NAME)}…` : escaped;
}

/** `base.key`, or `base["odd key"]` for keys that are not identifiers. */
export function joinPath(base: string, key: string | number): string {
  if (typeof key === 'number') return `${base}[${key}]`;
  if (/^[A-Za-z_$][\w$]*$/.test(key)) return base ? `${base}.${key}` : key;
  return `${base}["${printableName(key)}"]`;
}

/** What a type is, with its article: `a string`, `an array of strings`, `a JoinToken`. */
export function describeType(type: TypeRef): string {
  if (typeof type === 'string') {
    return { string: 'a string', number: 'a number', boolean: 'a boolean', date: 'a Date', any: 'any value', json: 'any value' }[type];
  }
  if ('array' in type) return `an array of ${plural(type.array)}`;
  if ('map' in type) return `an object whose values are ${plural(type.map)}`;
  if ('union' in type) return type.union.map(describeType).join(' or ');
  return article(shortName(type.ref));
}

function plural(type: TypeRef): string {
  if (typeof type === 'string')
    return { string: 'strings', number: 'numbers', boolean: 'booleans', date: 'Dates', any: 'any values', json: 'any values' }[type];
  if ('ref' in type) return `${shortName(type.ref)} items`;
  return `(${describeType(type)}) items`;
}

/** What a value is, never the value itself: `a string`, `null`, `a Role`, `an object`. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') {
    const ctor = Object.getPrototypeOf(value)?.constructor?.name;
    return typeof ctor === 'string' && ctor !== '' && ctor !== 'Object' ? article(printableName(ctor)) : 'an object';
  }
  return typeof value === 'undefined' ? 'undefined' : article(typeof value);
}

/** How to pass a right value of this type. */
export function fixFor(type: TypeRef, api: ApiShapes, fields: (struct: string) => ReadonlyMap<string, { optional?: boolean }>): string {
  if (typeof type === 'string' || !('ref' in type)) return `pass ${describeType(type)}.`;
  const shape: NamedShape = api.types[type.ref];
  const name = shortName(type.ref);
  switch (shape.kind) {
    case 'class':
      if (type.ref === 'constructs.Construct') return 'pass the stack (or another construct) to create it in.';
      return shape.makers.length ? `pass ${article(name)}: ${shape.makers.join(', ')}.` : `pass ${article(name)}.`;
    case 'interface':
      return shape.makers.length
        ? `pass ${article(name)}: ${shape.makers.join(', ')}.`
        : `pass an object implementing ${name} (with ${shape.required.join(', ')}), such as a resource.`;
    case 'enum':
      return `pass one of ${shape.members
        .slice(0, 6)
        .map((m) => `${name}.${m}`)
        .join(', ')}${shape.members.length > 6 ? ', ...' : ''}.`;
    case 'struct': {
      const all = [...fields(type.ref)];
      const required = all.filter(([, f]) => !f.optional).map(([k]) => k);
      const optional = all.length - required.length;
      return `pass an object (${name}) with ${required.length ? `${required.join(', ')}` : 'no required field'}${optional ? ` and up to ${optional} optional field${optional === 1 ? '' : 's'}` : ''}.`;
    }
  }
}

/** How a member key reads in a message: `new TrustedCluster()`, `ProvisionToken.github()`, `Role#allowLogins()`. */
export function callName(member: string): string {
  return `${member}()`;
}
