// Converts a `terraform providers schema -json` document into tfplugin6 Schema messages, exactly as
// the real provider declares it: nested attributes stay nested attributes (never converted to
// blocks), types are sent as JSON text, attributes sorted by name.
import { NestedType, SchemaAttribute, SchemaBlock, SchemaBlockType } from '../schema/provider-schema';

const OBJECT_NESTING: Record<string, string> = { single: 'SINGLE', list: 'LIST', set: 'SET', map: 'MAP' };
const BLOCK_NESTING: Record<string, string> = { ...OBJECT_NESTING, group: 'GROUP' };

export function attributeMessage(name: string, a: SchemaAttribute): Record<string, unknown> {
  const message: Record<string, unknown> = {
    name,
    description: a.description ?? '',
    required: a.required === true,
    optional: a.optional === true,
    computed: a.computed === true,
    sensitive: a.sensitive === true,
    deprecated: a.deprecated === true,
  };
  if (a.nested_type) message.nested_type = objectMessage(a.nested_type);
  else message.type = Buffer.from(JSON.stringify(a.type));
  return message;
}

function objectMessage(nested: NestedType): Record<string, unknown> {
  const nesting = OBJECT_NESTING[nested.nesting_mode];
  if (!nesting) throw new Error(`nested attribute nesting mode "${nested.nesting_mode}" has no protocol 6 equivalent`);
  return { attributes: sorted(nested.attributes).map(([n, a]) => attributeMessage(n, a)), nesting };
}

export function blockMessage(block: SchemaBlock, version = 0): Record<string, unknown> {
  return {
    version,
    attributes: sorted(block.attributes ?? {}).map(([n, a]) => attributeMessage(n, a)),
    block_types: sorted(block.block_types ?? {}).map(([n, b]) => nestedBlockMessage(n, b)),
    description: block.description ?? '',
  };
}

function nestedBlockMessage(name: string, b: SchemaBlockType): Record<string, unknown> {
  return {
    type_name: name,
    block: blockMessage(b.block),
    nesting: BLOCK_NESTING[b.nesting_mode],
    min_items: b.min_items ?? 0,
    max_items: b.max_items ?? 0,
  };
}

export function schemaMessage(block: SchemaBlock, version = 0): Record<string, unknown> {
  return { version, block: blockMessage(block, version) };
}

function sorted<T>(record: Record<string, T>): [string, T][] {
  return Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}
