/**
 * Makes a resource, data source or provider body conform to the provider schema's shapes, so that
 * everything reading the model can rely on them: an object where the schema has an object, a list
 * of strings where it has `list(string)`, and so on. Nothing here throws on any input:
 * - a value of the wrong shape is dropped (its path is listed in `dropped`: the schema check
 *   reports it for a configuration; the plan reader turns it into a finding);
 * - a `${...}` template where the schema wants a non-string is unknown offline: dropped, and its
 *   path listed in `unknown`;
 * - null is unset (as Terraform reads it); keys the schema does not have are skipped;
 * - the marker of a redacted plan value is dropped and its path listed in `redacted`;
 * - user-named keys (map keys such as labels) are kept as own properties, whatever their name
 *   (`__proto__`, `constructor`).
 */
import { CtyType, SchemaAttribute } from '../schema/provider-schema';
import { isRedacted } from './redacted';

/** A body made to fit the schema, with what had to be left out. */
export interface Conformed {
  readonly values: Record<string, any>;
  /** Instance paths (`spec.role_map[0].local`) of values of the wrong shape. */
  readonly dropped: readonly string[];
  /** Instance paths of `${...}` templates where the schema wants another type than string. */
  readonly unknown: readonly string[];
  /** Instance paths of values redacted from a plan. */
  readonly redacted: readonly string[];
}

type Attributes = Readonly<Record<string, SchemaAttribute>>;

export const isPlainObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
/** A Terraform template: `${...}` or `%{...}` anywhere in a string. */
export const isTemplate = (v: unknown): v is string => typeof v === 'string' && (v.includes('${') || v.includes('%{'));
const own = (o: object, key: string): boolean => Object.prototype.hasOwnProperty.call(o, key);

/** Sets `key` as an own, enumerable property, even when it is `__proto__` (assignment would set the prototype). */
export function defineOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

/** Conforms `body` to a block's attributes (`undefined` attributes: nothing is known, the body becomes `{}`). */
export function conformBody(attributes: Attributes | undefined, body: unknown): Conformed {
  const c = new Conformer();
  const values = isPlainObject(body) ? c.object(attributes ?? {}, body, undefined) : {};
  return { values, dropped: c.dropped, unknown: c.unknown, redacted: c.redacted };
}

/**
 * An instance path, built only when something is reported: a chain of steps (an attribute, a list
 * index or a map key) from the body down.
 */
type Path = { readonly parent: Path; readonly step: string | number; readonly kind: 'attr' | 'index' | 'key' } | undefined;

const attr = (parent: Path, step: string): Path => ({ parent, step, kind: 'attr' });
const index = (parent: Path, step: number): Path => ({ parent, step, kind: 'index' });
const key = (parent: Path, step: string): Path => ({ parent, step, kind: 'key' });

function format(path: Path): string {
  const steps: NonNullable<Path>[] = [];
  for (let p = path; p; p = p.parent) steps.unshift(p);
  let out = '';
  for (const s of steps) {
    if (s.kind === 'index') out += `[${s.step}]`;
    else if (s.kind === 'key' || !/^[A-Za-z_][A-Za-z0-9_-]*$/.test(String(s.step))) out += `[${JSON.stringify(s.step)}]`;
    else out += out ? `.${s.step}` : s.step;
  }
  return out;
}

class Conformer {
  readonly dropped: string[] = [];
  readonly unknown: string[] = [];
  readonly redacted: string[] = [];

  object(attributes: Attributes, value: Record<string, unknown>, path: Path): Record<string, any> {
    const out: Record<string, unknown> = {};
    for (const name of Object.keys(value)) {
      if (!own(attributes, name)) continue;
      const v = this.attribute(attributes[name], value[name], attr(path, name));
      if (v !== undefined) defineOwn(out, name, v);
    }
    return out;
  }

  private attribute(attribute: SchemaAttribute, value: unknown, path: Path): unknown {
    const nested = attribute.nested_type;
    if (!nested) return this.typed(attribute.type ?? 'dynamic', value, path);
    if (this.special(value, path, true)) return undefined;
    const objectAt = (v: unknown, p: Path) => (isPlainObject(v) ? this.object(nested.attributes, v, p) : this.skip(v, p, true));
    if (nested.nesting_mode === 'single' || nested.nesting_mode === 'group') return objectAt(value, path);
    if (nested.nesting_mode === 'map') return this.map(value, path, objectAt);
    // A list element that is not an object stays as {}, so later elements keep their index in messages.
    return this.list(value, path, (v, p) => objectAt(v, p) ?? {});
  }

  private typed(type: CtyType, value: unknown, path: Path): unknown {
    if (type === 'dynamic') return value === null ? undefined : value;
    if (this.special(value, path, type !== 'string')) return undefined;
    if (type === 'string')
      return typeof value === 'string'
        ? value
        : typeof value === 'number' || typeof value === 'boolean'
          ? String(value)
          : this.skip(value, path, false);
    if (type === 'number') {
      if (typeof value === 'number') return value;
      if (typeof value === 'string' && /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(value)) return Number(value);
      return this.skip(value, path, false);
    }
    if (type === 'bool') {
      if (typeof value === 'boolean') return value;
      if (value === 'true' || value === 'false') return value === 'true';
      return this.skip(value, path, false);
    }
    if (!Array.isArray(type)) return this.skip(value, path, false);
    const [kind, inner] = type;
    if (kind === 'list' || kind === 'set') return this.list(value, path, (v, p) => this.typed(inner as CtyType, v, p));
    if (kind === 'map') return this.map(value, path, (v, p) => this.typed(inner as CtyType, v, p));
    if (kind === 'object' && isPlainObject(inner)) {
      const attributes: Record<string, SchemaAttribute> = {};
      for (const [k, t] of Object.entries(inner)) defineOwn(attributes, k, { type: t as CtyType });
      return isPlainObject(value) ? this.object(attributes, value, path) : this.skip(value, path, false);
    }
    if (kind === 'tuple' && Array.isArray(inner)) {
      if (!Array.isArray(value)) return this.skip(value, path, false);
      return inner.map((t, i) => this.typed(t as CtyType, value[i], index(path, i)));
    }
    return this.skip(value, path, false);
  }

  /** Null, a redacted value, or a template where another type is wanted: handled (true), the caller returns undefined. */
  private special(value: unknown, path: Path, templateIsUnknown: boolean): boolean {
    if (value === null || value === undefined) return true;
    if (isRedacted(value)) {
      this.redacted.push(format(path));
      return true;
    }
    if (templateIsUnknown && isTemplate(value)) {
      this.unknown.push(format(path));
      return true;
    }
    return false;
  }

  private skip(value: unknown, path: Path, templateIsUnknown: boolean): undefined {
    if (!this.special(value, path, templateIsUnknown)) this.dropped.push(format(path));
    return undefined;
  }

  private list(value: unknown, path: Path, element: (v: unknown, p: Path) => unknown): unknown[] | undefined {
    if (!Array.isArray(value)) return this.skip(value, path, true);
    const out: unknown[] = [];
    for (let i = 0; i < value.length; i++) {
      const e = element(value[i], index(path, i));
      if (e !== undefined) out.push(e);
    }
    return out;
  }

  private map(value: unknown, path: Path, element: (v: unknown, p: Path) => unknown): Record<string, unknown> | undefined {
    if (!isPlainObject(value)) return this.skip(value, path, true);
    const out: Record<string, unknown> = {};
    for (const name of Object.keys(value)) {
      const e = element(value[name], key(path, name));
      if (e !== undefined) defineOwn(out, name, e);
    }
    return out;
  }
}
