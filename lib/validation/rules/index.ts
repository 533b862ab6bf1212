// The offline checks of `validate` (no network).
import { checkConfig } from '../../check/schema-check';
import { Finding } from '../../report/finding';
import { ValidateInput } from '../model';
import { addressFindings } from './addresses';
import { OfflineOptions } from './context';
import { immutableChangeFindings } from './immutable-changes';
import { joinTokenFindings } from './join-token';
import { roleMapFindings } from './role-map';
import { tokenExpiryFindings } from './token-expiry';

export type { OfflineOptions };

export function runOfflineChecks(input: ValidateInput, options: OfflineOptions = {}): Finding[] {
  const out: Finding[] = [];
  const several = input.stacks.length > 1;
  for (const stack of input.stacks) {
    const found = [
      ...(stack.rawConfig ? checkConfig(stack.rawConfig) : []),
      ...roleMapFindings(stack),
      ...joinTokenFindings(stack, input.kind),
      ...addressFindings(stack),
      ...tokenExpiryFindings(stack, options),
    ];
    out.push(...(several ? found.map((f) => ({ ...f, resource: `${stack.name}: ${f.resource}` })) : found));
  }
  if (input.kind === 'plan') {
    out.push({ severity: 'info', check: 'validate.schema-skipped', resource: input.stacks.map((s) => s.name).join(', '), message: 'a plan holds no configuration text: the schema check runs on cdk.tf.json (cdktf-teleport check, or validate on the stack directory).' });
  }
  out.push(...immutableChangeFindings(input.changes));
  return out;
}
