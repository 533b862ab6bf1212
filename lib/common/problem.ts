// The one way every synth-time problem is worded, by the constructs, the schema check at synth and
// the guardrails: `[<subject> ]field "<field>": <message> Fix: <fix>`. cdktf and TeleportApp prefix
// it with the construct path.

/** What is wrong and what to do instead. */
export interface Violation {
  /** What is wrong (may quote the value, never a secret). */
  readonly message: string;
  /** What to do instead. */
  readonly fix: string;
}

/** One problem: the attribute it is about (optional), what is wrong and the fix (optional). */
export interface Problem {
  /** The provider attribute path, e.g. `spec.allow.logins`. */
  readonly field?: string;
  readonly message: string;
  readonly fix?: string;
}

/**
 * `field "<field>": <message> Fix: <fix>`, preceded by `subject` (e.g. a Terraform address) when
 * given; without a field, `<subject>: <message>`; without a fix (undefined), no ` Fix:` part.
 */
export function formatProblem(problem: Problem, subject?: string): string {
  const head = [subject, problem.field === undefined ? undefined : `field "${problem.field}"`].filter((x) => x).join(' ');
  const fix = problem.fix === undefined ? '' : ` Fix: ${problem.fix}`;
  return `${head ? `${head}: ` : ''}${problem.message}${fix}`;
}

/** `field "<field>": <message> Fix: <fix>`: how every construct and the runtime props check word one problem. */
export function problem(field: string, message: string, fix: string): string {
  return formatProblem({ field, message, fix });
}
