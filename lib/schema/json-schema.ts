/**
 * Derives JSON Schemas (draft-07, for ajv) from the provider schema, for synthesized Terraform JSON
 * (`cdk.tf.json`). Strict where Terraform is lenient: `additionalProperties: false` at every nesting
 * level, because Terraform silently drops unknown keys inside nested attributes.
 *
 * What a slot accepts follows Terraform's JSON syntax and cty conversions:
 * - any slot: a string holding a template, i.e. a `${...}` interpolation or a `%{...}` directive
 *   (cdktf tokens, also a whole list or object: Terraform evaluates JSON strings as templates);
 * - string: a string, number or bool (Terraform converts them); number: a number or a numeric
 *   string without surrounding whitespace (cty's conversion rejects it); bool: a bool or
 *   `"true"`/`"false"`; list/set: an array; map and objects: an object;
 * - `null` wherever the attribute is optional (Terraform treats it as unset);
 * - computed-only attributes: nothing (Terraform rejects a configured value).
 *
 * Union types (`["number","string"]` + `pattern`) are used instead of `anyOf`, so one problem gives
 * exactly one ajv error. Each slot carries a `title` naming the expected type for messages.
 */
import { CtyType, ProviderSchema, SchemaAttribute, SchemaBlock, loadProviderSchema } from './provider-schema';

/** A JSON Schema node. */
export type JsonSchema = { [key: string]: unknown } | boolean;
type Node = { [key: string]: unknown };

/** Matches a string holding a Terraform template: `${...}` or `%{...}` (not the `$${` and `%%{` escapes). */
export const EXPRESSION_PATTERN = '(^|[^$])\\$\\{|(^|[^%])%\\{';
const NUMBER_PATTERN = `^[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?$|${EXPRESSION_PATTERN}`;
const BOOL_PATTERN = `^(true|false|1|0)$|${EXPRESSION_PATTERN}`;

/** The name of the JSON Schema draft used. */
export const JSON_SCHEMA_DRAFT = 'http://json-schema.org/draft-07/schema#';

/** A readable name of a cty type: `string`, `list of string`, `map of list of string`. */
export function ctyTypeName(type: CtyType | undefined): string {
  if (type === undefined) return 'any value';
  if (typeof type === 'string') return type === 'dynamic' ? 'any value' : type;
  const [kind, elem] = type;
  if (kind === 'object') return 'object';
  if (kind === 'tuple') return 'tuple';
  return `${kind} of ${ctyTypeName(elem as CtyType)}`;
}

function withNull(types: string[], nullable: boolean): string[] {
  return nullable ? [...types, 'null'] : types;
}

/** The JSON Schema of a value of cty type `type`. */
export function ctyJsonSchema(type: CtyType | undefined, nullable = false): JsonSchema {
  const title = ctyTypeName(type);
  if (type === undefined || type === 'dynamic') return {};
  if (typeof type === 'string') {
    switch (type) {
      case 'string':
        return { title, type: withNull(['string', 'number', 'boolean'], nullable) };
      case 'number':
        return { title, type: withNull(['number', 'string'], nullable), pattern: NUMBER_PATTERN };
      case 'bool':
        return { title, type: withNull(['boolean', 'string'], nullable), pattern: BOOL_PATTERN };
      default:
        return {};
    }
  }
  const [kind, elem, optional] = type as [string, unknown, unknown];
  switch (kind) {
    case 'list':
    case 'set':
      return { title, type: withNull(['array', 'string'], nullable), items: ctyJsonSchema(elem as CtyType), pattern: EXPRESSION_PATTERN };
    case 'map':
      return {
        title,
        type: withNull(['object', 'string'], nullable),
        additionalProperties: ctyJsonSchema(elem as CtyType),
        pattern: EXPRESSION_PATTERN,
      };
    case 'object': {
      const attrs = elem as Record<string, CtyType>;
      const opt = new Set(Array.isArray(optional) ? (optional as string[]) : []);
      const properties: Node = {};
      for (const [k, t] of Object.entries(attrs)) properties[k] = ctyJsonSchema(t, opt.has(k));
      return {
        title,
        type: withNull(['object', 'string'], nullable),
        properties,
        additionalProperties: false,
        required: Object.keys(attrs).filter((k) => !opt.has(k)),
        pattern: EXPRESSION_PATTERN,
      };
    }
    case 'tuple':
      return {
        title,
        type: withNull(['array', 'string'], nullable),
        items: (elem as CtyType[]).map((t) => ctyJsonSchema(t)),
        pattern: EXPRESSION_PATTERN,
      };
    default:
      return {};
  }
}

/** The JSON Schema of one attribute (plain or nested). Computed-only attributes give `false`. */
export function attributeJsonSchema(attribute: SchemaAttribute): JsonSchema {
  if (attribute.computed && !attribute.optional && !attribute.required) return false;
  const nullable = !attribute.required;
  const nested = attribute.nested_type;
  if (!nested) return ctyJsonSchema(attribute.type, nullable);
  const object = objectSchema(nested.attributes, {}, false);
  return nestedSchema(nested.nesting_mode, object, nullable);
}

