/**
 * A JSON Schema's accept test, compiled to closures: true exactly when ajv (with the check's options)
 * accepts the data. The check runs it first and loads ajv's validator only for data it rejects, to
 * report the errors; a valid stack never loads (nor JIT-compiles) the ~1.5 MB of generated validator
 * code, which was most of a cold `cdktf synth`'s extra cost (bench/README.md).
 *
 * Only the keywords the check's JSON Schemas use (lib/schema/json-schema.ts) are understood, with
 * ajv's semantics under `strict` (numbers are finite, patterns use the `u` flag); any other keyword
 * makes {@link compileAcceptor} return undefined, and the caller uses ajv alone.
 */

/** True when the data is valid against the schema the acceptor was compiled from. */
export type Acceptor = (data: unknown) => boolean;

type Schema = boolean | Record<string, unknown>;

/** Keywords that only annotate: they never change whether data is valid. */
const ANNOTATIONS = new Set(['title', 'description', '$comment', '$schema', 'default', 'examples']);
const UNDERSTOOD = new Set(['type', 'properties', 'additionalProperties', 'required', 'items', 'pattern']);

const TYPE_TESTS: Record<string, Acceptor> = {
  object: (d) => typeof d === 'object' && d !== null && !Array.isArray(d),
  array: (d) => Array.isArray(d),
  string: (d) => typeof d === 'string',
  number: (d) => typeof d === 'number' && isFinite(d),
  integer: (d) => typeof d === 'number' && !(d % 1) && !isNaN(d) && isFinite(d),
  boolean: (d) => typeof d === 'boolean',
  null: (d) => d === null,
};

class Unsupported extends Error {}

/**
 * The accept test of `schema`, or undefined when it uses a keyword this module does not implement.
 * Subschemas compile when data first reaches them: a body uses few of a block's hundreds of attributes.
 */
export function compileAcceptor(schema: Schema): Acceptor | undefined {
  try {
    checkSupported(schema);
  } catch (e) {
    if (e instanceof Unsupported) return undefined;
    throw e;
  }
  return compile(schema);
}

const accept: Acceptor = () => true;
const reject: Acceptor = () => false;
const isObject = (d: unknown): d is Record<string, unknown> => TYPE_TESTS.object(d);

/** Throws Unsupported unless every keyword of `schema` and its subschemas is implemented here. */
function checkSupported(schema: Schema): void {
  if (typeof schema === 'boolean') return;
  if (!isObject(schema)) throw new Unsupported();
  for (const key of Object.keys(schema)) if (!UNDERSTOOD.has(key) && !ANNOTATIONS.has(key)) throw new Unsupported();
  const { type, pattern, items, required, properties, additionalProperties } = schema;
  if (
    type !== undefined &&
    !(Array.isArray(type) ? type : [type]).every((t) => typeof t === 'string' && Object.prototype.hasOwnProperty.call(TYPE_TESTS, t))
  )
    throw new Unsupported();
  if (pattern !== undefined && typeof pattern !== 'string') throw new Unsupported();
  if (required !== undefined && !(Array.isArray(required) && required.every((r) => typeof r === 'string'))) throw new Unsupported();
  if (Array.isArray(items)) throw new Unsupported(); // the tuple form
  if (items !== undefined) checkSupported(items as Schema);
  if (properties !== undefined && !isObject(properties)) throw new Unsupported();
  for (const sub of Object.values(properties ?? {})) checkSupported(sub as Schema);
  if (additionalProperties !== undefined) checkSupported(additionalProperties as Schema);
}

/** True for a schema that accepts anything: `true`, `{}`, or annotations only. */
const acceptsAll = (schema: Schema): boolean => schema === true || (isObject(schema) && Object.keys(schema).every((k) => ANNOTATIONS.has(k)));

