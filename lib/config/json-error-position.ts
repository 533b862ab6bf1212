/**
 * Where a JSON text stops being JSON, as line and column. Error messages name only this, never a
 * snippet of the text: V8's own messages quote the text around the error, which can hold a secret.
 */

/** A 1-based line and column (in UTF-16 code units, as editors count for most text). */
export interface TextPosition {
  readonly line: number;
  readonly column: number;
}

const WHITESPACE = new Set([' ', '\t', '\n', '\r']);
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);
const HEX = /^[0-9a-fA-F]$/;

const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';

class Stop {
  constructor(readonly offset: number) {}
}

/** The offset of the first character that makes `text` invalid JSON (`text.length` if it ends early), or -1 if it is valid. */
export function jsonErrorOffset(text: string): number {
  let i = 0;
  const stop = (): never => {
    throw new Stop(i);
  };
  const ws = () => {
    while (i < text.length && WHITESPACE.has(text[i])) i++;
  };
  const literal = (word: string) => {
    for (const c of word) {
      if (text[i] !== c) stop();
      i++;
    }
  };
  const string = () => {
    i++; // the opening quote
    for (;;) {
      if (i >= text.length) stop();
      const c = text[i];
      if (c === '"') return void i++;
      if (c < ' ') stop();
      if (c === '\\') {
        i++;
        if (text[i] === 'u') {
          i++;
          for (let k = 0; k < 4; k++, i++) if (!HEX.test(text[i] ?? '')) stop();
        } else if (ESCAPES.has(text[i])) i++;
        else stop();
      } else i++;
    }
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === '{')
      return members('}', () => {
        ws();
        if (text[i] !== '"') stop();
        string();
        ws();
        if (text[i] !== ':') stop();
        i++;
        value();
      });
    if (c === '[') return members(']', value);
    if (c === '"') return string();
    if (c === 't') return literal('true');
    if (c === 'f') return literal('false');
    if (c === 'n') return literal('null');
    number();
  };
  const digits = () => {
    if (!isDigit(text[i])) stop();
    while (isDigit(text[i])) i++;
  };
  const number = () => {
    if (text[i] === '-') i++;
    if (text[i] === '0') i++;
    else digits();
    if (text[i] === '.') {
      i++;
      digits();
    }
    if (text[i] === 'e' || text[i] === 'E') {
      i++;
      if (text[i] === '+' || text[i] === '-') i++;
      digits();
    }
  };
  const members = (close: string, member: () => void) => {
    i++; // the opening bracket
    ws();
    if (text[i] === close) return void i++;
    for (;;) {
      member();
      ws();
      if (text[i] === ',') i++;
      else if (text[i] === close) return void i++;
      else stop();
    }
  };
  try {
    value();
    ws();
    return i < text.length ? i : -1;
  } catch (e) {
    if (e instanceof Stop) return e.offset;
    throw e;
  }
}

/** The 1-based line and column of `offset` in `text`. */
export function positionAt(text: string, offset: number): TextPosition {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: offset - start + 1 };
}

/** A one-line description of where `text` (which JSON.parse rejected) is not valid JSON: `line 3, column 7`. */
export function jsonErrorWhere(text: string): string {
  let offset: number;
  try {
    offset = jsonErrorOffset(text);
  } catch {
    return 'nested too deeply to locate the error';
  }
  if (offset < 0) offset = text.length; // the scanner accepts what JSON.parse rejected: should not happen
  const { line, column } = positionAt(text, offset);
  return offset >= text.length ? `unexpected end at line ${line}, column ${column}` : `line ${line}, column ${column}`;
}
