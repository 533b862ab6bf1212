import { IConstruct } from 'constructs';
import { Token } from 'cdktf';
import { problem } from '../report/problem';

/**
 * Synth-time rules as small tables, in the style of aws-cdk-lib: each rule names the attribute
 * (provider path, e.g. `spec.allow.logins`), what is wrong and the fix. A failing rule becomes a
 * validation message `field "<path>": <message> Fix: <fix>`; cdktf and TeleportApp prefix it with
 * the construct path.
 */
export interface Rule<T> {
  /** The provider attribute path the rule is about. */
  readonly field: string;
  /** True when the props break the rule. */
  readonly broken: (props: T) => boolean;
  /** What is wrong (may use the props, never a secret value). */
  readonly message: string | ((props: T) => string);
  /** What to do instead. */
  readonly fix: string | ((props: T) => string);
}

export { problem } from '../report/problem';

/** Evaluates a rule table; returns formatted problems. */
export function evaluate<T>(props: T, rules: readonly Rule<T>[]): string[] {
  const out: string[] = [];
  for (const rule of rules) {
    if (!rule.broken(props)) continue;
    const message = typeof rule.message === 'function' ? rule.message(props) : rule.message;
    const fix = typeof rule.fix === 'function' ? rule.fix(props) : rule.fix;
    out.push(problem(rule.field, message, fix));
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
