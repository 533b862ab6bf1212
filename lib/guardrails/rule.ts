// What a guardrail rule is: data (id, level, title, explanation with its Teleport source, fix) and
// one check over the access model. Internal: the public API is Guardrails and GuardrailsPack.
import { ConfigLocation } from '../access/model';
import { RuleContext } from './context';

/** A rule's default level in the recommended pack (`strict` raises every rule to `error`). */
export type RuleLevel = 'error' | 'warning';

/** One place where a rule holds: where to fix it and what is wrong there. */
export interface RuleHit {
  /** The resource the finding is about (where an acknowledgement must be recorded). */
  readonly location: ConfigLocation;
  /** The attribute path inside it, dotted (`spec.allow.node_labels`). */
  readonly path: string;
  /** What is wrong, naming what the configuration grants. */
  readonly message: string;
  /** A fix for this case, when it says more than the rule's own. */
  readonly fix?: string;
  /** Set when the role is a Teleport preset on the leaf (not in the configuration): its name. */
  readonly preset?: string;
}

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
