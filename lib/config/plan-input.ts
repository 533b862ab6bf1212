// `terraform show -json` plan output as the validator's model (Terraform's documented JSON format:
// planned_values, resource_changes, configuration). Shape-safe: any JSON value is read without
// throwing; a part of the wrong shape is skipped and becomes a `validate.plan-shape` finding, since
// no schema check covers a plan.
import { Finding } from '../report/finding';
import { registerSecret } from '../report/redact';
import { ProviderSchema, loadProviderSchema } from '../schema/provider-schema';
import { TfProviderConfig, TfResource, TfResourceChange, TfStack } from './model';
import { conformBody, isPlainObject } from './shape';

export function isPlan(doc: unknown): boolean {
  return isPlainObject(doc) && typeof doc.format_version === 'string' && (doc.planned_values !== undefined || doc.resource_changes !== undefined);
}

/** At most this many shape findings per plan (and one that says how many more). */
const MAX_SHAPE_FINDINGS = 20;

type Obj = Record<string, unknown>;
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

export interface PlanModel {
  readonly stack: TfStack;
  readonly changes: TfResourceChange[];
  /** What could not be read (`validate.plan-shape` errors). */
  readonly findings: Finding[];
}

export function stackFromPlan(name: string, file: string, plan: unknown, schema: ProviderSchema = loadProviderSchema()): PlanModel {
  const problems: string[] = [];
  const doc = isPlainObject(plan) ? plan : {};
  /** The value at `path` when it is an object (absent: undefined; anything else: a problem). */
  const object = (v: unknown, path: string): Obj | undefined => {
    if (v === undefined || v === null) return undefined;
    if (isPlainObject(v)) return v;
    problems.push(`${path} is not an object`);
    return undefined;
  };
  /** The objects of a list at `path`; other elements are problems. */
  const list = (v: unknown, path: string): [Obj, string][] => {
    if (v === undefined || v === null) return [];
    if (!Array.isArray(v)) {
      problems.push(`${path} is not a list`);
      return [];
    }
    return v.flatMap((x, i) => (isPlainObject(x) ? [[x, `${path}[${i}]`] as [Obj, string]] : (problems.push(`${path}[${i}] is not an object`), [])));
  };
  const attributesOf = (mode: 'managed' | 'data', type: string) => (mode === 'data' ? schema.dataSource(type) : schema.resource(type))?.attributes;

  const configuration = object(doc.configuration, 'configuration');
  const rootConfig = object(configuration?.root_module, 'configuration.root_module');
  const configResources = new Map<string, Obj>();
  for (const [r] of list(rootConfig?.resources, 'configuration.root_module.resources')) {
    const address = str(r.address);
    if (address !== undefined) configResources.set(address, r);
  }

  const changesIn = list(doc.resource_changes, 'resource_changes');
  const unknownByAddress = new Map<string, Obj>();
  for (const [c] of changesIn) {
    const after = isPlainObject(c.change) ? c.change.after_unknown : undefined;
    const address = str(c.address);
    if (address !== undefined && isPlainObject(after)) unknownByAddress.set(address, after);
  }

  const resources: TfResource[] = [];
  const planned = object(doc.planned_values, 'planned_values');
  // Modules nest through child_modules: walked with a list, not recursion.
  const modules: [Obj | undefined, string][] = [[object(planned?.root_module, 'planned_values.root_module'), 'planned_values.root_module']];
  while (modules.length) {
    const [module, at] = modules.pop()!;
    if (!module) continue;
    for (const [r, path] of list(module.resources, `${at}.resources`)) {
      const [address, type, rname] = [str(r.address), str(r.type), str(r.name)];
      if (address === undefined || type === undefined || rname === undefined) {
        problems.push(`${path} has no address, type or name`);
        continue;
      }
      if (!type.startsWith('teleport_')) continue;
      const mode = r.mode === 'data' ? 'data' : 'managed';
      const body = conformBody(attributesOf(mode, type), r.values);
      if (r.values !== undefined && r.values !== null && !isPlainObject(r.values)) problems.push(`${path}.values is not an object`);
      for (const d of body.dropped) problems.push(`${address}: ${d} does not have the type the provider schema gives it`);
      const conf = configResources.get(address.replace(/\[[^\]]*\]$/, ''));
      resources.push({
        stack: name,
        address,
        mode,
        type,
        name: rname,
        providerKey: str(conf?.provider_config_key) ?? 'teleport',
        values: body.values,
        unknown: unknownByAddress.get(address),
        ...(body.redacted.length ? { redacted: body.redacted } : {}),
        dependsOn: strings(conf?.depends_on),
      });
      registerSecret(body.values.spec?.token);
      if (type === 'teleport_provision_token') registerSecret(body.values.metadata?.name);
    }
    list(module.child_modules, `${at}.child_modules`).forEach(([child, path]) => modules.push([child, path]));
  }

  const providers: TfProviderConfig[] = [];
  let constraint: string | undefined;
  const providerConfig = object(configuration?.provider_config, 'configuration.provider_config');
  for (const [key, p] of Object.entries(providerConfig ?? {})) {
    if (!isPlainObject(p)) {
      problems.push(`configuration.provider_config[${JSON.stringify(key)}] is not an object`);
      continue;
    }
    if (p.name !== 'teleport') continue;
    constraint ??= str(p.version_constraint);
    const expressions: Obj = {};
    for (const [k, e] of Object.entries(object(p.expressions, `configuration.provider_config[${JSON.stringify(key)}].expressions`) ?? {})) {
      if (!isPlainObject(e)) continue;
      const value = 'constant_value' in e ? e.constant_value : `\${${strings(e.references)[0] ?? 'unknown'}}`;
      Object.defineProperty(expressions, k, { value, enumerable: true, writable: true, configurable: true });
    }
    providers.push({ stack: name, key, alias: str(p.alias), values: conformBody(schema.providerBlock().attributes, expressions).values });
  }

  const changes: TfResourceChange[] = [];
  for (const [c, path] of changesIn) {
    const [address, type] = [str(c.address), str(c.type)];
    if (address === undefined || type === undefined) {
      problems.push(`${path} has no address or type`);
      continue;
    }
    if (!type.startsWith('teleport_')) continue;
    const change = object(c.change, `${path}.change`) ?? {};
    const attributes = attributesOf(c.mode === 'data' ? 'data' : 'managed', type);
    const side = (v: unknown) => (isPlainObject(v) ? conformBody(attributes, v).values : null);
    const replacePaths = Array.isArray(change.replace_paths)
      ? change.replace_paths.filter((p): p is (string | number)[] => Array.isArray(p))
      : undefined;
    changes.push({
      stack: name,
      address,
      type,
      actions: strings(change.actions),
      before: side(change.before),
      after: side(change.after),
      afterUnknown: isPlainObject(change.after_unknown) ? change.after_unknown : undefined,
      replacePaths,
    });
  }
  for (const c of changes) {
    registerSecret(c.before?.spec?.token);
    registerSecret(c.after?.spec?.token);
  }
  const stack: TfStack = { name, file, providerVersionConstraint: constraint, providers, resources };
  return { stack, changes, findings: shapeFindings(file, problems) };
}

function shapeFindings(file: string, problems: string[]): Finding[] {
  const fix = 'pass the unchanged output of `terraform show -json <planfile>`; this plan was cut or edited.';
  const out: Finding[] = problems.slice(0, MAX_SHAPE_FINDINGS).map((p) => ({
    severity: 'error',
    check: 'validate.plan-shape',
    resource: file,
    message: `${p}: skipped, so the checks did not cover it.`,
    fix,
  }));
  if (problems.length > MAX_SHAPE_FINDINGS) {
    out.push({
      severity: 'error',
      check: 'validate.plan-shape',
      resource: file,
      message: `${problems.length - MAX_SHAPE_FINDINGS} more part(s) of the plan have the wrong shape and were skipped.`,
      fix,
    });
  }
  return out;
}
