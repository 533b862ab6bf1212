// cdktf-teleport terraform-check: each stack through `terraform validate`, `plan` and `show -json`
// against the offline provider (the provider *schema*, not a server), plus the strict offline check,
// because Terraform silently drops unknown keys inside nested attributes.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { checkConfig } from '../check';
import { loadConfigs } from '../config';
import { Finding } from '../report/finding';
import { ProviderSchema, loadProviderSchema } from '../schema/provider-schema';
import { notCheckable } from './checkability';
import { ProviderFailureError, UnreadableOutputError, dedupe, planFindings, validateFindings } from './diagnostics';
import { CannotRunError, findTerraform, resolveSchemaFile, writeHarness } from './environment';
import { InterruptWatch, InterruptedError } from './interrupt';
import { PLACEHOLDER_FILE, placeholderVariables, unreadableTypeWarnings } from './placeholders';
import { SpawnError, TerraformRun, runTerraform, terraformEnv } from './run-terraform';
import { StackSource, copyStack } from './workspace';
import { checkTerraformVersion, oneLine } from './terraform-version';

export interface TerraformCheckOptions {
  /** A provider schema file to serve (and to check strictly against) instead of the shipped one. */
  readonly schemaFile?: string;
  /** Where to write each stack's `terraform show -json` plan as `<stack>.plan.json`. */
  readonly planJsonDir?: string;
  /** Variable files passed to plan after the placeholders (so their values win), in order. */
  readonly varFiles?: readonly string[];
  /** Stacks checked at once. @default 3 */
  readonly concurrency?: number;
}

/** How far Terraform got with a stack. */
export type TerraformReach = 'planned' | 'validated' | 'not-run';

export interface StackResult {
  /** The stack's label: its directory name, with `-2`, `-3` ... when several stacks share one. */
  readonly stack: string;
  /** The configuration file checked. */
  readonly file: string;
  readonly findings: Finding[];
  readonly terraform: TerraformReach;
  /** `terraform show -json` of the plan, when the plan succeeded. */
  readonly plan?: Record<string, any>;
}

interface LoadedStack extends StackSource {
  /** The directory name. */
  readonly name: string;
}

interface Stack extends LoadedStack {
  readonly label: string;
}

interface Context {
  readonly terraform: string;
  readonly cliConfig: string;
  readonly schema: ProviderSchema;
  readonly varFiles: string[];
  readonly prefix: boolean;
  readonly interrupt: InterruptWatch;
  readonly options: TerraformCheckOptions;
}

export async function terraformCheck(targets: string[], options: TerraformCheckOptions = {}): Promise<StackResult[]> {
  const terraform = findTerraform();
  const schemaFile = options.schemaFile === undefined ? undefined : resolveSchemaFile(options.schemaFile);
  const schema = loadSchema(schemaFile);
  const varFiles = (options.varFiles ?? []).map((f) => resolveVarFile(f));
  const stacks = labelled(targets.flatMap(loadStacks));
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'cdktf-teleport-tf-'));
  const interrupt = new InterruptWatch();
  try {
    const cliConfig = writeHarness(base, schemaFile);
    await checkTerraformVersion(terraform, terraformEnv(cliConfig));
    const ctx: Context = { terraform, cliConfig, schema, varFiles, prefix: stacks.length > 1, interrupt, options };
    const results: StackResult[] = new Array(stacks.length);
    let next = 0;
    let failed = false;
    const worker = async () => {
      while (next < stacks.length && !failed) {
        const i = next++;
        try {
          results[i] = await checkOne(ctx, path.join(base, `stack-${i}`), stacks[i]);
        } catch (e) {
          failed = true; // start no further stacks; the running ones finish before the workspace goes
          throw e;
        }
      }
    };
    const settled = await Promise.allSettled(Array.from({ length: Math.min(options.concurrency ?? 3, stacks.length) }, worker));
    interrupt.check();
    const rejected = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
    if (rejected) throw rejected.reason;
    return results;
  } catch (e) {
    if (e instanceof InterruptedError) throw new CannotRunError(`terraform-check was interrupted (${e.signal}); Terraform was stopped and the temporary workspace removed.`);
    if (e instanceof SpawnError) throw new CannotRunError(e.message);
    throw e;
  } finally {
    interrupt.dispose();
    fs.rmSync(base, { recursive: true, force: true });
  }
}

