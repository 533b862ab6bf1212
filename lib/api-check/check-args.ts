// The runtime props check: what TypeScript's compiler checks, for plain JavaScript and the other
// jsii languages. Each public constructor, factory and method calls `checkArgs` first; it walks the
// arguments against the shapes generated from the jsii assembly (api-shapes.generated.ts) and throws
// one error naming the construct path, the call, each field and its fix, before anything could be
// dropped silently or crash later with a TypeError:
//   unknown props (with a did-you-mean), wrong kinds (string, number, boolean, array, object, a class
//   such as JoinToken, an interface such as IRole), missing required props and arguments.
// Values are never printed (only their kind): a misplaced value may be a secret. Unresolved cdktf
// tokens are accepted wherever they stand. Enum values are left to the construct rules, which name
// the allowed values (their kind, string or number, is checked here).
import { Construct, IConstruct } from 'constructs';
import * as core from 'cdktf';
import { Token } from 'cdktf';
import { closestName } from '../check/suggest';
import { formatProblem, problem } from '../common/problem';
import { redact } from '../report/redact';
import type { ApiShapes, ClassShape, EnumShape, ParamShape, TypeRef } from './api-shape-types';
import { callName, describeType, describeValue, fixFor, joinPath, printableName, shortName } from './shape-words';

type Field = { readonly type: TypeRef; readonly optional?: boolean };

let loaded: ApiShapes | undefined;
/** The table loads on first use (import stays cheap). */
function api(): ApiShapes {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (loaded ??= (require('./api-shapes.generated') as { API_SHAPES: ApiShapes }).API_SHAPES);
}

const flattened = new Map<string, ReadonlyMap<string, Field>>();
/** A struct's fields, its own and those of the structs it extends. */
function fieldsOf(struct: string): ReadonlyMap<string, Field> {
  let out = flattened.get(struct);
  if (!out) {
    const shape = api().types[struct];
    if (shape.kind !== 'struct') throw new Error(`cdktf-teleport: ${struct} is not a struct`);
    const all = new Map<string, Field>();
    for (const parent of shape.extends ?? []) for (const [k, f] of fieldsOf(parent)) all.set(k, f);
    for (const [k, f] of Object.entries(shape.fields)) all.set(k, f);
    out = new Map([...all].sort(([a], [b]) => (a < b ? -1 : 1)));
    flattened.set(struct, out);
  }
  return out;
}

const required = new Map<string, readonly string[]>();
/** A struct's required fields. */
function requiredOf(struct: string): readonly string[] {
  let out = required.get(struct);
  if (!out) {
    out = [...fieldsOf(struct)].filter(([, f]) => !f.optional).map(([k]) => k);
    required.set(struct, out);
  }
  return out;
}

const exported = new WeakMap<ClassShape | EnumShape, any>();
/** The class or enum a shape names, as exported at run time (loaded when first needed: no import cycles). */
function runtimeOf(shape: ClassShape | EnumShape): any {
  let found = exported.get(shape);
  if (!found) {
    // The assembly names cdktf's classes; the core module imported above is the one this build runs
    // on (scripts/build-cdktn.js rewrites that import for cdktn-teleport).
    const exports =
      'lib' in shape.module
        ? require(`../${shape.module.lib}`) // eslint-disable-line @typescript-eslint/no-require-imports
        : shape.module.package === 'cdktf'
          ? core
          : require(shape.module.package); // eslint-disable-line @typescript-eslint/no-require-imports
    found = exports[shape.module.name];
    exported.set(shape, found);
  }
  return found;
}

/**
 * An enum value of the right kind: TypeScript's string enums take strings, numeric ones numbers.
 * Which value is the constructs' rules' job: they name the allowed values and the reason
 * (`field "version": "v10" is not a role version ...`), also for values read from tctl YAML.
 */
function isEnumKind(v: unknown, shape: EnumShape): boolean {
  return typeof v === typeof (runtimeOf(shape) as Record<string, string | number>)[shape.members[0]];
}

/**
 * Checks the arguments of a public constructor, factory or method (`new Role`, `ProvisionToken.github`,
 * `Role#allowLogins`) against the public API's types; throws when TypeScript would not have
 * compiled the call. `self`: the construct a method is called on (for the construct path).
 */
