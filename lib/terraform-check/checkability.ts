// What makes a stack impossible, or unsafe, to run through Terraform offline. terraform-check must
// make no network request and hand Terraform no credentials, so only configurations made of the
// Teleport provider's resources and data sources are planned; anything else, anywhere in the
// configuration, makes the stack not checkable:
// - other providers' resources, data sources and provider blocks, and Terraform's built-in ones
//   (`terraform_remote_state` reads a backend during plan; `terraform_data`);
// - `check` blocks with nested data sources of anything but Teleport, `ephemeral` and other block
//   types, provisioners and connections, a `provider` meta-argument naming another provider;
// - module calls (they would need `terraform init`);
// - a Teleport provider source other than the one the offline provider is installed under;
// - `.tf` (HCL) files that are not provably safe (see {@link hclUses}).
import { objectsOf } from '../config/config-input';
import { isPlainObject } from '../config/shape';
import { TELEPORT_PROVIDER_SOURCE } from '../schema/provider-schema';
import { HclItem, HclScanError, scanHcl } from './hcl-scan';

export interface NotCheckable {
  /** What the stack uses that cannot run offline, e.g. `provider random`, `module vpc`. */
  readonly uses: string[];
  readonly message: string;
  readonly fix: string;
}

const isTeleportType = (type: string): boolean => type.startsWith('teleport_');
const TELEPORT_PROVIDER_REF = /^(\$\{)?teleport(\.[A-Za-z0-9_-]+)?\}?$/;
/** Top-level keys that hold nothing to run: cdktf metadata, variables, outputs, locals, and state moves. */
const INERT = new Set(['//', 'variable', 'output', 'locals', 'moved', 'removed', 'import']);
/** `terraform` block keys: the state blocks are dropped from the workspace copy (see workspace.ts). */
const TERRAFORM_KEYS = new Set(['//', 'required_providers', 'required_version', 'backend', 'cloud']);
/** Meta-arguments of a resource body that are blocks Terraform runs something for. */
const RUNNING_META = ['provisioner', 'connection'];

/** Everything in one Terraform JSON configuration that is not the Teleport provider's, as `what` strings. */
export function foreignUses(config: unknown): string[] {
  const uses = new Set<string>();
  if (!isPlainObject(config)) return [];
  for (const [key, section] of Object.entries(config)) {
    if (INERT.has(key) || key === 'module') continue;
    if (key === 'resource' || key === 'data') blockUses(key, section, '', uses);
    else if (key === 'provider') providerUses(section, uses);
    else if (key === 'terraform') terraformUses(section, uses);
    else if (key === 'check') checkUses(section, uses);
    else uses.add(`${key} block`);
  }
  return [...uses].sort();
}

/** Resource or data source types that are not Teleport's, and bodies that run something. */
function blockUses(kind: 'resource' | 'data', section: unknown, inside: string, uses: Set<string>): void {
  for (const types of objectsOf(section)) {
    for (const [type, byName] of Object.entries(types)) {
      if (!isTeleportType(type)) {
        uses.add(`${kind === 'data' ? 'data source ' : ''}${type}${inside}`);
        continue;
      }
      for (const named of objectsOf(byName)) {
        for (const [name, entry] of Object.entries(named)) {
          for (const body of objectsOf(entry)) {
            const address = `${kind === 'data' ? 'data.' : ''}${type}.${name}`;
            for (const meta of RUNNING_META) if (body[meta] !== undefined) uses.add(`${meta} in ${address}`);
            if (body.provider !== undefined && !(typeof body.provider === 'string' && TELEPORT_PROVIDER_REF.test(body.provider)))
              uses.add(`provider ${String(body.provider)} in ${address}`);
          }
        }
      }
    }
  }
}

function providerUses(section: unknown, uses: Set<string>): void {
  for (const s of objectsOf(section)) {
    for (const name of Object.keys(s)) if (name !== 'teleport') uses.add(`provider ${name}`);
  }
}

function terraformUses(section: unknown, uses: Set<string>): void {
  for (const t of objectsOf(section)) {
    for (const key of Object.keys(t)) if (!TERRAFORM_KEYS.has(key)) uses.add(`terraform.${key}`);
    for (const required of objectsOf(t.required_providers))
      for (const name of Object.keys(required)) if (name !== 'teleport') uses.add(`provider ${name}`);
  }
}

/** `check` blocks: assertions are fine; nested data sources only of Teleport. */
function checkUses(section: unknown, uses: Set<string>): void {
  for (const checks of objectsOf(section)) {
    for (const [name, entry] of Object.entries(checks)) {
      for (const body of objectsOf(entry)) {
        for (const key of Object.keys(body)) {
          if (key === 'data') blockUses('data', body.data, ` in check ${name}`, uses);
          else if (key !== 'assert' && key !== '//') uses.add(`${key} in check ${name}`);
        }
      }
    }
  }
}

/** Module calls of one configuration. */
export function moduleCalls(config: unknown): string[] {
  if (!isPlainObject(config)) return [];
  return objectsOf(config.module).flatMap((m) => Object.keys(m));
}