function compile(schema: Schema): Acceptor {
  if (schema === true) return accept;
  if (schema === false) return reject;
  if (!isObject(schema)) throw new Unsupported();
  const tests: Acceptor[] = [];
  if (schema.type !== undefined) tests.push(typeTest(schema.type));
  if (schema.pattern !== undefined) tests.push(patternTest(schema.pattern));
  if (schema.items !== undefined && !acceptsAll(schema.items as Schema)) tests.push(itemsTest(schema.items as Schema));
  const objectTests = [...requiredTests(schema.required), ...propertyTests(schema.properties, schema.additionalProperties)];
  if (objectTests.length > 0) tests.push(objectTest(objectTests));
  if (tests.length <= 1) return tests[0] ?? accept;
  return (d) => {
    for (let i = 0; i < tests.length; i++) if (!tests[i](d)) return false;
    return true;
  };
}

/** One test for a union of types (`["string","number","null"]`), as ajv checks each. */
function typeTest(type: unknown): Acceptor {
  const names = new Set(Array.isArray(type) ? type : [type]);
  for (const name of names) if (typeof name !== 'string' || !Object.prototype.hasOwnProperty.call(TYPE_TESTS, name)) throw new Unsupported();
  if (names.size === 1) return TYPE_TESTS[[...names][0] as string];
  const [object, array, string, number, integer, boolean, nul] = ['object', 'array', 'string', 'number', 'integer', 'boolean', 'null'].map((n) =>
    names.has(n),
  );
  return (d) => {
    switch (typeof d) {
      case 'string':
        return string;
      case 'number':
        return (number && TYPE_TESTS.number(d)) || (integer && TYPE_TESTS.integer(d));
      case 'boolean':
        return boolean;
      case 'object':
        return d === null ? nul : Array.isArray(d) ? array : object;
      default:
        return false;
    }
  };
}

/** One test per distinct pattern: the schemas repeat a few (expressions, numbers, bools) hundreds of times. */
const patternTests = new Map<string, Acceptor>();

function patternTest(pattern: unknown): Acceptor {
  if (typeof pattern !== 'string') throw new Unsupported();
  let test = patternTests.get(pattern);
  if (!test) {
    const re = new RegExp(pattern, 'u'); // no g or y flag: test() keeps no state between calls
    patternTests.set(pattern, (test = (d) => typeof d !== 'string' || re.test(d)));
  }
  return test;
}

function itemsTest(items: Schema): Acceptor {
  let item: Acceptor | undefined; // compiled when an array first reaches it
  return (d) => {
    if (!Array.isArray(d)) return true;
    const test = (item ??= compile(items));
    for (let i = 0; i < d.length; i++) if (!test(d[i])) return false;
    return true;
  };
}

function objectTest(tests: Acceptor[]): Acceptor {
  return (d) => {
    if (!isObject(d)) return true;
    for (let i = 0; i < tests.length; i++) if (!tests[i](d)) return false;
    return true;
  };
}

function requiredTests(required: unknown): Acceptor[] {
  if (required === undefined) return [];
  if (!Array.isArray(required) || !required.every((r) => typeof r === 'string')) throw new Unsupported();
  const names = required as string[];
  return [
    (d) => {
      for (let i = 0; i < names.length; i++) if ((d as Record<string, unknown>)[names[i]] === undefined) return false;
      return true;
    },
  ];
}

function propertyTests(properties: unknown, additional: unknown): Acceptor[] {
  const tests: Acceptor[] = [];
  const declared: unknown = properties ?? {};
  if (!isObject(declared)) throw new Unsupported();
  const checked = Object.entries(declared).filter(([, s]) => !acceptsAll(s as Schema));
  const names = checked.map(([name]) => name);
  const schemas = checked.map(([, s]) => s as Schema);
  const compiled: (Acceptor | undefined)[] = names.map(() => undefined); // each when a value first reaches it
  if (names.length > 0) {
    tests.push((d) => {
      const o = d as Record<string, unknown>;
      for (let i = 0; i < names.length; i++) {
        const v = o[names[i]];
        if (v !== undefined && !(compiled[i] ??= compile(schemas[i]))(v)) return false;
      }
      return true;
    });
  }
  if (additional === undefined || acceptsAll(additional as Schema)) return tests;
  let extra: Acceptor | undefined;
  const own = Object.prototype.hasOwnProperty;
  tests.push((d) => {
    const o = d as Record<string, unknown>;
    for (const key in o) if (!own.call(declared, key) && !(extra ??= compile(additional as Schema))(o[key])) return false;
    return true;
  });
  return tests;
}
