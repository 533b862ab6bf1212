// `terraform show -json` plan output as the validator's model (Terraform's documented JSON format:
// planned_values, resource_changes, configuration).
import { registerSecret } from '../report/redact';
import { TfProviderConfig, TfResource, TfResourceChange, TfStack } from './model';

export function isPlan(doc: unknown): boolean {
  const d = doc as Record<string, unknown>;
  return typeof d?.format_version === 'string' && (d.planned_values !== undefined || d.resource_changes !== undefined);
}

export function stackFromPlan(name: string, file: string, plan: Record<string, any>): { stack: TfStack; changes: TfResourceChange[] } {
  const configResources = new Map<string, Record<string, any>>();
  for (const r of plan.configuration?.root_module?.resources ?? []) configResources.set(r.address, r);
  const unknownByAddress = new Map<string, Record<string, any>>();
  for (const c of plan.resource_changes ?? []) if (c.change?.after_unknown && typeof c.change.after_unknown === 'object') unknownByAddress.set(c.address, c.change.after_unknown);
  const resources: TfResource[] = [];
  const walk = (module: Record<string, any> | undefined) => {
    for (const r of module?.resources ?? []) {
      if (!String(r.type).startsWith('teleport_')) continue;
      const conf = configResources.get(String(r.address).replace(/\[[^\]]*\]$/, ''));
      resources.push({
        stack: name,
        address: r.address,
        mode: r.mode === 'data' ? 'data' : 'managed',
        type: r.type,
        name: r.name,
        providerKey: conf?.provider_config_key ?? 'teleport',
        values: r.values ?? {},
        unknown: unknownByAddress.get(r.address),
        dependsOn: conf?.depends_on ?? [],
      });
      registerSecret(r.values?.spec?.token);
      if (r.type === 'teleport_provision_token') registerSecret(r.values?.metadata?.name);
    }
    for (const child of module?.child_modules ?? []) walk(child);
  };
  walk(plan.planned_values?.root_module);
  const providers: TfProviderConfig[] = [];
  let constraint: string | undefined;
  for (const [key, p] of Object.entries<Record<string, any>>(plan.configuration?.provider_config ?? {})) {
    if (p.name !== 'teleport') continue;
    constraint ??= p.version_constraint;
    const values = Object.fromEntries(
      Object.entries<Record<string, any>>(p.expressions ?? {}).map(([k, e]) => [k, 'constant_value' in e ? e.constant_value : `\${${(e.references ?? ['unknown'])[0]}}`]),
    );
    providers.push({ stack: name, key, alias: p.alias, values });
  }
  const changes: TfResourceChange[] = (plan.resource_changes ?? [])
    .filter((c: any) => String(c.type).startsWith('teleport_'))
    .map((c: any) => ({
      stack: name,
      address: c.address,
      type: c.type,
      actions: c.change?.actions ?? [],
      before: c.change?.before ?? null,
      after: c.change?.after ?? null,
      afterUnknown: c.change?.after_unknown && typeof c.change.after_unknown === 'object' ? c.change.after_unknown : undefined,
      replacePaths: c.change?.replace_paths,
    }));
  for (const c of changes) {
    registerSecret(c.before?.spec?.token);
    registerSecret(c.after?.spec?.token);
  }
  return { stack: { name, file, providerVersionConstraint: constraint, providers, resources }, changes };
}
