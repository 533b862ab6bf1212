/**
 * The one redaction function every output path goes through (stdout, stderr, JSON reports, thrown
 * errors). Secrets are collected from what the tool reads (sensitive attributes given as literals,
 * sensitive variable defaults, credentials from the environment) and replaced wherever they appear,
 * as they are and as they look inside a JSON string (a PEM's newlines as `\n`, quotes as `\"`).
 *
 * Reports are redacted field by field ({@link redactFinding}), before they are serialized: only the
 * parts that come from the input (resource, path, message, fix, stack, error text), never keys or the
 * fixed words of the tool's own output, so a secret that happens to be `error` or `findings` cannot
 * break the `--json` document or the summary line.
 */
import { Finding, mapFindingText } from './finding';

export const REDACTED = '***REDACTED***';

/**
 * Secrets shorter than this (a 3-character password) are redacted only as whole tokens: where no
 * letter or digit touches them on either side. Anywhere else they would mangle the tool's own words
 * ("ok" inside "token"). In text that is not ours at all (what a server wrote: {@link redactAll})
 * they are redacted anywhere.
 */
const SHORT_SECRET = 4;

const known = new Set<string>();
/** The forms secrets are replaced in (raw and JSON-escaped), longest first; rebuilt when secrets change. */
let forms: { long: string[]; short: string[]; shortPattern?: RegExp; all: string[] } | undefined;

/** Registers a secret value, whatever its length, so that it never appears in any output. */
export function registerSecret(value: unknown): void {
  if (typeof value !== 'string' || value === '') return;
  if (/^\$\{[^}]*\}$/.test(value)) return; // a reference is not a secret
  if (known.has(value)) return;
  known.add(value);
  forms = undefined;
}

/** Forgets every registered secret (tests use it between cases). */
export function clearSecrets(): void {
  known.clear();
  forms = undefined;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function secretForms(): NonNullable<typeof forms> {
  if (!forms) {
    const all = new Set<string>();
    for (const secret of known) {
      all.add(secret);
      all.add(JSON.stringify(secret).slice(1, -1));
    }
    const sorted = [...all].sort((a, b) => b.length - a.length);
    const short = sorted.filter((f) => f.length < SHORT_SECRET);
    forms = {
      long: sorted.filter((f) => f.length >= SHORT_SECRET),
      short,
      shortPattern: short.length ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${short.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`, 'gu') : undefined,
      all: sorted,
    };
  }
  return forms;
}

function replaceEach(text: string, list: readonly string[]): string {
  let out = text;
  for (const secret of list) {
    if (out.includes(secret)) out = out.split(secret).join(REDACTED);
  }
  return out;
}

/**
 * Replaces every registered secret in `text` (longest first, so overlapping secrets stay hidden);
 * short ones as whole tokens only (see {@link SHORT_SECRET}).
 */
export function redact(text: string): string {
  if (known.size === 0 || !text) return text;
  const f = secretForms();
  const out = replaceEach(text, f.long);
  if (!f.shortPattern || !f.short.some((s) => out.includes(s))) return out;
  // Between the markers already written, so that a short secret never matches inside one.
  return out
    .split(REDACTED)
    .map((part) => part.replace(f.shortPattern!, REDACTED))
    .join(REDACTED);
}

/** Replaces every registered secret anywhere in `text`, short ones too: for text none of whose words are ours. */
export function redactAll(text: string): string {
  if (known.size === 0 || !text) return text;
  return replaceEach(text, secretForms().all);
}

/** A finding with every part that comes from the input redacted; severity and check id are the tool's own. */
export function redactFinding(finding: Finding): Finding {
  return known.size === 0 ? finding : mapFindingText(finding, redact);
}
