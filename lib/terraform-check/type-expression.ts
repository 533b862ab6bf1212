// Terraform type constraints as cdk.tf.json writes them in `variable.<name>.type`: `string`,
// `list(string)`, `object({name=string, port=optional(number, 443)})`, `tuple([string, number])`.
// Parsed into a small tree so placeholders can be built for every required part.

export type TypeNode =
  | { readonly kind: 'string' | 'number' | 'bool' | 'any' }
  | { readonly kind: 'list' | 'set' | 'map'; readonly element: TypeNode }
  | { readonly kind: 'object'; readonly attributes: Readonly<Record<string, { readonly type: TypeNode; readonly optional: boolean }>> }
  | { readonly kind: 'tuple'; readonly elements: readonly TypeNode[] };

/** Thrown for a type expression this parser does not understand. */
export class TypeExpressionError extends Error {}

/** Parses a type expression (optionally wrapped in `${...}`, as some JSON configurations write it). */
export function parseTypeExpression(text: string): TypeNode {
  const source = text.trim().replace(/^\$\{([\s\S]*)\}$/, '$1');
  const parser = new Parser(source);
  const node = parser.type();
  parser.end();
  return node;
}

class Parser {
  private pos = 0;

  constructor(private readonly src: string) {}

  type(): TypeNode {
    const name = this.identifier();
    if (name === 'string' || name === 'number' || name === 'bool' || name === 'any') return { kind: name };
    if (!['list', 'set', 'map', 'object', 'tuple'].includes(name)) throw this.error(`unknown type "${name}"`);
    this.expect('(');
    let node: TypeNode;
    if (name === 'list' || name === 'set' || name === 'map') node = { kind: name, element: this.type() };
    else if (name === 'object') node = this.object();
    else node = this.tuple();
    this.expect(')');
    return node;
  }

  end(): void {
    this.skipSpace();
    if (this.pos < this.src.length) throw this.error('unexpected text');
  }

  private object(): TypeNode {
    this.expect('{');
    // No prototype: an attribute may be called __proto__ or constructor.
    const attributes: Record<string, { type: TypeNode; optional: boolean }> = Object.create(null);
    while (!this.accept('}')) {
      const name = this.peek() === '"' ? this.quoted() : this.identifier();
      if (!this.accept('=')) this.expect(':');
      attributes[name] = this.attributeType();
      this.accept(',');
    }
    return { kind: 'object', attributes };
  }

  /** `optional(T)` or `optional(T, default)` marks an attribute that may be omitted. */
  private attributeType(): { type: TypeNode; optional: boolean } {
    const start = this.pos;
    if (this.identifier() !== 'optional') {
      this.pos = start;
      return { type: this.type(), optional: false };
    }
    this.expect('(');
    const type = this.type();
    if (this.accept(',')) this.skipLiteral();
    this.expect(')');
    return { type, optional: true };
  }

  private tuple(): TypeNode {
    this.expect('[');
    const elements: TypeNode[] = [];
    while (!this.accept(']')) {
      elements.push(this.type());
      this.accept(',');
    }
    return { kind: 'tuple', elements };
  }

  /** Skips a default value (any literal, however nested) up to the `)` that closes `optional(`. */
  private skipLiteral(): void {
    let depth = 0;
    while (this.pos < this.src.length) {
      const c = this.src[this.pos];
      if (c === '"') {
        this.quoted();
        continue;
      }
      if (depth === 0 && c === ')') return;
      if ('([{'.includes(c)) depth++;
      if (')]}'.includes(c)) depth--;
      this.pos++;
    }
    throw this.error('unterminated default value');
  }

  private identifier(): string {
    this.skipSpace();
    const m = /^[A-Za-z_][A-Za-z0-9_-]*/.exec(this.src.slice(this.pos));
    if (!m) throw this.error('expected a name');
    this.pos += m[0].length;
    return m[0];
  }

  private quoted(): string {
    this.skipSpace();
    const m = /^"((?:[^"\\]|\\.)*)"/.exec(this.src.slice(this.pos));
    if (!m) throw this.error('unterminated string');
    this.pos += m[0].length;
    return JSON.parse(m[0]);
  }

  private peek(): string {
    this.skipSpace();
    return this.src[this.pos];
  }

  private accept(c: string): boolean {
    if (this.peek() !== c) return false;
    this.pos++;
    return true;
  }

  private expect(c: string): void {
    if (!this.accept(c)) throw this.error(`expected "${c}"`);
  }

  private skipSpace(): void {
    while (this.pos < this.src.length && /\s/.test(this.src[this.pos])) this.pos++;
  }

  private error(what: string): TypeExpressionError {
    return new TypeExpressionError(`${what} at position ${this.pos + 1} of type "${this.src}"`);
  }
}
