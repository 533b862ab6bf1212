/**
 * The one place that knows the Teleport provider's attribute paths, types and sensitivity. It reads
 * `schemas/teleport-provider.schema.json` (the `terraform providers schema -json` document) lazily.
 *
 * Path notation (used by every accessor here and by findings):
 * - schema paths name an attribute pattern: nested attributes are joined with `.`, a list or set
 *   element is `[]` and a map value is `{}`: `spec.role_map[].local`, `spec.foo{}.bar`;
 * - instance paths name a place in a configuration: a list index is `[0]`, a map key is `["key"]`:
 *   `spec.role_map[0].local`, `spec.foo["x"].bar`. {@link toSchemaPath} turns one into the other.
 */
import * as fs from 'fs';
import * as path from 'path';
import { THIS_BUILD } from '../core/identity';

/** A cty type as Terraform prints it: `"string"`, `["list","string"]`, `["object",{...}]`, ... */
export type CtyType = string | [string, ...unknown[]];

/** How a nested attribute or block holds its objects. */
export type NestingMode = 'single' | 'list' | 'set' | 'map' | 'group';

/** One attribute of a block, as the schema document holds it. */
export interface SchemaAttribute {
  readonly type?: CtyType;
  readonly nested_type?: NestedType;
  readonly description?: string;
  readonly required?: boolean;
  readonly optional?: boolean;
  readonly computed?: boolean;
  readonly sensitive?: boolean;
  readonly deprecated?: boolean;
}

/** The object type of a nested attribute (protocol 6). */
export interface NestedType {
  readonly attributes: Record<string, SchemaAttribute>;
  readonly nesting_mode: NestingMode;
}

/** A nested block (SDKv2-style providers); the Teleport provider uses nested attributes instead. */
export interface SchemaBlockType {
  readonly nesting_mode: NestingMode;
  readonly block: SchemaBlock;
  readonly min_items?: number;
  readonly max_items?: number;
}

/** A block: a resource, a data source or the provider configuration. */
export interface SchemaBlock {
  readonly attributes?: Record<string, SchemaAttribute>;
  readonly block_types?: Record<string, SchemaBlockType>;
  readonly description?: string;
}

interface VersionedBlock {
  readonly version?: number;
  readonly block: SchemaBlock;
}

interface ProviderEntry {
  readonly provider: VersionedBlock;
  readonly resource_schemas?: Record<string, VersionedBlock>;
  readonly data_source_schemas?: Record<string, VersionedBlock>;
}

/** The whole `terraform providers schema -json` document. */
export interface ProviderSchemaDocument {
  readonly format_version: string;
  readonly provider_schemas: Record<string, ProviderEntry>;
}

/** Which kind of block a schema describes. */
export type BlockKind = 'provider' | 'resource' | 'data';

/** One step of a schema path: an attribute name, a list/set element (`[]`) or a map value (`{}`). */
export type PathStep = { readonly attr: string } | { readonly element: 'list' | 'map' };

/** One attribute (at any nesting level) with everything a check needs to know about it. */
export interface AttributeInfo {
  /** Schema path, e.g. `spec.role_map[].local`. */
  readonly path: string;
  /** The steps of `path`. */
  readonly steps: readonly PathStep[];
  /** The attribute's own name (`local`). */
  readonly name: string;
  /** Schema path of the object holding the attribute (`spec.role_map[]`; `''` at the top). */
  readonly parentPath: string;
  /** The raw attribute (or a synthesized one for a nested block). */
  readonly attribute: SchemaAttribute;
  /** The cty type of a plain attribute. */
  readonly type?: CtyType;
  /** The nesting mode of a nested attribute or nested block. */
  readonly nesting?: NestingMode;
  readonly required: boolean;
  readonly optional: boolean;
  readonly computed: boolean;
  /** Set by Terraform or the provider only: Terraform rejects a configured value. */
  readonly computedOnly: boolean;
  /** Sensitive itself or inside a sensitive nested attribute. */
  readonly sensitive: boolean;
}

/** The provider source address this library targets. */
export const TELEPORT_PROVIDER_SOURCE = 'terraform.releases.teleport.dev/gravitational/teleport';

const SCHEMA_FILE = 'teleport-provider.schema.json';

/**
 * The default schema file: `schemas/teleport-provider.schema.json` in the package root, found by
 * walking up from this module (it runs from `lib/schema/` under ts-jest and `dist/lib/schema/` built).
 */
