/**
 * The offline check: a synthesized `cdk.tf.json` against the provider schema, strict at every
 * nesting level. Check ids are listed in {@link CHECK_IDS}.
 */
import { Finding } from '../report/finding';
import { ProviderSchema, loadProviderSchema } from '../schema/provider-schema';
import { CHECK_IDS, errorsToFindings } from './ajv-findings';
import { blockSecretRegistrar, registerBlockSecrets, registerDocumentSecrets, registerImportSecrets } from './secrets';
import { closestName } from './suggest';
import { blockValidator, skeletonValidator } from './validators';

/** Options of {@link checkConfig}. */
export interface CheckOptions {
  /** The provider schema to check against (default: the packaged Teleport schema). */
  readonly schema?: ProviderSchema;
  /** Register literal values of sensitive attributes with the redactor (default true). */
  readonly registerSecrets?: boolean;
}

type Obj = Record<string, unknown>;
const isObject = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
/** The objects of one level of Terraform's JSON syntax, which may be an object or an array of objects. */
const objects = (v: unknown): Obj[] => (Array.isArray(v) ? v : [v]).filter(isObject);

/**
 * Checks one parsed `cdk.tf.json` (or `stack.toTerraform()`) and returns its findings, in document
 * order: provider blocks, resources and data sources of the provider against their schema, the rest
 * of the document against Terraform's JSON structure. Findings never contain attribute values.
 */
export function checkConfig(config: unknown, options: CheckOptions = {}): Finding[] {
  if (!isObject(config)) {
    return [{ severity: 'error', check: CHECK_IDS.invalid, resource: 'cdk.tf.json', message: 'The configuration is not a JSON object.' }];
  }
  const schema = options.schema ?? loadProviderSchema();
  const secrets = options.registerSecrets !== false;
  if (secrets) registerDocumentSecrets(config);
  const skeleton = skeletonValidator();
  const findings: Finding[] = [];
  if (!skeleton.validate(config)) {
    findings.push(
      ...errorsToFindings(skeleton.validate.errors, { resource: 'cdk.tf.json', schema: skeleton.schema, data: config, address: skeletonAddress }),
    );
  }
  checkProviders(schema, config, secrets, findings);
  checkBodies(schema, 'resource', config.resource, secrets, findings);
  checkBodies(schema, 'data', config.data, secrets, findings);
  if (secrets && config.import !== undefined) registerImportSecrets(schema, config.import);
  return findings;
}

/** Local names the provider is configured under: its own name and any `required_providers` alias of its source. */
function providerNames(schema: ProviderSchema, config: Obj): Set<string> {
  const names = new Set([schema.localName]);
  const terraform = Array.isArray(config.terraform) ? config.terraform : [config.terraform];
  const suffix = schema.source.split('/').slice(-2).join('/').toLowerCase();
  for (const t of terraform) {
    const required = isObject(t) && isObject(t.required_providers) ? t.required_providers : {};
    for (const [name, req] of Object.entries(required)) {
      const source = isObject(req) && typeof req.source === 'string' ? req.source.toLowerCase() : '';
      if (source === schema.source.toLowerCase() || source.endsWith(`/${suffix}`) || source === suffix) names.add(name);
    }
  }
  return names;
}

function checkProviders(schema: ProviderSchema, config: Obj, secrets: boolean, findings: Finding[]): void {
  const sections = objects(config.provider);
  if (sections.length === 0) return;
  const validator = blockValidator(schema, 'provider');
  const names = providerNames(schema, config);
  for (const [name, entry] of sections.flatMap((section) => Object.entries(section))) {
    if (!names.has(name)) continue;
    for (const body of Array.isArray(entry) ? entry : [entry]) {
      if (!isObject(body)) continue; // the skeleton reports it
      const alias = typeof body.alias === 'string' ? `.${body.alias}` : '';
      const resource = `provider.${name}${alias}`;
      if (!validator.validate(body)) {
        findings.push(...errorsToFindings(validator.validate.errors, { resource, schema: validator.schema, data: body, silentDrop: true }));
      }
      if (secrets) registerBlockSecrets(schema, 'provider', '', body);
    }
  }
}

