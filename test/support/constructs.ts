// Helpers for construct tests: a stack with a default Teleport provider, synth with validations,
// and the validation message of a stack that must fail.
import { TerraformStack, Testing } from 'cdktf';
import { Construct } from 'constructs';
import { l1 } from '../../lib';

/** A stack `stack` in a fresh test app, with the default (unaliased) Teleport provider. */
export function newStack(): TerraformStack {
  const stack = new TerraformStack(Testing.app(), 'stack');
  new l1.provider.TeleportProvider(stack, 'teleport', {});
  return stack;
}

/** Synthesizes with validations on and returns the parsed Terraform JSON. */
export function synthJson(stack: TerraformStack): any {
  return JSON.parse(Testing.synth(stack, true));
}

/** The validation error a stack built by `build` must fail with; throws if synth succeeds. */
export function errorsOf(build: (scope: Construct) => void): string {
  const stack = newStack();
  build(stack);
  try {
    Testing.synth(stack, true);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('synth succeeded, but a validation error was expected');
}

/** The synthesized JSON of a construct's L1 resource. */
export function resourceOf(json: any, resource: { terraformResourceType: string; friendlyUniqueId: string }): any {
  const found = json.resource?.[resource.terraformResourceType]?.[resource.friendlyUniqueId];
  if (!found) throw new Error(`no ${addressOf(resource)} in the synthesized stack`);
  return found;
}

/** The Terraform address of a construct's L1 resource. */
export function addressOf(resource: { terraformResourceType: string; friendlyUniqueId: string }): string {
  return `${resource.terraformResourceType}.${resource.friendlyUniqueId}`;
}
