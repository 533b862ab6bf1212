// One resource made ready for either format: its kind mapping, version, metadata and spec with
// placeholders for what is known only at apply or secret, role defaults left out, label values in
// Teleport's own form.
import { TfResource, TfStack } from '../config/model';
import { isPlainObject, isTemplate } from '../config/shape';
import { SchemaAttribute, loadProviderSchema } from '../schema/provider-schema';
import { KindMapping, kindOf } from './mapping';
import { ExportNote, ExportOptions, ExportPlaceholder } from './model';
import { withoutServerDefaults } from './role-defaults';
import { ValueContext, exportValue, recordUnknown } from './values';

/** Secrets the provider schema does not mark sensitive, by resource type (dotted paths). */
const EXTRA_SECRETS: Readonly<Record<string, readonly string[]>> = {
  // A bound keypair's registration secret joins a bot, as a token's name does.
  teleport_provision_token: ['spec.bound_keypair.onboarding.registration_secret'],
};

/** Metadata fields the server manages: never exported. */
const SERVER_METADATA = ['namespace', 'revision'];

const secretCache = new Map<string, ReadonlySet<string>>();
/** Dotted paths of a resource type's sensitive attributes (provider schema), plus {@link EXTRA_SECRETS}. */
export function secretPaths(type: string): ReadonlySet<string> {
  let out = secretCache.get(type);
  if (!out) {
    const found = new Set<string>(EXTRA_SECRETS[type] ?? []);
    const walk = (attributes: Readonly<Record<string, SchemaAttribute>> | undefined, prefix: string) => {
      for (const [name, a] of Object.entries(attributes ?? {})) {
        const p = prefix ? `${prefix}.${name}` : name;
        if (a.sensitive) found.add(p);
        if (a.nested_type) walk(a.nested_type.attributes, p);
      }
    };
    walk(loadProviderSchema().resource(type)?.attributes, '');
    out = found;
    secretCache.set(type, out);
  }
  return out;
}

/** The schema attribute at a dotted path of a resource type (through nested attributes). */
function attributeAt(type: string): (path: readonly string[]) => SchemaAttribute | undefined {
  return (path) => {
    let attributes: Readonly<Record<string, SchemaAttribute>> | undefined = loadProviderSchema().resource(type)?.attributes;
    let found: SchemaAttribute | undefined;
    for (const key of path) {
      found = attributes && Object.prototype.hasOwnProperty.call(attributes, key) ? attributes[key] : undefined;
      attributes = found?.nested_type?.attributes;
    }
    return found;
  };
}

/** Sensitive variables declared in a stack's configuration files. */
export function sensitiveVariables(stack: TfStack): ReadonlySet<string> {
  const out = new Set<string>();
  for (const { config } of stack.configs ?? []) {
    if (!isPlainObject(config)) continue;
    for (const block of Array.isArray(config.variable) ? config.variable : [config.variable]) {
      if (!isPlainObject(block)) continue;
      for (const [name, v] of Object.entries(block)) if (isPlainObject(v) && v.sensitive === true) out.add(name);
    }
  }
  return out;
}

/** A label map's one-element lists written as one string (`'*': '*'`), as Teleport's guides write them. */
function labelForm(value: unknown, key?: string): unknown {
  if (Array.isArray(value)) return value.map((v) => labelForm(v));
  if (!isPlainObject(value)) return value;
  const isLabels = key !== undefined && /(^|_)labels$/.test(key);
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(value)) {
    const v = value[k];
    const one = isLabels && Array.isArray(v) && v.length === 1 && typeof v[0] === 'string';
    Object.defineProperty(out, k, { value: one ? v[0] : labelForm(v, k), enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/** A resource ready to write. */
export interface Prepared {
  readonly resource: TfResource;
  readonly kind: KindMapping;
  readonly version: string;
  /** Exported `metadata` (server-managed fields left out). */
  readonly metadata: Record<string, any>;
  readonly spec: Record<string, any>;
  readonly subKind?: string;
  /** The raw `metadata.name`, when a literal. */
  readonly literalName?: string;
  readonly ctx: ValueContext;
}

/** What all resources of an export share. */
export interface ExportRun {
  readonly options: ExportOptions;
  readonly placeholders: ExportPlaceholder[];
  readonly notes: ExportNote[];
}

/** The resource prepared, or undefined (with a note) when the exporters do not know its type. */
export function prepare(run: ExportRun, stack: TfStack, resource: TfResource, variables: ReadonlySet<string>): Prepared | undefined {
  const kind = kindOf(resource.type);
  if (!kind) {
    run.notes.push({
      severity: 'warning',
      stack: stack.name,
      resource: resource.address,
      message: `${resource.type} is not exported (only roles, trusted clusters and provision tokens are)`,
    });
    return undefined;
  }
  const ctx: ValueContext = {
    resource,
    allowLiteralSecrets: run.options.allowLiteralSecrets === true,
    sensitiveVariables: variables,
    placeholders: run.placeholders,
    comments: [],
  };
  const v = resource.values;
  const version = typeof v.version === 'string' && !isTemplate(v.version) ? v.version : resource.type === 'teleport_role' ? '' : 'v2';
  // A token of another join method is not secret by name: the provider marks metadata.name sensitive for every token.
  const secrets =
    resource.type === 'teleport_provision_token' && !isSecretNameToken(resource)
      ? new Set([...secretPaths(resource.type)].filter((p) => p !== 'metadata.name'))
      : secretPaths(resource.type);
  const rawMetadata: Record<string, unknown> = { ...(isPlainObject(v.metadata) ? v.metadata : {}) };
  for (const key of SERVER_METADATA) delete rawMetadata[key];
  // A join token's metadata goes into a command, not a document: it is read there (name, expires, labels).
  const metadata = isSecretNameToken(resource)
    ? rawMetadata
    : (exportValue(ctx, labelForm(rawMetadata), ['metadata'], secrets) as Record<string, any>);
  let rawSpec: Record<string, any> = isPlainObject(v.spec) ? v.spec : {};
  if (resource.type === 'teleport_role') rawSpec = withoutServerDefaults(version, rawSpec);
  const spec = exportValue(ctx, labelForm(rawSpec), ['spec'], secrets) as Record<string, any>;
  if (!isSecretNameToken(resource)) recordUnknown(ctx, 'metadata', secrets, metadata, attributeAt(resource.type));
  recordUnknown(ctx, 'spec', secrets, spec, attributeAt(resource.type));
  const name = rawMetadata.name;
  return {
    resource,
    kind,
    version,
    metadata,
    spec,
    subKind: typeof v.sub_kind === 'string' && v.sub_kind !== '' ? v.sub_kind : undefined,
    literalName: typeof name === 'string' && !isTemplate(name) ? name : undefined,
    ctx,
  };
}

/** A provision token whose name is its secret (join method `token`, the default). */
export function isSecretNameToken(resource: TfResource): boolean {
  const method = resource.values.spec?.join_method;
  return resource.type === 'teleport_provision_token' && (method === undefined || method === 'token');
}

/** The order documents are created in: tokens, then roles, then the trusted clusters that map them; by address within a kind. */
export function creationOrder(items: readonly Prepared[]): Prepared[] {
  const rank = (p: Prepared) => ['teleport_provision_token', 'teleport_role', 'teleport_trusted_cluster'].indexOf(p.resource.type);
  return [...items].sort(
    (a, b) => rank(a) - rank(b) || (a.resource.address < b.resource.address ? -1 : a.resource.address > b.resource.address ? 1 : 0),
  );
}
