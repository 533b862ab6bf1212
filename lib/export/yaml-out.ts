// Writes exported documents as YAML: comments before a document and after a value, every string
// that holds a character which steers a terminal double-quoted with that character escaped (the
// same string for a YAML reader), comments made safe (they are ours, with input text quoted).
// yaml is loaded on first use, not at import: importing the library stays cheap (see bench/).
import type * as YAML from 'yaml';
import { displayText, hasUnsafeInText, replaceUnsafeInText } from '../report/sanitize';
import { FieldComment } from './values';

/** One document to write. */
export interface OutDocument {
  readonly body: Record<string, unknown>;
  /** Comment lines before the document. */
  readonly before: readonly string[];
  /** Comments after values. */
  readonly comments: readonly FieldComment[];
}

/** One comment line: no line breaks, nothing unsafe, capped. */
export function commentLine(text: string): string {
  return ` ${displayText(text, 400)}`;
}

/**
 * Escapes what is left unsafe inside double-quoted scalars (YAML's `\uXXXX` and `\UXXXXXXXX`); newline
 * and tab stay (layout; yaml escapes them inside quoted strings itself).
 */
function escapeUnsafeYaml(text: string): string {
  return replaceUnsafeInText(text, (ch) => {
    const cp = ch.codePointAt(0)!;
    return cp > 0xffff ? `\\U${cp.toString(16).padStart(8, '0')}` : `\\u${cp.toString(16).padStart(4, '0')}`;
  });
}

/** The YAML text of one document. */
function renderOne(yaml: typeof YAML, doc: OutDocument): string {
  const d = new yaml.Document(doc.body);
  yaml.visit(d, {
    Scalar(_key, node) {
      if (typeof node.value === 'string' && hasUnsafeInText(node.value)) node.type = 'QUOTE_DOUBLE';
    },
    Pair(_key, pair) {
      const key = pair.key as YAML.Scalar | undefined;
      if (key && typeof key.value === 'string' && hasUnsafeInText(key.value)) key.type = 'QUOTE_DOUBLE';
    },
  });
  for (const c of doc.comments) {
    const node = d.getIn(c.path, true) as YAML.Node | undefined;
    if (node && typeof node === 'object') node.comment = commentLine(c.text);
  }
  if (doc.before.length) d.commentBefore = doc.before.map(commentLine).join('\n');
  return escapeUnsafeYaml(d.toString({ lineWidth: 0, minContentWidth: 0 }));
}

/** The YAML stream of several documents, with header comment lines. */
export function renderYaml(header: readonly string[], docs: readonly OutDocument[]): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const yaml = require('yaml') as typeof YAML;
  const head = header.map((l) => `#${commentLine(l)}\n`).join('');
  if (docs.length === 0) return head;
  return head + docs.map((d) => renderOne(yaml, d)).join('---\n');
}
