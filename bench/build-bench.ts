// The README's main command, `npm run synth` (build what synth loads, synthesize the examples, run
// the offline check), timed as a user runs it, wall clock, in a scratch copy of this repository (the
// tracked files and node_modules symlinked: a fresh clone after `npm ci`):
//   fresh      the first run in a new copy (no dist/, no build state), one new copy per run;
//   unchanged  the next runs with nothing changed;
//   lib edit   after a one-line change in lib/ (the role default DEFAULT_MAX_SESSION_TTL where it is
//              defined, alternating between two values, so every run is a real change; each run
//              must show the new value in cdk.tf.json).
// Medians; targets from issue 17 for this 2-core machine. Beside each wall time, the CPU time of the
// whole process tree (Linux: the children's times in /proc/self/stat), which a busy machine inflates
// less than wall time: on an idle machine the wall time is close to it (the steps run one after the
// other; esbuild's threads and V8's helpers overlap a little).
import * as fs from 'fs';
import * as path from 'path';
import { editOnce, fileContaining, run, scratchRepo } from '../test/build/scratch-repo';
import { Figure, Target, atMost, figure, median, round, spread } from './stats';

const RUNS = { fresh: 3, unchanged: 5, libEdit: 5 };
const TTL = (v: string) => `DEFAULT_MAX_SESSION_TTL = '${v}'`;

interface Timing {
  readonly seconds: number;
  readonly cpuSeconds: number;
}

/** User + system CPU seconds of this process's finished children (/proc, in 1/100 s), or NaN off Linux. */
function childrenCpuSeconds(): number {
  try {
    // Fields after the command name's closing parenthesis: state is the 3rd field, cutime the 16th, cstime the 17th.
    const stat = fs.readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return NaN;
  }
}

/** One `npm run synth`, wall and CPU seconds; it must succeed. */
function timedSynth(repo: string): Timing {
  const cpu = childrenCpuSeconds();
  const start = process.hrtime.bigint();
  const r = run(repo, 'npm run synth');
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (r.code !== 0) throw new Error(`build bench: npm run synth failed in ${repo}:\n${r.output}`);
  return { seconds, cpuSeconds: childrenCpuSeconds() - cpu };
}

function maxSessionTtl(repo: string): string {
  const stack = JSON.parse(fs.readFileSync(path.join(repo, 'cdktf.out', 'stacks', 'one-stack', 'cdk.tf.json'), 'utf8'));
  return (Object.values(stack.resource.teleport_role)[0] as any).spec.options.max_session_ttl;
}

export function buildBench(): { targets: Target[]; figures: Figure[]; details: Record<string, unknown> } {
  const fresh: Timing[] = [];
  const unchanged: Timing[] = [];
  const libEdit: Timing[] = [];
  const copies: string[] = [];
  try {
    for (let i = 0; i < RUNS.fresh; i++) {
      copies.push(scratchRepo('build-bench-'));
      fresh.push(timedSynth(copies[i]));
    }
    const repo = copies[copies.length - 1];
    const defaults = fileContaining(repo, 'lib', TTL('30h0m0s'));
    for (let i = 0; i < RUNS.unchanged; i++) unchanged.push(timedSynth(repo));
    let ttl = '30h0m0s';
    for (let i = 0; i < RUNS.libEdit; i++) {
      const next = ttl === '30h0m0s' ? '29h0m0s' : '30h0m0s';
      editOnce(repo, defaults, TTL(ttl), TTL(next));
      ttl = next;
      libEdit.push(timedSynth(repo));
      if (maxSessionTtl(repo) !== ttl) throw new Error(`build bench: the edit in ${defaults} (${ttl}) did not reach cdk.tf.json`);
    }
  } finally {
    for (const dir of copies) fs.rmSync(dir, { recursive: true, force: true });
  }
  const wall = (runs: Timing[]) => median(runs.map((r) => r.seconds));
  const s = (runs: Timing[]) => ({
    medianSeconds: round(wall(runs)),
    medianCpuSeconds: round(median(runs.map((r) => r.cpuSeconds))),
    runs: runs.map((r) => ({ seconds: round(r.seconds), cpuSeconds: round(r.cpuSeconds) })),
    spread: spread(runs.map((r) => round(r.seconds))),
  });
  return {
    targets: [
      atMost('npm run synth, fresh clone after npm ci (seconds, median)', wall(fresh), 8, 's'),
      atMost('npm run synth, nothing changed (seconds, median)', wall(unchanged), 2, 's'),
      atMost('npm run synth, after a one-line change in lib/ (seconds, median)', wall(libEdit), 5, 's'),
    ],
    figures: [
      figure('npm run synth, fresh: CPU seconds of all its processes (median)', median(fresh.map((r) => r.cpuSeconds)), 's', 2),
      figure('npm run synth, nothing changed: CPU seconds (median)', median(unchanged.map((r) => r.cpuSeconds)), 's', 2),
      figure('npm run synth, one-line lib/ change: CPU seconds (median)', median(libEdit.map((r) => r.cpuSeconds)), 's', 2),
    ],
    details: { fresh: s(fresh), unchanged: s(unchanged), libEdit: s(libEdit) },
  };
}
