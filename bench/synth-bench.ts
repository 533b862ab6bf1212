// Synth scale: (a) constructs vs (b) raw L1 bindings, same JSON (asserted before timing), each run
// in a fresh process; wall time, peak RSS and the floor (stringify + write the document), medians.
// Two kinds of target: the steady state (after warm-up synths in the same process), and the cold
// process at 10 and 100 resources (Node's start, import, first synth, write: one `cdktf synth`).
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { Figure, Target, atMost, figure, median, round, spread } from './stats';

interface ChildResult {
  mode: string;
  units: number;
  cold: boolean;
  synthMs: number;
  coldMs: number;
  cpuMs: number;
  firstSynthMs: number;
  floorMs: number;
  maxRssKb: number;
}

/** Resources per unit in the fixtures (two roles, two tokens, one trusted cluster). */
const PER_UNIT = 5;
/**
 * Steady-state pairs per size (after an untimed pair that proves the outputs equal), and cold-process
 * pairs (none at 5,000: one such child takes ~30 s here, and the fixed cost a cold process adds is
 * measured at the smaller sizes). `coldTarget`: the cold ratio is a target at that size (a cold pair
 * costs ~1.5 s at 10 resources and ~2.5 s at 100, so there are enough pairs for a stable median).
 * Sized so `npm run bench` stays under 10 minutes on 2 cores.
 */
export const SIZES: { resources: number; repeats: number; coldRepeats: number; warmUps: number; coldTarget?: number }[] = [
  { resources: 10, repeats: 9, coldRepeats: 21, warmUps: 10, coldTarget: 1.1 },
  { resources: 100, repeats: 9, coldRepeats: 15, warmUps: 10, coldTarget: 1.1 },
  { resources: 1000, repeats: 5, coldRepeats: 3, warmUps: 3 },
  { resources: 5000, repeats: 3, coldRepeats: 0, warmUps: 3 },
];

