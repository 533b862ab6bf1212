// cdktf-teleport terraform-check: each stack through `terraform validate`, `plan` and `show -json`
// against the offline provider (the provider *schema*, not a server), plus the strict offline check,
// because Terraform silently drops unknown keys inside nested attributes.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { LoadedConfig, checkConfig, loadConfigs } from '../check';
import { Finding } from '../report/finding';
import { planFindings, validateFindings } from './diagnostics';
import { CannotRunError, findTerraform, writeHarness } from './environment';
import { runTerraform } from './run-terraform';
import { copyStack, foreignTypes, placeholderVariables } from './workspace';

export interface TerraformCheckOptions {
  /** A provider schema file to serve instead of the shipped one. */
  readonly schemaFile?: string;
  /** Where to write each stack's `terraform show -json` plan as `<stack>.plan.json`. */
  readonly planJsonDir?: string;
  /** Stacks checked at once. @default 3 */
  readonly concurrency?: number;
}

export interface StackResult {
  readonly stack: string;
  readonly findings: Finding[];
  /** `terraform show -json` of the plan, when the plan succeeded. */
  readonly plan?: Record<string, any>;
}

export async function terraformCheck(targets: string[], options: TerraformCheckOptions = {}): Promise<StackResult[]> {
  const terraform = findTerraform();
  const stacks = targets.flatMap((t) => {
    try {
      return loadConfigs(t);
    } catch (e) {
      throw new CannotRunError((e as Error).message);
    }
  });
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'cdktf-teleport-tf-'));
  try {
    const cliConfig = writeHarness(base, options.schemaFile);
    const results: StackResult[] = new Array(stacks.length);
    let next = 0;
    const worker = async () => {
      while (next < stacks.length) {
        const i = next++;
        results[i] = await checkOne(terraform, cliConfig, path.join(base, `stack-${i}`), stacks[i], stacks.length > 1, options);
      }
    };
    await Promise.all(Array.from({ length: Math.min(options.concurrency ?? 3, stacks.length) }, worker));
    return results;
  } finally {
    fs.rmSync(base, { recursive: true, force: true });
  }
}

async function checkOne(
  terraform: string,
  cliConfig: string,
  workspace: string,
  stack: LoadedConfig,
  prefix: boolean,
  options: TerraformCheckOptions,
): Promise<StackResult> {
  const label = (f: Finding): Finding => (prefix && f.resource !== stack.name && !f.resource.startsWith(`${stack.name}: `) ? { ...f, resource: `${stack.name}: ${f.resource}` } : f);
  const config = stack.config as Record<string, any>;
  const offline = checkConfig(config).map(label);
  const foreign = foreignTypes(config);
  if (foreign.length) {
    return {
      stack: stack.name,
      findings: [
        ...offline,
        label({
          severity: 'warning',
          check: 'terraform.not-checkable',
          resource: stack.name,
          message: `not checkable offline: it uses ${foreign.join(', ')}, and only the Teleport provider is served here.`,
          fix: 'run terraform-check on stacks that hold only Teleport resources, or plan this stack with real providers.',
        }),
      ],
    };
  }
  copyStack(path.dirname(stack.file), config, workspace);
  const env = placeholderVariables(config);
  const validate = await runTerraform(terraform, ['validate', '-json', '-no-color'], workspace, cliConfig, env);
  const findings = [...offline, ...parseOr(stack.name, 'validate', validate, () => validateFindings(stack.name, validate.stdout)).map(label)];
  if (findings.some((f) => f.severity === 'error' && f.check === 'terraform.validate')) return { stack: stack.name, findings };

  const plan = await runTerraform(terraform, ['plan', '-json', '-no-color', '-input=false', '-lock=false', '-out=plan.bin'], workspace, cliConfig, env);
  findings.push(...parseOr(stack.name, 'plan', plan, () => planFindings(stack.name, plan.stdout)).map(label));
  if (plan.code !== 0) return { stack: stack.name, findings };

  const show = await runTerraform(terraform, ['show', '-json', '-no-color', 'plan.bin'], workspace, cliConfig, env);
  if (show.code !== 0) return { stack: stack.name, findings: [...findings, label(toolFailure(stack.name, 'show', show.stderr))] };
  const planJson = JSON.parse(show.stdout);
  if (options.planJsonDir) {
    fs.mkdirSync(options.planJsonDir, { recursive: true });
    fs.writeFileSync(path.join(options.planJsonDir, `${stack.name}.plan.json`), JSON.stringify(planJson, null, 2) + '\n');
  }
  findings.push(label(planSummary(stack.name, planJson)));
  return { stack: stack.name, findings, plan: planJson };
}

/** Terraform's findings, or one error when its output could not be read (a crash, a CLI error). */
function parseOr(stack: string, phase: string, run: { code: number; stdout: string; stderr: string }, parse: () => Finding[]): Finding[] {
  try {
    const findings = parse();
    if (run.code !== 0 && !findings.some((f) => f.severity === 'error')) return [...findings, toolFailure(stack, phase, run.stderr)];
    return findings;
  } catch {
    return [toolFailure(stack, phase, run.stderr || run.stdout)];
  }
}

function toolFailure(stack: string, phase: string, output: string): Finding {
  return {
    severity: 'error',
    check: `terraform.${phase}`,
    resource: stack,
    message: `terraform ${phase} failed: ${output.replace(/\s+/g, ' ').trim().slice(0, 500)}`,
    fix: 'see Terraform\'s message; run the command in the stack directory with TF_LOG=debug for details.',
  };
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