function nestedSchema(mode: string, object: Node, nullable: boolean): Node {
  switch (mode) {
    case 'list':
    case 'set':
      return { title: `${mode} of objects`, type: withNull(['array', 'string'], nullable), items: object, pattern: EXPRESSION_PATTERN };
    case 'map':
      return { title: 'map of objects', type: withNull(['object', 'string'], nullable), additionalProperties: object, pattern: EXPRESSION_PATTERN };
    default:
      return { ...object, type: withNull(['object', 'string'], nullable) };
  }
}

/** An object of attributes with `additionalProperties: false`; `extra` are meta-arguments. */
function objectSchema(attributes: Record<string, SchemaAttribute>, extra: Node, whole: boolean, blockTypes?: SchemaBlock['block_types']): Node {
  const properties: Node = { ...extra };
  const required: string[] = [];
  for (const [name, a] of Object.entries(attributes)) {
    properties[name] = attributeJsonSchema(a);
    if (a.required) required.push(name);
  }
  for (const [name, bt] of Object.entries(blockTypes ?? {})) {
    const inner = blockObject(bt.block, {}, false);
    const min = bt.min_items ?? 0;
    properties[name] = nestedSchema(bt.nesting_mode === 'group' ? 'single' : bt.nesting_mode, inner, min === 0);
    if (min > 0) required.push(name);
  }
  const node: Node = {
    title: 'object',
    type: whole ? 'object' : ['object', 'string'],
    properties,
    additionalProperties: false,
  };
  if (required.length) node.required = required;
  if (!whole) node.pattern = EXPRESSION_PATTERN;
  return node;
}

function blockObject(block: SchemaBlock, extra: Node, whole: boolean): Node {
  return objectSchema(block.attributes ?? {}, extra, whole, block.block_types);
}

const BOOL_SLOT = ctyJsonSchema('bool', true);
const STRING_LIST = { title: 'list of string', type: 'array', items: { type: 'string' } };
const CONDITIONS = {
  title: 'list of conditions',
  type: 'array',
  items: {
    type: 'object',
    properties: { condition: {}, error_message: { type: 'string' } },
    required: ['condition', 'error_message'],
    additionalProperties: false,
  },
};

/** Meta-arguments every resource and data source accepts (plus the cdktf `//` metadata key). */
const COMMON_META: Node = {
  '//': {},
  depends_on: STRING_LIST,
  count: ctyJsonSchema('number', true),
  for_each: { title: 'map, set or expression', type: ['object', 'array', 'string', 'null'], pattern: EXPRESSION_PATTERN },
  provider: { title: 'provider reference', type: 'string' },
};

const RESOURCE_META: Node = {
  ...COMMON_META,
  lifecycle: {
    title: 'object',
    type: 'object',
    properties: {
      create_before_destroy: BOOL_SLOT,
      prevent_destroy: BOOL_SLOT,
      ignore_changes: { title: 'list of attribute paths or "all"', type: ['array', 'string'], items: { type: 'string' }, pattern: '^all$' },
      replace_triggered_by: STRING_LIST,
      precondition: CONDITIONS,
      postcondition: CONDITIONS,
    },
    additionalProperties: false,
  },
  connection: {},
  provisioner: {},
};

const DATA_META: Node = {
  ...COMMON_META,
  lifecycle: {
    title: 'object',
    type: 'object',
    properties: { precondition: CONDITIONS, postcondition: CONDITIONS },
    additionalProperties: false,
  },
};

/** The JSON Schema of one `resource.<type>.<name>` body. */
export function resourceJsonSchema(type: string, schema: ProviderSchema = loadProviderSchema()): Node {
  const block = schema.resource(type);
  if (!block) throw new Error(`the ${schema.localName} provider has no resource ${type}`);
  return blockObject(block, RESOURCE_META, true);
}

/** The JSON Schema of one `data.<type>.<name>` body. */
export function dataSourceJsonSchema(type: string, schema: ProviderSchema = loadProviderSchema()): Node {
  const block = schema.dataSource(type);
  if (!block) throw new Error(`the ${schema.localName} provider has no data source ${type}`);
  return blockObject(block, DATA_META, true);
}

/** The JSON Schema of one `provider.<name>` configuration object (with `alias` and `version`). */
export function providerJsonSchema(schema: ProviderSchema = loadProviderSchema()): Node {
  return blockObject(
    schema.providerBlock(),
    { '//': {}, alias: { title: 'string', type: 'string' }, version: { title: 'string', type: 'string' } },
    true,
  );
}

