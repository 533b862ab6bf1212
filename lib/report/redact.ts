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
import type { Finding } from './finding';

export const REDACTED = '***REDACTED***';

/** Secrets shorter than this are not redacted by value (they would mangle ordinary words). */
const MIN_SECRET_LENGTH = 4;

const known = new Set<string>();
/** Every form a secret is replaced in (raw and JSON-escaped), longest first; rebuilt when secrets change. */
let forms: string[] | undefined;

/** Registers a secret value so that it never appears in any output. */
export function registerSecret(value: unknown): void {
  if (typeof value !== 'string') return;
  if (value.length < MIN_SECRET_LENGTH) return;
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

function secretForms(): string[] {
  if (!forms) {
    const all = new Set<string>();
    for (const secret of known) {
      all.add(secret);
      all.add(JSON.stringify(secret).slice(1, -1));
    }
    forms = [...all].sort((a, b) => b.length - a.length);
  }
  return forms;
}

/** Replaces every registered secret in `text` (longest first, so overlapping secrets stay hidden). */
export function redact(text: string): string {
  if (known.size === 0 || !text) return text;
  let out = text;
  for (const secret of secretForms()) {
    if (out.includes(secret)) out = out.split(secret).join(REDACTED);
  }
  return out;
}

/** A finding with every part that comes from the input redacted; severity and check id are the tool's own. */
export function redactFinding(finding: Finding): Finding {
  if (known.size === 0) return finding;
  const out: { -readonly [K in keyof Finding]: Finding[K] } = { ...finding, resource: redact(finding.resource), message: redact(finding.message) };
  if (finding.path !== undefined) out.path = redact(finding.path);
  if (finding.fix !== undefined) out.fix = redact(finding.fix);
  if (finding.stack !== undefined) out.stack = redact(finding.stack);
  return out;
}
