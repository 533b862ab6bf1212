import { AuthClientError, parseIdentityFlags, readVarFile } from '../auth-client';
import { DeadlineExceededError } from '../common/deadline';
import { parseHostPort } from '../common/host-port';
import { CaFileError, readCaFile } from '../proxy-client/ca-files';
import { ProxyClientError } from '../proxy-client/errors';
import { displayText } from '../report/sanitize';
import { DEADLINE_TIMEOUTS, runValidate } from '../validation/run';
import type { CommandSpec } from './command';
import { UsageError } from './usage-error';

export const VALIDATE_HELP = `cdktf-teleport validate <stack dir | cdk.tf.json | cdktf.out | plan.json> [options]

Checks a synthesized stack or a \`terraform show -json\` plan: offline (schema, role_map roles, join
token, ports, token expiry, immutable updates and role version changes in a plan), then against the
live clusters it names (provider addr, or TF_TELEPORT_ADDR when a provider block has none; trusted
clusters' web_proxy_addr): reachable with valid TLS, cluster name, tunnel address (an unset
tunnel_addr is web_proxy_addr, as Teleport sets it) and a TCP connect to it, version skew, provider
constraint, role version, edition. With a web session per cluster (local user: TELEPORT_<NAME>_USER,
TELEPORT_<NAME>_PASSWORD, TELEPORT_<NAME>_OTP, NAME in upper snake case; sent only to the cluster
NAME names (a trusted cluster's name must be the cluster name its root reports), one login per
address, only where something is read, never to an unverified server unless asked): mapped
roles exist on the leaf, the join token exists on the root, no remote cluster blocks the join, the
server parses each role and token. With the identity Terraform uses (--identity NAME=FILE, else the
provider block's credentials: identity file, key and certificate, profile, TF_TELEPORT_*), over
gRPC to the Auth Service through the proxy's TLS routing (or an Auth address, port 3025): the same
role and token checks, the trusted cluster's state on the leaf, the root's remote cluster, and the
cluster name and version Auth reports. Read-only: never calls anything that writes (not even the
trusted-cluster handshake).

NAME is a provider alias ("teleport" for a default provider) or a trusted cluster's metadata.name;
write <stack>/<name> to pick one stack's (a plain NAME applies in every stack). A --proxy covers
every NAME whose configured address is the same literal (--proxy root=... also covers the trusted
cluster whose web_proxy_addr names the root's proxy).

  --proxy NAME=HOST:PORT     dial cluster NAME at HOST:PORT (plain host:port only)
  --ca-file [NAME=]FILE      trust the PEM certificates in FILE for NAME, or for every cluster when
                             bare; repeatable: all the files that apply to a cluster are trusted
                             together, and replace the system roots for it
  --insecure                 skip TLS verification (test clusters only; also a warning finding);
                             credentials are then not sent: the session checks are "not checked"
  --insecure-send-credentials
                             with --insecure, send TELEPORT_<NAME>_* credentials anyway
  --identity NAME=FILE       the identity file Terraform uses for cluster NAME (repeatable)
  --var-file FILE            variable values for provider credentials given as \${var.NAME}
                             (repeatable; TF_VAR_NAME wins, as in Terraform)
  --offline                  no network
  --timeout SECONDS          per connection and request (default 10); the whole live run ends within
                             ${DEADLINE_TIMEOUTS} × SECONDS, retries and waits included`;

/** The longest --timeout: an hour per request (Node's timers cannot go past ~24 days, and nothing needs to). */
const MAX_TIMEOUT_SECONDS = 3600;

function pairs(values: unknown): [string, string][] {
  return ((values as string[] | undefined) ?? []).map((v) => {
    const i = v.indexOf('=');
    return i > 0 ? [v.slice(0, i), v.slice(i + 1)] : ['*', v];
  });
}

/** `--proxy` by NAME. A Map: NAMEs are the user's (`constructor`, `__proto__` are names like any other). */
function proxies(values: unknown): Map<string, string> {
  const out = new Map<string, string>();
  for (const [name, address] of pairs(values)) {
    if (name === '*') throw new UsageError(`--proxy takes NAME=HOST:PORT, got "${address}"`);
    if (!parseHostPort(address)) throw new UsageError(`--proxy ${name}: "${address}" is not a plain host:port (no scheme, path, query or user)`);
    const before = out.get(name);
    if (before !== undefined && before !== address) throw new UsageError(`--proxy ${name} is given twice (${before}, ${address})`);
    out.set(name, address);
  }
  return out;
}

