// One deadline for a whole run: every client, probe and retry of the run shares it, and when it
// passes, everything still waiting is stopped: its signal aborts, the resources registered with
// `onExpire` are closed (undici dispatchers, sockets, and later a gRPC channel), `race` rejects and
// `sleep` wakes up with an error. A server cannot extend it: nothing waits past it.
import { setMaxListeners } from 'events';

/** What rejects when the deadline passes before the work is done. */
export class DeadlineExceededError extends Error {
  constructor(public readonly description: string) {
    super(`the run's deadline (${description}) passed`);
    this.name = 'DeadlineExceededError';
  }
}

/** The per-request timeout passed (not the whole run's deadline). */
export class RequestTimeoutError extends Error {
  constructor(public readonly ms: number) {
    super(`no answer within ${ms} ms`);
    this.name = 'TimeoutError';
  }
}

/** The longest delay a Node timer takes (longer ones fire at once, with a TimeoutOverflowWarning). */
const MAX_TIMER_MS = 2 ** 31 - 1;

export class Deadline {
  /** A deadline `ms` from now; `description` says how it was derived, for messages (e.g. "6 s: 3 × --timeout 2 s"). */
  public static after(ms: number, description = `${ms} ms`): Deadline {
    return new Deadline(Date.now() + ms, description);
  }

  /** A deadline that never passes (for a client used on its own, outside a run). */
  public static none(): Deadline {
    return new Deadline(Infinity, 'none');
  }

  private readonly controller = new AbortController();
  private timer?: NodeJS.Timeout;

  private constructor(
    public readonly at: number,
    public readonly description: string,
  ) {
    // Every request, probe and wait of a run listens on this one signal (64 at once for a validate
    // of many clusters) and stops listening when it ends: no limit, so Node prints no leak warning.
    setMaxListeners(0, this.controller.signal);
    if (Number.isFinite(at)) this.arm();
  }

  /** Not unref'd: while a run waits on something that holds no handle, this timer still ends it. */
  private arm(): void {
    const left = this.at - Date.now();
    this.timer = left > 0 ? setTimeout(() => this.arm(), Math.min(left, MAX_TIMER_MS)) : undefined;
    if (left <= 0) this.expire();
  }

  /** Aborts when the deadline passes, with a DeadlineExceededError as its reason. */
  public get signal(): AbortSignal {
    return this.controller.signal;
  }

  public get expired(): boolean {
    return this.controller.signal.aborted;
  }

  /** Milliseconds left (0 once passed; Infinity for {@link Deadline.none}). */
  public remainingMs(): number {
    return this.expired ? 0 : Math.max(0, this.at - Date.now());
  }

  /** Calls `f` when the deadline passes (at once if it has); returns a function that unregisters it. */
  public onExpire(f: () => void): () => void {
    if (this.expired) {
      f();
      return () => undefined;
    }
    this.signal.addEventListener('abort', f, { once: true });
    return () => this.signal.removeEventListener('abort', f);
  }

  /**
   * A signal for one piece of work: it aborts after `ms` (with a RequestTimeoutError) or when the
   * deadline passes (with a DeadlineExceededError), whichever comes first. Call `done` when the
   * work ends.
   */
  public within(ms: number): { signal: AbortSignal; done: () => void } {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(new RequestTimeoutError(ms)), Math.min(ms, MAX_TIMER_MS));
    const off = this.onExpire(() => controller.abort(this.signal.reason));
    return { signal: controller.signal, done: () => (clearTimeout(timer), off()) };
  }

  /** Waits `ms`; rejects with a DeadlineExceededError if the deadline passes first. */
  public sleep(ms: number): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => (off(), resolve()), Math.min(ms, MAX_TIMER_MS));
      const off = this.onExpire(() => (clearTimeout(timer), reject(this.signal.reason)));
    });
  }

  /** Ends the deadline's timer: the run is over. Whatever is registered is not called. */
  public dispose(): void {
    clearTimeout(this.timer);
  }

  private expire(): void {
    this.controller.abort(new DeadlineExceededError(this.description));
  }
}

/**
 * `work`, or a rejection with the signal's reason as soon as `signal` aborts, whichever comes
 * first. For work that does not watch the signal itself (undici does not abort a request still
 * queued for a connection); the work left behind must be stopped by other means (closing its
 * dispatcher), and its late rejection is ignored.
 */
export function abortable<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) {
    work.catch(() => undefined);
    return Promise.reject(signal.reason);
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => {
      work.catch(() => undefined);
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (v) => (signal.removeEventListener('abort', onAbort), resolve(v)),
      (e) => (signal.removeEventListener('abort', onAbort), reject(e)),
    );
  });
}
