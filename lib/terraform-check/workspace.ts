// A stack copied to a throwaway directory for Terraform: the backend block cdktf adds is dropped (a
// check must never touch the user's state), and so are local state and .terraform leftovers.
import * as fs from 'fs';
import * as path from 'path';

const SKIP = /^(\.terraform.*|terraform\.tfstate.*|.*\.tfstate(\.backup)?|plan\.bin)$/;

export function copyStack(stackDir: string, config: Record<string, any>, into: string): void {
  fs.mkdirSync(into, { recursive: true });
  for (const entry of fs.readdirSync(stackDir, { withFileTypes: true })) {
    if (SKIP.test(entry.name) || entry.name === 'cdk.tf.json') continue;
    fs.cpSync(path.join(stackDir, entry.name), path.join(into, entry.name), { recursive: true });
  }
  const copy = JSON.parse(JSON.stringify(config));
  if (copy.terraform) delete copy.terraform.backend;
  fs.writeFileSync(path.join(into, 'cdk.tf.json'), JSON.stringify(copy, null, 2));
}

/** Resource, data source and provider types other than Teleport's: Terraform could not run them offline. */
export function foreignTypes(config: Record<string, any>): string[] {
  const names = new Set<string>();
  for (const section of ['resource', 'data']) {
    for (const type of Object.keys(config[section] ?? {})) if (!type.startsWith('teleport_') && type !== 'terraform_data') names.add(type);
  }
  for (const name of Object.keys(config.terraform?.required_providers ?? {})) if (name !== 'teleport') names.add(`provider ${name}`);
  for (const name of Object.keys(config.provider ?? {})) if (name !== 'teleport') names.add(`provider ${name}`);
  return [...names].sort();
}

/** TF_VAR_ placeholders for variables without a default, so plan runs non-interactively. */
export function placeholderVariables(config: Record<string, any>): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, v] of Object.entries<Record<string, any>>(config.variable ?? {})) {
    if (v.default !== undefined) continue;
    const type = String(v.type ?? 'string');
    env[`TF_VAR_${name}`] = type.startsWith('number') ? '0' : type.startsWith('bool') ? 'false' : /^(list|set|tuple)/.test(type) ? '[]' : /^(map|object)/.test(type) ? '{}' : `placeholder-${name}`;
  }
  return env;
}
