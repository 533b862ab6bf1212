// Runs one terraform command in a workspace with the harness's CLI configuration.
import { spawn } from 'child_process';

export interface TerraformRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export function runTerraform(terraform: string, args: string[], cwd: string, cliConfig: string, extraEnv: Record<string, string> = {}): Promise<TerraformRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(terraform, args, {
      cwd,
      env: {
        ...process.env,
        ...extraEnv,
        TF_CLI_CONFIG_FILE: cliConfig,
        CHECKPOINT_DISABLE: '1',
        TF_IN_AUTOMATION: '1',
        TF_INPUT: '0',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}
