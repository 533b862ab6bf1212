// The offline checks of `validate` (no network).
import { checkConfig } from '../../check/schema-check';
import { Finding } from '../../report/finding';
import { TfInput } from '../../config/model';
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
    const found = [
      ...(stack.rawConfig ? checkConfig(stack.rawConfig) : []),
      ...roleMapFindings(stack),
      ...joinTokenFindings(stack, input.kind, changes),
      ...addressFindings(stack),
      ...tokenExpiryFindings(stack, options),
      ...immutableChangeFindings(changes),
    ];
    if (input.kind === 'plan') {
      found.push({ severity: 'info', check: 'validate.schema-skipped', resource: stack.file, message: 'a plan holds no configuration text: the schema check runs on cdk.tf.json (cdktf-teleport check, or validate on the stack directory).' });
    }
    // The stack goes in its own field; resource stays a pure Terraform address.
    out.push(...found.map((f) => ({ ...f, stack: stack.name })));
  }
  return out;
}
