// A Terraform JSON configuration (cdk.tf.json, *.tf.json) as the validator's model. Shape-safe: any
// JSON value is read without throwing; what does not fit is skipped here and reported by the schema
// check, which runs on the same files.
import { ProviderSchema, loadProviderSchema } from '../schema/provider-schema';
import { TfProviderConfig, TfResource, TfStack } from './model';
import { conformBody, isPlainObject } from './shape';

const REF = /\$\{([a-z][a-z0-9_]*\.[A-Za-z0-9_-]+)[.[}]/g;
const NOT_RESOURCES = /^(var|local|each|count|path|terraform|self|module|data)\./;

/** Addresses referenced in `${...}` expressions anywhere in a value (walked without recursion). */
export function referencedAddresses(value: unknown): string[] {
  const out = new Set<string>();
  const todo: unknown[] = [value];
  while (todo.length) {
    const v = todo.pop();
    if (typeof v === 'string') {
      if (v.includes('${')) for (const m of v.matchAll(REF)) if (!NOT_RESOURCES.test(m[1])) out.add(m[1]);
    } else if (Array.isArray(v)) {
      for (const x of v) if (x !== null && typeof x !== 'number' && typeof x !== 'boolean') todo.push(x);
    } else if (isPlainObject(v)) {
      for (const k in v) if (Object.prototype.hasOwnProperty.call(v, k)) todo.push(v[k]);
    }
  }
  return [...out];
}

/** One level of Terraform's JSON syntax, which may be an object or an array of objects; anything else holds nothing. */
export function objectsOf(v: unknown): Record<string, unknown>[] {
  return (Array.isArray(v) ? v : [v]).filter(isPlainObject);
}

/** The bodies under one name: an object, or an array of objects (Terraform's JSON array form). */
const bodiesOf = (entry: unknown): Record<string, unknown>[] => (Array.isArray(entry) ? entry : [entry]).filter(isPlainObject);

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/** The model of the Teleport blocks of one or more configuration files of a stack. */
export function stackFromConfigs(
  name: string,
  files: readonly { file: string; config: unknown }[],
  schema: ProviderSchema = loadProviderSchema(),
): TfStack {
  const providers: TfProviderConfig[] = [];
  const resources: TfResource[] = [];
  let constraint: string | undefined;
  for (const { config } of files) {
    if (!isPlainObject(config)) continue;
    for (const section of objectsOf(config.provider)) {
      if (!Object.prototype.hasOwnProperty.call(section, 'teleport')) continue;
      for (const body of bodiesOf(section.teleport)) {
        const alias = typeof body.alias === 'string' && body.alias !== '' ? body.alias : undefined;
        const { values } = conformBody(schema.providerBlock().attributes, body);
        providers.push({ stack: name, key: alias ? `teleport.${alias}` : 'teleport', alias, values });
      }
    }
    for (const [section, mode] of [
      ['resource', 'managed'],
      ['data', 'data'],
    ] as const) {
      for (const types of objectsOf(config[section])) {
        for (const [type, byName] of Object.entries(types)) {
          if (!type.startsWith('teleport_')) continue;
          const block = mode === 'data' ? schema.dataSource(type) : schema.resource(type);
          for (const named of objectsOf(byName)) {
            for (const [rname, entry] of Object.entries(named)) {
              for (const body of bodiesOf(entry)) resources.push(resourceOf(name, mode, type, rname, body, block?.attributes));
            }
          }
        }
      }
    }
    constraint ??= versionConstraint(config);
  }
  const file = files[0]?.file ?? name;
  return { name, file, providerVersionConstraint: constraint, providers, resources, configs: files };
}

/** {@link stackFromConfigs} of one file. */
export function stackFromConfig(name: string, file: string, config: unknown, schema?: ProviderSchema): TfStack {
  return stackFromConfigs(name, [{ file, config }], schema);
}

function resourceOf(
  stack: string,
  mode: 'managed' | 'data',
  type: string,
  name: string,
  body: Record<string, unknown>,
  attributes: Parameters<typeof conformBody>[0],
): TfResource {
  const { values, unknown } = conformBody(attributes, body);
  const provider = body.provider;
  return {
    stack,
    address: `${mode === 'data' ? 'data.' : ''}${type}.${name}`,
    mode,
    type,
    name,
    providerKey: typeof provider === 'string' && provider !== '' ? provider.replace(/^\$\{(.*)\}$/, '$1') : 'teleport',
    values,
    ...(unknown.length ? { unknown: unknownTree(unknown) } : {}),
    dependsOn: [...new Set([...strings(body.depends_on), ...referencedAddresses(values)])],
    ...commentOf(body),
  };
}

/** The resource's `//` object and the construct path cdktf writes into its `metadata.path`, when there. */
function commentOf(body: Record<string, unknown>): { comment?: Record<string, unknown>; constructPath?: string } {
  const comment = body['//'];
  if (!isPlainObject(comment)) return {};
  const path = isPlainObject(comment.metadata) ? comment.metadata.path : undefined;
  return { comment, ...(typeof path === 'string' ? { constructPath: path } : {}) };
}

/** `required_providers.teleport.version` of any `terraform` block (object or array form). */
function versionConstraint(config: Record<string, unknown>): string | undefined {
  for (const t of objectsOf(config.terraform)) {
    for (const required of objectsOf(t.required_providers)) {
      const entry = Object.prototype.hasOwnProperty.call(required, 'teleport') ? required.teleport : undefined;
      if (typeof entry === 'string') return entry;
      if (isPlainObject(entry) && typeof entry.version === 'string') return entry.version;
    }
  }
  return undefined;
}

/**
 * An `after_unknown`-style tree (`{spec: {role_map: true}}`) from instance paths, so that the rules
 * read an unknown configuration value as they read an unknown plan value. Paths with list indexes
 * or map keys mark their whole attribute.
 */
export function unknownTree(paths: readonly string[]): Record<string, any> {
  const tree: Record<string, any> = {};
  for (const p of paths) {
    const keys = p.replace(/\[.*$/, '').split('.');
    let node = tree;
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i];
      if (node[k] === true) break;
      if (i === keys.length - 1) {
        node[k] = true;
        break;
      }
      node = node[k] = isPlainObject(node[k]) ? node[k] : {};
    }
  }
  return tree;
}