export function checkArgs(member: string, args: ArrayLike<unknown>, self?: IConstruct): void {
  const params = api().members[member];
  if (!params) throw new Error(`cdktf-teleport: no shape for ${member}; run node scripts/generate-api-shapes.js`);
  const problems: string[] = [];
  const walk = new Walk(problems, member);
  params.forEach((p, i) => walk.param(p, i, args));
  if (!params.some((p) => p.variadic)) {
    for (let i = params.length; i < args.length; i++) {
      if (args[i] !== undefined)
        problems.push(
          at(
            `argument #${i + 1}`,
            `is one too many: ${callName(member)} takes ${params.length} argument${params.length === 1 ? '' : 's'} (${params.map((p) => p.name).join(', ')}).`,
            'remove it.',
          ),
        );
    }
  }
  if (problems.length === 0) return;
  problems.sort();
  const where = pathOf(params, args, self);
  const head = `${where !== undefined ? `[${where}] ` : ''}${callName(member)}`;
  throw new Error(redact(problems.length === 1 ? `${head}: ${problems[0]}` : `${head}: ${problems.length} problems\n  ${problems.join('\n  ')}`));
}

/** The construct path: the construct a method runs on, or `scope`'s path plus `id` for a new construct. */
function pathOf(params: readonly ParamShape[], args: ArrayLike<unknown>, self?: IConstruct): string | undefined {
  if (self) return self.node.path;
  const [scope, id] = [args[0], args[1]];
  if (params[0]?.name !== 'scope' || !Construct.isConstruct(scope)) return undefined;
  const base = scope.node.path;
  const own = typeof id === 'string' ? printableName(id) : '?';
  return base ? `${base}/${own}` : own;
}

class Walk {
  constructor(
    private readonly problems: string[],
    private readonly member: string,
  ) {}

  public param(p: ParamShape, i: number, args: ArrayLike<unknown>): void {
    if (p.variadic) {
      for (let j = i; j < args.length; j++) this.value(args[j], p.type, '', `argument "${p.name}" #${j - i + 1}`);
      return;
    }
    const v = args[i];
    if (v === undefined) {
      if (!p.optional) this.problems.push(at(`argument "${p.name}"`, 'is missing.', fixFor(p.type, api(), fieldsOf)));
      return;
    }
    const struct = typeof p.type === 'object' && 'ref' in p.type && api().types[p.type.ref].kind === 'struct';
    this.value(v, p.type, struct ? '' : p.name, `argument "${p.name}"`);
  }

  /**
   * Checks one value at `path` (a props struct's fields read as the user wrote them: `token`,
   * `roleMap[0].local`). `label` names a whole argument (`argument "props"`) in its own problem.
   */
  private value(v: unknown, type: TypeRef, path: string, label?: string): void {
    if (this.accepts(v, type, path)) return;
    const message = `expected ${describeType(type)}, got ${describeValue(v)}.`;
    this.problems.push(label ? at(label, message, fixFor(type, api(), fieldsOf)) : problem(path, message, fixFor(type, api(), fieldsOf)));
  }

  /** True when `v` has the type; a struct's own problems (missing, unknown, nested) are recorded here. */
  private accepts(v: unknown, type: TypeRef, path: string): boolean {
    if (typeof type === 'string') {
      switch (type) {
        case 'any':
        case 'json':
          return true;
        case 'date':
          return v instanceof Date || isToken(v);
        default:
          return typeof v === type || isToken(v);
      }
    }
    if ('union' in type) return type.union.some((t) => this.quietly(v, t, path));
    if (v === null || v === undefined) return false;
    if ('array' in type) {
      // A list token (Token.asList) is an array of one encoded element.
      if (!Array.isArray(v) || isToken(v)) return isToken(v);
      v.forEach((item, i) => this.value(item, type.array, `${path}[${i}]`));
      return true;
    }
    if ('map' in type) {
      if (typeof v !== 'object' || Array.isArray(v) || isToken(v)) return isToken(v);
      for (const [k, item] of Object.entries(v)) this.value(item, type.map, joinPath(path, k));
      return true;
    }
    const shape = api().types[type.ref];
    switch (shape.kind) {
      case 'enum':
        return isEnumKind(v, shape) || isToken(v);
      case 'class':
        return v instanceof runtimeOf(shape) || (type.ref === 'constructs.Construct' && Construct.isConstruct(v)) || isToken(v);
      case 'interface':
        return (typeof v === 'object' || typeof v === 'function') && shape.required.every((k) => (v as Record<string, unknown>)[k] !== undefined);
      case 'struct':
        // A struct given as a token is an IResolvable (Token.asAny); the full token test is costly.
        if (typeof v !== 'object' || Array.isArray(v) || isResolvable(v)) return isToken(v);
        this.struct(v as Record<string, unknown>, type.ref, path);
        return true;
    }
  }

