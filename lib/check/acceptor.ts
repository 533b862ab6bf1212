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
  if (type !== undefined && !(Array.isArray(type) ? type : [type]).every((t) => typeof t === 'string' && Object.prototype.hasOwnProperty.call(TYPE_TESTS, t))) throw new Unsupported();
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

/** The accept test of `schema`, compiled when first called. */
function lazy(schema: Schema): Acceptor {
  let test: Acceptor | undefined;
  return (d) => (test ??= compile(schema))(d);
}

function compile(schema: Schema): Acceptor {
  if (schema === true) return accept;
  if (schema === false) return reject;
  if (!isObject(schema)) throw new Unsupported();
  const tests: Acceptor[] = [];
  if (schema.type !== undefined) tests.push(typeTest(schema.type));
  if (schema.pattern !== undefined) tests.push(patternTest(schema.pattern));
  if (schema.items !== undefined) tests.push(itemsTest(schema.items));
  const objectTests = [...requiredTests(schema.required), ...propertyTests(schema.properties, schema.additionalProperties)];
  if (objectTests.length > 0) tests.push((d) => !isObject(d) || objectTests.every((t) => t(d)));
  if (tests.length === 0) return accept;
  return tests.length === 1 ? tests[0] : (d) => tests.every((t) => t(d));
}

function typeTest(type: unknown): Acceptor {
  const names = Array.isArray(type) ? type : [type];
  const tests = names.map((name) => {
    const test = typeof name === 'string' && Object.prototype.hasOwnProperty.call(TYPE_TESTS, name) ? TYPE_TESTS[name] : undefined;
    if (!test) throw new Unsupported();
    return test;
  });
  return tests.length === 1 ? tests[0] : (d) => tests.some((t) => t(d));
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

function itemsTest(items: unknown): Acceptor {
  if (acceptsAll(items as Schema)) return accept;
  const item = lazy(items as Schema);
  return (d) => !Array.isArray(d) || d.every((x) => item(x));
}

function requiredTests(required: unknown): Acceptor[] {
  if (required === undefined) return [];
  if (!Array.isArray(required) || !required.every((r) => typeof r === 'string')) throw new Unsupported();
  const names = required as string[];
  return [(d) => names.every((n) => (d as Record<string, unknown>)[n] !== undefined)];
}

function propertyTests(properties: unknown, additional: unknown): Acceptor[] {
  const tests: Acceptor[] = [];
  const declared: unknown = properties ?? {};
  if (!isObject(declared)) throw new Unsupported();
  const checks = Object.entries(declared).filter(([, s]) => !acceptsAll(s as Schema)).map(([name, s]) => [name, lazy(s as Schema)] as const);
  if (checks.length > 0) {
    tests.push((d) => {
      const o = d as Record<string, unknown>;
      return checks.every(([name, test]) => o[name] === undefined || test(o[name]));
    });
  }
  if (additional === undefined || acceptsAll(additional as Schema)) return tests;
  const extra = lazy(additional as Schema);
  const own = Object.prototype.hasOwnProperty;
  tests.push((d) => {
    const o = d as Record<string, unknown>;
    for (const key in o) if (!own.call(declared, key) && !extra(o[key])) return false;
    return true;
  });
  return tests;
}
