/**
 * Cached validators: one per block type, one for the document skeleton. Each first runs the
 * schema's accept test (./acceptor, closures built on first use); only data it rejects loads ajv's
 * validator (precompiled at build time, else compiled) for the errors. A valid stack never loads ajv.
 */
import type Ajv from 'ajv';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { ProviderSchema, loadProviderSchema } from '../schema/provider-schema';
import { dataSourceJsonSchema, providerJsonSchema, resourceJsonSchema, skeletonJsonSchema } from '../schema/json-schema';
import { compileAcceptor } from './acceptor';

/** ajv's answer for one piece of data: valid, else `errors` holds ajv's errors (null when valid). */
export interface Validate {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

/** A validator with the JSON Schema it was compiled from (findings walk it to name paths). */
export interface BlockValidator {
  readonly validate: Validate;
  readonly schema: Record<string, unknown>;
}

let ajv: Ajv | undefined;

/** ajv options: all errors, verbose (errors carry their schema), union types allowed. */
export const AJV_OPTIONS = {
  allErrors: true,
  verbose: true,
  strict: true,
  strictTypes: false,
  strictTuples: false,
  strictRequired: false,
  allowUnionTypes: true,
} as const;

/** The shared ajv instance. */
export function sharedAjv(): Ajv {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const AjvClass: typeof Ajv = require('ajv').default;
  ajv ??= new AjvClass(AJV_OPTIONS);
  return ajv;
}

/** Every validator key of the shipped schema: `skeleton`, `provider`, `resource:<type>`, `data:<type>`. */
export function validatorKeys(schema: ProviderSchema = loadProviderSchema()): string[] {
  return ['skeleton', 'provider', ...schema.resourceTypes().map((t) => `resource:${t}`), ...schema.dataSourceTypes().map((t) => `data:${t}`)];
}

/** The JSON Schema behind a validator key. */
export function jsonSchemaFor(key: string, schema: ProviderSchema = loadProviderSchema()): Record<string, unknown> {
  const [kind, type] = key.split(':');
  if (kind === 'skeleton') return skeletonJsonSchema();
  if (kind === 'provider') return providerJsonSchema(schema);
  return kind === 'resource' ? resourceJsonSchema(type, schema) : dataSourceJsonSchema(type, schema);
}

/**
 * The validator scripts/precompile-validators.js compiled at build time for the shipped schema
 * (dist/lib/check/precompiled-validators/<key>.js), or undefined when running from sources or
 * checking against another schema.
 */
function precompiledFor(schema: ProviderSchema | undefined, key: string): ValidateFunction | undefined {
  if (schema !== undefined && schema !== loadProviderSchema()) return undefined;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require(`./precompiled-validators/${key.replace(/[^A-Za-z0-9_]/g, '_')}`) as ValidateFunction;
  } catch {
    return undefined;
  }
}

const cache = new WeakMap<ProviderSchema, Map<string, BlockValidator>>();
let skeleton: BlockValidator | undefined;

function compile(key: string, json: Record<string, unknown>, schema?: ProviderSchema): BlockValidator {
  let full: ValidateFunction | undefined;
  const ajvValidate = (data: unknown) => {
    full ??= precompiledFor(schema, key) ?? sharedAjv().compile(json);
    const valid = full(data);
    validate.errors = full.errors;
    return valid;
  };
  const accepts = compileAcceptor(json);
  const validate: Validate = accepts
    ? (data) => {
        if (!accepts(data)) return ajvValidate(data);
        validate.errors = null;
        return true;
      }
    : ajvValidate;
  return { validate, schema: json };
}

/** The validator of a provider block, a resource type or a data source type (compiled on first use). */
export function blockValidator(schema: ProviderSchema, kind: 'provider' | 'resource' | 'data', type = ''): BlockValidator {
  let perSchema = cache.get(schema);
  if (!perSchema) cache.set(schema, (perSchema = new Map()));
  const key = `${kind}:${type}`;
  let v = perSchema.get(key);
  if (!v) {
    const json =
      kind === 'provider' ? providerJsonSchema(schema) : kind === 'resource' ? resourceJsonSchema(type, schema) : dataSourceJsonSchema(type, schema);
    v = compile(kind === 'provider' ? 'provider' : key, json, schema);
    perSchema.set(key, v);
  }
  return v;
}

/** The validator of everything outside provider, resource and data bodies. */
export function skeletonValidator(): BlockValidator {
  skeleton ??= compile('skeleton', skeletonJsonSchema());
  return skeleton;
}
