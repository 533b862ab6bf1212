// One place where a guardrail rule holds (the rule context builds them; rules return them).
import { ConfigLocation } from '../access/model';

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
