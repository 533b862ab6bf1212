// The check's accept test (lib/check/acceptor.ts) stands in for ajv on valid data: it must accept
// exactly what ajv accepts, or a finding would be lost (it accepts what ajv rejects) or ajv would be
// loaded for nothing. Compared with ajv, compiled with the check's options, on every block's JSON
// Schema: full and minimal bodies, every attribute mutated, random mutations.
import Ajv from 'ajv';
import * as fc from 'fast-check';
import { compileAcceptor } from '../../lib/check/acceptor';
import { AJV_OPTIONS, jsonSchemaFor, validatorKeys } from '../../lib/check/validators';
import { BlockKind, loadProviderSchema } from '../../lib/schema';
import { mutate, mutationsArb } from '../fuzz/mutate';
import { bodyAround, minimalBody, minimalValue, misspell, wrongValue } from './minimal-config';

const schema = loadProviderSchema();
const ajv = new Ajv(AJV_OPTIONS);
type Obj = Record<string, any>;

const blocks = schema.blocks().map(({ kind, type }) => ({ kind, type: kind === 'provider' ? '' : type }));
const keyOf = (kind: BlockKind, type: string) => (kind === 'provider' ? 'provider' : `${kind}:${type}`);

/** A body with every attribute set to a valid value (the parents each path needs created). */
function fullBody(kind: BlockKind, type: string): Obj {
  const body = minimalBody(schema, kind, type);
  for (const attr of schema.attributes(kind, type)) {
    const around = bodyAround(schema, kind, type, attr);
    around.holder[attr.name] = minimalValue(attr.attribute);
    merge(body, around.body);
  }
  return body;
}

function merge(into: Obj, from: Obj): void {
  for (const [k, v] of Object.entries(from)) {
    if (into[k] !== null && typeof into[k] === 'object' && v !== null && typeof v === 'object') merge(into[k], v);
    else into[k] = v;
  }
}

/** Bodies per block: minimal, full, and each attribute misspelt, of the wrong type, null, an expression. */
function bodies(kind: BlockKind, type: string): unknown[] {
  const out: unknown[] = [minimalBody(schema, kind, type), fullBody(kind, type), {}, [], null, 'x', { '//': { any: 1 } }];
  for (const attr of schema.attributes(kind, type)) {
    for (const value of [wrongValue(attr.attribute), null, '${var.x}', '%{ if true }1%{ endif }', 1, 'x', true, [], {}]) {
      const a = bodyAround(schema, kind, type, attr);
      a.holder[attr.name] = value;
      out.push(a.body);
    }
    const m = bodyAround(schema, kind, type, attr);
    m.holder[misspell(attr.name)] = 'x';
    out.push(m.body);
  }
  return out;
}

test('every validator key of the shipped schema has an accept test (else ajv runs on every synth)', () => {
  const missing = validatorKeys().filter((key) => compileAcceptor(jsonSchemaFor(key)) === undefined);
  expect(missing).toEqual([]);
});

test.each(blocks)('$kind $type: the accept test agrees with ajv on every attribute, valid and mutated', ({ kind, type }) => {
  const json = jsonSchemaFor(keyOf(kind, type));
  const accepts = compileAcceptor(json)!;
  const validate = ajv.compile(json);
  const data = bodies(kind, type);
  const disagreements = data.filter((d) => accepts(d) !== validate(d)).map((d) => JSON.stringify(d));
  expect(disagreements).toEqual([]);
  // Both answers occur, so neither side is a constant.
  expect(data.filter((d) => validate(d)).length).toBeGreaterThan(1);
  expect(data.filter((d) => !validate(d)).length).toBeGreaterThan(schema.attributes(kind, type).length);
});

test.each(blocks)('$kind $type: the accept test agrees with ajv on random mutations of a full body', ({ kind, type }) => {
  const json = jsonSchemaFor(keyOf(kind, type));
  const accepts = compileAcceptor(json)!;
  const validate = ajv.compile(json);
  const full = fullBody(kind, type);
  const ops = mutationsArb.map((ms) => ms.filter((m) => m.op !== 'deep' && m.op !== 'huge'));
  fc.assert(
    fc.property(ops, (ms) => accepts(mutate(full, ms)) === validate(mutate(full, ms))),
    { numRuns: 300, seed: 15 },
  );
});

test('the skeleton: the accept test agrees with ajv on documents', () => {
  const json = jsonSchemaFor('skeleton');
  const accepts = compileAcceptor(json)!;
  const validate = ajv.compile(json);
  const doc = {
    terraform: { required_providers: { teleport: { source: 'x', version: '1' } }, backend: { local: {} } },
    provider: { teleport: [{}] },
    resource: { teleport_role: { r: {} } },
    variable: { v: { type: 'string', sensitive: true } },
    output: { o: { value: '${x}' } },
    locals: { a: 1 },
    import: [{ to: 'teleport_role.r', id: 'r' }],
    moved: [{ from: 'a.b', to: 'c.d' }],
  };
  expect(accepts(doc)).toBe(validate(doc));
  expect(accepts(doc)).toBe(true);
  fc.assert(
    fc.property(
      mutationsArb.map((ms) => ms.filter((m) => m.op !== 'deep' && m.op !== 'huge')),
      (ms) => {
        const d = mutate(doc, ms);
        return accepts(d) === validate(d);
      },
    ),
    { numRuns: 500, seed: 15 },
  );
});

test('keywords outside the subset it implements: no accept test, so ajv decides alone', () => {
  expect(compileAcceptor({ type: 'object', anyOf: [{}] })).toBeUndefined();
  expect(compileAcceptor({ type: 'array', items: [{ type: 'string' }] })).toBeUndefined();
  expect(compileAcceptor({ properties: { a: { enum: [1] } } })).toBeUndefined();
  expect(compileAcceptor({ type: 'date' })).toBeUndefined();
  expect(compileAcceptor({ type: 'constructor' })).toBeUndefined();
  // Also deep inside, where the test compiles only once data reaches it.
  expect(compileAcceptor({ properties: { a: { properties: { b: { items: { not: {} } } } } } })).toBeUndefined();
});

test('numbers are finite and patterns are unicode, as in ajv with strict numbers', () => {
  const accepts = compileAcceptor({ type: ['number', 'string'], pattern: '^\\p{L}+$' })!;
  expect([1, Infinity, NaN, 'é', '1'].map((d) => accepts(d))).toEqual([true, false, false, true, false]);
});
