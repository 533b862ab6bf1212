import { IValidation } from 'constructs';
import { TerraformStack } from 'cdktf';
// The check (and ajv with it) loads on first validation, not at import (see bench/).
import type * as SchemaCheck from '../check/schema-check';
import { formatProblem } from '../common/problem';
import { registerConstructHandler } from '../gen/construct-hook';
import { redact } from '../report/redact';

const checked = new WeakSet<TerraformStack>();
const deferred = new WeakSet<TerraformStack>();

/**
 * While deferred, a stack's schema validation passes: TeleportApp checks the JSON it has just
 * written instead (resolving a large stack a second time just to check it is the largest cost of
 * synth). `resume` turns the validation back on.
 */
export function deferSchemaCheck(stack: TerraformStack): void {
  deferred.add(stack);
}

export function resumeSchemaCheck(stack: TerraformStack): void {
  deferred.delete(stack);
}

/**
 * Makes the offline schema check part of a stack's own validation (once per stack), so it runs at
 * synth in any cdktf App: Terraform itself would silently drop a typo inside a nested attribute.
 * Messages name the construct path, the attribute and the fix.
 */
export function addSchemaValidation(stack: TerraformStack): void {
  if (checked.has(stack)) return;
  checked.add(stack);
  stack.node.addValidation(new SchemaValidation(stack));
}

// Every generated Teleport construct (an L1 binding, or one inside a construct of this library) adds
// its stack's schema check, so the check runs in a plain cdktf App too. Registering costs nothing;
// the check itself loads on first validation.
registerConstructHandler((construct) => addSchemaValidation(TerraformStack.of(construct)));

class SchemaValidation implements IValidation {
  constructor(private readonly stack: TerraformStack) {}

  public validate(): string[] {
    if (deferred.has(this.stack)) return [];
    return schemaProblems(this.stack.toTerraform() as Record<string, any>);
  }
}

/** The schema check's errors on a stack's Terraform JSON, as messages naming construct path, field and fix. */
export function schemaProblems(config: Record<string, any>): string[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { checkConfig } = require('../check/schema-check') as typeof SchemaCheck;
  const problems: string[] = [];
  for (const finding of checkConfig(config)) {
    if (finding.severity !== 'error') continue;
    const where = constructPath(config, finding.resource);
    const text = formatProblem({ field: finding.path || undefined, message: finding.message, fix: finding.fix || undefined }, finding.resource);
    problems.push(redact(`${where ? `[${where}] ` : ''}${text}`));
  }
  return problems;
}

/** Maps a Terraform address (`teleport_role.visitor`, `data.x.y`) to the construct path cdktf recorded. */
function constructPath(config: Record<string, any>, address: string): string | undefined {
  const parts = address.split('.');
  const [section, type, name] = parts[0] === 'data' ? ['data', parts[1], parts[2]] : ['resource', parts[0], parts[1]];
  return config[section]?.[type]?.[name]?.['//']?.metadata?.path;
}
