// The access model orders names with compareText instead of localeCompare (whose first call costs
// ~8 ms of ICU start-up at synth): the order must be localeCompare's, on every kind of name.
import { compareText } from '../../lib/access/text-order';

const ALPHABET = ' _-,;:!?.\'"()[]{}@*/\\&#%`^+<=>|~$0123456789aAbBzZmMyY';

/** A deterministic pseudo-random generator (the same strings on every run). */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return s / 0x80000000;
  };
}

function strings(count: number, alphabet: string, seed: number): string[] {
  const next = random(seed);
  return Array.from({ length: count }, () =>
    Array.from({ length: Math.floor(next() * 6) }, () => alphabet[Math.floor(next() * alphabet.length)]).join(''),
  );
}

const expectSameOrder = (names: string[]) => {
  const differ: string[] = [];
  for (const a of names)
    for (const b of names) if (compareText(a, b) !== Math.sign(a.localeCompare(b))) differ.push(`${JSON.stringify(a)} vs ${JSON.stringify(b)}`);
  expect(differ).toEqual([]);
};

describe('compareText', () => {
  test('orders every printable ASCII character as localeCompare does', () => {
    const all = Array.from({ length: 95 }, (_, i) => String.fromCharCode(0x20 + i));
    expectSameOrder(all);
    expect([...all].sort(compareText)).toEqual([...all].sort((a, b) => a.localeCompare(b)));
  });

  test('orders names that differ in case, punctuation, digits and length as localeCompare does', () => {
    expectSameOrder([
      'access',
      'Access',
      'ACCESS',
      'auditor',
      'editor',
      'visitor-1',
      'visitor_1',
      'visitor1',
      'visitor-10',
      'visitor-2',
      'Visitor-1',
      'a',
      'A',
      '',
    ]);
    expectSameOrder(['leaf.example.com', 'leaf-2.example.com', 'Leaf.example.com', 'root.example.com', 'stack|leaf|root', 'stack-b|leaf|root']);
  });

  test('agrees with localeCompare on random names, 300 x 300 pairs', () => {
    expectSameOrder(strings(300, ALPHABET, 7));
  });

  test('leaves other text to localeCompare (accents, control characters)', () => {
    expectSameOrder(['é', 'e', 'E', 'f', 'résumé', 'resume', 'Resume', 'a\u0007b', 'ab', 'a\tb', 'ä', 'z']);
  });
});