/** `type -> [name, body or bodies]` of a resource or data section, in document order, over both JSON forms. */
function blocksByType(section: unknown): Map<string, [string, unknown][]> {
  const out = new Map<string, [string, unknown][]>();
  for (const types of objects(section)) {
    for (const [type, byName] of Object.entries(types)) {
      const named = objects(byName).flatMap((o) => Object.entries(o)); // non-objects: the skeleton reports them
      out.set(type, [...(out.get(type) ?? []), ...named]);
    }
  }
  return out;
}

function checkBodies(schema: ProviderSchema, kind: 'resource' | 'data', section: unknown, secrets: boolean, findings: Finding[]): void {
  const prefix = kind === 'data' ? 'data.' : '';
  const noun = kind === 'data' ? 'data source' : 'resource';
  for (const [type, named] of blocksByType(section)) {
    const known = kind === 'data' ? schema.dataSource(type) : schema.resource(type);
    if (!known) {
      findings.push(unknownType(schema, kind, type, named.length));
      continue;
    }
    const validator = blockValidator(schema, kind, type);
    const register = secrets ? blockSecretRegistrar(schema, kind, type) : undefined;
    for (const [name, entry] of named) {
      if (!isObject(entry) && !Array.isArray(entry)) continue; // the skeleton reports it
      for (const body of Array.isArray(entry) ? entry : [entry]) {
        if (!validator.validate(body)) {
          const resource = `${prefix}${type}.${name}`;
          findings.push(...errorsToFindings(validator.validate.errors, { resource, schema: validator.schema, data: body, silentDrop: true }));
        }
        if (register && isObject(body)) register(body);
      }
    }
  }

  function unknownType(s: ProviderSchema, k: 'resource' | 'data', type: string, count: number): Finding {
    const resource = `${prefix}${type}`;
    if (!type.startsWith(`${s.localName}_`)) {
      return {
        severity: 'info',
        check: CHECK_IDS.uncheckedResourceType,
        resource,
        message: `${count} ${noun}(s) of type ${type} not checked: not a ${noun} of the ${s.localName} provider.`,
      };
    }
    const types = k === 'data' ? s.dataSourceTypes() : s.resourceTypes();
    const cut = s.localName.length + 1;
    const near = closestName(
      type.slice(cut),
      types.map((t) => t.slice(cut)),
    );
    const guess = near === undefined ? undefined : `${s.localName}_${near}`;
    return {
      severity: 'warning',
      check: CHECK_IDS.unknownResourceType,
      resource,
      message: `The ${noun} type ${type} is not in this library's ${s.localName} provider schema (${types.join(', ')}); ${count} block(s) not checked.`,
      fix: guess ? `Did you mean \`${guess}\`?` : undefined,
    };
  }
}

/**
 * Maps a skeleton error's segments to a Terraform address: `var.x`, `output.y`, `import[0]`,
 * `teleport_role.x`. List indexes of the array form (`resource/0/teleport_role/1/x`) are skipped.
 */
function skeletonAddress(segments: string[]): { resource: string; skip: number } {
  if (segments.length <= 1) return { resource: 'cdk.tf.json', skip: 0 };
  const block = segments[0];
  if (['provider', 'resource', 'data', 'ephemeral'].includes(block)) return labelledAddress(segments);
  const [, label] = segments;
  switch (block) {
    case 'variable':
      return { resource: `var.${label}`, skip: 2 };
    case 'output':
      return { resource: `${block}.${label}`, skip: 2 };
    case 'import':
    case 'moved':
      return /^\d+$/.test(label) ? { resource: `${block}[${label}]`, skip: 2 } : { resource: block, skip: 1 };
    default:
      return { resource: block, skip: 1 };
  }
}

/** `provider.<name>`, `<type>.<name>`, `data.<type>.<name>` from segments that may hold list indexes. */
function labelledAddress(segments: string[]): { resource: string; skip: number } {
  const [block] = segments;
  const wanted = block === 'provider' ? 1 : 2;
  const labels: string[] = [];
  let skip = 1;
  while (skip < segments.length && labels.length < wanted) {
    if (!/^\d+$/.test(segments[skip])) labels.push(segments[skip]);
    skip++;
  }
  const prefix = block === 'resource' ? '' : `${block}.`;
  return { resource: labels.length ? `${prefix}${labels.join('.')}` : block, skip };
}
