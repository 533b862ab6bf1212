// Runs a pack's rules over a configuration: findings (not acknowledged), acknowledged findings
// (with their reasons), malformed acknowledgements, and acknowledgements that match nothing.
import { buildAccessMap } from '../access/build';
import { ConfigLocation } from '../access/model';
import { escapeUnsafe } from '../report/sanitize';
import { tokenFacts } from '../access/tokens';
import { durationMs } from '../access/grants';
import { TfInput } from '../config/model';
import { Acknowledgement, readAcknowledgements } from './acknowledgements';
import { RuleContext } from './context';
import { GuardrailLevel, GuardrailsPack } from './pack';
import { GuardrailRule, RuleHit } from './rule';
import { RULES } from './rules';

/** Check ids of the findings about acknowledgements themselves. */
export const ACKNOWLEDGEMENT_CHECK = 'guardrails.acknowledgement';
export const UNUSED_ACKNOWLEDGEMENT_CHECK = 'guardrails.unused-acknowledgement';

/** One guardrail result, with its location (construct path included) for synth. */
export interface GuardrailHit {
  /** The rule id (`TG101`) or an acknowledgement check id. */
  readonly check: string;
  readonly severity: 'error' | 'warning';
  readonly location: ConfigLocation;
  readonly path: string;
  readonly message: string;
  readonly fix: string;
  /** Set when the configuration acknowledged it. */
  readonly acknowledgement?: Acknowledgement;
  /** For an unused acknowledgement: the construct path that recorded it. */
  readonly by?: string;
}

export interface GuardrailsResult {
  /** What fails or warns: rule findings not acknowledged, malformed and unused acknowledgements. */
  readonly findings: GuardrailHit[];
  /** Rule findings the configuration acknowledged. */
  readonly acknowledged: GuardrailHit[];
}

const ACKNOWLEDGE_HINT = (rule: string) =>
  ` Or, where it is intended, acknowledge it with a reason: Guardrails.acknowledge(construct, '${rule}', '<why, in a sentence>'), or {"rule": "${rule}", "reason": "..."} in the resource's "//".guardrails.acknowledged list (docs/guardrails.md).`;

const PRESET_FIX = (name: string) =>
  `"${escapeUnsafe(name)}" is Teleport's preset role on the leaf (not in this configuration): map the root role to a leaf role of your own instead, and on that role: `;

function fixOf(rule: GuardrailRule, hit: RuleHit): string {
  const fix = hit.fix ?? rule.fix;
  return hit.preset === undefined ? fix : `${PRESET_FIX(hit.preset)}${fix.charAt(0).toLowerCase()}${fix.slice(1)}`;
}

const sameResource = (a: ConfigLocation, b: ConfigLocation) => a.stack === b.stack && a.address === b.address;

/** Runs `pack` over `input` (a well-formed configuration: run the schema check first). */
export function evaluateGuardrails(input: TfInput, pack: GuardrailsPack, now: number = Date.now()): GuardrailsResult {
  const active = RULES.filter((r) => pack.levelOf(r.id) !== GuardrailLevel.OFF);
  if (active.length === 0) return { findings: [], acknowledged: [] };
  const context = new RuleContext(buildAccessMap(input), tokenFacts(input), {
    maxSessionTtl: pack.maxSessionTtl,
    maxSessionTtlMs: durationMs(pack.maxSessionTtl)!,
    maxTrustedClusterTokenTtl: pack.maxTrustedClusterTokenTtl,
    maxTrustedClusterTokenTtlMs: durationMs(pack.maxTrustedClusterTokenTtl)!,
    now,
  });
  const { acknowledgements, problems } = readAcknowledgements(input);
  const used = new Set<Acknowledgement>();
  const findings: GuardrailHit[] = [];
  const acknowledged: GuardrailHit[] = [];
  for (const rule of active) {
    const seen = new Set<string>();
    for (const hit of rule.check(context)) {
      const key = `${hit.location.stack}\u0000${hit.location.address}\u0000${hit.path}\u0000${hit.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const acknowledgement = acknowledgements.find((a) => a.rule === rule.id && sameResource(a.location, hit.location));
      const out: GuardrailHit = {
        check: rule.id,
        severity: pack.levelOf(rule.id) === GuardrailLevel.ERROR ? 'error' : 'warning',
        location: hit.location,
        path: hit.path,
        message: hit.message,
        fix: `${fixOf(rule, hit)}${acknowledgement ? '' : ACKNOWLEDGE_HINT(rule.id)}`,
        ...(acknowledgement ? { acknowledgement } : {}),
      };
      if (acknowledgement) {
        used.add(acknowledgement);
        acknowledged.push(out);
      } else findings.push(out);
    }
  }
  for (const p of problems) findings.push({ check: ACKNOWLEDGEMENT_CHECK, severity: 'error', ...p });
  findings.push(...unusedAcknowledgements(acknowledgements, used, pack));
  return { findings, acknowledged };
}

/**
 * Acknowledgements of a rule that ran and matched nothing, one warning per acknowledging construct
 * and rule (an acknowledgement on an L2 construct is recorded on each of its resources, and counts
 * as used when any of them matched). Acknowledgements of rules the pack does not run are left alone:
 * whether they match cannot be known.
 */
function unusedAcknowledgements(all: readonly Acknowledgement[], used: ReadonlySet<Acknowledgement>, pack: GuardrailsPack): GuardrailHit[] {
  const groups = new Map<string, Acknowledgement[]>();
  for (const a of all) {
    if (pack.levelOf(a.rule) === GuardrailLevel.OFF) continue;
    const key = `${a.by ?? `${a.location.stack}/${a.location.address}`}\u0000${a.rule}`;
    groups.set(key, [...(groups.get(key) ?? []), a]);
  }
  const out: GuardrailHit[] = [];
  for (const group of groups.values()) {
    if (group.some((a) => used.has(a))) continue;
    const a = group[0];
    out.push({
      check: UNUSED_ACKNOWLEDGEMENT_CHECK,
      severity: 'warning',
      location: a.location,
      path: '//.guardrails.acknowledged',
      message: `the acknowledgement of ${a.rule} ("${escapeUnsafe(a.reason.slice(0, 120))}") matches no finding of ${a.rule} here.`,
      fix: `remove the acknowledgement (the configuration no longer does what it excused), or move it to the resource ${a.rule} reports.`,
      ...(a.by !== undefined ? { by: a.by } : {}),
    });
  }
  return out;
}
