// Shared by the Terraform tests: whether terraform can run here (a loud SKIPPED line otherwise, and a
// failure when CDKTF_TELEPORT_REQUIRE_TERRAFORM=1, as .ci/run sets), stack directories from JSON,
// and provider processes left behind.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { CannotRunError, findTerraform } from '../../lib/terraform-check/environment';

export function terraformAvailable(): boolean {
  try {
    findTerraform();
    return true;
  } catch (e) {
    if (!(e instanceof CannotRunError)) throw e;
    if (process.env.CDKTF_TELEPORT_REQUIRE_TERRAFORM === '1') throw new Error(`terraform is required here (CDKTF_TELEPORT_REQUIRE_TERRAFORM=1): ${e.message}`);
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

/** PIDs of offline provider processes still running. */
export function providerProcesses(): number[] {
  const out = execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' });
  return out.split('\n').filter((l) => l.includes('provider-server/main.js') && !l.includes(' ps ')).map((l) => Number(l.trim().split(/\s+/)[0]));
}

export const PROVIDER = { teleport: [{ addr: 'leaf.example.com:443' }] };
export const TERRAFORM = { required_providers: { teleport: { source: 'terraform.releases.teleport.dev/gravitational/teleport', version: '~> 18.0' } } };
export const VISITOR = { version: 'v7', metadata: { name: 'visitor' }, spec: { allow: { logins: ['visitor'] } } };
