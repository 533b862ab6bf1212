// Packs: which rules run and at which level, and the thresholds some rules compare with.
import { durationMs } from '../access/grants';
import { checkArgs } from '../api-check/check-args';
import { RULES, RULES_BY_ID, unknownRule } from './rules';

/** How a guardrail finding counts: `error` fails synth and `check`, `warning` is reported, `off` does not run. */
export enum GuardrailLevel {
  ERROR = 'error',
  WARNING = 'warning',
  OFF = 'off',
}

/** One rule and its level in a pack. */
export interface GuardrailRuleLevel {
  /** The rule id, e.g. `TG101` (docs/guardrails.md lists them). */
  readonly rule: string;
  readonly level: GuardrailLevel;
}

/** The thresholds rules compare with. */
export interface GuardrailThresholds {
  /** TG108: a root-reachable role's `max_session_ttl` above this is reported (a Go duration). @default '8h' */
  readonly maxSessionTtl?: string;
  /** TG201: a `Trusted_cluster` token living longer than this is reported (a Go duration). @default '1h' */
  readonly maxTrustedClusterTokenTtl?: string;
}

/** A custom pack: the rules to run, with their levels, and thresholds. */
export interface GuardrailsPackProps extends GuardrailThresholds {
  /** The rules that run, with their levels; rules not listed do not run. */
  readonly rules: GuardrailRuleLevel[];
  /** The pack's name in messages. @default 'custom' */
  readonly name?: string;
}

const DEFAULT_MAX_SESSION_TTL = '8h';
const DEFAULT_MAX_TOKEN_TTL = '1h';

function checkDuration(name: string, value: string): string {
  const ms = durationMs(value);
  if (ms === undefined || ms <= 0)
    throw new Error(`guardrails threshold ${name}: "${value}" is not a positive Go duration; write e.g. "8h" or "90m".`);
  return value;
}

function checkLevel(rule: string, level: string): GuardrailLevel {
  const levels = Object.values(GuardrailLevel) as string[];
  if (!levels.includes(level)) throw new Error(`guardrail rule ${rule}: level "${level}" is not one of ${levels.join(', ')}.`);
  return level as GuardrailLevel;
}

/**
 * A set of guardrail rules with their levels and thresholds. Use `GuardrailsPack.RECOMMENDED`
 * (every rule at its own level), `GuardrailsPack.STRICT` (every rule, all errors), `GuardrailsPack.OFF`,
 * or `GuardrailsPack.custom({...})`; adjust with `withLevels` and `withThresholds`.
 */
export class GuardrailsPack {
  /** Every recommended rule at its own level (docs/guardrails.md). */
  public static readonly RECOMMENDED = new GuardrailsPack(
    'recommended',
    RULES.filter((r) => r.recommended).map((r) => ({ rule: r.id, level: r.level as GuardrailLevel })),
    {},
  );
  /** Every rule, each an error. */
  public static readonly STRICT = new GuardrailsPack(
    'strict',
    RULES.map((r) => ({ rule: r.id, level: GuardrailLevel.ERROR })),
    {},
  );
  /** No rule runs. */
  public static readonly OFF = new GuardrailsPack('off', [], {});

  /** A pack of the rules listed, at their levels (unknown ids and levels fail). */
  public static custom(props: GuardrailsPackProps): GuardrailsPack {
    checkArgs('GuardrailsPack.custom', arguments);
    return new GuardrailsPack(props.name ?? 'custom', props.rules, props);
  }

  /** The pack's name: `recommended`, `strict`, `off`, or the custom pack's. */
  public readonly name: string;
  /** TG108's threshold. */
  public readonly maxSessionTtl: string;
  /** TG201's threshold. */
  public readonly maxTrustedClusterTokenTtl: string;
  private readonly levels: Map<string, GuardrailLevel>;

  private constructor(name: string, rules: readonly GuardrailRuleLevel[], thresholds: GuardrailThresholds) {
    this.name = name;
    this.levels = new Map();
    for (const r of rules) {
      if (!RULES_BY_ID.has(r.rule)) throw unknownRule(r.rule);
      this.levels.set(r.rule, checkLevel(r.rule, r.level));
    }
    this.maxSessionTtl = checkDuration('maxSessionTtl', thresholds.maxSessionTtl ?? DEFAULT_MAX_SESSION_TTL);
    this.maxTrustedClusterTokenTtl = checkDuration('maxTrustedClusterTokenTtl', thresholds.maxTrustedClusterTokenTtl ?? DEFAULT_MAX_TOKEN_TTL);
  }

  /** This pack with some rules at other levels (`GuardrailLevel.OFF` turns a rule off). */
  public withLevels(...levels: GuardrailRuleLevel[]): GuardrailsPack {
    checkArgs('GuardrailsPack#withLevels', arguments);
    const merged = new Map(this.levels);
    for (const l of levels) merged.set(l.rule, l.level);
    return new GuardrailsPack(
      this.name,
      [...merged].map(([rule, level]) => ({ rule, level })),
      this,
    );
  }

  /** This pack with other thresholds (those not given stay). */
  public withThresholds(thresholds: GuardrailThresholds): GuardrailsPack {
    checkArgs('GuardrailsPack#withThresholds', arguments);
    return new GuardrailsPack(this.name, this.rules, { ...this.thresholds, ...thresholds });
  }

  /** The level of a rule in this pack (`off` when it does not run). */
  public levelOf(rule: string): GuardrailLevel {
    checkArgs('GuardrailsPack#levelOf', arguments);
    return this.levels.get(rule) ?? GuardrailLevel.OFF;
  }

  /** The rules that run, with their levels, in id order. */
  public get rules(): GuardrailRuleLevel[] {
    return RULES.filter((r) => this.levelOf(r.id) !== GuardrailLevel.OFF).map((r) => ({ rule: r.id, level: this.levelOf(r.id) }));
  }

  /** True when no rule runs. */
  public get isOff(): boolean {
    return this.rules.length === 0;
  }

  private get thresholds(): GuardrailThresholds {
    return { maxSessionTtl: this.maxSessionTtl, maxTrustedClusterTokenTtl: this.maxTrustedClusterTokenTtl };
  }
}