/** `--ca-file` by NAME (`*` for the bare ones). */
function caFiles(values: unknown, offline: boolean): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [name, file] of pairs(values)) {
    if (!offline) {
      try {
        readCaFile(file);
      } catch (e) {
        throw new UsageError(`--ca-file: ${(e as Error).message}`);
      }
    }
    out.set(name, [...(out.get(name) ?? []), file]);
  }
  return out;
}

function identityOptions(
  values: Record<string, unknown>,
  offline: boolean,
): { identities: ReturnType<typeof parseIdentityFlags>; varFiles: string[] } {
  const varFiles = (values['var-file'] as string[] | undefined) ?? [];
  try {
    if (offline) return { identities: new Map(), varFiles };
    varFiles.forEach(readVarFile);
    return { identities: parseIdentityFlags((values.identity as string[] | undefined) ?? []), varFiles };
  } catch (e) {
    throw e instanceof AuthClientError ? new UsageError(e.message) : e;
  }
}

export const validateCommand: CommandSpec = {
  help: VALIDATE_HELP,
  options: {
    proxy: { type: 'string', multiple: true },
    'ca-file': { type: 'string', multiple: true },
    insecure: { type: 'boolean' },
    'insecure-send-credentials': { type: 'boolean' },
    offline: { type: 'boolean' },
    timeout: { type: 'string' },
    identity: { type: 'string', multiple: true },
    'var-file': { type: 'string', multiple: true },
  },
  run: async (positionals, values, io) => {
    if (positionals.length !== 1) throw new UsageError(`validate takes exactly one path, got ${positionals.length}\n\n${VALIDATE_HELP}`);
    const timeout = values.timeout === undefined ? 10 : Number(values.timeout);
    if (!Number.isFinite(timeout) || timeout <= 0 || timeout > MAX_TIMEOUT_SECONDS)
      throw new UsageError(`--timeout takes a number of seconds up to ${MAX_TIMEOUT_SECONDS}, got "${values.timeout}"`);
    const offline = values.offline === true;
    const insecureSendCredentials = values['insecure-send-credentials'] === true;
    if (insecureSendCredentials && values.insecure !== true)
      throw new UsageError('--insecure-send-credentials only applies with --insecure (credentials always go to verified servers)');
    const options = {
      offline,
      proxies: proxies(values.proxy),
      caFiles: caFiles(values['ca-file'], offline),
      insecure: values.insecure === true,
      insecureSendCredentials,
      timeoutMs: timeout * 1000,
      ...identityOptions(values, offline),
    };
    if (options.insecure) io.err('WARNING: --insecure: TLS certificates are NOT verified; anyone on the path can impersonate the clusters.\n');
    if (insecureSendCredentials)
      io.err('WARNING: --insecure-send-credentials: passwords and OTPs are sent to servers whose certificates were NOT verified.\n');
    try {
      const { findings, stacks } = await runValidate(positionals[0], { ...options, progress: (line) => io.err(`${displayText(line)}\n`) });
      return { findings, subject: `${stacks} stack(s) validated${offline ? ' offline' : ''}` };
    } catch (e) {
      if (e instanceof ProxyClientError) throw new UsageError(`cannot validate against the cluster: ${e.message}`);
      if (e instanceof DeadlineExceededError)
        throw new UsageError(
          `cannot validate against the clusters: ${e.message} before the checks finished. Check the network (and HTTPS_PROXY), or raise --timeout.`,
        );
      if (e instanceof CaFileError) throw new UsageError(`--ca-file: ${e.message}`);
      if (e instanceof AuthClientError) throw new UsageError(`cannot validate against the cluster: ${e.message}`);
      if (/^(cannot read|no cdk\.tf\.json|.* is not valid JSON)/.test((e as Error).message)) throw new UsageError((e as Error).message);
      throw e;
    }
  },
};
