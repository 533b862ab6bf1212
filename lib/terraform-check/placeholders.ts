// Placeholder values for variables without a default, so `terraform plan` runs non-interactively.
// They are written to a var file in the workspace and passed first, so every `--var-file` the user
// gives overrides them. Each placeholder has the variable's type: objects get every attribute that
// is not optional(...), tuples one value per element; empty collections are fine.
import { objectsOf } from '../config/config-input';
import { isPlainObject } from '../config/shape';
import { Finding } from '../report/finding';
import { TypeNode, TypeExpressionError, parseTypeExpression } from './type-expression';

/** The var file terraform-check writes into each workspace. */
export const PLACEHOLDER_FILE = 'cdktf-teleport-placeholders.tfvars.json';

export interface Placeholders {
  /** Variable name -> placeholder value. */
  readonly values: Record<string, unknown>;
  /** Variables whose type could not be read (they get a string, and a warning says so). */
  readonly unreadable: Record<string, string>;
}

/** Placeholders for the variables without a default, declared in any of `configs` (shape-safe: odd declarations are skipped). */
export function placeholderVariables(configs: unknown): Placeholders {
  const values = new Map<string, unknown>();
  const unreadable = new Map<string, string>();
  for (const config of Array.isArray(configs) ? configs : [configs]) {
    if (!isPlainObject(config)) continue;
    for (const section of objectsOf(config.variable)) {
      for (const [name, v] of Object.entries(section)) {
        if (!isPlainObject(v) || v.default !== undefined) continue;
        let type: TypeNode = { kind: 'any' };
        try {
          if (v.type !== undefined) type = parseTypeExpression(String(v.type));
        } catch (e) {
          if (!(e instanceof TypeExpressionError)) throw e;
          unreadable.set(name, e.message);
        }
        values.set(name, placeholderValue(type, `placeholder-${name}`));
      }
    }
  }
  // Object.fromEntries defines own properties: a variable named __proto__ keeps its placeholder.
  return { values: Object.fromEntries(values), unreadable: Object.fromEntries(unreadable) };
}

export function placeholderValue(type: TypeNode, text: string): unknown {
  switch (type.kind) {
    case 'string':
    case 'any':
      return text;
    case 'number':
      return 0;
    case 'bool':
      return false;
    case 'list':
    case 'set':
      return [];
    case 'map':
      return {};
    case 'tuple':
      return type.elements.map((t) => placeholderValue(t, text));
    case 'object':
      return Object.fromEntries(
        Object.entries(type.attributes)
          .filter(([, a]) => !a.optional)
          .map(([n, a]) => [n, placeholderValue(a.type, text)]),
      );
  }
}

/** The warning for a variable whose placeholder failed the variable's own validation block. */
export function placeholderValidationWarning(stack: string, variable: string): Finding {
  return {
    severity: 'warning',
    check: 'terraform.placeholder-validation',
    resource: stack,
    message: `placeholder value for var.${variable} failed its validation, so the plan stopped there; pass --var-file FILE to check with real values.`,
    fix: `give var.${variable} a value that passes its validation in a var file and pass it with --var-file.`,
  };
}

export function unreadableTypeWarnings(stack: string, unreadable: Record<string, string>): Finding[] {
  return Object.entries(unreadable).map(([name, why]) => ({
    severity: 'warning' as const,
    check: 'terraform.placeholder-type',
    resource: stack,
    message: `the type of var.${name} could not be read (${why}); its placeholder is a string.`,
    fix: `pass a value for var.${name} with --var-file.`,
  }));
}
