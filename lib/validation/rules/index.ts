// The offline checks of `validate` (no network).
import * as path from 'path';
import { checkConfig } from '../../check/schema-check';
import { Finding } from '../../report/finding';
import { TfInput, TfStack } from '../../config/model';
import { addressFindings } from './addresses';
import { OfflineOptions } from './context';
import { immutableChangeFindings } from './immutable-changes';
import { joinTokenFindings } from './join-token';
import { roleMapFindings } from './role-map';
import { tokenExpiryFindings } from './token-expiry';

export type { OfflineOptions };

export function runOfflineChecks(input: TfInput, options: OfflineOptions = {}): Finding[] {
  const out: Finding[] = [];
  for (const stack of input.stacks) {
    const changes = input.changes.filter((c) => c.stack === stack.name);
    const found: Finding[] = [
      ...schemaFindings(stack),
      ...roleMapFindings(stack),
      ...joinTokenFindings(stack, input.kind, changes),
      ...addressFindings(stack),
      ...tokenExpiryFindings(stack, options),
      ...immutableChangeFindings(changes),
    ];
    if (input.kind === 'plan') {
      found.push({
        severity: 'info',
        check: 'validate.schema-skipped',
        resource: stack.file,
        message:
          'a plan holds no configuration text: the schema check runs on cdk.tf.json (cdktf-teleport check, or validate on the stack directory).',
      });
    }
    // The stack goes in its own field; resource stays a pure Terraform address.
    out.push(...found.map((f) => ({ ...f, stack: stack.name })));
  }
  // What the reader could not use (a plan of the wrong shape): about the input file, not a stack.
  out.push(...input.findings);
  return out;
}

/** The schema check of each configuration file of a stack; with several files, each finding names its file. */
function schemaFindings(stack: TfStack): Finding[] {
  const configs = stack.configs ?? [];
  return configs.flatMap(({ file, config }) => {
    const found = checkConfig(config);
    return configs.length > 1 ? found.map((f) => ({ ...f, message: `${f.message} (in ${path.basename(file)})` })) : found;
  });
}
