import { Finding } from '../report/finding';
import { checkConfig } from '../check';
import { loadConfigs } from '../config';
import { UsageError } from './usage-error';

export const CHECK_HELP = `cdktf-teleport check <stack dir | cdk.tf.json | cdktf.out> [--json]

Checks synthesized Terraform JSON against the Teleport provider schema, offline. Strict about unknown
attributes at every nesting level (Terraform silently drops unknown keys inside nested attributes).`;

/** `check`: the offline schema check of one or more synthesized stacks. */
export function runCheck(positionals: string[]): { findings: Finding[]; subject: string } {
  if (positionals.length !== 1) {
    throw new UsageError(`check takes exactly one path, got ${positionals.length}\n\n${CHECK_HELP}`);
  }
  let stacks;
  try {
    stacks = loadConfigs(positionals[0]);
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const findings: Finding[] = [];
  for (const stack of stacks) {
    for (const f of checkConfig(stack.config)) {
      findings.push(stacks.length > 1 ? { ...f, stack: stack.name } : f);
    }
  }
  return { findings, subject: `${stacks.length} stack(s) checked` };
}
