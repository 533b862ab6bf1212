// What a guardrail rule is: data (id, level, title, explanation with its Teleport source, fix) and
// one check over the access model. Internal: the public API is Guardrails and GuardrailsPack.
import { RuleContext } from './context';
import type { RuleHit } from './rule-hit';

export type { RuleHit } from './rule-hit';

/** A rule's default level in the recommended pack (`strict` raises every rule to `error`). */
export type RuleLevel = 'error' | 'warning';

export interface GuardrailRule {
  /** Stable id (`TG101`); scripts and acknowledgements match on it. Never reused for another rule. */
  readonly id: string;
  /** The level in the recommended pack. */
  readonly level: RuleLevel;
  /** False for rules only the strict pack runs. */
  readonly recommended: boolean;
  /** One line. */
  readonly title: string;
  /** Why it matters, in a few sentences. */
  readonly explanation: string;
  /** Where Teleport says so: guide sections, reference pages, source files at a commit. */
  readonly sources: readonly string[];
  /** What to do instead. */
  readonly fix: string;
  /** Every place the rule holds in the configuration. */
  check(context: RuleContext): RuleHit[];
}
