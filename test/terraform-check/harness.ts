// Shared by the Terraform tests: whether terraform can run here (a loud SKIPPED line otherwise, and a
// failure when CDKTF_TELEPORT_REQUIRE_TERRAFORM=1, as .ci/run sets), stack directories from JSON,
// and provider processes this test run left behind.
import * as fs from 'fs';
import * as path from 'path';
import { CannotRunError, findTerraform } from '../../lib/terraform-check/environment';

export function terraformAvailable(): boolean {
  try {
    findTerraform();
    return true;
  } catch (e) {
    if (!(e instanceof CannotRunError)) throw e;
    if (process.env.CDKTF_TELEPORT_REQUIRE_TERRAFORM === '1')
      throw new Error(`terraform is required here (CDKTF_TELEPORT_REQUIRE_TERRAFORM=1): ${e.message}`, { cause: e });
    process.stderr.write(`\n********** SKIPPED: Terraform tests: ${e.message} **********\n\n`);
    return false;
  }
}

/** Writes `config` as <dir>/<name>/cdk.tf.json and returns the stack directory. */
export function stackDir(dir: string, name: string, config: Record<string, unknown>): string {
  const d = path.join(dir, name);
  fs.mkdirSync(d, { recursive: true });
  fs.writeFileSync(path.join(d, 'cdk.tf.json'), JSON.stringify(config, null, 2));
  return d;
}

/**
 * The variable that marks this jest run's processes: jest.config.js sets it once in the parent, so
 * workers, the Terraform they start and the providers Terraform starts all inherit it.
 */
export const RUN_MARKER = 'CDKTF_TELEPORT_TEST_RUN';

/**
 * PIDs of offline provider processes started by this run (marked with `RUN_MARKER=<this run's
 * id>` in their environment), still running. Other runs' and other users' providers do not count.
 * Linux only (/proc); elsewhere the list is empty.
 */
export function providerProcesses(run: string | undefined = process.env[RUN_MARKER], ...alsoMarked: string[]): number[] {
  if (!run || !fs.existsSync('/proc/self/environ')) return [];
  const marks = [`${RUN_MARKER}=${run}`, ...alsoMarked];
  const pids: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmdline = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      if (!cmdline.some((a) => a.endsWith(path.join('provider-server', 'main.js')))) continue;
      const environ = fs.readFileSync(`/proc/${entry}/environ`, 'utf8').split('\0');
      if (marks.every((m) => environ.includes(m))) pids.push(Number(entry));
    } catch {
      // gone meanwhile, or not ours to read
    }
  }
  return pids;
}

/** Waits up to `ms` for this run's providers (with every extra `NAME=value` mark given) to exit; returns those still running. */
export async function providersAfter(ms: number, ...alsoMarked: string[]): Promise<number[]> {
  const deadline = Date.now() + ms;
  let left = providerProcesses(undefined, ...alsoMarked);
  while (left.length && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
    left = providerProcesses(undefined, ...alsoMarked);
  }
  return left;
}

export const PROVIDER = { teleport: [{ addr: 'leaf.example.com:443' }] };
export const TERRAFORM = {
  required_providers: { teleport: { source: 'terraform.releases.teleport.dev/gravitational/teleport', version: '~> 18.0' } },
};
export const VISITOR = { version: 'v7', metadata: { name: 'visitor' }, spec: { allow: { logins: ['visitor'] } } };

/** An Io for the CLI's main() that keeps what it prints. */
export function captureIo() {
  const c = { stdout: '', stderr: '', out: (t: string) => void (c.stdout += t), err: (t: string) => void (c.stderr += t) };
  return c;
}

/** Runs `fn` with `vars` set in process.env, then puts the environment back as it was. */
export async function withEnv<T>(vars: Record<string, string>, fn: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  Object.assign(process.env, vars);
  try {
    return await fn();
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}
