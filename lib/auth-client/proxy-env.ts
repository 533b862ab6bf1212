// HTTPS_PROXY and NO_PROXY for the Auth client, read and matched exactly as the web client's
// dispatcher does (undici's EnvHttpProxyAgent, configured in lib/proxy-client/transport.ts):
// https_proxy before HTTPS_PROXY, no_proxy before NO_PROXY; NO_PROXY entries split on commas and
// spaces, `*` alone disables the proxy, `.example.com` / `*.example.com` / `example.com` match the
// host and its subdomains, `host:port` only that port.
import { registerSecret } from '../report/redact';
import { AuthClientError } from './errors';

/** The proxy to CONNECT through for `host:port`, or undefined to dial directly. */
export function proxyFor(host: string, port: number, env: NodeJS.ProcessEnv, where: string): URL | undefined {
  const raw = env.https_proxy || env.HTTPS_PROXY;
  if (!raw) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    // Never quote the value: a proxy URL may hold a user and password.
    throw new AuthClientError('proxy', where, 'HTTPS_PROXY is set but is not a URL (e.g. http://proxy.internal:3128).');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new AuthClientError('proxy', where, `HTTPS_PROXY must be an http:// or https:// URL, not ${url.protocol}//.`);
  registerSecret(decodeURIComponent(url.password));
  registerSecret(url.password);
  return bypassed(host.toLowerCase(), port, env.no_proxy ?? env.NO_PROXY ?? '') ? undefined : url;
}

function bypassed(host: string, port: number, noProxy: string): boolean {
  if (noProxy === '*') return true;
  for (const entry of noProxy.split(/[,\s]/)) {
    if (!entry) continue;
    const m = /^(.+):(\d+)$/.exec(entry);
    const name = (m ? m[1] : entry).replace(/^\*?\./, '').toLowerCase();
    if (m && Number(m[2]) !== port) continue;
    if (host === name || host.endsWith(`.${name}`)) return true;
  }
  return false;
}
