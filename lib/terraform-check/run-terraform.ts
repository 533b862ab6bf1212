// Runs one terraform command in a workspace with the harness's CLI configuration and environment
// (environment.ts: the user's, without credentials and without what would change what is checked).
import { ChildProcess, spawn } from 'child_process';
import { terraformEnv } from './environment';

export interface TerraformRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export { terraformEnv };

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
