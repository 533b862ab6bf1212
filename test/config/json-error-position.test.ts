import { jsonErrorOffset, jsonErrorWhere, positionAt } from '../../lib/config/json-error-position';

// A document with every JSON construct: nesting, escapes, \u, numbers in every form, literals.
const VALID = JSON.stringify(
  { a: [1, -2.5, 3e10, 0, -0.125e-3, true, false, null], 'b"\\\n': { c: 'x\ty\u0001\u00e9', d: [], e: {} }, f: [[{ g: '' }]] },
  null,
  2,
);

function v8(text: string): { ok: boolean; position?: number } {
  try {
    JSON.parse(text);
    return { ok: true };
  } catch (e) {
    const m = /at position (\d+)/.exec((e as Error).message);
    return { ok: false, position: m ? Number(m[1]) : /Unexpected end/.test((e as Error).message) ? text.length : undefined };
  }
}

describe('jsonErrorOffset', () => {
  test('valid documents give -1', () => {
    for (const t of [VALID, '1', ' "x" ', 'null', '[]', '{}', '-0.5E+2']) expect(jsonErrorOffset(t)).toBe(-1);
  });

  // Every truncation and every one-character corruption of VALID: the scanner must agree with
  // JSON.parse on validity, and with V8's position wherever V8 reports one.
  const mutations: string[] = [];
  for (let i = 0; i < VALID.length; i++) {
    mutations.push(VALID.slice(0, i));
    for (const c of ['}', ']', ',', ':', '"', 'x', '0', '\u0001', ' ']) mutations.push(VALID.slice(0, i) + c + VALID.slice(i + 1));
  }

  test(`agrees with JSON.parse on ${mutations.length} truncated and corrupted documents`, () => {
    const disagreements: string[] = [];
    let compared = 0;
    for (const t of mutations) {
      const ref = v8(t);
      const ours = jsonErrorOffset(t);
      if (ref.ok !== (ours === -1)) disagreements.push(`validity: ${JSON.stringify(t)}`);
      else if (ref.position !== undefined) {
        compared++;
        if (ref.position !== ours) disagreements.push(`position ${ours} vs ${ref.position}: ${JSON.stringify(t)}`);
      }
    }
    expect(disagreements.slice(0, 5)).toEqual([]);
    expect(compared).toBeGreaterThan(500);
  });
});

describe('positionAt and jsonErrorWhere', () => {
  test('1-based line and column', () => {
    expect(positionAt('ab\ncd\nef', 0)).toEqual({ line: 1, column: 1 });
    expect(positionAt('ab\ncd\nef', 4)).toEqual({ line: 2, column: 2 });
    expect(positionAt('ab\ncd\nef', 6)).toEqual({ line: 3, column: 1 });
  });

  test('names the place only', () => {
    expect(jsonErrorWhere('{"token": "s3cr3t-value" x}')).toBe('line 1, column 26');
    expect(jsonErrorWhere('{\n "a": [1,\n')).toBe('unexpected end at line 3, column 1');
  });
});
