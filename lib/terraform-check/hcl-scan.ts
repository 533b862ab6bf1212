/**
 * A block scanner for Terraform's native syntax (HCL), careful rather than complete: it finds the
 * blocks and attributes of a `.tf` file (skipping expressions, with their strings, templates,
 * heredocs and comments) without evaluating anything. terraform-check uses it to decide whether an
 * HCL file is provably safe to plan offline; anything it cannot follow is an {@link HclScanError},
 * and the stack is then not checked.
 */

/** An attribute (`name = expression`) or a block (`type "label" { ... }`). */
export type HclItem =
  | { readonly kind: 'attribute'; readonly name: string; readonly line: number; readonly expression: string }
  | { readonly kind: 'block'; readonly type: string; readonly labels: readonly string[]; readonly line: number; readonly body: readonly HclItem[] };

export class HclScanError extends Error {
  constructor(
    readonly line: number,
    what: string,
  ) {
    super(`${what} at line ${line}`);
  }
}

/** Blocks nest no deeper than this (Terraform's own blocks nest three or four deep). */
const MAX_BLOCK_DEPTH = 32;
/** Brackets and template sequences inside one expression nest no deeper than this. */
const MAX_EXPRESSION_DEPTH = 256;

const IDENTIFIER = /[A-Za-z_][A-Za-z0-9_-]*/y;

export function scanHcl(text: string): HclItem[] {
  return new Scanner(text).body(0, false);
}

class Scanner {
  private pos = 0;
  private line = 1;

  constructor(private readonly src: string) {}

  /** Items up to the closing `}` (or the end of the file at the top level). */
  body(depth: number, closed: boolean): HclItem[] {
    if (depth > MAX_BLOCK_DEPTH) this.fail('blocks nested too deeply');
    const items: HclItem[] = [];
    for (;;) {
      this.skipSpace(true);
      if (this.pos >= this.src.length) {
        if (closed) this.fail('a block is not closed');
        return items;
      }
      if (this.src[this.pos] === '}') {
        if (!closed) this.fail('an unexpected }');
        this.pos++;
        return items;
      }
      const line = this.line;
      const name = this.identifier();
      this.skipSpace(false);
      if (this.src[this.pos] === '=' && this.src[this.pos + 1] !== '=') {
        this.pos++;
        const start = this.pos;
        this.expression();
        items.push({ kind: 'attribute', name, line, expression: this.src.slice(start, this.pos).trim() });
        continue;
      }
      const labels: string[] = [];
      for (;;) {
        this.skipSpace(false);
        const c = this.src[this.pos];
        if (c === '"') labels.push(this.label());
        else if (c !== undefined && /[A-Za-z_]/.test(c)) labels.push(this.identifier());
        else break;
      }
      if (this.src[this.pos] !== '{') this.fail(`expected = or { after ${name}`);
      this.pos++;
      items.push({ kind: 'block', type: name, labels, line, body: this.body(depth + 1, true) });
    }
  }

  private identifier(): string {
    IDENTIFIER.lastIndex = this.pos;
    const m = IDENTIFIER.exec(this.src);
    if (!m) this.fail('expected a name');
    this.pos += m![0].length;
    return m![0];
  }

  /** A block label: a quoted string without escapes or templates. */
  private label(): string {
    const end = this.src.indexOf('"', this.pos + 1);
    const text = end < 0 ? '' : this.src.slice(this.pos + 1, end);
    if (end < 0 || /[\\\n$%]/.test(text)) this.fail('a block label that is not a plain string');
    this.pos = end + 1;
    return text;
  }

