import * as path from 'path';
import { Finding } from '../report/finding';
import { checkConfig } from '../check';
import { loadConfigs } from '../config';
import { UsageError } from './usage-error';

export const CHECK_HELP = `cdktf-teleport check <stack dir | *.tf.json file | cdktf.out> [--max-input-size SIZE] [--json]

Checks Terraform JSON (cdktf's cdk.tf.json, or hand-written *.tf.json: every *.tf.json of a stack
directory) against the Teleport provider schema, offline. Strict about unknown attributes at every
nesting level (Terraform silently drops unknown keys inside nested attributes).

  --max-input-size SIZE   the largest input file read (default 64MiB; e.g. 256MiB, 1GiB)`;

/** `check`: the offline schema check of one or more stacks. */
export function runCheck(positionals: string[]): { findings: Finding[]; subject: string } {
  if (positionals.length !== 1) {
    throw new UsageError(`check takes exactly one path, got ${positionals.length}\n\n${CHECK_HELP}`);
  }
  const stacks = loadConfigs(positionals[0]);
  const findings: Finding[] = [];
  for (const stack of stacks) {
    for (const { file, config } of stack.files) {
      for (const f of checkConfig(config)) {
        const inFile = stack.files.length > 1 ? { ...f, message: `${f.message} (in ${path.basename(file)})` } : f;
        findings.push(stacks.length > 1 ? { ...inFile, stack: stack.name } : inFile);
      }
    }
  }
  return { findings, subject: `${stacks.length} stack(s) checked` };
}
