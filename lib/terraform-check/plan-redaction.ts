// `terraform-check --plan-json DIR` writes plans for review and for `validate`. A plan holds every
// value Terraform knows, secrets included (a join token passed with --var-file), so by default
// every value Terraform marks sensitive is replaced by REDACTED_VALUE before the file is written:
// resource values (`before_sensitive`, `after_sensitive`, `sensitive_values`), outputs marked
// sensitive, variables declared sensitive, and literal values of the provider schema's sensitive
// attributes in the `configuration` section. The file is written with mode 0600 either way.
import * as fs from 'fs';
import * as path from 'path';
import { REDACTED_VALUE } from '../config/redacted';
import { isPlainObject } from '../config/shape';
import { ProviderSchema, SchemaAttribute } from '../schema/provider-schema';

type Obj = Record<string, any>;

/**
 * Replaces what `marks` marks sensitive in `value`: `marks` is Terraform's sensitivity tree (`true`
 * for a sensitive value, objects and arrays for parts), `false` or absent where nothing is.
 */
export function maskSensitive(value: unknown, marks: unknown): unknown {
  if (marks === true) return value === null || value === undefined ? value : REDACTED_VALUE;
  if (Array.isArray(value) && Array.isArray(marks)) return value.map((v, i) => maskSensitive(v, marks[i]));
  if (isPlainObject(value) && isPlainObject(marks)) {
    const out: Obj = {};
    for (const [k, v] of Object.entries(value))
      Object.defineProperty(out, k, {
        value: Object.prototype.hasOwnProperty.call(marks, k) ? maskSensitive(v, marks[k]) : v,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    return out;
  }
  return value;
}

/** A copy of a `terraform show -json` plan with its sensitive values redacted. */
export function redactPlan(plan: Obj, schema: ProviderSchema): Obj {
  const out: Obj = JSON.parse(JSON.stringify(plan));
  for (const list of [out.resource_changes, out.resource_drift]) {
    for (const c of Array.isArray(list) ? list : []) {
      const change = c?.change;
      if (!isPlainObject(change)) continue;
      change.before = maskSensitive(change.before, change.before_sensitive);
      change.after = maskSensitive(change.after, change.after_sensitive);
    }
  }
  for (const values of [out.planned_values, out.prior_state?.values]) {
    if (!isPlainObject(values)) continue;
    for (const output of Object.values(isPlainObject(values.outputs) ? values.outputs : {})) {
      if (isPlainObject(output) && output.sensitive === true && 'value' in output) output.value = maskSensitive(output.value, true);
    }
    forEachModule(values.root_module, 'child_modules', (module) => {
      for (const r of Array.isArray(module.resources) ? module.resources : []) {
        if (isPlainObject(r)) r.values = maskSensitive(r.values, r.sensitive_values);
      }
    });
  }
  for (const change of Object.values(isPlainObject(out.output_changes) ? out.output_changes : {})) {
    if (!isPlainObject(change)) continue;
    change.before = maskSensitive(change.before, change.before_sensitive);
    change.after = maskSensitive(change.after, change.after_sensitive);
  }
  const declared = isPlainObject(out.configuration?.root_module?.variables) ? out.configuration.root_module.variables : {};
  for (const [name, v] of Object.entries(isPlainObject(out.variables) ? out.variables : {})) {
    if (isPlainObject(v) && declared[name]?.sensitive === true) v.value = maskSensitive(v.value, true);
  }
  redactConfiguration(out.configuration, schema);
  return out;
}

/** Literal values of sensitive schema attributes in the `configuration` section (resources and providers). */
function redactConfiguration(configuration: unknown, schema: ProviderSchema): void {
  if (!isPlainObject(configuration)) return;
  for (const p of Object.values(isPlainObject(configuration.provider_config) ? configuration.provider_config : {})) {
    if (isPlainObject(p) && p.name === schema.localName) redactExpressions(p.expressions, schema.providerBlock().attributes);
  }
  forEachModule(configuration.root_module, 'module_calls', (module) => {
    for (const r of Array.isArray(module.resources) ? module.resources : []) {
      if (!isPlainObject(r) || typeof r.type !== 'string') continue;
      const block = r.mode === 'data' ? schema.dataSource(r.type) : schema.resource(r.type);
      if (block) redactExpressions(r.expressions, block.attributes);
    }
  });
}

function redactExpressions(expressions: unknown, attributes: Readonly<Record<string, SchemaAttribute>> | undefined): void {
  if (!isPlainObject(expressions) || !attributes) return;
  for (const [name, e] of Object.entries(expressions)) {
    if (!isPlainObject(e) || !('constant_value' in e) || !Object.prototype.hasOwnProperty.call(attributes, name)) continue;
    e.constant_value = maskSensitive(e.constant_value, schemaMarks(attributes[name], e.constant_value));
  }
}

/** A sensitivity tree for `value` from the schema: `true` at sensitive attributes. */
function schemaMarks(attribute: SchemaAttribute, value: unknown): unknown {
  if (attribute.sensitive) return true;
  const nested = attribute.nested_type;
  if (!nested) return false;
  const objectMarks = (v: unknown): unknown => {
    if (!isPlainObject(v)) return false;
    const marks: Obj = {};
    for (const k of Object.keys(v))
      if (Object.prototype.hasOwnProperty.call(nested.attributes, k))
        Object.defineProperty(marks, k, { value: schemaMarks(nested.attributes[k], v[k]), enumerable: true });
    return marks;
  };
  if (nested.nesting_mode === 'single' || nested.nesting_mode === 'group') return objectMarks(value);
  if (nested.nesting_mode === 'map')
    return isPlainObject(value) ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, objectMarks(v)])) : false;
  return Array.isArray(value) ? value.map(objectMarks) : false;
}

/** Calls `f` on a module and every module below it (through `childKey`: child_modules, or module_calls[].module). */
function forEachModule(root: unknown, childKey: 'child_modules' | 'module_calls', f: (module: Obj) => void): void {
  const todo: unknown[] = [root];
  while (todo.length) {
    const module = todo.pop();
    if (!isPlainObject(module)) continue;
    f(module);
    const children = module[childKey];
    if (childKey === 'child_modules' && Array.isArray(children)) todo.push(...children);
    if (childKey === 'module_calls' && isPlainObject(children))
      for (const call of Object.values(children)) todo.push(isPlainObject(call) ? call.module : undefined);
  }
}

/**
 * Writes `DIR/<name>.plan.json` readable by its owner only (0600), atomically: a file that was
 * there before, whatever its mode, is replaced, never rewritten in place. A directory made here is
 * 0700.
 */
export function writePlanFile(dir: string, name: string, plan: Obj): string {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = path.join(dir, `${name}.plan.json`);
  const temp = path.join(dir, `.${name}.plan.json.${process.pid}.tmp`);
  const fd = fs.openSync(temp, 'wx', 0o600);
  try {
    fs.fchmodSync(fd, 0o600);
    fs.writeFileSync(fd, JSON.stringify(plan, null, 2) + '\n');
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(temp, file);
  return file;
}