const ANY_OBJECT = { type: 'object' };
const OBJECT_OR_LIST = { title: 'object or list of objects', type: ['object', 'array'] };
/**
 * A block level in Terraform's JSON syntax: an object, or an array of such objects (hand-written
 * Terraform JSON may write `"resource": [{...}, {...}]`; cdktf writes objects).
 */
function objectOrListOf(values: Node, properties?: Node): Node {
  const object = properties ? { properties, additionalProperties: values } : { additionalProperties: values };
  return { type: ['object', 'array'], items: { type: 'object', ...object }, ...object };
}
/** `<name>: body` of one resource or data source type (bodies are objects or lists of objects). */
const BY_NAME = objectOrListOf(OBJECT_OR_LIST);
/** `<type>: {<name>: body}`: the resource, data and ephemeral sections. */
const LABELLED = objectOrListOf(BY_NAME);
/** Both forms of one block: an object, or an array of such objects (import and moved blocks). */
const oneOrMany = (item: Node): Node => ({ ...item, type: ['array', 'object'], items: item });
const IMPORT_BLOCK = {
  type: 'object',
  properties: {
    to: { title: 'resource address', type: 'string' },
    id: { title: 'string', type: 'string' },
    identity: {},
    provider: { title: 'provider reference', type: 'string' },
    for_each: {},
  },
  required: ['to'],
  additionalProperties: false,
};
const MOVED_BLOCK = {
  type: 'object',
  properties: { from: { title: 'resource address', type: 'string' }, to: { title: 'resource address', type: 'string' } },
  required: ['from', 'to'],
  additionalProperties: false,
};

/**
 * The schema of everything in a `cdk.tf.json` other than provider, resource and data bodies:
 * the top-level blocks, variables, outputs, imports and moved blocks. Resource and data bodies may
 * be objects or lists of objects; each is checked with its own per-type schema.
 */
export function skeletonJsonSchema(): Node {
  return {
    type: 'object',
    properties: {
      '//': {},
      terraform: OBJECT_OR_LIST,
      provider: objectOrListOf(OBJECT_OR_LIST),
      resource: LABELLED,
      data: LABELLED,
      ephemeral: LABELLED,
      variable: {
        type: 'object',
        additionalProperties: {
          type: 'object',
          properties: {
            '//': {},
            type: { type: 'string' },
            default: {},
            description: { type: 'string' },
            sensitive: BOOL_SLOT,
            nullable: BOOL_SLOT,
            ephemeral: BOOL_SLOT,
            validation: { type: ['object', 'array'] },
          },
          additionalProperties: false,
        },
      },
      output: {
        type: 'object',
        additionalProperties: {
          type: 'object',
          properties: {
            '//': {},
            value: {},
            description: { type: 'string' },
            sensitive: BOOL_SLOT,
            ephemeral: BOOL_SLOT,
            depends_on: STRING_LIST,
            precondition: CONDITIONS,
          },
          required: ['value'],
          additionalProperties: false,
        },
      },
      locals: OBJECT_OR_LIST,
      module: ANY_OBJECT,
      import: oneOrMany(IMPORT_BLOCK),
      moved: oneOrMany(MOVED_BLOCK),
      removed: OBJECT_OR_LIST,
      check: ANY_OBJECT,
    },
    additionalProperties: false,
  };
}

/**
 * One JSON Schema for a whole `cdk.tf.json` (for editors and other tools): the skeleton with every
 * provider, resource and data source body of this provider plugged in via `definitions`. Resources of
 * other providers are allowed unchecked. (The offline check validates per block instead, for speed.)
 */
export function documentJsonSchema(schema: ProviderSchema = loadProviderSchema()): Node {
  const doc = skeletonJsonSchema();
  const props = doc.properties as Record<string, Node>;
  const definitions: Node = { provider: providerJsonSchema(schema) };
  const resources: Node = {};
  for (const type of schema.resourceTypes()) {
    definitions[`resource.${type}`] = resourceJsonSchema(type, schema);
    resources[type] = bodies(`#/definitions/resource.${type}`);
  }
  const data: Node = {};
  for (const type of schema.dataSourceTypes()) {
    definitions[`data.${type}`] = dataSourceJsonSchema(type, schema);
    data[type] = bodies(`#/definitions/data.${type}`);
  }
  const providerBody = { $ref: '#/definitions/provider' };
  props.provider = objectOrListOf(OBJECT_OR_LIST, { [schema.localName]: oneOrRefs(providerBody) });
  props.resource = objectOrListOf(BY_NAME, resources);
  props.data = objectOrListOf(BY_NAME, data);
  return { $schema: JSON_SCHEMA_DRAFT, title: `cdk.tf.json for ${schema.source}`, ...doc, definitions };
}

/** A body or a list of bodies, each checked against `ref`. */
function oneOrRefs(ref: Node): Node {
  return { type: ['object', 'array'], items: ref, if: { type: 'object' }, then: ref };
}

function bodies(ref: string): Node {
  return objectOrListOf(oneOrRefs({ $ref: ref }));
}
