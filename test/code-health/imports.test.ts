// The import graph of lib/: no cycles, and the layer order CONTRIBUTING.md states.
import * as fs from 'fs';
import * as path from 'path';
import { ImportGraph, importCycles, importGraph, importSpecifiers } from '../support/import-graph';

const ROOT = path.join(__dirname, '..', '..');

/**
 * Cycles that another branch removes; the lead empties this list after merging it. Each entry is a
 * cycle's files, sorted. Nothing outside lib/constructs may be listed here.
 */
const KNOWN_CYCLES: string[][] = [];

/** The layers of CONTRIBUTING.md's "Layers, lowest first" sentence, in order. */
function statedLayers(): string[] {
  const text = fs.readFileSync(path.join(ROOT, 'CONTRIBUTING.md'), 'utf8');
  const start = text.indexOf('Layers, lowest first');
  const end = text.indexOf('on top.', start);
  if (start < 0 || end < 0) throw new Error('CONTRIBUTING.md has no "Layers, lowest first ... on top." sentence');
  return [...text.slice(start, end).matchAll(/`(lib\/[a-z0-9-]+)`/g)].map((m) => m[1]);
}

/** The layer (lib/<dir>) a file belongs to, or undefined for lib/index.ts, which sits above all. */
function layerOf(file: string): string | undefined {
  const parts = file.split('/');
  return parts.length > 2 ? `${parts[0]}/${parts[1]}` : undefined;
}

/** Every import from one layer to a later (higher) one, or to a layer the sentence does not name. */
function layerViolations(graph: ImportGraph, layers: string[]): string[] {
  const out: string[] = [];
  for (const [file, targets] of graph) {
    const from = layerOf(file);
    if (from === undefined) continue;
    for (const target of targets) {
      const to = layerOf(target);
      if (to === undefined || to === from) continue;
      const fromAt = layers.indexOf(from);
      const toAt = layers.indexOf(to);
      if (fromAt < 0 || toAt < 0) out.push(`${file} -> ${target}: ${fromAt < 0 ? from : to} is not in CONTRIBUTING.md's layers`);
      else if (toAt > fromAt) out.push(`${file} -> ${target}: ${from} sits below ${to}`);
    }
  }
  return out;
}

describe('the import graph helper', () => {
  test('reads imports, re-exports and requires; leaves out type-only imports unless asked', () => {
    const text = [
      "import { a } from './a';",
      "import type { B } from './b';",
      "export { c } from './c';",
      "export type { D } from './d';",
      "import e = require('./e');",
      "const f = () => require('./f');",
      "import 'g';",
    ].join('\n');
    expect(importSpecifiers(text)).toEqual(['./a', './c', './e', './f', 'g']);
    expect(importSpecifiers(text, 'x.ts', true)).toEqual(['./a', './b', './c', './d', './e', './f', 'g']);
  });

  test('finds every cycle, a file importing itself included, and nothing else', () => {
    const graph: ImportGraph = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a', 'd']],
      ['d', []],
      ['e', ['e']],
      ['f', ['d']],
    ]);
    expect(importCycles(graph)).toEqual([['a', 'b', 'c'], ['e']]);
  });

  test('a layer importing a higher one is reported with both files', () => {
    const graph: ImportGraph = new Map([
      ['lib/check/x.ts', ['lib/constructs/y.ts', 'lib/report/z.ts']],
      ['lib/extra/w.ts', ['lib/report/z.ts']],
      ['lib/index.ts', ['lib/check/x.ts']],
    ]);
    expect(layerViolations(graph, ['lib/report', 'lib/check', 'lib/constructs'])).toEqual([
      'lib/check/x.ts -> lib/constructs/y.ts: lib/check sits below lib/constructs',
      "lib/extra/w.ts -> lib/report/z.ts: lib/extra is not in CONTRIBUTING.md's layers",
    ]);
  });
});

describe('lib/', () => {
  // Type-only imports count: a cycle through types is still two files that cannot be read apart.
  const graph = importGraph(ROOT, 'lib', true);

  test('has no import cycles but the known ones in lib/constructs', () => {
    expect(KNOWN_CYCLES.every((cycle) => cycle.every((file) => file.startsWith('lib/constructs/')))).toBe(true);
    expect(importCycles(graph)).toEqual(KNOWN_CYCLES);
  });

  test("imports only downwards in CONTRIBUTING.md's layer order", () => {
    const layers = statedLayers();
    const present = [...new Set([...graph.keys()].map(layerOf).filter((l): l is string => l !== undefined))].sort();
    expect([...layers].sort()).toEqual(present);
    expect(layerViolations(graph, layers)).toEqual([]);
  });
});
