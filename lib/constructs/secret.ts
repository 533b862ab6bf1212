import { Token } from 'cdktf';
import { problem } from './rules';

/**
 * Secrets (join tokens, identity file content) reach synthesized JSON only by reference: a
 * `${var.x}` of a sensitive variable or an attribute of a resource. A literal needs an explicit
 * opt-in. Returns a formatted problem, or undefined when the value is acceptable. Never includes
 * the value itself.
 */
export function literalSecretProblem(field: string, value: string | undefined, allowLiteral: boolean | undefined, optInProp: string): string | undefined {
  // `optInProp` is a prop name ("allowLiteralSecret") or a whole phrase ("use X.unsafePlainText()").
  const optIn = /[\s(]/.test(optInProp) ? optInProp : `set ${optInProp}: true`;
  if (value === undefined || allowLiteral) return undefined;
  if (Token.isUnresolved(value)) return undefined;
  return problem(
    field,
    'is a literal secret: it would be written in plaintext to cdk.tf.json and the Terraform plan.',
    `pass a sensitive TerraformVariable (variable.stringValue) or a reference to a resource attribute, or ${optIn} to accept the plaintext literal.`,
  );
}