/**
 * What makes an HCL file not provably safe. Safe are only: `resource` and `data` blocks of
 * `teleport_*` types (attributes, and `lifecycle` with pre- and postconditions), `variable` (with
 * `validation`), `output` (with `precondition`), `locals`, `provider "teleport"`, and
 * `terraform { required_version, required_providers { teleport } }`. A file the scanner cannot
 * follow is not safe either.
 */
export function hclUses(file: string, text: string): string[] {
  let items: HclItem[];
  try {
    items = scanHcl(text);
  } catch (e) {
    if (e instanceof HclScanError) return [`${file}, which could not be read safely (${e.message})`];
    throw e;
  }
  const uses = new Set<string>();
  const at = (item: HclItem, what: string) => uses.add(`${what} (${file}:${item.line})`);
  for (const item of items) {
    if (item.kind === 'attribute') {
      at(item, `a top-level attribute ${item.name}`);
      continue;
    }
    const [first] = item.labels;
    switch (item.type) {
      case 'resource':
      case 'data': {
        if (item.labels.length !== 2 || !isTeleportType(first)) {
          at(item, `${item.type === 'data' ? 'data source ' : ''}${first ?? item.type}`);
          break;
        }
        const address = `${item.type === 'data' ? 'data.' : ''}${item.labels.join('.')}`;
        for (const inner of item.body) {
          if (inner.kind === 'attribute') {
            if (inner.name === 'provider' && !TELEPORT_PROVIDER_REF.test(inner.expression))
              at(inner, `provider ${inner.expression.slice(0, 60)} in ${address}`);
          } else if (inner.type !== 'lifecycle' || !onlyBlocks(inner.body, ['precondition', 'postcondition'])) {
            at(inner, `a ${inner.type} block in ${address}`);
          }
        }
        break;
      }
      case 'variable':
      case 'output':
        if (!onlyBlocks(item.body, [item.type === 'variable' ? 'validation' : 'precondition'])) at(item, `a nested block in ${item.type} ${first}`);
        break;
      case 'locals':
        if (!onlyBlocks(item.body, [])) at(item, 'a nested block in locals');
        break;
      case 'provider':
        if (first !== 'teleport') at(item, `provider ${first}`);
        else if (!onlyBlocks(item.body, [])) at(item, 'a nested block in provider teleport');
        break;
      case 'terraform':
        for (const inner of item.body) {
          if (inner.kind === 'attribute' ? inner.name !== 'required_version' : inner.type !== 'required_providers')
            at(inner, `terraform ${inner.kind === 'attribute' ? inner.name : inner.type}`);
          else if (inner.kind === 'block')
            for (const p of inner.body)
              if (p.kind !== 'attribute' || p.name !== 'teleport') at(p, `provider ${p.kind === 'attribute' ? p.name : p.type}`);
        }
        break;
      default:
        at(item, `a ${item.type} block`);
    }
  }
  return [...uses];
}

/** True when a body holds attributes and only blocks of these types, whose bodies hold attributes only. */
function onlyBlocks(body: readonly HclItem[], allowed: string[]): boolean {
  return body.every((i) => i.kind === 'attribute' || (allowed.includes(i.type) && i.body.every((x) => x.kind === 'attribute')));
}

/** Why Terraform cannot check this configuration offline, or undefined when it can. */
export function notCheckable(configs: unknown | readonly unknown[], hcl: readonly string[] = []): NotCheckable | undefined {
  const all = Array.isArray(configs) ? configs : [configs];
  const foreign = [...new Set([...all.flatMap(foreignUses), ...hcl])];
  if (foreign.length) {
    return {
      uses: foreign,
      message: `not checked with terraform: it uses ${foreign.join(', ')}, and only the Teleport provider's resources and data sources are planned offline (anything else could reach the network or need credentials).`,
      fix: 'run terraform-check on stacks that hold only Teleport resources, or plan this stack with the real providers.',
    };
  }
  const modules = [...new Set(all.flatMap(moduleCalls))].sort();
  if (modules.length) {
    const uses = modules.map((m) => `module ${m}`);
    return {
      uses,
      message: `not checked with terraform: it calls ${uses.join(', ')}, which would need \`terraform init\` (downloads), and terraform-check runs offline without init.`,
      fix: "check the module's own Teleport resources in a stack of their own, or plan this stack after terraform init.",
    };
  }
  const source = teleportSource(all);
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
function teleportSource(configs: readonly unknown[]): string | undefined {
  const implied = 'registry.terraform.io/hashicorp/teleport'; // what Terraform assumes without a source
  let entry: unknown;
  let used = false;
  for (const config of configs) {
    if (!isPlainObject(config)) continue;
    for (const t of objectsOf(config.terraform)) {
      for (const required of objectsOf(t.required_providers)) {
        if (Object.prototype.hasOwnProperty.call(required, 'teleport')) entry ??= required.teleport;
      }
    }
    used ||= ['resource', 'data', 'provider'].some((s) => objectsOf(config[s]).some((o) => Object.keys(o).length > 0));
  }
  if (isPlainObject(entry) && typeof entry.source === 'string') {
    return entry.source.split('/').length === 2 ? `registry.terraform.io/${entry.source}` : entry.source;
  }
  if (entry !== undefined) return implied; // a version-only entry
  return used ? implied : undefined;
}
