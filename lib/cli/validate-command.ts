import { ProxyClientError } from '../proxy-client/errors';
import { runValidate } from '../validation/run';
import type { CommandSpec } from './main';
import { UsageError } from './usage-error';

export const VALIDATE_HELP = `cdktf-teleport validate <stack dir | cdk.tf.json | cdktf.out | plan.json> [options]

Checks a synthesized stack or a \`terraform show -json\` plan: offline (schema, role_map roles, join
token, ports, token expiry, immutable updates in a plan), then against the live clusters it names
(provider addr, trusted clusters' web_proxy_addr): reachable with valid TLS, cluster name, tunnel
address, version skew, provider constraint, role version, edition. With a web session per cluster
(local user: TELEPORT_<NAME>_USER, TELEPORT_<NAME>_PASSWORD, TELEPORT_<NAME>_OTP; NAME is the provider
alias or the trusted cluster's name in upper snake case): mapped roles exist on the leaf, the join
token exists on the root, no remote cluster blocks the join, the server parses each role and token.
Read-only: never calls anything that writes (not even the trusted-cluster handshake).

  --proxy NAME=HOST:PORT     where to reach cluster NAME (provider alias, "teleport", or trusted cluster name)
  --ca-file [NAME=]FILE      trust this CA (for NAME, or every cluster)
  --insecure                 skip TLS verification (test clusters only)
  --offline                  no network
  --timeout SECONDS          per connection and request (default 10)`;

function pairs(values: unknown, flag: string, allowBare: boolean): Record<string, string> {
  const out: Record<string, string> = {};
  for (const v of (values as string[] | undefined) ?? []) {
    const i = v.indexOf('=');
    if (i > 0) out[v.slice(0, i)] = v.slice(i + 1);
    else if (allowBare) out['*'] = v;
    else throw new UsageError(`${flag} takes NAME=HOST:PORT, got "${v}"`);
  }
  return out;
}

export const validateCommand: CommandSpec = {
  help: VALIDATE_HELP,
  options: {
    proxy: { type: 'string', multiple: true },
    'ca-file': { type: 'string', multiple: true },
    insecure: { type: 'boolean' },
    offline: { type: 'boolean' },
    timeout: { type: 'string' },
  },
  run: async (positionals, values, io) => {
    if (positionals.length !== 1) throw new UsageError(`validate takes exactly one path, got ${positionals.length}\n\n${VALIDATE_HELP}`);
    const timeout = values.timeout === undefined ? 10 : Number(values.timeout);
    if (!Number.isFinite(timeout) || timeout <= 0) throw new UsageError(`--timeout takes a number of seconds, got "${values.timeout}"`);
    if (values.insecure) io.err('WARNING: --insecure: TLS certificates are NOT verified; anyone on the path can impersonate the clusters.\n');
    try {
      const { findings, stacks } = await runValidate(positionals[0], {
        offline: values.offline === true,
        proxies: pairs(values.proxy, '--proxy', false),
        caFiles: pairs(values['ca-file'], '--ca-file', true),
        insecure: values.insecure === true,
        timeoutMs: timeout * 1000,
        progress: (line) => io.err(`${line}\n`),
      });
      return { findings, subject: `${stacks} stack(s) validated${values.offline ? ' offline' : ''}` };
    } catch (e) {
      if (e instanceof ProxyClientError) throw new UsageError(`cannot validate against the cluster: ${e.message}`);
      if (/^(cannot read|no cdk\.tf\.json|.* is not valid JSON)/.test((e as Error).message)) throw new UsageError((e as Error).message);
      throw e;
    }
  },
};
