// The live checks of `validate`: what the clusters named in a configuration say about it. Every
// address is validated and resolved first (address-map.ts), one client per address is built, each
// is asked /webapi/find once and each tunnel address takes one TCP connect, all in the bounded
// pool; then the checks without credentials (trusted-cluster-checks.ts, provider-checks.ts) and
// those with a web session or an identity (credentialed-checks.ts). Transport faults propagate: the
// CLI exits 2. Everything ends by the run's deadline (options.deadline), shared by every client.
import { Deadline } from '../../common/deadline';
import { parseHostPort } from '../../common/host-port';
import { PingInfo, ProxyClient, TcpProbeResult, probeTcp } from '../../proxy-client';
import { Finding } from '../../report/finding';
import { TfInput } from '../../config/model';
import { caFilesFor, resolveAddresses, unknownNameFindings } from './address-map';
import { LiveContext } from './context';
import { POOL_SIZE, mapPool } from './pool';
import { providerFindings } from './provider-checks';
import { credentialedFindings } from './credentialed-checks';
import { IdentityOptions } from './identity-checks';
import { effectiveTunnel, trustedClusterFindings } from './trusted-cluster-checks';
import { providerTargets, trustedClusterTargets } from './targets';

export interface LiveOptions extends IdentityOptions {
  /** NAME or `<stack>/<name>` -> HOST:PORT (NAME: a provider alias, `teleport`, or a trusted cluster's name; any string, `constructor` too). */
  readonly proxies?: ReadonlyMap<string, string>;
  /** CA files by NAME or `<stack>/<name>`, and `*` for every cluster; the files that apply to a cluster are trusted together. */
  readonly caFiles?: ReadonlyMap<string, readonly string[]>;
  readonly insecure?: boolean;
  /** With `insecure`, send web-session credentials anyway (otherwise the session checks are "not checked"). @default false */
  readonly insecureSendCredentials?: boolean;
  /** Per connection and request. @default 10 s */
  readonly timeoutMs?: number;
  /** The run's deadline, shared by every client, probe and retry; when it passes, everything stops. @default none */
  readonly deadline?: Deadline;
  /** Credentials, TF_TELEPORT_ADDR, HTTPS_PROXY and NO_PROXY are read here. @default process.env */
  readonly env?: NodeJS.ProcessEnv;
  /** "Now", for token expiry. @default the current time */
  readonly now?: Date;
  /** Progress lines (stderr in the CLI). */
  readonly progress?: (line: string) => void;
}

export async function runLiveChecks(input: TfInput, options: LiveOptions = {}): Promise<Finding[]> {
  const env = options.env ?? process.env;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const providers = providerTargets(input, env);
  const trusted = trustedClusterTargets(input, providers);
  const refs = [...providers.map((p) => p.ref), ...trusted.map((t) => t.root)];
  const proxies = options.proxies ?? new Map<string, string>();
  const caFiles = options.caFiles ?? new Map<string, readonly string[]>();
  const addresses = resolveAddresses(refs, proxies);
  const out: Finding[] = [
    ...addresses.findings,
    ...unknownNameFindings('--proxy', [...proxies.keys()], refs),
    ...unknownNameFindings('--ca-file', [...caFiles.keys()], refs),
    ...unknownNameFindings('--identity', [...(options.identities?.keys() ?? [])], refs),
  ];

  const clients = new Map<string, ProxyClient>();
  try {
    for (const [address, at] of addresses.clusters) {
      clients.set(
        address,
        new ProxyClient({
          address,
          caFiles: caFilesFor(at, caFiles),
          insecure: options.insecure,
          sendCredentialsInsecurely: options.insecureSendCredentials,
          requestTimeoutMs: timeoutMs,
          connectTimeoutMs: timeoutMs,
          env,
          deadline: options.deadline,
        }),
      );
      if (options.insecure)
        out.push({
          severity: 'warning',
          check: 'validate.insecure',
          resource: address,
          message: 'TLS certificates were NOT verified (--insecure): anyone on the path could have answered for this cluster.',
          fix: "give the cluster's CA with --ca-file instead.",
        });
    }
    const progress = clients.size > 1 ? options.progress : undefined;
    progress?.(`validate: checking ${clients.size} cluster(s), ${Math.min(POOL_SIZE, clients.size)} at a time`);

    const infos = new Map<string, PingInfo>();
    await mapPool([...clients], POOL_SIZE, async ([address, client]) => {
      const info = await client.find();
      infos.set(address, info);
      progress?.(`  ${address}: ${info.clusterName}, Teleport ${info.serverVersion}${info.edition ? ` (${info.edition})` : ''}`);
    });
    const tunnels = new Set(
      trusted
        .map((t) => effectiveTunnel(t).value)
        .filter((v): v is string => parseHostPort(v) !== undefined)
        .map((v) => addresses.dialFor(v)),
    );
    const probes = new Map<string, TcpProbeResult>();
    await mapPool([...tunnels], POOL_SIZE, async (address) => {
      const probe = await probeTcp(address, timeoutMs, options.deadline?.signal);
      if (probe.reason === 'stopped') throw options.deadline!.signal.reason; // not "unreachable": we stopped asking
      probes.set(address, probe);
    });

    const ctx: LiveContext = { addresses, infos, probes };
    for (const t of trusted) out.push(...trustedClusterFindings(t, ctx));
    for (const p of providers) out.push(...providerFindings(p, ctx));
    out.push(
      ...(await credentialedFindings(
        {
          ...options,
          trusted,
          providers,
          clients,
          env,
          now: options.now ?? new Date(),
          timeoutMs,
          progress,
          signal: options.deadline?.signal,
          insecure: options.insecure,
          sendCredentialsInsecurely: options.insecureSendCredentials,
        },
        ctx,
      )),
    );
    return out;
  } finally {
    await Promise.all([...clients.values()].map((c) => c.logout().then(() => c.close())));
  }
}
