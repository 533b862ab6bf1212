import { DeadlineExceededError } from '../common/deadline';
import { AuthClientError } from './errors';

/**
 * Runs a callback-style operation that `signal` can cut short: `start` gets resolve and reject
 * and returns the cleanup that undoes it (destroys a socket, cancels a stream), which runs on
 * abort. An abort rejects with a `timeout` AuthClientError saying what did not finish.
 */
export function abortable<T>(
  signal: AbortSignal,
  where: string,
  what: string,
  start: (resolve: (v: T) => void, reject: (e: unknown) => void) => () => void,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timedOut = () =>
      signal.reason instanceof DeadlineExceededError
        ? new AuthClientError('timeout', where, `${what} was stopped: ${signal.reason.message}. Check the network, or raise --timeout.`)
        : new AuthClientError('timeout', where, `${what} did not complete in time. Check the address and the network, or raise --timeout.`);
    if (signal.aborted) return reject(timedOut());
    let done = false;
    let cleanup = () => {};
    const onAbort = () => {
      if (done) return;
      done = true;
      cleanup();
      reject(timedOut());
    };
    signal.addEventListener('abort', onAbort, { once: true });
    const finish = (f: () => void) => {
      if (done) return;
      done = true;
      signal.removeEventListener('abort', onAbort);
      f();
    };
    cleanup = start(
      (v) => finish(() => resolve(v)),
      (e) =>
        finish(() => {
          cleanup();
          reject(e);
        }),
    );
  });
}
