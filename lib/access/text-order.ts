// The order of names in the access model's output: what `a.localeCompare(b)` gives, without its
// cost. The first `localeCompare` of a process initialises ICU's collator (~8 ms, a sizeable share
// of a small cold `cdktf synth` that runs the guardrails). For printable ASCII under the default
// (root / English) collation the order is known: each character has its own primary weight (the
// table below, letters case-blind), then case breaks ties, lower case first (ICU's tertiary level).
// Any other text, or another collation locale in the environment, goes to `localeCompare` itself.

/** Printable ASCII in the root collation's primary order; the letters' upper case follows each lower case. */
const PRIMARY_ORDER = ' _-,;:!?.\'"()[]{}@*/\\&#%`^+<=>|~$0123456789abcdefghijklmnopqrstuvwxyz';

const PRIMARY = new Int8Array(128).fill(-1);
for (let i = 0; i < PRIMARY_ORDER.length; i++) {
  const code = PRIMARY_ORDER.charCodeAt(i);
  PRIMARY[code] = i;
  if (code >= 0x61 && code <= 0x7a) PRIMARY[code - 0x20] = i;
}

/** The variables ICU may take its default locale from: each one set must name the root or an English locale. */
const LOCALE_VARIABLES = ['LC_ALL', 'LC_COLLATE', 'LC_MESSAGES', 'LANG', 'LANGUAGE'];

function defaultCollation(): boolean {
  return LOCALE_VARIABLES.every((name) => {
    const locale = process.env[name];
    return !locale || /^(C|POSIX|en)([._@:-]|$)/i.test(locale);
  });
}

let fastPath: boolean | undefined;

const printableAscii = (s: string): boolean => {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c > 0x7e) return false;
  }
  return true;
};

/** `a.localeCompare(b)`'s sign (-1, 0, 1), computed directly for printable ASCII. */
export function compareText(a: string, b: string): number {
  fastPath ??= defaultCollation();
  if (!fastPath || !printableAscii(a) || !printableAscii(b)) return Math.sign(a.localeCompare(b));
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const d = PRIMARY[a.charCodeAt(i)] - PRIMARY[b.charCodeAt(i)];
    if (d !== 0) return Math.sign(d);
  }
  if (a.length !== b.length) return a.length < b.length ? -1 : 1;
  // Same letters, case aside: the first difference in case decides, lower case first.
  for (let i = 0; i < n; i++) {
    const d = a.charCodeAt(i) - b.charCodeAt(i);
    if (d !== 0) return d > 0 ? -1 : 1;
  }
  return 0;
}
