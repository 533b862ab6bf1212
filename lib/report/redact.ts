/**
 * The one redaction function every output path goes through (stdout, stderr, JSON reports, thrown
 * errors). Secrets are collected from what the tool reads (sensitive attributes given as literals,
 * sensitive variable defaults, credentials from the environment) and replaced wherever they appear.
 */

export const REDACTED = '***REDACTED***';

/** Secrets shorter than this are not redacted by value (they would mangle ordinary words). */
const MIN_SECRET_LENGTH = 4;

const known = new Set<string>();

/** Registers a secret value so that it never appears in any output. */
export function registerSecret(value: unknown): void {
  if (typeof value !== 'string') return;
  if (value.length < MIN_SECRET_LENGTH) return;
  if (/^\$\{[^}]*\}$/.test(value)) return; // a reference is not a secret
  known.add(value);
}

/** Forgets every registered secret (tests use it between cases). */
export function clearSecrets(): void {
  known.clear();
}

/** Replaces every registered secret in `text` (longest first, so overlapping secrets stay hidden). */
export function redact(text: string): string {
  if (known.size === 0 || !text) return text;
  let out = text;
  for (const secret of [...known].sort((a, b) => b.length - a.length)) {
    if (out.includes(secret)) out = out.split(secret).join(REDACTED);
  }
  return out;
}

/** Redacts every string inside a JSON-like value (used for reports before they are printed). */
export function redactValue<T>(value: T): T {
  if (known.size === 0) return value;
  return JSON.parse(redact(JSON.stringify(value))) as T;
}