export function defaultSchemaPath(): string {
  let dir = __dirname;
  for (let i = 0; i < 6; i++) {
    const candidate = path.join(dir, 'schemas', SCHEMA_FILE);
    if (fs.existsSync(candidate) && isPackageRoot(dir)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return path.join(__dirname, '..', '..', 'schemas', SCHEMA_FILE);
}

function isPackageRoot(dir: string): boolean {
  try {
    return JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).name === THIS_BUILD.library;
  } catch {
    return false;
  }
}

/** Turns an instance path (`spec.role_map[0].local`, `a["k"].b`) into a schema path (`spec.role_map[].local`, `a{}.b`). */
export function toSchemaPath(instancePath: string): string {
  return instancePath.replace(/\[\d+\]/g, '[]').replace(/\["(?:[^"\\]|\\.)*"\]/g, '{}');
}

/** Joins schema path steps into the dotted notation. */
export function formatSchemaPath(steps: readonly PathStep[]): string {
  let out = '';
  for (const step of steps) {
    if ('attr' in step) out += out ? `.${step.attr}` : step.attr;
    else out += step.element === 'list' ? '[]' : '{}';
  }
  return out;
}

/** Splits a schema path (or an instance path, normalized first) into steps. */
export function parseSchemaPath(p: string): PathStep[] {
  const steps: PathStep[] = [];
  for (const m of toSchemaPath(p).matchAll(/([^.[\]{}]+)|(\[\])|(\{\})/g)) {
    if (m[1]) steps.push({ attr: m[1] });
    else steps.push({ element: m[2] ? 'list' : 'map' });
  }
  return steps;
}

/** A typed view of one provider's schema. Get one with {@link loadProviderSchema}. */
export class ProviderSchema {
  private readonly entry: ProviderEntry;
  private readonly walked = new Map<string, AttributeInfo[]>();
  private readonly byPath = new Map<string, Map<string, AttributeInfo>>();

  /**
   * @param document the parsed `terraform providers schema -json` output
   * @param source the provider source address inside it (default: the only or the Teleport one)
   */
  constructor(
    public readonly document: ProviderSchemaDocument,
    source?: string,
  ) {
    const sources = Object.keys(document?.provider_schemas ?? {});
    const chosen = source ?? (sources.includes(TELEPORT_PROVIDER_SOURCE) ? TELEPORT_PROVIDER_SOURCE : sources[0]);
    if (!chosen || !document.provider_schemas[chosen]) {
      throw new Error(`provider schema has no provider ${source ?? TELEPORT_PROVIDER_SOURCE}`);
    }
    this.source = chosen;
    this.entry = document.provider_schemas[chosen];
    this.localName = chosen.split('/').pop() as string;
  }

  /** The provider source address (`terraform.releases.teleport.dev/gravitational/teleport`). */
  public readonly source: string;
  /** The provider's default local name and resource type prefix (`teleport`). */
  public readonly localName: string;

  /** The provider configuration block. */
  public providerBlock(): SchemaBlock {
    return this.entry.provider.block;
  }

  /** Resource types, sorted. */
  public resourceTypes(): string[] {
    return Object.keys(this.entry.resource_schemas ?? {}).sort();
  }

  /** Data source types, sorted. */
  public dataSourceTypes(): string[] {
    return Object.keys(this.entry.data_source_schemas ?? {}).sort();
  }

  /** A resource type's block, or undefined when the provider has no such resource. */
  public resource(type: string): SchemaBlock | undefined {
    return this.entry.resource_schemas?.[type]?.block;
  }

  /** A data source type's block, or undefined when the provider has no such data source. */
  public dataSource(type: string): SchemaBlock | undefined {
    return this.entry.data_source_schemas?.[type]?.block;
  }

  /** The block of a kind (`type` is ignored for `provider`). */
  public block(kind: BlockKind, type = ''): SchemaBlock | undefined {
    if (kind === 'provider') return this.providerBlock();
    return kind === 'resource' ? this.resource(type) : this.dataSource(type);
  }

  /** Every (kind, type) pair the schema describes, provider first. */
  public blocks(): { kind: BlockKind; type: string; block: SchemaBlock }[] {
    return [
      { kind: 'provider' as const, type: this.localName, block: this.providerBlock() },
      ...this.resourceTypes().map((type) => ({ kind: 'resource' as const, type, block: this.resource(type)! })),
      ...this.dataSourceTypes().map((type) => ({ kind: 'data' as const, type, block: this.dataSource(type)! })),
    ];
  }

  /** Every attribute at every nesting level of a block, depth first, in schema order. */
  public attributes(kind: BlockKind, type = ''): readonly AttributeInfo[] {
    const key = `${kind}:${type}`;
    let list = this.walked.get(key);
    if (!list) {
      const block = this.block(kind, type);
      if (!block) throw new Error(`the ${this.localName} provider schema has no ${kind === 'data' ? 'data source' : kind} ${type}`);
      list = walkBlock(block);
      this.walked.set(key, list);
      this.byPath.set(key, new Map(list.map((a) => [a.path, a])));
    }
    return list;
  }

  /** Finds an attribute by schema path or instance path; undefined when there is none. */
  public findAttribute(kind: BlockKind, type: string, attributePath: string): AttributeInfo | undefined {
    if (!this.block(kind, type)) return undefined;
    this.attributes(kind, type);
    return this.byPath.get(`${kind}:${type}`)!.get(toSchemaPath(attributePath));
  }

  /** The sensitive attributes of a block (including everything inside a sensitive nested attribute). */
  public sensitiveAttributes(kind: BlockKind, type = ''): AttributeInfo[] {
    return this.attributes(kind, type).filter((a) => a.sensitive);
  }

  /** Schema paths of the sensitive attributes of a block. */
  public sensitivePaths(kind: BlockKind, type = ''): string[] {
    return this.sensitiveAttributes(kind, type).map((a) => a.path);
  }
}

function walkBlock(block: SchemaBlock): AttributeInfo[] {
  const out: AttributeInfo[] = [];
  visitBlock(block, [], false, out);
  return out;
}

function visitBlock(block: SchemaBlock, prefix: PathStep[], sensitive: boolean, out: AttributeInfo[]): void {
  for (const [name, attribute] of Object.entries(block.attributes ?? {})) {
    visitAttribute(name, attribute, prefix, sensitive, out);
  }
  for (const [name, bt] of Object.entries(block.block_types ?? {})) {
    const attribute: SchemaAttribute = { optional: !(bt.min_items && bt.min_items > 0), required: !!(bt.min_items && bt.min_items > 0) };
    const steps = [...prefix, { attr: name }];
    out.push(info(name, attribute, prefix, steps, sensitive, bt.nesting_mode));
    visitBlock(bt.block, [...steps, ...elementStep(bt.nesting_mode)], sensitive, out);
  }
}

function visitAttribute(name: string, attribute: SchemaAttribute, prefix: PathStep[], inherited: boolean, out: AttributeInfo[]): void {
  const steps = [...prefix, { attr: name }];
  const sensitive = inherited || !!attribute.sensitive;
  const nested = attribute.nested_type;
  out.push(info(name, attribute, prefix, steps, sensitive, nested?.nesting_mode));
  if (!nested) return;
  const inner = [...steps, ...elementStep(nested.nesting_mode)];
  for (const [child, a] of Object.entries(nested.attributes)) visitAttribute(child, a, inner, sensitive, out);
}

function elementStep(mode: NestingMode): PathStep[] {
  if (mode === 'list' || mode === 'set') return [{ element: 'list' }];
  if (mode === 'map') return [{ element: 'map' }];
  return [];
}

function info(
  name: string,
  attribute: SchemaAttribute,
  prefix: PathStep[],
  steps: PathStep[],
  sensitive: boolean,
  nesting: NestingMode | undefined,
): AttributeInfo {
  const required = !!attribute.required;
  const optional = !!attribute.optional;
  const computed = !!attribute.computed;
  return {
    path: formatSchemaPath(steps),
    steps,
    name,
    parentPath: formatSchemaPath(prefix),
    attribute,
    type: attribute.type,
    nesting,
    required,
    optional,
    computed,
    computedOnly: computed && !optional && !required,
    sensitive,
  };
}

const loaded = new Map<string, ProviderSchema>();

/** Loads (once per file) and returns the provider schema; `file` defaults to {@link defaultSchemaPath}. */
export function loadProviderSchema(file: string = defaultSchemaPath()): ProviderSchema {
  const key = path.resolve(file);
  let schema = loaded.get(key);
  if (!schema) {
    let document: ProviderSchemaDocument;
    try {
      document = JSON.parse(fs.readFileSync(key, 'utf8'));
    } catch (e) {
      throw new Error(`cannot read the provider schema ${key}: ${(e as Error).message}`, { cause: e });
    }
    schema = new ProviderSchema(document);
    loaded.set(key, schema);
  }
  return schema;
}