  /**
   * Skips an expression: up to a newline outside brackets, or a `}` that closes the enclosing
   * single-line block (not consumed).
   */
  private expression(): void {
    const closers: string[] = [];
    for (;;) {
      this.skipSpace(closers.length > 0);
      if (this.pos >= this.src.length) {
        if (closers.length) this.fail('an expression is not closed');
        return;
      }
      const c = this.src[this.pos];
      if (c === '\n') return; // outside brackets: the attribute ends
      if (c === '"') this.quoted();
      else if (c === '<' && this.src[this.pos + 1] === '<' && /[-A-Za-z_]/.test(this.src[this.pos + 2] ?? '')) this.heredoc();
      else if (c === '(' || c === '[' || c === '{') {
        if (closers.length >= MAX_EXPRESSION_DEPTH) this.fail('an expression nested too deeply');
        closers.push(c === '(' ? ')' : c === '[' ? ']' : '}');
        this.pos++;
      } else if (c === ')' || c === ']' || c === '}') {
        if (closers.length === 0) {
          if (c === '}') return; // closes the enclosing block
          this.fail(`an unexpected ${c}`);
        }
        if (closers.pop() !== c) this.fail(`a mismatched ${c}`);
        this.pos++;
      } else this.pos++;
    }
  }

  /** A quoted template string, with `${...}` and `%{...}` sequences holding expressions (and strings) of their own. */
  private quoted(): void {
    this.pos++; // the opening quote
    for (;;) {
      const c = this.src[this.pos];
      if (c === undefined || c === '\n') this.fail('a string is not closed');
      if (c === '\\') this.pos += 2;
      else if (c === '"') return void this.pos++;
      else if ((c === '$' || c === '%') && this.src[this.pos + 1] === '{') this.template();
      else if ((c === '$' || c === '%') && this.src[this.pos + 1] === c && this.src[this.pos + 2] === '{')
        this.pos += 3; // $${ is a literal ${
      else this.pos++;
    }
  }

  /** A `${ ... }` or `%{ ... }` sequence: an expression up to its matching }. */
  private template(): void {
    this.pos += 2;
    let depth = 1;
    while (depth > 0) {
      this.skipSpace(true);
      const c = this.src[this.pos];
      if (c === undefined) this.fail('a template sequence is not closed');
      if (c === '"') this.quoted();
      else if (c === '<' && this.src[this.pos + 1] === '<' && /[-A-Za-z_]/.test(this.src[this.pos + 2] ?? '')) this.heredoc();
      else {
        if (c === '{') depth++;
        if (c === '}') depth--;
        if (depth > MAX_EXPRESSION_DEPTH) this.fail('a template nested too deeply');
        this.pos++;
      }
    }
  }

  /** `<<EOF` or `<<-EOF` ... up to the line holding only the marker. */
  private heredoc(): void {
    const m = /<<-?([A-Za-z_][A-Za-z0-9_-]*)[ \t]*\r?\n/y;
    m.lastIndex = this.pos;
    const found = m.exec(this.src);
    if (!found) this.fail('a heredoc that does not start a new line');
    this.pos += found![0].length;
    this.line++;
    const marker = found![1];
    for (;;) {
      if (this.pos >= this.src.length) this.fail(`a heredoc without its closing ${marker}`);
      let end = this.src.indexOf('\n', this.pos);
      if (end < 0) end = this.src.length;
      const text = this.src.slice(this.pos, end).replace(/\r$/, '').trim();
      this.pos = end;
      if (text === marker) return;
      if (this.pos < this.src.length) {
        this.pos++;
        this.line++;
      }
    }
  }

  /** Skips spaces and comments; newlines too when `newlines` (a newline ending a comment is left when not). */
  private skipSpace(newlines: boolean): void {
    for (;;) {
      const c = this.src[this.pos];
      if (c === ' ' || c === '\t' || c === '\r') this.pos++;
      else if (c === '\n' && newlines) {
        this.pos++;
        this.line++;
      } else if (c === '#' || (c === '/' && this.src[this.pos + 1] === '/')) {
        const end = this.src.indexOf('\n', this.pos);
        this.pos = end < 0 ? this.src.length : end;
      } else if (c === '/' && this.src[this.pos + 1] === '*') {
        const end = this.src.indexOf('*/', this.pos + 2);
        if (end < 0) this.fail('a comment is not closed');
        for (let i = this.pos; i < end; i++) if (this.src[i] === '\n') this.line++;
        this.pos = end + 2;
      } else return;
    }
  }

  private fail(what: string): never {
    throw new HclScanError(this.line, what);
  }
}
