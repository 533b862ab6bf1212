import { TerraformStack } from 'cdktf';
import { redact } from '../report/redact';
import { addSchemaValidation } from './schema-validation';

/**
 * Validates one stack without writing it: every construct's validations, including the stack's
 * offline schema check. Returns messages prefixed with the construct path.
 */
export function checkStack(stack: TerraformStack): string[] {
  addSchemaValidation(stack);
  const problems: string[] = [];
  for (const construct of stack.node.findAll()) {
    for (const message of construct.node.validate()) {
      problems.push(redact(`[${construct.node.path}] ${message}`));
    }
  }
  return problems;
}
