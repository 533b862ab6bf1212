// What makes a stack impossible to run through Terraform offline: other providers (only Teleport's
// is served), module calls (they would need `terraform init`), and a Teleport provider source
// other than the one the offline provider is installed under.
import { TELEPORT_PROVIDER_SOURCE } from '../schema/provider-schema';

export interface NotCheckable {
  /** What the stack uses that cannot run offline, e.g. `provider random`, `module vpc`. */
  readonly uses: string[];
  readonly message: string;
  readonly fix: string;
}

/** Resource, data source and provider types other than Teleport's. */
export function foreignTypes(config: Record<string, any>): string[] {
  const names = new Set<string>();
  for (const section of ['resource', 'data']) {
    for (const type of Object.keys(config[section] ?? {})) if (!type.startsWith('teleport_') && type !== 'terraform_data') names.add(type);
  }
  for (const name of Object.keys(requiredProviders(config))) if (name !== 'teleport') names.add(`provider ${name}`);
  for (const name of Object.keys(config.provider ?? {})) if (name !== 'teleport') names.add(`provider ${name}`);
  return [...names].sort();
}

/** Why Terraform cannot check this configuration offline, or undefined when it can. */
export function notCheckable(config: Record<string, any>): NotCheckable | undefined {
  const foreign = foreignTypes(config);
  if (foreign.length) {
    return {
      uses: foreign,
      message: `not checked with terraform: it uses ${foreign.join(', ')}, and only the Teleport provider is served offline.`,
      fix: 'run terraform-check on stacks that hold only Teleport resources, or plan this stack with the real providers.',
    };
  }
  const modules = Object.keys(config.module ?? {}).sort();
  if (modules.length) {
    const uses = modules.map((m) => `module ${m}`);
    return {
      uses,
      message: `not checked with terraform: it calls ${uses.join(', ')}, which would need \`terraform init\` (downloads), and terraform-check runs offline without init.`,
      fix: 'check the module\'s own Teleport resources in a stack of their own, or plan this stack after terraform init.',
    };
  }
  const source = teleportSource(config);
  if (source !== undefined && source.toLowerCase() !== TELEPORT_PROVIDER_SOURCE) {
    return {
      uses: [`provider source ${source}`],
      message: `not checked with terraform: the teleport provider's source is "${source}", but the Teleport provider is published (and served offline) as ${TELEPORT_PROVIDER_SOURCE}.`,
      fix: `set required_providers.teleport.source to "${TELEPORT_PROVIDER_SOURCE}" (TeleportProvider does).`,
    };
  }
  return undefined;
}

/** The source of the `teleport` local name; Terraform's implied `hashicorp/teleport` when none is given but the stack uses it. */
function teleportSource(config: Record<string, any>): string | undefined {
  const entry = requiredProviders(config).teleport;
  const implied = 'registry.terraform.io/hashicorp/teleport'; // what Terraform assumes without a source
  if (entry && typeof entry === 'object' && typeof entry.source === 'string') {
    return entry.source.split('/').length === 2 ? `registry.terraform.io/${entry.source}` : entry.source;
  }
  if (entry !== undefined) return implied; // a version-only entry
  const used = ['resource', 'data', 'provider'].some((s) => Object.keys(config[s] ?? {}).length > 0);
  return used ? implied : undefined;
}

function requiredProviders(config: Record<string, any>): Record<string, any> {
  const out: Record<string, any> = {};
  for (const t of Array.isArray(config.terraform) ? config.terraform : [config.terraform]) {
    if (t && typeof t === 'object') Object.assign(out, t.required_providers ?? {});
  }
  return out;
}
