/**
 * The nesting depth of JSON, measured without recursion, so that a 100k-deep document is refused
 * with its position instead of overflowing the stack of whatever walks the parsed value. The parsed
 * value is measured (V8's JSON.parse itself does not recurse); the text is scanned for the position
 * only when the value is too deep.
 */

/** True when `value` nests arrays and objects deeper than `maxDepth` (walked with a list, not recursion). */
export function valueTooDeep(value: unknown, maxDepth: number): boolean {
  const nodes: unknown[] = [value];
  const depths: number[] = [1];
  while (nodes.length) {
    const v = nodes.pop() as Record<string, unknown> | unknown[];
    const depth = depths.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (depth > maxDepth) return true;
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        const c = v[i];
        if (c !== null && typeof c === 'object') {
          nodes.push(c);
          depths.push(depth + 1);
        }
      }
    } else {
      for (const k in v) {
        const c = v[k];
        if (c !== null && typeof c === 'object') {
          nodes.push(c);
          depths.push(depth + 1);
        }
      }
    }
  }
  return false;
}

const OPEN_OBJECT = 0x7b; // {
const OPEN_ARRAY = 0x5b; // [
const CLOSE_OBJECT = 0x7d; // }
const CLOSE_ARRAY = 0x5d; // ]
const QUOTE = 0x22; // "
const BACKSLASH = 0x5c; // \

/** The offset of the first `[` or `{` that opens level `maxDepth + 1`, or -1 when the text stays within `maxDepth`. */
export function depthExceededAt(text: string, maxDepth: number): number {
  let depth = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      for (i++; i < n; i++) {
        const s = text.charCodeAt(i);
        if (s === BACKSLASH) i++;
        else if (s === QUOTE) break;
      }
    } else if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      if (++depth > maxDepth) return i;
    } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
      depth--;
    }
  }
  return -1;
}
