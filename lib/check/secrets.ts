/**
 * Registers literal values of sensitive attributes with the shared redactor, so no output path can
 * print them: sensitive attributes of provider, resource and data bodies (from the schema's
 * `sensitive` flags), defaults of sensitive variables, literal values of sensitive outputs.
 */
import { registerSecret } from '../report/redact';
import { BlockKind, PathStep, ProviderSchema } from '../schema/provider-schema';

const stepsCache = new WeakMap<ProviderSchema, Map<string, readonly PathStep[][]>>();

/** The steps of every attribute that is sensitive itself (its contents are registered whole). */
function sensitiveSteps(schema: ProviderSchema, kind: BlockKind, type: string): readonly PathStep[][] {
  let perSchema = stepsCache.get(schema);
  if (!perSchema) stepsCache.set(schema, (perSchema = new Map()));
  const key = `${kind}:${type}`;
  let steps = perSchema.get(key);
  if (!steps) {
    steps = schema
      .attributes(kind, type)
      .filter((a) => a.attribute.sensitive)
      .map((a) => [...a.steps]);
    perSchema.set(key, steps);
  }
  return steps;
}

/** Registers every string inside `value` (a literal secret, or an object holding secrets). */
export function registerDeep(value: unknown): void {
  if (typeof value === 'string') registerSecret(value);
  else if (Array.isArray(value)) value.forEach(registerDeep);
  else if (value !== null && typeof value === 'object') Object.values(value).forEach(registerDeep);
}

function collect(value: unknown, steps: readonly PathStep[], i: number): void {
  if (value === null || value === undefined) return;
  if (i === steps.length) return registerDeep(value);
  if (typeof value !== 'object') return;
  const step = steps[i];
  if ('attr' in step) {
    if (!Array.isArray(value)) collect((value as Record<string, unknown>)[step.attr], steps, i + 1);
  } else if (step.element === 'list') {
    if (Array.isArray(value)) for (const v of value) collect(v, steps, i + 1);
  } else if (!Array.isArray(value)) {
    for (const v of Object.values(value)) collect(v, steps, i + 1);
  }
}

/** Registers the literal values of a block's sensitive attributes. */
export function registerBlockSecrets(schema: ProviderSchema, kind: BlockKind, type: string, body: unknown): void {
  blockSecretRegistrar(schema, kind, type)(body);
}

/** {@link registerBlockSecrets} for many bodies of one block type: the sensitive paths are looked up once. */
export function blockSecretRegistrar(schema: ProviderSchema, kind: BlockKind, type: string): (body: unknown) => void {
  const all = sensitiveSteps(schema, kind, type);
  return (body) => {
    for (const steps of all) collect(body, steps, 0);
  };
}

/** True when a variable or output block says `sensitive` (a bool or the string "true"). */
function isSensitive(block: unknown): boolean {
  const s = (block as Record<string, unknown> | null)?.sensitive;
  return s === true || s === 'true';
}

/** Registers defaults of sensitive variables and literal values of sensitive outputs. */
export function registerDocumentSecrets(config: Record<string, unknown>): void {
  for (const section of ['variable', 'output'] as const) {
    const blocks = config[section];
    if (!blocks || typeof blocks !== 'object') continue;
    for (const block of Object.values(blocks as Record<string, unknown>)) {
      if (isSensitive(block)) registerDeep((block as Record<string, unknown>)[section === 'variable' ? 'default' : 'value']);
    }
  }
}

/**
 * Registers import ids of resources whose name is sensitive: the Teleport provider imports by
 * `metadata.name`, and a provision token's name is the token itself.
 */
export function registerImportSecrets(schema: ProviderSchema, imports: unknown): void {
  for (const block of Array.isArray(imports) ? imports : [imports]) {
    const { to, id } = (block ?? {}) as { to?: unknown; id?: unknown };
    if (typeof to !== 'string' || typeof id !== 'string') continue;
    const type = to.replace(/^module\.[^.]+\./, '').split('.')[0];
    if (schema.resource(type) && schema.findAttribute('resource', type, 'metadata.name')?.sensitive) registerSecret(id);
  }
}