/** One fresh process; `warm` is the number of small warm-up synths, or 'cold' for none at all. */
function child(mode: 'constructs' | 'l1', resources: number, outdir: string, warm: number | 'cold'): ChildResult {
  fs.rmSync(outdir, { recursive: true, force: true });
  const args = [path.join(__dirname, 'synth-child.js'), mode, String(resources / PER_UNIT), outdir, String(warm)];
  // stderr is read, not shown: the fixture's roles draw guardrail warnings (TG107, TG108), which the
  // constructs print as a user's synth does (their cost is measured); they are shown on a failure.
  const out = execFileSync(process.execPath, args, {
    encoding: 'utf8',
    env: { ...process.env, CHECKPOINT_DISABLE: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 256 << 20,
  });
  return JSON.parse(out.trim().split('\n').pop()!);
}

/** Ratios of alternating pairs (constructs / L1): median, interquartile spread and extremes. */
function pairRatios(ours: ChildResult[], base: ChildResult[], k: 'coldMs' | 'cpuMs'): Record<string, number> {
  const ratios = ours.map((r, i) => r[k] / base[i][k]);
  const s = spread(ratios);
  return { median: round(median(ratios), 3), p25: round(s.p25, 3), p75: round(s.p75, 3), min: round(s.min, 3), max: round(s.max, 3) };
}

const stackFile = (outdir: string) => path.join(outdir, 'stacks', 'scale', 'cdk.tf.json');
const m = (list: ChildResult[], k: keyof ChildResult) => median(list.map((r) => Number(r[k])));

/** One cold pair, (a) into `a` and (b) into `b`; which goes first alternates with `i`, so neither always follows the other. */
export function coldPair(i: number, resources: number, a: string, b: string): [ChildResult, ChildResult] {
  if (i % 2 === 0) {
    const ours = child('constructs', resources, a, 'cold');
    return [ours, child('l1', resources, b, 'cold')];
  }
  const base = child('l1', resources, b, 'cold');
  return [child('constructs', resources, a, 'cold'), base];
}

/**
 * The cold-process figures of a size: one whole `cdktf synth` process each. Its fixed part (loading
 * the constructs, the guardrails and the access model, the schema check) weighs most on small stacks;
 * see bench/README.md. Wall time is the target; CPU time (the child's user + system) is less
 * inflated when other work shares the machine.
 */
export function coldSummary(ours: ChildResult[], base: ChildResult[]): { ratio: number; details: Record<string, unknown> } {
  const ratio = m(ours, 'coldMs') / m(base, 'coldMs');
  return {
    ratio,
    details: {
      coldRepeats: ours.length,
      coldProcessMs: {
        constructs: round(m(ours, 'coldMs')),
        l1: round(m(base, 'coldMs')),
        ratio: round(ratio, 3),
        extraMs: round(m(ours, 'coldMs') - m(base, 'coldMs')),
      },
      coldPairRatios: pairRatios(ours, base, 'coldMs'),
      coldCpuMs: { constructs: round(m(ours, 'cpuMs')), l1: round(m(base, 'cpuMs')), ratio: round(m(ours, 'cpuMs') / m(base, 'cpuMs'), 3) },
      coldCpuPairRatios: pairRatios(ours, base, 'cpuMs'),
      coldMaxRssMb: { constructs: round(m(ours, 'maxRssKb') / 1024, 1), l1: round(m(base, 'maxRssKb') / 1024, 1) },
    },
  };
}

/** The cold target's name at a size. */
export const coldTargetName = (resources: number) => `synth ${resources} resources, cold process (one cdktf synth): constructs / L1, medians`;

export interface SynthResult {
  readonly rows: Record<string, unknown>[];
  readonly targets: Target[];
  readonly figures: Figure[];
  readonly largestConstructsOutput: string;
}

export function synthBench(scratch: string): SynthResult {
  const rows: Record<string, unknown>[] = [];
  const targets: Target[] = [];
  const medianMs: Record<number, number> = {};
  const baseMs: Record<number, number> = {};
  const a = path.join(scratch, 'a');
  const b = path.join(scratch, 'b');
  const keep = path.join(scratch, 'largest-constructs.cdk.tf.json');
  const figures: Figure[] = [];
  for (const { resources, repeats, coldRepeats, warmUps, coldTarget } of SIZES) {
    const ours: ChildResult[] = [];
    const base: ChildResult[] = [];
    const oursCold: ChildResult[] = [];
    const baseCold: ChildResult[] = [];
    // Same JSON first, untimed: the comparison is only fair if both write the same document.
    child('constructs', resources, a, 'cold');
    child('l1', resources, b, 'cold');
    if (!fs.readFileSync(stackFile(a)).equals(fs.readFileSync(stackFile(b)))) {
      throw new Error(`synth bench: constructs and L1 outputs differ at ${resources} resources (${stackFile(a)} vs ${stackFile(b)})`);
    }
    fs.copyFileSync(stackFile(a), keep);
    for (let i = 0; i < Math.max(repeats, coldRepeats); i++) {
      if (i < repeats) {
        ours.push(child('constructs', resources, a, warmUps));
        base.push(child('l1', resources, b, warmUps));
      }
      if (i < coldRepeats) {
        const [o, l] = coldPair(i, resources, a, b);
        oursCold.push(o);
        baseCold.push(l);
      }
    }
    const ratio = m(ours, 'synthMs') / m(base, 'synthMs');
    const cold = coldRepeats ? coldSummary(oursCold, baseCold) : undefined;
    medianMs[resources] = m(ours, 'synthMs');
    baseMs[resources] = m(base, 'synthMs');
    rows.push({
      resources,
      repeats,
      warmUps,
      constructsMs: round(m(ours, 'synthMs')),
      l1Ms: round(m(base, 'synthMs')),
      ratio: round(ratio, 3),
      constructsMaxRssMb: round(m(ours, 'maxRssKb') / 1024, 1),
      l1MaxRssMb: round(m(base, 'maxRssKb') / 1024, 1),
      floorMs: round(m(ours, 'floorMs')),
      synthOverFloor: round(m(ours, 'synthMs') / m(ours, 'floorMs'), 1),
      firstSynthOneTimeMs: { constructs: round(m(ours, 'firstSynthMs')), l1: round(m(base, 'firstSynthMs')) },
      ...cold?.details,
    });
    targets.push(atMost(`synth ${resources} resources: constructs / L1, medians (steady state)`, ratio, 1.15, 'ratio'));
    if (cold && coldTarget !== undefined) targets.push(atMost(coldTargetName(resources), cold.ratio, coldTarget, 'ratio'));
    else if (cold) figures.push(figure(`synth ${resources} resources, cold process: constructs / L1, medians`, cold.ratio, 'ratio'));
  }
  // Growth from 1,000 to 5,000 resources: cdktf's own resolve grows faster than linearly (the raw
  // L1's growth moved between 4.1x and 6.3x in runs on this machine), so the target is the
  // constructs' growth over the L1's in the same run: what the constructs add to cdktf's curve.
  const growth = medianMs[5000] / medianMs[1000];
  const l1Growth = baseMs[5000] / baseMs[1000];
  targets.push(atMost("synth growth 1,000 -> 5,000 resources: constructs' / raw L1's (same run)", growth / l1Growth, 1.1, 'ratio'));
  figures.push(
    figure('synth time 5,000 / 1,000 resources, constructs (linear = 5)', growth, 'ratio'),
    figure('synth time 5,000 / 1,000 resources, raw L1 (linear = 5)', l1Growth, 'ratio'),
  );
  rows.push({ growth: { constructs: round(growth, 3), l1: round(l1Growth, 3), ratio: round(growth / l1Growth, 3) } });
  return { rows, targets, figures, largestConstructsOutput: keep };
}
