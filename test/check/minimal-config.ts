// Builds minimal valid provider/resource/data bodies from the provider schema, and places a value at
// any attribute path inside one (creating the parents the path needs), for mutation tests.
import { AttributeInfo, BlockKind, ProviderSchema, SchemaAttribute } from '../../lib/schema';

type Obj = Record<string, any>;

/** A valid literal for an attribute (minimal: required nested attributes only). */
export function minimalValue(attribute: SchemaAttribute): unknown {
  const nested = attribute.nested_type;
  if (nested) {
    const object = minimalObject(nested.attributes);
    if (nested.nesting_mode === 'list' || nested.nesting_mode === 'set') return [object];
    if (nested.nesting_mode === 'map') return { k: object };
    return object;
  }
  return minimalCty(attribute.type);
}

function minimalCty(type: unknown): unknown {
  if (type === 'string') return 'x';
  if (type === 'number') return 1;
  if (type === 'bool') return true;
  if (Array.isArray(type)) {
    if (type[0] === 'list' || type[0] === 'set') return [minimalCty(type[1])];
    if (type[0] === 'map') return { k: minimalCty(type[1]) };
  }
  throw new Error(`no minimal value for type ${JSON.stringify(type)}`);
}

/** An object holding every required attribute of `attributes`. */
export function minimalObject(attributes: Record<string, SchemaAttribute>): Obj {
  const out: Obj = {};
  for (const [name, a] of Object.entries(attributes)) if (a.required) out[name] = minimalValue(a);
  return out;
}

/** A minimal valid body of a block. */
export function minimalBody(schema: ProviderSchema, kind: BlockKind, type: string): Obj {
  return minimalObject(schema.block(kind, type)!.attributes ?? {});
}

/** A body with the parents of `attr` present; returns the body, the object holding `attr` and instance paths. */
export function bodyAround(schema: ProviderSchema, kind: BlockKind, type: string, attr: AttributeInfo) {
  const body = minimalBody(schema, kind, type);
  let holder: any = body;
  let parentPath = '';
  let schemaPath = '';
  const steps = attr.steps.slice(0, -1);
  for (const step of steps) {
    if ('attr' in step) {
      schemaPath = schemaPath ? `${schemaPath}.${step.attr}` : step.attr;
      parentPath = parentPath ? `${parentPath}.${step.attr}` : step.attr;
      if (holder[step.attr] === undefined) holder[step.attr] = minimalValue(schema.findAttribute(kind, type, schemaPath)!.attribute);
      holder = holder[step.attr];
    } else if (step.element === 'list') {
      schemaPath += '[]';
      parentPath += '[0]';
      holder = holder[0];
    } else {
      schemaPath += '{}';
      parentPath += '["k"]';
      holder = holder.k;
    }
  }
  const path = parentPath ? `${parentPath}.${attr.name}` : attr.name;
  return { body, holder: holder as Obj, parentPath, path };
}

/** A value of the wrong JSON type for an attribute (never a `${...}` expression). */
export function wrongValue(attribute: SchemaAttribute): unknown {
  const nested = attribute.nested_type;
  if (nested) return nested.nesting_mode === 'single' || nested.nesting_mode === 'map' ? ['not-an-object'] : { not: 'a list' };
  const t = attribute.type;
  if (t === 'string') return { not: 'a string' };
  if (t === 'number') return 'not-a-number';
  if (t === 'bool') return 'not-a-bool';
  if (Array.isArray(t) && (t[0] === 'list' || t[0] === 'set')) return { not: 'a list' };
  if (Array.isArray(t) && t[0] === 'map') return ['not-a-map'];
  throw new Error(`no wrong value for ${JSON.stringify(t)}`);
}

/** A wrong spelling of an attribute name that the "did you mean" fix must map back to it. */
export function misspell(name: string): string {
  return name.includes('_') ? name.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase()) : name.toUpperCase();
}

/** Wraps a body into a whole configuration and returns the address findings will name. */
export function wrap(schema: ProviderSchema, kind: BlockKind, type: string, body: Obj): { config: Obj; address: string } {
  if (kind === 'provider') return { config: { provider: { [schema.localName]: [body] } }, address: `provider.${schema.localName}` };
  if (kind === 'data') return { config: { data: { [type]: { m: body } } }, address: `data.${type}.m` };
  return { config: { resource: { [type]: { m: body } } }, address: `${type}.m` };
}
