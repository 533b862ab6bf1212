// `cdktf-teleport validate`: the offline checks, then (unless offline) the live checks.
import { Finding } from '../report/finding';
import { LiveOptions, runLiveChecks } from './live/live-checks';
import { loadInput } from '../config/load';
import { OfflineOptions, runOfflineChecks } from './rules';

export interface ValidateOptions extends OfflineOptions, LiveOptions {
  readonly offline?: boolean;
}

export async function runValidate(target: string, options: ValidateOptions = {}): Promise<{ findings: Finding[]; stacks: number }> {
  const input = loadInput(target);
  const offline = runOfflineChecks(input, options);
  if (options.offline) return { findings: offline, stacks: input.stacks.length };
  const live = await runLiveChecks(input, options);
  // A mapped role the leaf was asked about is settled by the live answer: drop the offline warning.
  const key = (f: Finding) => `${f.stack} ${f.resource} ${f.path}`;
  const settled = new Set(live.filter((f) => f.check === 'validate.role-exists').map(key));
  const kept = offline.filter((f) => f.check !== 'validate.role-map-role' || !settled.has(key(f)));
  return { findings: [...kept, ...live], stacks: input.stacks.length };
}