function loadSchema(file: string | undefined): ProviderSchema {
  try {
    return file ? loadProviderSchema(file) : loadProviderSchema();
  } catch (e) {
    throw new CannotRunError((e as Error).message);
  }
}

function resolveVarFile(file: string): string {
  const resolved = path.resolve(file);
  try {
    fs.accessSync(resolved, fs.constants.R_OK);
  } catch {
    throw new CannotRunError(`the var file ${file} does not exist or is not readable.`);
  }
  return resolved;
}

function loadStacks(target: string): LoadedStack[] {
  try {
    const wholeDirectory = fs.statSync(target).isDirectory();
    return loadConfigs(target).map((c) => ({ file: c.file, config: c.config as Record<string, any>, wholeDirectory, name: c.name }));
  } catch (e) {
    throw new CannotRunError((e as Error).message.replace(/^ENOENT: /, ''));
  }
}

/** Labels stacks by directory name; a label taken before gets `-2`, `-3` ..., so plan files never collide. */
function labelled(stacks: LoadedStack[]): Stack[] {
  const taken = new Set<string>();
  return stacks.map((s) => {
    let label = s.name;
    for (let n = 2; taken.has(label); n++) label = `${s.name}-${n}`;
    taken.add(label);
    return { ...s, label };
  });
}

async function checkOne(ctx: Context, workspace: string, stack: Stack): Promise<StackResult> {
  const name = stack.label;
  // Several stacks: each finding names its stack in `stack`; `resource` stays an address (or file:line).
  const label = (f: Finding): Finding => (ctx.prefix ? { ...f, stack: name } : f);
  const result = (findings: Finding[], terraform: TerraformReach, plan?: Record<string, any>): StackResult => ({
    stack: name,
    file: stack.file,
    findings: dedupe(findings.map(label)),
    terraform,
    ...(plan ? { plan } : {}),
  });
  const findings = checkConfig(stack.config, { schema: ctx.schema });
  const extra = stack.wholeDirectory ? extraConfigs(stack) : { configs: [], hcl: [] };
  for (const c of extra.configs) findings.push(...checkConfig(c.config, { schema: ctx.schema }).map((f) => ({ ...f, message: `${f.message} (in ${c.file})` })));
  const merged = mergeConfigs([stack.config, ...extra.configs.map((c) => c.config)]);
  const blocked = notCheckable(merged);
  if (blocked) {
    return result([...findings, { severity: 'warning', check: 'terraform.not-checkable', resource: name, message: blocked.message, fix: blocked.fix }], 'not-run');
  }
  if (extra.hcl.length) {
    findings.push({
      severity: 'warning',
      check: 'terraform.hcl-not-strict',
      resource: name,
      message: `${extra.hcl.join(', ')} ${extra.hcl.length > 1 ? 'are' : 'is'} planned by Terraform but not strictly checked (only JSON configuration is): a typo inside a nested attribute there is silently dropped.`,
      fix: 'keep Teleport resources in cdktf (JSON) configuration, or review those files by hand.',
    });
  }
  const placeholders = placeholderVariables(merged);
  findings.push(...unreadableTypeWarnings(name, placeholders.unreadable));
  copyStack(stack, workspace, placeholders.values);

  ctx.interrupt.check();
  const validate = await runTerraform(ctx.terraform, ['validate', '-json', '-no-color'], workspace, ctx.cliConfig);
  ctx.interrupt.check();
  findings.push(...readRun(name, 'validate', validate, () => validateFindings(name, validate.stdout)));
  if (findings.some((f) => f.severity === 'error' && f.check === 'terraform.validate')) return result(findings, 'validated');

  const varArgs = [PLACEHOLDER_FILE, ...ctx.varFiles].map((f) => `-var-file=${f}`);
  const plan = await runTerraform(ctx.terraform, ['plan', '-json', '-no-color', '-input=false', '-lock=false', '-out=plan.bin', ...varArgs], workspace, ctx.cliConfig);
  ctx.interrupt.check();
  const planned = readRun(name, 'plan', plan, () => planFindings(name, plan.stdout), 'terraform.placeholder-validation');
  findings.push(...planned);
  if (plan.code !== 0) return result(findings, 'validated');

  const show = await runTerraform(ctx.terraform, ['show', '-json', '-no-color', 'plan.bin'], workspace, ctx.cliConfig);
  ctx.interrupt.check();
  if (show.code !== 0) throw cannotRun(name, 'show', show);
  let planJson: Record<string, any>;
  try {
    planJson = JSON.parse(show.stdout);
  } catch {
    throw new CannotRunError(`terraform show -json did not print JSON for stack ${name}: ${oneLine(show.stdout || show.stderr) || 'nothing'}`);
  }
  if (ctx.options.planJsonDir) {
    fs.mkdirSync(ctx.options.planJsonDir, { recursive: true });
    fs.writeFileSync(path.join(ctx.options.planJsonDir, `${name}.plan.json`), JSON.stringify(planJson, null, 2) + '\n');
  }
  findings.push(planSummary(name, planJson));
  return result(findings, 'planned', planJson);
}

