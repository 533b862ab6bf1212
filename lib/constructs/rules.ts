import { IConstruct } from 'constructs';
import { Token } from 'cdktf';
import { Violation, problem } from '../common/problem';

export type { Violation } from '../common/problem';

/**
 * Synth-time rules as small tables, in the style of aws-cdk-lib: each rule names the attribute
 * (provider path, e.g. `spec.allow.logins`) and checks the facts once, returning what is wrong and
 * the fix. A failing rule becomes a validation message `field "<path>": <message> Fix: <fix>`
 * (lib/common/problem.ts); cdktf and TeleportApp prefix it with the construct path.
 */
export interface Rule<T> {
  /** The provider attribute path the rule is about. */
  readonly field: string;
  /** What is wrong with the facts (message and fix), or undefined when they keep the rule. */
  readonly check: (facts: T) => Violation | undefined;
}

/** A rule written as: find the culprit (once), then say what is wrong with it and the fix. */
export interface RuleSpec<T, C> {
  /** The provider attribute path the rule is about. */
  readonly field: string;
  /** The culprit (an entry, a value, `true`), or `undefined`/`false` when the facts keep the rule. */
  readonly find: (facts: T) => C | undefined | false;
  /** What is wrong with the culprit (may quote it, never a secret). */
  readonly message: string | ((culprit: C, facts: T) => string);
  /** What to do instead. */
  readonly fix: string | ((culprit: C, facts: T) => string);
}

/** Builds a rule from its culprit finder: `find` runs once per check, `message` and `fix` get what it found. */
export function rule<T, C>(spec: RuleSpec<T, C>): Rule<T> {
  const { field, find, message, fix } = spec;
  return {
    field,
    check: (facts) => {
      const culprit = find(facts);
      if (culprit === undefined || culprit === false) return undefined;
      return {
        message: typeof message === 'function' ? message(culprit, facts) : message,
        fix: typeof fix === 'function' ? fix(culprit, facts) : fix,
      };
    },
  };
}

export { problem } from '../common/problem';

/** Evaluates a rule table; returns formatted problems. */
export function evaluate<T>(props: T, rules: readonly Rule<T>[]): string[] {
  const out: string[] = [];
  for (const r of rules) {
    const violation = r.check(props);
    if (violation) out.push(problem(r.field, violation.message, violation.fix));
  }
  return out;
}

/**
 * Adds a validation to `scope` that evaluates the rules against the props when the app synthesizes.
 * `rules` may be a function, so a construct module can load its rule table on first validation
 * (`() => require('./rules').X_RULES`) and keep the library's import cheap.
 */
export function validateWith<T>(scope: IConstruct, props: () => T, rules: readonly Rule<T>[] | (() => readonly Rule<T>[])): void {
  scope.node.addValidation({ validate: () => evaluate(props(), typeof rules === 'function' ? rules() : rules) });
}

/** True when a value is known at synth time (not a `${...}` token): only then are value checks run. */
export function isKnown(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  return !Token.isUnresolved(value);
}
