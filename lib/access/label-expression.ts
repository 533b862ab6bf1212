// Whether a `<kind>_labels_expression` is true whatever the resource and the user: Teleport's
// predicate language (RFD 116 "RBAC Label Expressions": `==`, `!=`, `&&`, `||`, `!`, parentheses,
// string literals, `labels[...]`, `user.spec.traits[...]` and helper functions) read with three
// values: literals and literal comparisons are known, anything that reads labels or traits is
// unknown. An expression is "always true" only when it evaluates to true with every unknown left
// unknown (`true`, `true || labels["env"] == "x"`, `"a" == "a"`, `!false`). Anything this reader
// does not understand is unknown, never true: the answer errs towards "not every resource".

type Tri = true | false | undefined;
type Token = { kind: 'op' | 'str' | 'word' | 'other'; text: string };

/** Deeper nesting than this reads as unknown (a hostile expression cannot exhaust the stack). */
const MAX_DEPTH = 64;
/** Longer expressions read as unknown (the reader is linear, but there is no need to read a megabyte). */
const MAX_LENGTH = 10_000;

function tokenize(text: string): Token[] | undefined {
  const out: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const two = text.slice(i, i + 2);
    if (two === '&&' || two === '||' || two === '==' || two === '!=') {
      out.push({ kind: 'op', text: two });
      i += 2;
    } else if (c === '!' || c === '(' || c === ')') {
      out.push({ kind: 'op', text: c });
      i++;
    } else if (c === '"' || c === '`') {
      // A Go string literal: "..." with escapes, or a raw `...` literal.
      let j = i + 1;
      let value = '';
      while (j < text.length && text[j] !== c) {
        if (c === '"' && text[j] === '\\' && j + 1 < text.length) j++;
        value += text[j];
        j++;
      }
      if (j >= text.length) return undefined;
      out.push({ kind: 'str', text: value });
      i = j + 1;
    } else if (/[A-Za-z_]/.test(c)) {
      let j = i;
      while (j < text.length && /[A-Za-z0-9_.]/.test(text[j])) j++;
      out.push({ kind: 'word', text: text.slice(i, j) });
      i = j;
    } else {
      out.push({ kind: 'other', text: c });
      i++;
    }
  }
  return out;
}

/** A recursive-descent reader over the tokens: or > and > not > comparison > primary. */
class Reader {
  private at = 0;
  constructor(private readonly tokens: Token[]) {}

  private peek(text: string): boolean {
    const t = this.tokens[this.at];
    return t !== undefined && t.kind === 'op' && t.text === text;
  }

  done(): boolean {
    return this.at === this.tokens.length;
  }

  or(depth: number): Tri {
    let value = this.and(depth);
    while (this.peek('||')) {
      this.at++;
      const right = this.and(depth);
      value = value === true || right === true ? true : value === false && right === false ? false : undefined;
    }
    return value;
  }

  private and(depth: number): Tri {
    let value = this.not(depth);
    while (this.peek('&&')) {
      this.at++;
      const right = this.not(depth);
      value = value === false || right === false ? false : value === true && right === true ? true : undefined;
    }
    return value;
  }

  private not(depth: number): Tri {
    if (this.peek('!')) {
      this.at++;
      const value = this.not(depth + 1);
      return value === undefined ? undefined : !value;
    }
    return this.comparison(depth);
  }

  private comparison(depth: number): Tri {
    const left = this.operand(depth);
    if (this.peek('==') || this.peek('!=')) {
      const negate = this.tokens[this.at].text === '!=';
      this.at++;
      const right = this.operand(depth);
      if (left.literal === undefined || right.literal === undefined) return undefined;
      return (left.literal === right.literal) !== negate;
    }
    return left.value;
  }

  /** One operand: its truth value when used as a condition, and its text when it is a string literal. */
  private operand(depth: number): { value: Tri; literal?: string } {
    if (depth > MAX_DEPTH) throw new Error('too deep');
    const t = this.tokens[this.at];
    if (t === undefined) throw new Error('unexpected end');
    if (t.kind === 'op' && t.text === '(') {
      this.at++;
      const value = this.or(depth + 1);
      if (!this.peek(')')) throw new Error('unbalanced');
      this.at++;
      return { value };
    }
    if (t.kind === 'str') {
      this.at++;
      return { value: undefined, literal: t.text };
    }
    if (t.kind === 'word' && (t.text === 'true' || t.text === 'false')) {
      this.at++;
      return { value: t.text === 'true', literal: undefined };
    }
    // Anything else (labels["x"], a function call, user traits): unknown. Skip it whole, with any
    // brackets and parentheses it opens, up to the next operator at this level.
    let open = 0;
    while (this.at < this.tokens.length) {
      const u = this.tokens[this.at];
      if (open === 0 && u.kind === 'op' && ['&&', '||', '==', '!=', ')'].includes(u.text)) break;
      if (u.text === '(' || u.text === '[') open++;
      if (u.text === ')' || u.text === ']') open--;
      if (open < 0) throw new Error('unbalanced');
      this.at++;
    }
    return { value: undefined };
  }
}

/** True when a label expression matches every resource for every user (see the file comment). */
export function isAlwaysTrue(expression: string | undefined): boolean {
  if (expression === undefined || expression.length > MAX_LENGTH || expression.includes('${')) return false;
  const tokens = tokenize(expression);
  if (!tokens || tokens.length === 0) return false;
  try {
    const reader = new Reader(tokens);
    const value = reader.or(0);
    return reader.done() && value === true;
  } catch {
    return false;
  }
}
