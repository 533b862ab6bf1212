// Whether a value a role grants can come out as a given name: the name itself, or a template
// (`{{internal.logins}}`, `dev-{{external.user}}`) whose fixed text fits around it. Template
// values come from the root user's traits (or the identity provider's claims), which the
// configuration does not know: any of them may hold any name. Linear in the value's length
// (no regular expression built from input: `.*.*.*...` backtracks without end).
import { isTemplate } from '../access/logins';
import { isExpression } from '../access/values';

/** The fixed text around the templates of a value: `dev-{{a}}-{{b}}x` -> `['dev-', '-', 'x']`. */
function fixedParts(value: string): string[] {
  const parts: string[] = [];
  let at = 0;
  for (;;) {
    const open = value.indexOf('{{', at);
    const close = open < 0 ? -1 : value.indexOf('}}', open + 2);
    if (close < 0) break;
    parts.push(value.slice(at, open));
    at = close + 2;
  }
  parts.push(value.slice(at));
  return parts;
}

/** True when `name` is the fixed parts in order with any text between them (a glob match, leftmost placement). */
function fits(parts: readonly string[], name: string): boolean {
  const first = parts[0];
  const last = parts[parts.length - 1];
  if (name.length < first.length + last.length || !name.startsWith(first) || !name.endsWith(last)) return false;
  let at = first.length;
  const end = name.length - last.length;
  for (const middle of parts.slice(1, -1)) {
    const found = name.indexOf(middle, at);
    if (found < 0 || found + middle.length > end) return false;
    at = found + middle.length;
  }
  return true;
}

/** True when `value` is `name`, or a template that can expand to `name`. */
export function canExpandTo(value: string, name: string): boolean {
  if (value === name) return true;
  if (!isTemplate(value)) return false;
  return fits(fixedParts(value), name);
}

/** True for a value whose text the configuration does not fix: a template or a value known only at apply. */
export const isOpenValue = (value: string): boolean => isTemplate(value) || isExpression(value);
