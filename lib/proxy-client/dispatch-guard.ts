// The allow-list, enforced where undici dispatches: whatever built the request, it leaves only if
// its origin is the cluster's own `https://host:port` and its (method, pathname) is allowed. No
// query string either: the validator never sends one.
import { Dispatcher } from 'undici';
import { isAllowed } from './allow-list';
import { ProxyClientError } from './errors';

/** An undici interceptor that refuses every request that is not to `address` and on the allow-list. */
export function allowListGuard(address: string): Dispatcher.DispatcherComposeInterceptor {
  const expected = new URL(`https://${address}`).host;
  return (dispatch) => (opts, handler) => {
    const refuse = (why: string) => {
      throw new ProxyClientError('not-allowed', address, `${why}; it is never sent.`);
    };
    let origin: URL;
    try {
      origin = new URL(String(opts.origin));
    } catch {
      return refuse('a request without a valid origin');
    }
    if (origin.protocol !== 'https:' || origin.username || origin.password || origin.host !== expected) {
      refuse(`a request to ${origin.protocol}//${origin.host} is not to this cluster`);
    }
    const path = opts.path ?? '';
    if (!path.startsWith('/') || /[?#]/.test(path) || !isAllowed(opts.method ?? 'GET', path)) {
      refuse(`${opts.method} ${path.split(/[?#]/)[0]} is not on the validator's allow-list`);
    }
    return dispatch(opts, handler);
  };
}