/**
 * Terraform's findings for one command. A command that fails without saying why in its JSON (a
 * crash, a CLI error, output that is not JSON) or whose provider could not start is not a finding
 * about the stack: the check could not run.
 */
function readRun(stack: string, phase: string, run: TerraformRun, parse: () => Finding[], explainsFailure?: string): Finding[] {
  let findings: Finding[];
  try {
    findings = parse();
  } catch (e) {
    if (e instanceof UnreadableOutputError) throw cannotRun(stack, phase, run);
    if (e instanceof ProviderFailureError) throw new CannotRunError(`the offline provider failed in terraform ${phase} (stack ${stack}): ${e.message}`);
    throw e;
  }
  if (run.code !== 0 && !findings.some((f) => f.severity === 'error' || f.check === explainsFailure)) throw cannotRun(stack, phase, run);
  return findings;
}

function cannotRun(stack: string, phase: string, run: TerraformRun): CannotRunError {
  const output = oneLine(run.stderr || run.stdout) || 'no output';
  return new CannotRunError(`terraform ${phase} failed for stack ${stack} (exit ${run.code}): ${output}`);
}

/** The stack directory's other *.tf.json files (parsed, for the strict check) and *.tf files (named). */
function extraConfigs(stack: Stack): { configs: { file: string; config: Record<string, any> }[]; hcl: string[] } {
  const dir = path.dirname(stack.file);
  const main = path.resolve(stack.file);
  const configs: { file: string; config: Record<string, any> }[] = [];
  const hcl: string[] = [];
  for (const name of fs.readdirSync(dir).sort()) {
    const file = path.join(dir, name);
    if (path.resolve(file) === main || !fs.statSync(file).isFile()) continue;
    if (name.endsWith('.tf')) hcl.push(name);
    if (!name.endsWith('.tf.json')) continue;
    try {
      configs.push({ file: name, config: JSON.parse(fs.readFileSync(file, 'utf8')) });
    } catch (e) {
      throw new CannotRunError(`${file} is not valid JSON: ${(e as Error).message}`);
    }
  }
  return { configs, hcl };
}

/** One view of several configuration files of a module (the sections that decide what can run). */
function mergeConfigs(configs: Record<string, any>[]): Record<string, any> {
  const merged: Record<string, any> = { terraform: [] };
  for (const c of configs) {
    for (const section of ['resource', 'data', 'provider', 'module', 'variable']) {
      if (c[section] && typeof c[section] === 'object') merged[section] = { ...merged[section], ...c[section] };
    }
    merged.terraform.push(...(Array.isArray(c.terraform) ? c.terraform : c.terraform ? [c.terraform] : []));
  }
  return merged;
}

function planSummary(stack: string, plan: Record<string, any>): Finding {
  const counts: Record<string, number> = {};
  for (const change of plan.resource_changes ?? []) {
    const key = (change.change?.actions ?? []).join('+');
    counts[key] = (counts[key] ?? 0) + 1;
  }
  const text = Object.entries(counts).map(([k, n]) => `${n} ${k}`).join(', ') || 'no changes';
  return { severity: 'info', check: 'terraform.plan-summary', resource: stack, message: `terraform plan against the provider schema: ${text}.` };
}

/** The CLI's summary subject: how many stacks Terraform planned, and which it did not. */
export function checkSubject(results: readonly StackResult[]): string {
  const by = (reach: TerraformReach) => results.filter((r) => r.terraform === reach).map((r) => r.stack);
  const parts = [`${by('planned').length} of ${results.length} stack(s) planned with terraform`];
  if (by('validated').length) parts.push(`validated but not planned: ${by('validated').join(', ')}`);
  if (by('not-run').length) parts.push(`not checked with terraform (strict offline check only): ${by('not-run').join(', ')}`);
  return parts.join('; ');
}
