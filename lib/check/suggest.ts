/** "Did you mean" suggestions for unknown attribute names. */

/** Levenshtein edit distance between two strings. */
export function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  if (!a.length) return b.length;
  if (!b.length) return a.length;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  let cur = new Array<number>(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length];
}

/** Lower case without `_` and `-`, so `webProxyAddr`, `WEB_PROXY_ADDR` and `web_proxy_addr` agree. */
function normalize(name: string): string {
  return name.toLowerCase().replace(/[_-]/g, '');
}

/**
 * The known name closest to `unknown`, or undefined when none is close: compared case- and
 * separator-insensitively (camelCase finds snake_case), at most a third of the name's length (min 2)
 * edits away; ties go to the smaller raw distance, then to the name that sorts first.
 */
export function closestName(unknown: string, known: Iterable<string>): string | undefined {
  const target = normalize(unknown);
  const limit = Math.max(2, Math.floor(target.length / 3));
  let best: { name: string; score: number; raw: number } | undefined;
  for (const name of known) {
    if (name === '//') continue;
    const score = levenshtein(target, normalize(name));
    if (score > limit) continue;
    const raw = levenshtein(unknown, name);
    if (!best || score < best.score || (score === best.score && (raw < best.raw || (raw === best.raw && name < best.name)))) {
      best = { name, score, raw };
    }
  }
  return best?.name;
}
