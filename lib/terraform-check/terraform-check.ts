// cdktf-teleport terraform-check: each stack through `terraform validate`, `plan` and `show -json`
// against the offline provider (the provider *schema*, not a server), plus the strict offline check,
// because Terraform silently drops unknown keys inside nested attributes.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { checkConfig } from '../check';
import { InputError, loadConfigs, readInputText } from '../config';
import { Finding } from '../report/finding';
import { ProviderSchema, loadProviderSchema } from '../schema/provider-schema';
import { hclUses, notCheckable } from './checkability';
import { ProviderFailureError, UnreadableOutputError, dedupe, planFindings, validateFindings } from './diagnostics';
import { CannotRunError, findTerraform, resolveSchemaFile, writeHarness } from './environment';
import { InterruptWatch, InterruptedError } from './interrupt';
import { PLACEHOLDER_FILE, placeholderVariables, unreadableTypeWarnings } from './placeholders';
import { SpawnError, TerraformRun, runTerraform, terraformEnv } from './run-terraform';
import { redactPlan, writePlanFile } from './plan-redaction';
import { StackSource, copyStack } from './workspace';
import { checkTerraformVersion, oneLine } from './terraform-version';

export interface TerraformCheckOptions {
  /** A provider schema file to serve (and to check strictly against) instead of the shipped one. */
  readonly schemaFile?: string;
  /** Where to write each stack's `terraform show -json` plan as `<stack>.plan.json` (mode 0600). */
  readonly planJsonDir?: string;
  /** Write the plan files with their sensitive values (default: redacted). @default false */
  readonly planJsonKeepSensitive?: boolean;
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
  /** The configuration file checked (the main one, when the stack has several). */
  readonly file: string;
  readonly findings: Finding[];
  readonly terraform: TerraformReach;
  /** `terraform show -json` of the plan, when the plan succeeded. */
  readonly plan?: Record<string, any>;
}

interface LoadedStack extends StackSource {
  /** The directory name. */
  readonly name: string;
  /** The main configuration file. */
  readonly file: string;
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
    if (e instanceof InterruptedError)
      throw new CannotRunError(`terraform-check was interrupted (${e.signal}); Terraform was stopped and the temporary workspace removed.`);
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
  // Terraform would block on a FIFO or read a device without end.
  if (!fs.statSync(resolved).isFile()) throw new CannotRunError(`the var file ${file} is not a regular file.`);
  return resolved;
}

function loadStacks(target: string): LoadedStack[] {
  try {
    const wholeDirectory = fs.statSync(target).isDirectory();
    return loadConfigs(target).map((c) => {
      const dir = path.dirname(c.file);
      return { dir, configs: c.files, hcl: wholeDirectory ? hclFiles(dir) : [], wholeDirectory, name: c.name, file: c.file };
    });
  } catch (e) {
    if (e instanceof InputError) throw new CannotRunError(e.message);
    throw new CannotRunError((e as Error).message.replace(/^ENOENT: /, ''));
  }
}

/** The `*.tf` (HCL) files of a stack directory, read (regular files within the size limit only). */
function hclFiles(dir: string): { file: string; text: string }[] {
  return fs
    .readdirSync(dir)
    .filter((n) => n.endsWith('.tf'))
    .sort()
    .map((n) => ({ file: path.join(dir, n), text: readInputText(path.join(dir, n)) }));
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
  const several = stack.configs.length > 1;
  const findings = stack.configs.flatMap((c) =>
    checkConfig(c.config, { schema: ctx.schema }).map((f) => (several ? { ...f, message: `${f.message} (in ${path.basename(c.file)})` } : f)),
  );
  const configs = stack.configs.map((c) => c.config);
  const blocked = notCheckable(
    configs,
    stack.hcl.flatMap((h) => hclUses(path.basename(h.file), h.text)),
  );
  if (blocked) {
    return result(
      [...findings, { severity: 'warning', check: 'terraform.not-checkable', resource: name, message: blocked.message, fix: blocked.fix }],
      'not-run',
    );
  }
  if (stack.hcl.length) {
    const hcl = stack.hcl.map((h) => path.basename(h.file));
    findings.push({
      severity: 'warning',
      check: 'terraform.hcl-not-strict',
      resource: name,
      message: `${hcl.join(', ')} ${hcl.length > 1 ? 'are' : 'is'} planned by Terraform but not strictly checked (only JSON configuration is): a typo inside a nested attribute there is silently dropped.`,
      fix: 'keep Teleport resources in cdktf (JSON) configuration, or review those files by hand.',
    });
  }
  const placeholders = placeholderVariables(configs);
  findings.push(...unreadableTypeWarnings(name, placeholders.unreadable));
  const files = copyStack(stack, workspace, placeholders.values);

  ctx.interrupt.check();
  const validate = await runTerraform(ctx.terraform, ['validate', '-json', '-no-color'], workspace, ctx.cliConfig);
  ctx.interrupt.check();
  findings.push(...readRun(name, 'validate', validate, () => validateFindings(name, validate.stdout, files)));
  if (findings.some((f) => f.severity === 'error' && f.check === 'terraform.validate')) return result(findings, 'validated');

  const varArgs = [PLACEHOLDER_FILE, ...ctx.varFiles].map((f) => `-var-file=${f}`);
  const plan = await runTerraform(
    ctx.terraform,
    ['plan', '-json', '-no-color', '-input=false', '-lock=false', '-out=plan.bin', ...varArgs],
    workspace,
    ctx.cliConfig,
  );
  ctx.interrupt.check();
  const planned = readRun(name, 'plan', plan, () => planFindings(name, plan.stdout, files), 'terraform.placeholder-validation');
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
    writePlanFile(ctx.options.planJsonDir, name, ctx.options.planJsonKeepSensitive ? planJson : redactPlan(planJson, ctx.schema));
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
    if (e instanceof ProviderFailureError)
      throw new CannotRunError(`the offline provider failed in terraform ${phase} (stack ${stack}): ${e.message}`);
    throw e;
  }
  if (run.code !== 0 && !findings.some((f) => f.severity === 'error' || f.check === explainsFailure)) throw cannotRun(stack, phase, run);
  return findings;
}

function cannotRun(stack: string, phase: string, run: TerraformRun): CannotRunError {
  const output = oneLine(run.stderr || run.stdout) || 'no output';
  return new CannotRunError(`terraform ${phase} failed for stack ${stack} (exit ${run.code}): ${output}`);
}

function planSummary(stack: string, plan: Record<string, any>): Finding {
  const counts: Record<string, number> = {};
  for (const change of plan.resource_changes ?? []) {
    const key = (change.change?.actions ?? []).join('+');
    counts[key] = (counts[key] ?? 0) + 1;
  }
  const text =
    Object.entries(counts)
      .map(([k, n]) => `${n} ${k}`)
      .join(', ') || 'no changes';
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
