import * as path from 'path';
import { Finding } from '../report/finding';
import { checkConfig } from '../check';
import { loadConfigs } from '../config';
import { checkGuardrails } from '../guardrails/check';
import { parsePackSpec } from '../guardrails/pack-spec';
import type { CommandResult, CommandSpec } from './command';
import { UsageError } from './usage-error';

export const CHECK_HELP = `cdktf-teleport check <stack dir | *.tf.json file | cdktf.out> [--guardrails PACK] [--max-input-size SIZE] [--json]

Checks Terraform JSON (cdktf's cdk.tf.json, or hand-written *.tf.json: every *.tf.json of a stack
directory) against the Teleport provider schema, offline. Strict about unknown attributes at every
nesting level (Terraform silently drops unknown keys inside nested attributes).

  --guardrails PACK       also run the guardrail rules over all stacks together (docs/guardrails.md):
                          recommended, strict or off (the default: check stays a schema check), then
                          optional changes, e.g. strict,TG107=warning,max_session_ttl=12h.
                          Acknowledged findings do not count and are listed apart (--json: "acknowledged").
  --max-input-size SIZE   the largest input file read (default 64MiB; e.g. 256MiB, 1GiB)`;

/** `check`: the offline schema check of one or more stacks, and optionally the guardrails. */
export function runCheck(positionals: string[], values: Record<string, unknown> = {}): CommandResult {
  if (positionals.length !== 1) {
    throw new UsageError(`check takes exactly one path, got ${positionals.length}\n\n${CHECK_HELP}`);
  }
  let pack;
  try {
    pack = typeof values.guardrails === 'string' ? parsePackSpec(values.guardrails) : undefined;
  } catch (e) {
    throw new UsageError((e as Error).message);
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
  if (!pack) return { findings, subject: `${stacks.length} stack(s) checked` };
  const guardrails = checkGuardrails(stacks, pack, findings);
  return {
    findings: [...findings, ...guardrails.findings],
    acknowledged: guardrails.acknowledged,
    subject: `${stacks.length} stack(s) checked, guardrails ${pack.name}`,
  };
}

/** `check` as the CLI runs it. */
export const checkCommand: CommandSpec = {
  help: CHECK_HELP,
  options: { guardrails: { type: 'string' } },
  run: (positionals, values) => runCheck(positionals, values),
};
