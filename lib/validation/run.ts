// `cdktf-teleport validate`: the offline checks, then (unless offline) the live checks, all of
// them within one deadline derived from the per-request timeout.
import { Deadline } from '../common/deadline';
import { Finding } from '../report/finding';
import { LiveOptions, runLiveChecks } from './live/live-checks';
import { loadInput } from '../config/load';
import { OfflineOptions, runOfflineChecks } from './rules';

export interface ValidateOptions extends OfflineOptions, LiveOptions {
  readonly offline?: boolean;
}

/** The live checks of a run end within this many per-request timeouts (`--timeout`), whatever the network does. */
export const DEADLINE_TIMEOUTS = 3;

/** The deadline of a run's live checks: {@link DEADLINE_TIMEOUTS} × the per-request timeout, from now. */
export function liveDeadline(timeoutMs: number): Deadline {
  const seconds = (ms: number) => `${Number((ms / 1000).toFixed(3))} s`;
  return Deadline.after(
    DEADLINE_TIMEOUTS * timeoutMs,
    `${seconds(DEADLINE_TIMEOUTS * timeoutMs)}: ${DEADLINE_TIMEOUTS} × --timeout ${seconds(timeoutMs)}`,
  );
}

export async function runValidate(target: string, options: ValidateOptions = {}): Promise<{ findings: Finding[]; stacks: number }> {
  const input = loadInput(target);
  const offline = runOfflineChecks(input, options);
  if (options.offline) return { findings: offline, stacks: input.stacks.length };
  const deadline = options.deadline ?? liveDeadline(options.timeoutMs ?? 10_000);
  let live: Finding[];
  try {
    live = await runLiveChecks(input, { ...options, deadline });
  } finally {
    if (!options.deadline) deadline.dispose();
  }
  // A mapped role the leaf was asked about is settled by the live answer: drop the offline warning.
  const key = (f: Finding) => `${f.stack} ${f.resource} ${f.path}`;
  const settled = new Set(live.filter((f) => f.check === 'validate.role-exists').map(key));
  const kept = offline.filter((f) => f.check !== 'validate.role-map-role' || !settled.has(key(f)));
  return { findings: [...kept, ...live], stacks: input.stacks.length };
}
