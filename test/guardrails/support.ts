// Hand-written Terraform JSON for the guardrail tests: a leaf that trusts a root, roles on either
// side, provision tokens; and the rules run over it.
import { GuardrailHit, GuardrailsResult, evaluateGuardrails } from '../../lib/guardrails/evaluate';
import { inputFromConfigs } from '../../lib/guardrails/findings';
import { GuardrailLevel, GuardrailsPack } from '../../lib/guardrails/pack';

export const LEAF = 'leaf.example.com';
export const ROOT = 'root.example.com';

type Body = Record<string, any>;

/** One resource of a stack: `type.name` with its body. */
export interface Res {
  readonly type: string;
  readonly name: string;
  readonly body: Body;
}

/** A `teleport_role` named `name` with `spec` (version v7 unless given). */
export function role(name: string, spec: Body, opts: { version?: string; provider?: string; id?: string; ack?: Body[] } = {}): Res {
  return {
    type: 'teleport_role',
    name: opts.id ?? name,
    body: {
      version: opts.version ?? 'v7',
      metadata: { name },
      spec,
      ...(opts.provider ? { provider: opts.provider } : {}),
      ...(opts.ack ? { '//': { guardrails: { acknowledged: opts.ack } } } : {}),
    },
  };
}

/** A `teleport_trusted_cluster` on the stack's leaf provider that trusts `root`. */
export function trust(
  root: string,
  roleMap: { remote: string; local: string[] }[],
  opts: { enabled?: unknown; id?: string; provider?: string; ack?: Body[] } = {},
): Res {
  return {
    type: 'teleport_trusted_cluster',
    name: opts.id ?? 'root',
    body: {
      version: 'v2',
      metadata: { name: root },
      spec: {
        enabled: opts.enabled ?? true,
        token: '${var.join_token}',
        web_proxy_addr: `${root}:443`,
        tunnel_addr: `${root}:443`,
        role_map: roleMap,
      },
      ...(opts.provider ? { provider: opts.provider } : {}),
      ...(opts.ack ? { '//': { guardrails: { acknowledged: opts.ack } } } : {}),
    },
  };
}

/** A `teleport_provision_token`. */
export function token(id: string, metadata: Body, spec: Body, ack?: Body[]): Res {
  return {
    type: 'teleport_provision_token',
    name: id,
    body: { version: 'v2', metadata, spec, ...(ack ? { '//': { guardrails: { acknowledged: ack } } } : {}) },
  };
}

/** A stack's Terraform JSON: providers (address, alias) and resources. */
export function stack(providers: { addr: string; alias?: string }[], resources: Res[]): Body {
  const resource: Body = {};
  for (const r of resources) (resource[r.type] ??= {})[r.name] = r.body;
  const provider = providers.map((p) => ({ addr: p.addr, identity_file_path: 'identity', ...(p.alias ? { alias: p.alias } : {}) }));
  return {
    terraform: { required_providers: { teleport: { source: 'terraform.releases.teleport.dev/gravitational/teleport', version: '~> 18.0' } } },
    provider: { teleport: provider },
    variable: { join_token: { type: 'string', sensitive: true } },
    ...(resources.length ? { resource } : {}),
  };
}

/** The usual leaf stack: provider at LEAF, the given roles, a trust in ROOT mapping `access` to `visitor`. */
export function leafStack(roles: Res[], roleMap = [{ remote: 'access', local: ['visitor'] }], extra: Res[] = []): Body {
  return stack([{ addr: `${LEAF}:443` }], [...roles, trust(ROOT, roleMap), ...extra]);
}

/** A pack with only `rule`, as an error. */
export const only = (rule: string, thresholds = {}): GuardrailsPack =>
  GuardrailsPack.custom({ rules: [{ rule, level: GuardrailLevel.ERROR }], ...thresholds });

/** Runs a pack over stacks (`{name: config}`), at a fixed `now`. */
export function run(stacks: Record<string, Body>, pack: GuardrailsPack, now = Date.parse('2030-01-01T00:00:00Z')): GuardrailsResult {
  return evaluateGuardrails(inputFromConfigs(Object.entries(stacks).map(([name, config]) => ({ name, config }))), pack, now);
}

export type HitFields = Pick<GuardrailHit, 'check' | 'severity' | 'path' | 'message'> & { stack: string; resource: string };

/** The findings of one rule, as plain fields to compare (fix checked apart). */
export function hits(stacks: Record<string, Body>, rule: string, thresholds = {}): HitFields[] {
  return run(stacks, only(rule, thresholds)).findings.map((h) => ({
    check: h.check,
    severity: h.severity,
    stack: h.location.stack,
    resource: h.location.address,
    path: h.path,
    message: h.message,
  }));
}

/** The visitor role of the seed guide: login `visitor` on every node. */
export const VISITOR = { allow: { logins: ['visitor'], node_labels: { '*': ['*'] } } };
