// From NAMEs to the addresses dialled. A ref's own `--proxy` (`<stack>/<name>` before `<name>`)
// wins; an override also covers every other ref whose configured address is the same literal
// (so `--proxy root=...` covers the trusted cluster whose web_proxy_addr names the same proxy);
// otherwise the literal itself. Variables without an override, literals that are not host:port, and
// provider addresses on the Auth port (3025: no web API there) are skipped with a reason.
import { AUTH_PORT } from '../../common/address-rules';
import { canonicalAddress, parseHostPort, sameAddress } from '../../common/host-port';
import { Finding } from '../../report/finding';
import { isLiteral } from '../rules/context';
import { ClusterRef } from './targets';

export interface Resolution {
  /** Canonical host:port to dial. */
  readonly dial?: string;
  /** Why the ref is not dialled, and what to do. */
  readonly skipped?: { readonly why: string; readonly fix: string };
  /** A provider address on the Auth port: not dialled for the web API, but an identity can reach Auth there. */
  readonly auth?: string;
}

export interface AddressMap {
  resolve(ref: ClusterRef): Resolution;
  /** Every dialled address with the refs that reach it, in input order. */
  readonly clusters: ReadonlyMap<string, readonly ClusterRef[]>;
  /** Where a configured address is dialled: through an override that covers it, else itself. */
  dialFor(configured: string): string;
  /** Warnings about conflicting overrides. */
  readonly findings: readonly Finding[];
}

const flag = (ref: ClusterRef) => `--proxy ${ref.name ?? '<name>'}=HOST:PORT`;

/** `overrides`: `--proxy` values by NAME or `<stack>/<name>` (a Map: a NAME may be `constructor` or `__proto__`). */
export function resolveAddresses(refs: readonly ClusterRef[], overrides: ReadonlyMap<string, string>): AddressMap {
  const own = (ref: ClusterRef): string | undefined =>
    ref.name === undefined ? undefined : (overrides.get(`${ref.stack}/${ref.name}`) ?? overrides.get(ref.name));
  const shared = new Map<string, { dial: string; by: string }>();
  const findings: Finding[] = [];
  for (const ref of refs) {
    const o = canonicalAddress(own(ref));
    const c = canonicalAddress(ref.configured);
    if (!o || !c) continue;
    const first = shared.get(c);
    if (!first) shared.set(c, { dial: o, by: ref.name! });
    else if (!sameAddress(first.dial, o)) {
      findings.push({
        severity: 'warning',
        check: 'validate.proxy-conflict',
        resource: c,
        message: `--proxy ${first.by}=${first.dial} and --proxy ${ref.name}=${o} both override ${c}; names without their own --proxy use ${first.dial}.`,
        fix: 'give one --proxy per cluster address, or qualify NAME as <stack>/<name>.',
      });
    }
  }
  const resolutions = new Map<ClusterRef, Resolution>();
  const resolveOne = (ref: ClusterRef): Resolution => {
    const override = own(ref);
    let dial: string | undefined;
    if (override !== undefined) {
      dial = canonicalAddress(override);
      if (!dial) return { skipped: { why: `the --proxy value for ${ref.name} is not host:port`, fix: `give ${flag(ref)}.` } };
    } else if (isLiteral(ref.configured)) {
      const c = canonicalAddress(ref.configured);
      if (!c)
        return { skipped: { why: `${ref.source} "${ref.configured}" is not a plain host:port`, fix: `write host:port, or give ${flag(ref)}.` } };
      dial = shared.get(c)?.dial ?? c;
    } else {
      return { skipped: { why: `${ref.source} is ${ref.configured === undefined ? 'not set' : 'not a literal'}`, fix: `give ${flag(ref)}.` } };
    }
    if (ref.kind === 'provider' && parseHostPort(dial)?.port === AUTH_PORT) {
      return {
        skipped: {
          why: `${ref.source} ${dial} is the Auth Service port (${AUTH_PORT}), which has no web API to ask`,
          fix: `give the cluster's proxy address: ${flag(ref)}.`,
        },
        auth: dial,
      };
    }
    return { dial };
  };
  const clusters = new Map<string, ClusterRef[]>();
  for (const ref of refs) {
    const r = resolveOne(ref);
    resolutions.set(ref, r);
    if (r.dial) clusters.set(r.dial, [...(clusters.get(r.dial) ?? []), ref]);
  }
  return {
    resolve: (ref) => resolutions.get(ref) ?? resolveOne(ref),
    clusters,
    dialFor: (configured) => {
      const c = canonicalAddress(configured) ?? configured;
      return shared.get(c)?.dial ?? c;
    },
    findings,
  };
}

/** Warnings for `--proxy`/`--ca-file` NAMEs that match no name in the input (a typo would otherwise be silent). */
export function unknownNameFindings(option: string, names: readonly string[], refs: readonly ClusterRef[]): Finding[] {
  const known = new Set(refs.flatMap((r) => (r.name === undefined ? [] : [r.name, `${r.stack}/${r.name}`])));
  const plain = [...new Set(refs.flatMap((r) => (r.name === undefined ? [] : [r.name])))].sort();
  return names
    .filter((n) => n !== '*' && !known.has(n))
    .map((n) => ({
      severity: 'warning' as const,
      check: 'validate.unknown-name',
      resource: `${option} ${n}`,
      message: `"${n}" is not a provider alias or trusted cluster name in the input (${plain.length ? `names: ${plain.join(', ')}` : 'it names none'}), so it is not used.`,
      fix: "use one of the names, or <stack>/<name> for one stack's.",
    }));
}

/** The CA files of a cluster: those given for any NAME that reaches it, and every bare one. */
export function caFilesFor(refs: readonly ClusterRef[], caFiles: ReadonlyMap<string, readonly string[]>): string[] {
  const pick = (key: string) => caFiles.get(key) ?? [];
  const named = refs.flatMap((r) => (r.name === undefined ? [] : [...pick(`${r.stack}/${r.name}`), ...pick(r.name)]));
  return [...new Set([...named, ...pick('*')])];
}
