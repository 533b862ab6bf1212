// A synthesized stack (cdk.tf.json) as the validator's model.
import { TfProviderConfig, TfResource, TfStack } from './model';

const REF = /\$\{([a-z][a-z0-9_]*\.[A-Za-z0-9_-]+)[.\[}]/g;

/** Addresses referenced in `${...}` expressions anywhere in a value. */
export function referencedAddresses(value: unknown): string[] {
  const out = new Set<string>();
  const walk = (v: unknown) => {
    if (typeof v === 'string') for (const m of v.matchAll(REF)) if (!/^(var|local|each|count|path|terraform|self)\./.test(m[1])) out.add(m[1]);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(value);
  return [...out];
}

export function stackFromConfig(name: string, file: string, config: Record<string, any>): TfStack {
  const providers: TfProviderConfig[] = [];
  for (const block of [config.provider?.teleport ?? []].flat()) {
    const { alias, ...values } = block as Record<string, any>;
    providers.push({ stack: name, key: alias ? `teleport.${alias}` : 'teleport', alias, values });
  }
  const resources: TfResource[] = [];
  for (const [section, mode] of [['resource', 'managed'], ['data', 'data']] as const) {
    for (const [type, byName] of Object.entries<Record<string, any>>(config[section] ?? {})) {
      if (!type.startsWith('teleport_')) continue;
      for (const [rname, body] of Object.entries<Record<string, any>>(byName)) {
        const { '//': _meta, depends_on, provider, lifecycle, count, for_each, ...values } = body;
        const address = `${mode === 'data' ? 'data.' : ''}${type}.${rname}`;
        resources.push({
          stack: name,
          address,
          mode,
          type,
          name: rname,
          providerKey: typeof provider === 'string' ? provider : 'teleport',
          values,
          dependsOn: [...new Set([...(depends_on ?? []), ...referencedAddresses(values)])],
        });
      }
    }
  }
  return { name, file, providerVersionConstraint: config.terraform?.required_providers?.teleport?.version, providers, resources, rawConfig: config };
}
