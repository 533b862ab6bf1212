import { clearSecrets, registerSecret } from '../../lib/report/redact';
import {
  MAX_DISPLAY_CHARS,
  MAX_SERVER_TEXT,
  capText,
  displayLines,
  displayText,
  escapeUnsafe,
  plainServerText,
  serverText,
  terminalSafe,
} from '../../lib/report/sanitize';
import { printableName } from '../../lib/api-check/shape-words';

describe('displayText: one safe line of human output', () => {
  test.each([
    ['a carriage return', 'a\rb', 'a\\x0db'],
    ['a newline', 'a\nOK: all good', 'a\\x0aOK: all good'],
    ['an OSC title sequence', '\x1b]0;title\x07', '\\x1b]0;title\\x07'],
    ['a CSI colour', '\x1b[31mred', '\\x1b[31mred'],
    ['DEL and a C1 control', 'a\x7fb\x9bc', 'a\\x7fb\\x9bc'],
    ['a bidi override and isolate', 'abc\u202edcb\u2066x\u2069', 'abc\\u202edcb\\u2066x\\u2069'],
    ['zero-width and BOM', 'a\u200bb\ufeff', 'a\\u200bb\\ufeff'],
    ['line and paragraph separators', 'a\u2028b\u2029c', 'a\\u2028b\\u2029c'],
    ['plain text, accents and emoji', 'rootcluster.example.com é ✓ 😀', 'rootcluster.example.com é ✓ 😀'],
  ])('%s', (_what, input, shown) => {
    expect(displayText(input)).toBe(shown);
  });

  test('capped after escaping, never inside an escape, with a note of what was cut', () => {
    const huge = 'x'.repeat(1 << 20);
    const shown = displayText(huge);
    expect(shown).toBe(`${'x'.repeat(MAX_DISPLAY_CHARS)}… (${(1 << 20) - MAX_DISPLAY_CHARS} more characters cut)`);
    expect(displayText('ab\x1bcd', 5)).toBe('ab… (3 more characters cut)');
  });

  test('displayLines keeps our own line breaks and makes each line safe', () => {
    expect(displayLines('usage:\n  a\x1b[2Jb\n')).toBe('usage:\n  a\\x1b[2Jb\n');
  });
});

describe('capText: --json strings stay exact, only cut', () => {
  test('short text is untouched, control characters included', () => {
    expect(capText('a\x1b\rb')).toBe('a\x1b\rb');
  });

  test('a long text is cut with a note, never inside a surrogate pair', () => {
    expect(capText('abcdef', 4)).toBe('abcd… (2 more characters cut)');
    expect(capText('abc😀def', 4)).toBe('abc… (5 more characters cut)');
  });
});

test('terminalSafe: the characters JSON.stringify leaves raw are escaped; the document parses to the exact strings', () => {
  const value = { s: 'a\x7fb\x9bc\u202ed\u2028e\u{e0041}f\x1b' };
  const json = terminalSafe(JSON.stringify(value));
  expect(json).toBe('{"s":"a\\u007fb\\u009bc\\u202ed\\u2028e\\udb40\\udc41f\\u001b"}');
  expect(JSON.parse(json)).toEqual(value);
});

test('terminalSafe on free text: newline and tab stay, every other unsafe character is a \\u escape, nothing is cut', () => {
  expect(terminalSafe('a\tb\nc\rd\x1b[2J\u202ee')).toBe('a\tb\nc\\u000dd\\u001b[2J\\u202ee');
  expect(terminalSafe('x'.repeat(5000))).toHaveLength(5000);
});

test('escapeUnsafe: input quoted whole in a report, escaped as displayText does, never cut', () => {
  expect(escapeUnsafe('env\x1b[31m gu\u202eest\nx')).toBe('env\\x1b[31m gu\\u202eest\\x0ax');
  expect(escapeUnsafe('y'.repeat(MAX_DISPLAY_CHARS * 3))).toBe('y'.repeat(MAX_DISPLAY_CHARS * 3));
});

describe('server text entering a message', () => {
  afterEach(() => clearSecrets());

  test('serverText masks registered secrets and token-shaped runs, makes whitespace one space, keeps the rest for the output to escape', () => {
    registerSecret('hunter2-secret');
    const token = 'ab'.repeat(16);
    expect(serverText(`  denied\r\n  for hunter2-secret (token ${token})\x1b[2J `)).toBe('denied for ***REDACTED*** (token ***REDACTED***)\x1b[2J');
  });

  test('serverText caps a long text with a note', () => {
    expect(serverText('z'.repeat(MAX_SERVER_TEXT + 50))).toBe(`${'z'.repeat(MAX_SERVER_TEXT)}… (cut)`);
  });

  test('plainServerText makes every unsafe character a space first (control, C1, bidi, zero-width, separators)', () => {
    expect(plainServerText('access denied\x1b[31m to\x9b "role"\u202e\u200b\u2028end')).toBe('access denied [31m to "role" end');
  });
});

test('printableName (the runtime props check): a key as in a JS string, format and bidi characters escaped too', () => {
  expect(printableName('x\x1b[2J\r"\u202e\u2066y')).toBe('x\\u001b[2J\\r\\"\\u202e\\u2066y');
});
