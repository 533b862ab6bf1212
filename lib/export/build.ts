// An export of a configuration: per stack and provider configuration (one cluster), the documents
// of the chosen format, as one YAML file each.
import { InputError } from '../config/input-error';
import { TfInput, TfResource, TfStack } from '../config/model';
import { displayText } from '../report/sanitize';
import { ExportCommand, ExportFormat, ExportOptions, ExportResult, ExportedFile } from './model';
import { isNamespaceName, operatorGroup } from './operator';
import { ExportRun, Prepared, prepare, sensitiveVariables } from './prepare';
import { tctlGroup } from './tctl';
import { renderYaml } from './yaml-out';

const FORMATS = Object.values(ExportFormat) as string[];

function checkOptions(input: TfInput, options: ExportOptions): void {
  if (!FORMATS.includes(options.format))
    throw new InputError(`format "${displayText(String(options.format), 40)}" is not one of ${FORMATS.join(', ')}`);
  if (options.namespace !== undefined) {
    if (options.format !== ExportFormat.OPERATOR) throw new InputError('a namespace applies to operator manifests only (--to operator)');
    if (!isNamespaceName(options.namespace)) {
      throw new InputError(
        `namespace "${displayText(
          options.namespace,
          80,
        )}" is not a Kubernetes namespace name (lowercase letters, digits and -, at most 63 characters)`,
      );
    }
  }
  if (options.stack !== undefined && !input.stacks.some((s) => s.name === options.stack)) {
    const names = input.stacks.map((s) => displayText(s.name, 80)).join(', ') || 'none';
    throw new InputError(`no stack "${displayText(options.stack, 80)}" in the input (stacks: ${names})`);
  }
}

/** A file name from a stack name and an alias: letters, digits, `.`, `_` and `-` only, never hidden. */
function fileName(stack: string, alias: string | undefined, taken: Set<string>): string {
  const safe = (s: string) =>
    s
      .replace(/[^A-Za-z0-9._-]/g, '_')
      .replace(/^\.+/, '_')
      .slice(0, 100) || '_';
  const base = safe(stack) + (alias === undefined ? '' : `-${safe(alias)}`);
  let name = `${base}.yaml`;
  for (let i = 2; taken.has(name); i++) name = `${base}-${i}.yaml`;
  taken.add(name);
  return name;
}

/** Resources by provider configuration, in the order the providers first appear. */
function byProvider(resources: readonly TfResource[]): Map<string, TfResource[]> {
  const out = new Map<string, TfResource[]>();
  for (const r of resources) {
    if (r.mode !== 'managed') continue; // data sources read, they create nothing
    out.set(r.providerKey, [...(out.get(r.providerKey) ?? []), r]);
  }
  return out;
}

function header(options: ExportOptions, stack: TfStack, provider: string): string[] {
  const addr = stack.providers.find((p) => p.key === provider)?.values.addr;
  const cluster = typeof addr === 'string' ? ` (${addr})` : '';
  const first = `cdktf-teleport export --to ${options.format}: stack ${stack.name}, provider ${provider}${cluster}`;
  return options.format === ExportFormat.TCTL
    ? [first, 'Create with: tctl create -f <this file> (values written ${NAME} are placeholders: fill them first, e.g. with envsubst)']
    : [first, 'Apply with: kubectl apply -f <this file> (fill the Secret values first; see the comments)'];
}

/** The export of a read input. */
export function buildExport(input: TfInput, options: ExportOptions): ExportResult {
  checkOptions(input, options);
  const run: ExportRun = { options, placeholders: [], notes: [] };
  const files: ExportedFile[] = [];
  const commands: ExportCommand[] = [];
  const taken = new Set<string>();
  for (const stack of input.stacks) {
    if (options.stack !== undefined && stack.name !== options.stack) continue;
    const variables = sensitiveVariables(stack);
    const groups = byProvider(stack.resources);
    for (const [provider, resources] of groups) {
      const items = resources.map((r) => prepare(run, stack, r, variables)).filter((p): p is Prepared => p !== undefined);
      const group =
        options.format === ExportFormat.TCTL ? tctlGroup(run, stack.name, provider, items) : operatorGroup(run, stack.name, provider, items);
      commands.push(...group.commands);
      const alias = groups.size > 1 ? (provider === 'teleport' ? 'default' : provider.replace(/^teleport\./, '')) : undefined;
      files.push({
        name: fileName(stack.name, alias, taken),
        stack: stack.name,
        provider,
        content: renderYaml([...header(options, stack, provider), ...group.header], group.docs),
        documents: group.docs.length,
      });
    }
  }
  // Listed as the documents are: by stack, then by resource address (a stable sort keeps each resource's fields in order).
  const order = input.stacks.map((s) => s.name);
  const byPlace = (a: { stack: string; resource: string }, b: { stack: string; resource: string }) =>
    order.indexOf(a.stack) - order.indexOf(b.stack) || (a.resource < b.resource ? -1 : a.resource > b.resource ? 1 : 0);
  return { files, placeholders: [...run.placeholders].sort(byPlace), commands, notes: [...run.notes].sort(byPlace) };
}
