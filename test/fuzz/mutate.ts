// Mutations of JSON documents for the fuzz tests: types swapped, nulls, deep nesting, huge strings,
// JavaScript builtin names as keys and values, Terraform's array form. Deterministic for a given
// list of mutations (fast-check generates them from a seed).
import * as fc from 'fast-check';

export const BUILTINS = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'prototype'] as const;

export type Op = 'null' | 'scalar' | 'swap' | 'empty' | 'builtin-key' | 'add-builtin' | 'delete' | 'wrap' | 'deep' | 'huge';

export interface Mutation {
  readonly at: number;
  readonly op: Op;
  readonly key: string;
  readonly scalar: unknown;
  /** For `deep`: how many levels (over the reader's limit, or within it). */
  readonly depth: number;
}

export const mutationArb: fc.Arbitrary<Mutation> = fc.record({
  at: fc.nat(),
  op: fc.constantFrom<Op>(
    'null',
    'scalar',
    'swap',
    'empty',
    'builtin-key',
    'add-builtin',
    'delete',
    'wrap',
    'deep',
    'huge',
    'null',
    'swap',
    'builtin-key',
  ),
  key: fc.constantFrom(...BUILTINS, 'x', '//'),
  scalar: fc.oneof(
    fc.constant(null),
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.boolean(),
    fc.string({ maxLength: 20 }),
    fc.constantFrom(...BUILTINS),
    fc.constant('${var.x}'),
    fc.constant('%{ if true }x%{ endif }'),
  ),
  depth: fc.constantFrom(300, 600, 100_000),
});

export const mutationsArb = fc.array(mutationArb, { minLength: 1, maxLength: 4 });

type Path = (string | number)[];

/** Every path in a JSON value (iteratively; at most `max`). */
function pathsOf(doc: unknown, max = 5000): Path[] {
  const out: Path[] = [[]];
  const todo: [unknown, Path][] = [[doc, []]];
  while (todo.length && out.length < max) {
    const [v, p] = todo.pop()!;
    const children: [string | number, unknown][] = Array.isArray(v)
      ? v.map((x, i) => [i, x])
      : v !== null && typeof v === 'object'
        ? Object.entries(v)
        : [];
    for (const [key, child] of children) {
      out.push([...p, key]);
      todo.push([child, [...p, key]]);
    }
  }
  return out;
}

const setOwn = (o: any, k: string | number, v: unknown) =>
  Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });

function swapped(v: unknown): unknown {
  if (Array.isArray(v)) return Object.fromEntries(v.map((x, i) => [String(i), x]));
  if (v !== null && typeof v === 'object') return Object.values(v);
  if (typeof v === 'string') return v.length;
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 'true' : 0;
  return {};
}

/** Placeholders replaced in the serialized text (deep nesting cannot be built as a value: JSON.stringify would overflow). */
export const DEEP = (n: number) => `@@deep-${n}@@`;
export const HUGE = '@@huge@@';

/** Applies the mutations to a deep copy of `doc`. */
export function mutate(doc: unknown, mutations: readonly Mutation[]): unknown {
  let root: any = JSON.parse(JSON.stringify(doc));
  for (const m of mutations) {
    const paths = pathsOf(root);
    const p = paths[m.at % paths.length];
    const replace = (value: unknown) => {
      if (p.length === 0) root = value;
      else setOwn(parentOf(root, p), p[p.length - 1], value);
    };
    const current = p.length === 0 ? root : parentOf(root, p)[p[p.length - 1]];
    switch (m.op) {
      case 'null':
        replace(null);
        break;
      case 'scalar':
        replace(m.scalar);
        break;
      case 'swap':
        replace(swapped(current));
        break;
      case 'empty':
        replace(Array.isArray(current) ? [] : {});
        break;
      case 'wrap':
        replace([current]);
        break;
      case 'deep':
        replace(DEEP(m.depth));
        break;
      case 'huge':
        replace(HUGE);
        break;
      case 'builtin-key':
      case 'delete': {
        if (p.length === 0) break;
        const parent = parentOf(root, p);
        const last = p[p.length - 1];
        if (Array.isArray(parent)) {
          parent.splice(Number(last), 1);
          break;
        }
        const value = parent[last];
        delete parent[last];
        if (m.op === 'builtin-key') setOwn(parent, m.key, value);
        break;
      }
      case 'add-builtin':
        if (current !== null && typeof current === 'object' && !Array.isArray(current)) setOwn(current, m.key, m.scalar ?? {});
        else replace({ [m.key]: current });
        break;
    }
  }
  return root;
}

function parentOf(root: any, p: Path): any {
  let node = root;
  for (const k of p.slice(0, -1)) node = node[k];
  return node;
}

/** The JSON text of a mutated document, with the deep and huge placeholders filled in. */
export function serialize(doc: unknown): string {
  return JSON.stringify(doc)
    .replace(/"@@deep-(\d+)@@"/g, (_, n) => `${'['.repeat(Number(n))}"x"${']'.repeat(Number(n))}`)
    .replace(/"@@huge@@"/g, () => JSON.stringify('h'.repeat(1024 * 1024)));
}
