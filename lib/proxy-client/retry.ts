// When a GET is tried again: on 429, 5xx and resets, at most `retries` times, after the server's
// Retry-After (up to MAX_RETRY_WAIT_MS) or an exponential backoff with jitter, and never when the
// wait would end past the run's deadline: a server cannot make a run wait longer than it may.

/** The longest wait before a retry; a longer Retry-After is not waited for (the request fails at once). */
export const MAX_RETRY_WAIT_MS = 5_000;

/** How long to wait before attempt `attempt + 1`, or undefined: do not retry. */
export function retryWait(attempt: number, backoffMs: number, remainingMs: number, retryAfterMs?: number): number | undefined {
  const wait = (retryAfterMs ?? backoffMs * 2 ** attempt) + Math.random() * backoffMs;
  return wait > MAX_RETRY_WAIT_MS || wait >= remainingMs ? undefined : wait;
}

/** A Retry-After header (seconds, or an HTTP date) in milliseconds from now, or undefined. */
export function retryAfterMs(value: string | undefined): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const seconds = Number(value.trim());
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}
