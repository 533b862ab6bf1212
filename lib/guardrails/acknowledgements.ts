// Acknowledged exceptions as the configuration records them: in a Teleport resource's `//`
// metadata (Terraform JSON ignores `//`), so synth, `check` and any other reader of the JSON honour
// the same list:
//
//   "//": { "guardrails": { "acknowledged": [ { "rule": "TG102", "reason": "...", "by": "stack/Visitor" } ] } }
//
// `by` is the construct path that `Guardrails.acknowledge` was called on (optional when written by
// hand). A reason is at least a sentence: four words and twenty characters.
import { locationOf } from '../access/clusters';
import { ConfigLocation } from '../access/model';
import { escapeUnsafe } from '../report/sanitize';
import { valueAt } from '../access/values';
import { TfInput } from '../config/model';
import { RULES_BY_ID } from './rules';

/** Where acknowledgements live inside a resource body. */
export const ACKNOWLEDGED_PATH = '//.guardrails.acknowledged';

/** One acknowledgement as recorded. */
export interface AcknowledgementRecord {
  readonly rule: string;
  readonly reason: string;
  readonly by?: string;
}

/** One acknowledgement read from a configuration. */
export interface Acknowledgement extends AcknowledgementRecord {
  /** The resource that records it. */
  readonly location: ConfigLocation;
}

/** A malformed acknowledgement: reported as an error where it is recorded. */
export interface AcknowledgementProblem {
  readonly location: ConfigLocation;
  readonly path: string;
  readonly message: string;
  readonly fix: string;
}

const MIN_WORDS = 4;
const MIN_CHARACTERS = 20;

/** What is wrong with a reason, or undefined when it is at least a sentence. */
export function reasonProblem(reason: unknown): string | undefined {
  if (typeof reason !== 'string') return 'has no reason';
  const text = reason.trim();
  const words = text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
  if (text.length < MIN_CHARACTERS || words < MIN_WORDS) {
    return `has the reason "${escapeUnsafe(text.slice(0, 80))}", which is not a sentence (at least ${MIN_WORDS} words and ${MIN_CHARACTERS} characters)`;
  }
  return undefined;
}

export const REASON_FIX =
  'say in a sentence why this exception is accepted, e.g. "The seed guide\'s demo role: every node of the sandbox leaf, login visitor only."';

/** The acknowledgements recorded in the Teleport resources of an input, and the malformed ones. */
export function readAcknowledgements(input: TfInput): { acknowledgements: Acknowledgement[]; problems: AcknowledgementProblem[] } {
  const acknowledgements: Acknowledgement[] = [];
  const problems: AcknowledgementProblem[] = [];
  for (const stack of input.stacks) {
    for (const r of stack.resources) {
      if (r.mode !== 'managed') continue;
      const recorded = valueAt(r.comment, ACKNOWLEDGED_PATH.replace(/^\/\/\./, ''));
      if (recorded === undefined) continue;
      const location = locationOf(r);
      if (!Array.isArray(recorded)) {
        problems.push({
          location,
          path: ACKNOWLEDGED_PATH,
          message: 'guardrail acknowledgements must be a list of {rule, reason} objects.',
          fix: 'write "acknowledged": [{"rule": "TG101", "reason": "..."}], or use Guardrails.acknowledge.',
        });
        continue;
      }
      recorded.forEach((entry: unknown, i: number) => {
        const path = `${ACKNOWLEDGED_PATH}[${i}]`;
        const e = (entry && typeof entry === 'object' ? entry : {}) as Record<string, unknown>;
        const rule = typeof e.rule === 'string' ? e.rule : undefined;
        if (rule === undefined || !RULES_BY_ID.has(rule)) {
          problems.push({
            location,
            path: `${path}.rule`,
            message: `acknowledges ${rule === undefined ? 'no rule' : `"${escapeUnsafe(rule)}", which is not a guardrail rule`}.`,
            fix: 'name a rule id from docs/guardrails.md, e.g. "TG101".',
          });
          return;
        }
        const bad = reasonProblem(e.reason);
        if (bad) {
          problems.push({ location, path: `${path}.reason`, message: `the acknowledgement of ${rule} ${bad}.`, fix: REASON_FIX });
          return;
        }
        acknowledgements.push({ rule, reason: (e.reason as string).trim(), ...(typeof e.by === 'string' ? { by: e.by } : {}), location });
      });
    }
  }
  return { acknowledgements, problems };
}
