// The README's main command, `npm run synth` (build what synth loads, synthesize the examples, run
// the offline check), timed as a user runs it, wall clock, in a scratch copy of this repository (the
// tracked files and node_modules symlinked: a fresh clone after `npm ci`):
//   fresh      the first run in a new copy (no dist/, no build state), one new copy per run;
//   unchanged  the next runs with nothing changed;
//   lib edit   after a one-line change in lib/ (a role default, alternating between two values, so
//              every run is a real change; each run must show the new value in cdk.tf.json).
// Medians; targets from issue 17 for this 2-core machine.
import * as fs from 'fs';
import * as path from 'path';
import { editOnce, run, scratchRepo } from '../test/build/scratch-repo';
import { Target, atMost, median, round, spread } from './stats';

const RUNS = { fresh: 3, unchanged: 5, libEdit: 5 };
const DEFAULTS = 'lib/constructs/role/defaults.ts';
const TTL = (v: string) => `DEFAULT_MAX_SESSION_TTL = '${v}'`;

/** One `npm run synth`, in seconds; it must succeed. */
function timedSynth(repo: string): number {
  const start = process.hrtime.bigint();
  const r = run(repo, 'npm run synth');
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (r.code !== 0) throw new Error(`build bench: npm run synth failed in ${repo}:\n${r.output}`);
  return seconds;
}

function maxSessionTtl(repo: string): string {
  const stack = JSON.parse(fs.readFileSync(path.join(repo, 'cdktf.out', 'stacks', 'one-stack', 'cdk.tf.json'), 'utf8'));
  return (Object.values(stack.resource.teleport_role)[0] as any).spec.options.max_session_ttl;
}

export function buildBench(): { targets: Target[]; details: Record<string, unknown> } {
  const fresh: number[] = [];
  const unchanged: number[] = [];
  const libEdit: number[] = [];
  const copies: string[] = [];
  try {
    for (let i = 0; i < RUNS.fresh; i++) {
      copies.push(scratchRepo('build-bench-'));
      fresh.push(timedSynth(copies[i]));
    }
    const repo = copies[copies.length - 1];
    for (let i = 0; i < RUNS.unchanged; i++) unchanged.push(timedSynth(repo));
    let ttl = '30h0m0s';
    for (let i = 0; i < RUNS.libEdit; i++) {
      const next = ttl === '30h0m0s' ? '29h0m0s' : '30h0m0s';
      editOnce(repo, DEFAULTS, TTL(ttl), TTL(next));
      ttl = next;
      libEdit.push(timedSynth(repo));
      if (maxSessionTtl(repo) !== ttl) throw new Error(`build bench: the edit in ${DEFAULTS} (${ttl}) did not reach cdk.tf.json`);
    }
  } finally {
    for (const dir of copies) fs.rmSync(dir, { recursive: true, force: true });
  }
  const s = (values: number[]) => ({ medianSeconds: round(median(values)), runs: values.map((v) => round(v)), spread: spread(values.map((v) => round(v))) });
  return {
    targets: [
      atMost('npm run synth, fresh clone after npm ci (seconds, median)', median(fresh), 8, 's'),
      atMost('npm run synth, nothing changed (seconds, median)', median(unchanged), 2, 's'),
      atMost('npm run synth, after a one-line change in lib/ (seconds, median)', median(libEdit), 5, 's'),
    ],
    details: { fresh: s(fresh), unchanged: s(unchanged), libEdit: s(libEdit) },
  };
}
