// The terraform binary's version: terraform-check needs >= 1.5 (import blocks, `plan -out` with
// dev_overrides and no init, `validate -json` diagnostics as used here).
import { execFile } from 'child_process';
import { CannotRunError } from './environment';

export const MINIMUM_TERRAFORM = [1, 5, 0] as const;

/** Runs `terraform version -json` and returns the version, or throws CannotRunError. */
export function checkTerraformVersion(terraform: string, env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(terraform, ['version', '-json'], { env, timeout: 30_000, maxBuffer: 1 << 20 }, (error, stdout, stderr) => {
      const version = parseVersion(stdout);
      if (!version) {
        const why = error
          ? `${error.message.split('\n')[0]}${stderr.trim() ? `: ${oneLine(stderr)}` : ''}`
          : `it printed ${oneLine(stdout) || 'nothing'}`;
        return reject(
          new CannotRunError(
            `could not run \`${terraform} version -json\` (${why}); terraform-check needs a working Terraform >= ${MINIMUM_TERRAFORM.join('.')}.`,
          ),
        );
      }
      if (compare(version, MINIMUM_TERRAFORM) < 0) {
        return reject(
          new CannotRunError(
            `${terraform} is Terraform ${version.join('.')}; terraform-check needs Terraform >= ${MINIMUM_TERRAFORM.join('.')} (set TERRAFORM_BINARY to a newer one).`,
          ),
        );
      }
      resolve(version.join('.'));
    });
  });
}

/** From `version -json`, or the text line of a Terraform too old for -json ("Terraform v0.12.31"). */
function parseVersion(stdout: string): number[] | undefined {
  let text = stdout;
  try {
    text = `Terraform v${JSON.parse(stdout).terraform_version}`;
  } catch {
    // not JSON: look at the text
  }
  const m = /^Terraform v(\d+)\.(\d+)\.(\d+)/m.exec(text);
  return m ? m.slice(1).map(Number) : undefined;
}

function compare(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}

export function oneLine(text: string, max = 300): string {
  return text.replace(/\s+/g, ' ').trim().slice(0, max);
}
