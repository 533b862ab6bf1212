// What the offline provider plans and "applies": a faithful shape (every schema attribute present),
// computed attributes unknown at plan and filled with deterministic placeholders at apply. It never
// contacts a cluster; the values it invents are documented placeholders, not Teleport's.
import * as crypto from 'crypto';
import { SchemaAttribute, SchemaBlock } from '../schema/provider-schema';
import { isUnknown, unknownValue } from './dynamic-value';

type Attrs = Record<string, SchemaAttribute>;

/** The Teleport `kind` of each resource type (what the real provider stores in the computed `kind`). */
const KINDS: Record<string, string> = {
  teleport_role: 'role',
  teleport_provision_token: 'token',
  teleport_trusted_cluster: 'trusted_cluster',
};

/** Plan for a create: computed attributes left null by the configuration become unknown. */
export function planCreate(block: SchemaBlock, proposed: Record<string, any>): Record<string, any> {
  return planObject(block.attributes ?? {}, proposed, undefined);
}

/**
 * Plan for an update. Terraform's proposed state already carries the prior value of every computed
 * attribute the configuration leaves null, wherever a prior object exists; inside nested objects
 * that did not exist before (a new list element, map key or set element) computed attributes become
 * unknown, as the real provider plans them (its generator sets use_state_for_unknown_by_default).
 */
export function planUpdate(block: SchemaBlock, proposed: Record<string, any>, prior: Record<string, any>): Record<string, any> {
  return planObject(block.attributes ?? {}, proposed, prior);
}

/** `prior` is the same object in the prior state, or undefined when it did not exist there. */
function planObject(attrs: Attrs, value: Record<string, any>, prior: Record<string, any> | undefined): Record<string, any> {
  const out: Record<string, any> = { ...value };
  for (const [name, a] of Object.entries(attrs)) {
    const v = value[name];
    if (v === null || v === undefined) {
      if (a.computed && prior === undefined) out[name] = unknownValue();
    } else if (!isUnknown(v) && a.nested_type) {
      const nested = a.nested_type.attributes;
      out[name] = mapNestedWithPrior(a, v, known(prior?.[name]), (o, p) => planObject(nested, o, p));
    }
  }
  return out;
}

function known(v: unknown): any {
  return v === null || v === undefined || isUnknown(v) ? undefined : v;
}

/** Maps each nested object with its counterpart in the prior value: same index, same key, or an equal set element. */
function mapNestedWithPrior(
  a: SchemaAttribute,
  v: any,
  prior: any,
  f: (o: Record<string, any>, p: Record<string, any> | undefined) => Record<string, any>,
): any {
  const mode = a.nested_type!.nesting_mode;
  const apply = (o: any, p: any) => (isUnknown(o) || o === null ? o : f(o, known(p)));
  if (mode === 'single') return f(v, prior);
  if (mode === 'map') return Object.fromEntries(Object.entries(v).map(([k, o]) => [k, apply(o, prior?.[k])]));
  if (!Array.isArray(v)) return v;
  if (mode === 'set')
    return v.map((o) => apply(o, Array.isArray(prior) ? prior.find((p) => sameConfigured(a.nested_type!.attributes, o, p)) : undefined));
  return v.map((o, i) => apply(o, Array.isArray(prior) ? prior[i] : undefined));
}

/** Set elements are the same object when every attribute that only configuration sets is equal. */
function sameConfigured(attrs: Attrs, a: any, b: any): boolean {
  if (!a || !b || isUnknown(a) || isUnknown(b)) return false;
  const text = (v: unknown) => JSON.stringify(v ?? null, (_k, x) => (isUnknown(x) ? '?' : x));
  return Object.entries(attrs).every(([name, attr]) => attr.computed || text(a[name]) === text(b[name]));
}

/**
 * The new state after apply: every unknown replaced by a deterministic placeholder, so a second plan
 * over the same configuration finds nothing to change. `id` is the resource name; a provision
 * token's generated name is a placeholder derived from its planned values.
 */
export function applyPlanned(typeName: string, block: SchemaBlock, planned: Record<string, any>): Record<string, any> {
  const seed = crypto
    .createHash('sha256')
    .update(typeName)
    .update(JSON.stringify(planned, (_k, v) => (isUnknown(v) ? '?' : v)))
    .digest('hex');
  const state = fill(block.attributes ?? {}, planned, '', { typeName, seed });
  const name = state.metadata?.name;
  if ('id' in state && (state.id === '' || state.id === null)) state.id = name ?? seed.slice(0, 16);
  return state;
}

interface FillContext {
  readonly typeName: string;
  readonly seed: string;
}

function fill(attrs: Attrs, value: Record<string, any>, prefix: string, ctx: FillContext): Record<string, any> {
  const out: Record<string, any> = {};
  for (const [name, a] of Object.entries(attrs)) {
    const path = prefix ? `${prefix}.${name}` : name;
    const v = value?.[name];
    if (isUnknown(v)) out[name] = placeholder(a, path, ctx);
    else if (v !== null && v !== undefined && a.nested_type)
      out[name] = mapNestedWithPrior(a, v, undefined, (o) => fill(a.nested_type!.attributes, o, path, ctx));
    else out[name] = v ?? null;
  }
  return out;
}

function placeholder(a: SchemaAttribute, path: string, ctx: FillContext): unknown {
  if (path === 'kind') return KINDS[ctx.typeName] ?? '';
  if (path === 'metadata.namespace') return 'default';
  if (path === 'metadata.name') return `placeholder-${ctx.seed.slice(0, 24)}`; // a token's generated secret
  if (path === 'id') return '';
  if (a.nested_type) {
    const empty = Object.fromEntries(Object.keys(a.nested_type.attributes).map((k) => [k, null]));
    return a.nested_type.nesting_mode === 'single' ? empty : a.nested_type.nesting_mode === 'map' ? {} : [];
  }
  return zero(a.type);
}

function zero(type: unknown): unknown {
  if (type === 'string') return '';
  if (type === 'number') return 0;
  if (type === 'bool') return false;
  if (Array.isArray(type)) return type[0] === 'map' || type[0] === 'object' ? {} : [];
  return null;
}

/** A state for an imported resource: every attribute null but the name and id. */
export function importedState(block: SchemaBlock, id: string): Record<string, any> {
  const state: Record<string, any> = Object.fromEntries(Object.keys(block.attributes ?? {}).map((k) => [k, null]));
  if ('id' in state) state.id = id;
  const metadata = block.attributes?.metadata?.nested_type?.attributes;
  if (metadata) state.metadata = { ...Object.fromEntries(Object.keys(metadata).map((k) => [k, null])), name: id };
  return state;
}

/** A data source's state: its configuration with computed attributes given placeholders. */
export function dataSourceState(typeName: string, block: SchemaBlock, config: Record<string, any>): Record<string, any> {
  return applyPlanned(typeName, block, planObject(block.attributes ?? {}, config, undefined));
}
