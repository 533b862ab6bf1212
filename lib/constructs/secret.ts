import { IConstruct } from 'constructs';
import { DefaultTokenResolver, StringConcat, TerraformStack, TerraformVariable, Token, Tokenization } from 'cdktf';
import { registerSecret } from '../report/redact';
import { problem } from './rules';

/** One attribute that holds a secret (a join token, identity file content, a key). */
export interface SecretSlot {
  /** The provider attribute path, e.g. `metadata.name`. */
  readonly field: string;
  /** The value written to the attribute: a literal or a `${...}` token. */
  readonly value: string | undefined;
  /** True when the user explicitly accepted a plaintext secret (a literal, or a variable default). */
  readonly optedIn: boolean;
  /**
   * The opt-in, as a prop name (`allowLiteralSecret`) or a whole phrase (`use X.unsafePlainText()`);
   * undefined when the attribute has none.
   */
  readonly optIn?: string;
  /** A variable known to feed the value (`JoinToken.fromVariable`): checked even if it lives in another stack. */
  readonly variable?: TerraformVariable;
}

/** `var.<name>` references in a resolved Terraform expression (not `x.var.y`). */
const VARIABLE_REFERENCE = /(?<![\w.])var\.([A-Za-z_][A-Za-z0-9_-]*)/g;

/**
 * The one rule for secrets in synthesized JSON, applied to every secret attribute: a secret arrives
 * only by reference, either to a resource attribute (e.g. a provision token's `metadata.name`) or
 * to a TerraformVariable that is `sensitive: true` and has no default (a default is written in
 * plaintext to cdk.tf.json). Every `${var.x}` in the value is resolved to the variable of the
 * stack and checked. Literals and defaults pass only with the explicit opt-in. Returns formatted
 * problems; never includes the value, and registers variable defaults with the redactor.
 *
 * Call it at validation time (the stack resolves the value then).
 */
export function secretProblems(scope: IConstruct, slot: SecretSlot): string[] {
  const { field, value, optedIn } = slot;
  const optIn = slot.optIn === undefined ? undefined : /[\s(]/.test(slot.optIn) ? slot.optIn : `set ${slot.optIn}: true`;
  if (value === undefined || optedIn) return [];
  if (!Token.isUnresolved(value)) {
    return [
      problem(
        field,
        'is a literal secret: it would be written in plaintext to cdk.tf.json and the Terraform plan.',
        `pass a sensitive TerraformVariable without a default (variable.stringValue) or a reference to a resource attribute${optIn ? `, or ${optIn} to accept the plaintext literal` : ''}.`,
      ),
    ];
  }
  const out: string[] = [];
  const variables = referencedVariables(scope, value);
  if (slot.variable && !variables.includes(slot.variable)) variables.push(slot.variable);
  for (const variable of variables) {
    const name = variable.friendlyUniqueId;
    if (variable.default !== undefined) {
      registerSecret(variable.default);
      out.push(
        problem(
          field,
          `comes from variable "${name}", which has a default: the default is written in plaintext to cdk.tf.json.`,
          `remove the default and pass the value at plan time (TF_VAR_${name} or -var)${optIn ? `, or ${optIn} to accept the plaintext value` : ''}.`,
        ),
      );
    }
    if (variable.sensitive !== true) {
      out.push(
        problem(
          field,
          `comes from variable "${name}", which is not sensitive: Terraform would print the secret in plans and logs.`,
          `declare the variable with sensitive: true (and no default).`,
        ),
      );
    }
  }
  return out;
}

const RESOLVER = new DefaultTokenResolver(new StringConcat());

/**
 * The variables of each stack by Terraform name, so that many secret slots do not each walk the
 * whole construct tree. A name that is not there (a variable added, or renamed with
 * overrideLogicalId, since the map was made) rebuilds the map once before it counts as unknown.
 */
const variablesByStack = new WeakMap<TerraformStack, Map<string, TerraformVariable>>();

function stackVariables(stack: TerraformStack, rebuild: boolean): Map<string, TerraformVariable> {
  let byName = variablesByStack.get(stack);
  if (!byName || rebuild) {
    byName = new Map();
    for (const c of stack.node.findAll()) if (c instanceof TerraformVariable) byName.set(c.friendlyUniqueId, c);
    variablesByStack.set(stack, byName);
  }
  return byName;
}

/** The TerraformVariables of the scope's stack that `value` refers to (unknown names are left to Terraform). */
function referencedVariables(scope: IConstruct, value: string): TerraformVariable[] {
  const stack = TerraformStack.of(scope);
  const resolved = JSON.stringify(Tokenization.resolve(value, { scope: stack, preparing: false, resolver: RESOLVER }));
  const names = [...new Set([...resolved.matchAll(VARIABLE_REFERENCE)].map((m) => m[1]))];
  if (names.length === 0) return [];
  let byName = stackVariables(stack, false);
  if (names.some((n) => byName.get(n)?.friendlyUniqueId !== n)) byName = stackVariables(stack, true);
  return names.map((n) => byName.get(n)).filter((v): v is TerraformVariable => v !== undefined);
}
