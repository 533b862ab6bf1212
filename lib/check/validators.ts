/** Lazily compiled, cached ajv validators: one per block type, one for the document skeleton. */
// ajv is loaded on first use, not at import: importing the library stays cheap (see bench/).
import type Ajv from 'ajv';
import type { ValidateFunction } from 'ajv';
import { ProviderSchema } from '../schema/provider-schema';
import { dataSourceJsonSchema, providerJsonSchema, resourceJsonSchema, skeletonJsonSchema } from '../schema/json-schema';

/** A compiled validator with the JSON Schema it was compiled from (findings walk it to name paths). */
export interface BlockValidator {
  readonly validate: ValidateFunction;
  readonly schema: Record<string, unknown>;
}

let ajv: Ajv | undefined;

/** The shared ajv instance: all errors, verbose (errors carry their schema), union types allowed. */
export function sharedAjv(): Ajv {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const AjvClass: typeof Ajv = require('ajv').default;
  ajv ??= new AjvClass({
    allErrors: true,
    verbose: true,
    strict: true,
    strictTypes: false,
    strictTuples: false,
    strictRequired: false,
    allowUnionTypes: true,
  });
  return ajv;
}

const cache = new WeakMap<ProviderSchema, Map<string, BlockValidator>>();
let skeleton: BlockValidator | undefined;

function compile(schema: Record<string, unknown>): BlockValidator {
  return { validate: sharedAjv().compile(schema), schema };
}

/** The validator of a provider block, a resource type or a data source type (compiled on first use). */
export function blockValidator(schema: ProviderSchema, kind: 'provider' | 'resource' | 'data', type = ''): BlockValidator {
  let perSchema = cache.get(schema);
  if (!perSchema) cache.set(schema, (perSchema = new Map()));
  const key = `${kind}:${type}`;
  let v = perSchema.get(key);
  if (!v) {
    const json = kind === 'provider' ? providerJsonSchema(schema) : kind === 'resource' ? resourceJsonSchema(type, schema) : dataSourceJsonSchema(type, schema);
    v = compile(json);
    perSchema.set(key, v);
  }
  return v;
}

/** The validator of everything outside provider, resource and data bodies. */
export function skeletonValidator(): BlockValidator {
  skeleton ??= compile(skeletonJsonSchema());
  return skeleton;
}
