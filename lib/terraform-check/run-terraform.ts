// Runs one terraform command in a workspace with the harness's CLI configuration. The user's
// environment reaches Terraform without the variables that would change what is checked: extra
// arguments (TF_CLI_ARGS*), another data directory or workspace, variable values (TF_VAR_*:
// placeholders and --var-file are the only variable inputs), providers to reattach to, and
// registry or HCP credentials (TF_TOKEN_*), which an offline check never needs.
import { ChildProcess, spawn } from 'child_process';

export interface TerraformRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

const DROPPED = /^(TF_CLI_ARGS(_.*)?|TF_DATA_DIR|TF_WORKSPACE|TF_VAR_.*|TF_REATTACH_PROVIDERS|TF_TOKEN_.*|TF_CLI_CONFIG_FILE)$/;

/** The environment Terraform runs with: the user's, scrubbed, plus the harness's settings. */
export function terraformEnv(cliConfig: string, base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(base)) if (!DROPPED.test(k)) env[k] = v;
  return { ...env, TF_CLI_CONFIG_FILE: cliConfig, CHECKPOINT_DISABLE: '1', TF_IN_AUTOMATION: '1', TF_INPUT: '0' };
}

/** The terraform processes running now, so an interrupt can be forwarded and waited for. */
export const runningTerraform = new Set<ChildProcess>();

/** Thrown when the terraform binary could not be started at all. */
export class SpawnError extends Error {}

export function runTerraform(terraform: string, args: string[], cwd: string, cliConfig: string): Promise<TerraformRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(terraform, args, { cwd, env: terraformEnv(cliConfig), stdio: ['ignore', 'pipe', 'pipe'] });
    runningTerraform.add(child);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', (e) => {
      runningTerraform.delete(child);
      reject(new SpawnError(`could not run ${terraform}: ${e.message}`));
    });
    child.on('close', (code, signal) => {
      runningTerraform.delete(child);
      resolve({ code: code ?? (signal ? 128 : 1), stdout, stderr });
    });
  });
}
