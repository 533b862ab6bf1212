import { REDACTED, redactAll } from './redact';

/**
 * Text from a server or an input file, made safe to show: the one place that decides which characters are unsafe and
 * how they are shown. Human output ({@link displayText}) gets
 * no character that steers a terminal or reorders what it shows: control characters (C0, DEL, C1:
 * ESC sequences, `\r`, bells), format characters (the bidi overrides and isolates U+202A..U+202E,
 * U+2066..U+2069, zero-width characters, U+FEFF) and the line and paragraph separators are shown
 * escaped (`\x1b`, `\u202e`), and each field is capped. `--json` keeps exact strings (JSON escapes
 * control characters itself) but caps them too ({@link capText}).
 *
 * Applied once, on the way out (lib/cli/output.ts: findings, the summary, errors and free text such
 * as progress lines), after redaction, so that a cut never leaves half a secret behind. Reports that
 * quote input (the access reports, synth-time annotations) escape it the same way ({@link escapeUnsafe});
 * server text that enters a message is masked and capped first ({@link serverText}, {@link plainServerText}).
 */
/** Longest field of human output, counted after escaping. */
export const MAX_DISPLAY_CHARS = 1000;
/** Longest string field of a `--json` report. */
export const MAX_JSON_CHARS = 8192;

const UNSAFE = /^[\p{Cc}\p{Cf}\u2028\u2029]$/u;
const ANY_UNSAFE = /[\p{Cc}\p{Cf}\u2028\u2029]/u;
const EVERY_UNSAFE = /[\p{Cc}\p{Cf}\u2028\u2029]/gu;

function escape(ch: string): string {
  const cp = ch.codePointAt(0)!;
  if (cp <= 0xff) return `\\x${cp.toString(16).padStart(2, '0')}`;
  if (cp <= 0xffff) return `\\u${cp.toString(16).padStart(4, '0')}`;
  return `\\u{${cp.toString(16)}}`;
}

const cut = (rest: number) => `… (${rest} more characters cut)`;

/** One line of human output: unsafe characters escaped (newlines too), at most `max` characters plus a note of what was cut. */
export function displayText(text: string, max = MAX_DISPLAY_CHARS): string {
  if (text.length <= max && !ANY_UNSAFE.test(text)) return text;
  let out = '';
  let used = 0;
  for (const ch of text) {
    const piece = UNSAFE.test(ch) ? escape(ch) : ch;
    if (out.length + piece.length > max) return out + cut(text.length - used);
    out += piece;
    used += ch.length;
  }
  return out;
}

/**
 * Text from the input quoted whole in a report (role names, labels, expressions; a construct's
 * message): unsafe characters escaped as {@link displayText} does, nothing cut. A configuration could
 * otherwise move the cursor, recolour or rewrite a reviewer's terminal, or hide text behind
 * bidirectional overrides.
 */
export function escapeUnsafe(text: string): string {
  return displayText(text, Number.POSITIVE_INFINITY);
}

/** Text of several lines that are ours (help, messages with their own line breaks): each line made safe on its own. */
export function displayLines(text: string, max = MAX_DISPLAY_CHARS): string {
  return text
    .split('\n')
    .map((line) => displayText(line, max))
    .join('\n');
}

/** Unsafe characters, except the newline and tab that lay out text. */
const UNSAFE_IN_TEXT = /(?![\t\n])[\p{Cc}\p{Cf}\u2028\u2029]/gu;
const ANY_UNSAFE_IN_TEXT = /(?![\t\n])[\p{Cc}\p{Cf}\u2028\u2029]/u;

/**
 * Whole documents and free text (a `--json` report, progress lines, a command's own report): every
 * unsafe character but newline and tab written as a `\uXXXX` escape, nothing cut. Inside a JSON
 * string that is the same string once parsed (JSON.stringify leaves DEL, C1, format and bidi
 * characters raw); in text it shows what was there. Fields quoted in human output go through
 * {@link displayText} first, which also caps them.
 */
export function terminalSafe(text: string): string {
  return replaceUnsafeInText(text, (c) =>
    c
      .split('')
      .map((unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`)
      .join(''),
  );
}

/** True when `text` holds an unsafe character other than newline and tab. */
export function hasUnsafeInText(text: string): boolean {
  return ANY_UNSAFE_IN_TEXT.test(text);
}

/**
 * Every unsafe character of `text` but newline and tab, replaced by what `escapeChar` makes of it:
 * the one definition of "unsafe" for writers with their own escape syntax (YAML's `\\uXXXX`, JSON's).
 */
export function replaceUnsafeInText(text: string, escapeChar: (ch: string) => string): string {
  if (!ANY_UNSAFE_IN_TEXT.test(text)) return text;
  return text.replace(UNSAFE_IN_TEXT, escapeChar);
}

/** `text` cut to at most `max` characters (never inside a surrogate pair), with a note of what was cut. */
export function capText(text: string, max = MAX_JSON_CHARS): string {
  if (text.length <= max) return text;
  const end = /[\ud800-\udbff]/.test(text[max - 1]) ? max - 1 : max;
  return text.slice(0, end) + cut(text.length - end);
}

/** Longest server text quoted in a message. */
export const MAX_SERVER_TEXT = 300;

/** Teleport's generated join tokens are 32 hex characters; a server may echo one we never registered. */
const TOKEN_SHAPED = /[0-9a-fA-F]{32,}/g;

/**
 * Text a server wrote (an error message, a redirect target) before it enters a finding or an error:
 * registered secrets and token-shaped runs masked, whitespace runs made one space, capped. Unsafe
 * characters stay for the output to escape ({@link displayText}).
 */
export function serverText(text: string): string {
  const masked = redactAll(text).replace(TOKEN_SHAPED, REDACTED).replace(/\s+/g, ' ').trim();
  return masked.length > MAX_SERVER_TEXT ? `${masked.slice(0, MAX_SERVER_TEXT)}… (cut)` : masked;
}

/** {@link serverText} with every unsafe character a space first (an Auth Service's gRPC message, a cluster name it reports). */
export function plainServerText(text: string): string {
  return serverText(text.replace(EVERY_UNSAFE, ' '));
}