  /** A union member accepts `v` when checking it against that member alone finds nothing. */
  private quietly(v: unknown, type: TypeRef, path: string): boolean {
    const scratch = new Walk([], this.member);
    return scratch.accepts(v, type, path) && scratch.problems.length === 0;
  }

  private struct(v: Record<string, unknown>, name: string, path: string): void {
    const fields = fieldsOf(name);
    // The given keys only (a struct such as RoleConditions has dozens of fields), then the required ones.
    for (const k of Object.keys(v)) {
      const f = fields.get(k);
      if (!f) this.problems.push(problem(joinPath(path, k), `is not a field of ${shortName(name)}.`, this.unknownFix(k, name, path)));
      // A known field is an identifier: joined without joinPath's test (this runs for every field).
      else if (v[k] !== undefined) this.value(v[k], f.type, path ? `${path}.${k}` : k);
    }
    for (const k of requiredOf(name)) {
      if (v[k] === undefined)
        this.problems.push(problem(joinPath(path, k), `is missing: ${shortName(name)} requires it.`, fixFor(fields.get(k)!.type, api(), fieldsOf)));
    }
  }

  /** Did you mean a field, or a factory of a field's class (`auth: ProviderAuth.identityFilePath()`); else where it belongs. */
  private unknownFix(key: string, struct: string, path: string): string {
    const fields = fieldsOf(struct);
    const near = nearest(key, fields.keys());
    if (near) return `did you mean "${near}"?`;
    for (const [field, f] of fields) {
      const ref = typeof f.type === 'object' && 'ref' in f.type ? api().types[f.type.ref] : undefined;
      if (ref?.kind !== 'class' && ref?.kind !== 'interface') continue;
      const byName = new Map(ref.makers.map((m) => [m.replace(/^new /, '').replace(/\(\)$/, '').split('.').pop()!, m]));
      const maker = nearest(key, byName.keys());
      if (maker) return `did you mean ${field}: ${byName.get(maker)!.replace(/\(\)$/, '(...)')}?`;
    }
    const elsewhere = path === '' ? this.membersTaking(key) : [];
    if (elsewhere.length)
      return `remove it: ${callName(this.member)} does not take it (${elsewhere.map(callName).join(', ')} ${elsewhere.length === 1 ? 'does' : 'do'}).`;
    const names = [...fields.keys()];
    return `remove it; ${shortName(struct)} has ${names.slice(0, 15).join(', ')}${names.length > 15 ? ', ...' : ''}.`;
  }

  /** Other members of the same class whose props take `key`. */
  private membersTaking(key: string): string[] {
    const cls = this.member.replace(/^new /, '').split(/[.#]/)[0];
    return Object.entries(api().members)
      .filter(([m]) => m !== this.member && m.replace(/^new /, '').split(/[.#]/)[0] === cls)
      .filter(([, params]) =>
        params.some(
          (p) => typeof p.type === 'object' && 'ref' in p.type && api().types[p.type.ref].kind === 'struct' && fieldsOf(p.type.ref).has(key),
        ),
      )
      .map(([m]) => m);
  }
}

/** A problem with an argument rather than a field: `argument "scope": ... Fix: ...`. */
function at(label: string, message: string, fix: string): string {
  return formatProblem({ message, fix }, label);
}

function isResolvable(v: object): boolean {
  return typeof (v as { resolve?: unknown }).resolve === 'function';
}

function isToken(v: unknown): boolean {
  return v !== null && v !== undefined && Token.isUnresolved(v);
}

/**
 * The known name meant by `unknown`: the same name in another case or separator style, the one
 * name it starts (`repo` -> `repository`, the shortest when several do), or the closest by edits.
 */
export function nearest(unknown: string, known: Iterable<string>): string | undefined {
  const names = [...known];
  const norm = (s: string) => s.toLowerCase().replace(/[_-]/g, '');
  const target = norm(unknown);
  const same = names.find((n) => norm(n) === target);
  if (same) return same;
  if (target.length >= 3) {
    const prefixed = names.filter((n) => norm(n).startsWith(target)).sort((a, b) => a.length - b.length || (a < b ? -1 : 1));
    if (prefixed.length) return prefixed[0];
  }
  return closestName(unknown, names);
}
