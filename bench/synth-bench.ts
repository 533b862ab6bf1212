// Synth scale: (a) constructs vs (b) raw L1 bindings, same JSON (asserted before timing), each run
// in a fresh process; wall time, peak RSS and the floor (stringify + write the document), medians;
// also whole cold processes (start, import, first synth) at the smaller sizes.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { Figure, Target, atMost, figure, median, round } from './stats';

interface ChildResult {
  mode: string;
  units: number;
  cold: boolean;
  synthMs: number;
  coldMs: number;
  firstSynthMs: number;
  floorMs: number;
  maxRssKb: number;
}

/** Resources per unit in the fixtures (two roles, two tokens, one trusted cluster). */
const PER_UNIT = 5;
/**
 * Steady-state pairs per size (after an untimed pair that proves the outputs equal), and cold-process
 * pairs (none at 5,000: one such child takes ~30 s here, and the fixed cost a cold process adds is
 * measured at the smaller sizes). Sized so `npm run bench` stays under 10 minutes on 2 cores.
 */
export const SIZES: { resources: number; repeats: number; coldRepeats: number; warmUps: number }[] = [
  { resources: 10, repeats: 9, coldRepeats: 9, warmUps: 10 },
  { resources: 100, repeats: 9, coldRepeats: 7, warmUps: 10 },
  { resources: 1000, repeats: 5, coldRepeats: 3, warmUps: 3 },
  { resources: 5000, repeats: 3, coldRepeats: 0, warmUps: 3 },
];

/** One fresh process; `warm` is the number of small warm-up synths, or 'cold' for none at all. */
function child(mode: 'constructs' | 'l1', resources: number, outdir: string, warm: number | 'cold'): ChildResult {
  fs.rmSync(outdir, { recursive: true, force: true });
  const args = [path.join(__dirname, 'synth-child.js'), mode, String(resources / PER_UNIT), outdir, String(warm)];
  const out = execFileSync(process.execPath, args, {
    encoding: 'utf8',
    env: { ...process.env, CHECKPOINT_DISABLE: '1' },
    maxBuffer: 1 << 20,
  });
  return JSON.parse(out.trim().split('\n').pop()!);
}

const stackFile = (outdir: string) => path.join(outdir, 'stacks', 'scale', 'cdk.tf.json');

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
  for (const { resources, repeats, coldRepeats, warmUps } of SIZES) {
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
        oursCold.push(child('constructs', resources, a, 'cold'));
        baseCold.push(child('l1', resources, b, 'cold'));
      }
    }
    const m = (list: ChildResult[], k: keyof ChildResult) => median(list.map((r) => Number(r[k])));
    const ratio = m(ours, 'synthMs') / m(base, 'synthMs');
    const coldRatio = coldRepeats ? m(oursCold, 'coldMs') / m(baseCold, 'coldMs') : NaN;
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
      // Not a target: one whole `cdktf synth` process. Its fixed part (loading the constructs and the
      // schema check's validators once) dominates small stacks; see bench/README.md.
      ...(coldRepeats
        ? {
            coldRepeats,
            coldProcessMs: {
              constructs: round(m(oursCold, 'coldMs')),
              l1: round(m(baseCold, 'coldMs')),
              ratio: round(coldRatio, 3),
              extraMs: round(m(oursCold, 'coldMs') - m(baseCold, 'coldMs')),
            },
            coldMaxRssMb: { constructs: round(m(oursCold, 'maxRssKb') / 1024, 1), l1: round(m(baseCold, 'maxRssKb') / 1024, 1) },
          }
        : {}),
    });
    targets.push(atMost(`synth ${resources} resources: constructs / L1, medians (steady state)`, ratio, 1.15, 'ratio'));
  }
  // Growth from 1,000 to 5,000 resources: cdktf's own resolve grows faster than linearly (the raw
  // L1's growth moved between 4.1x and 6.3x in runs on this machine), so the target is the
  // constructs' growth over the L1's in the same run: what the constructs add to cdktf's curve.
  const growth = medianMs[5000] / medianMs[1000];
  const l1Growth = baseMs[5000] / baseMs[1000];
  targets.push(atMost("synth growth 1,000 -> 5,000 resources: constructs' / raw L1's (same run)", growth / l1Growth, 1.1, 'ratio'));
  const figures = [
    figure('synth time 5,000 / 1,000 resources, constructs (linear = 5)', growth, 'ratio'),
    figure('synth time 5,000 / 1,000 resources, raw L1 (linear = 5)', l1Growth, 'ratio'),
  ];
  rows.push({ growth: { constructs: round(growth, 3), l1: round(l1Growth, 3), ratio: round(growth / l1Growth, 3) } });
  return { rows, targets, figures, largestConstructsOutput: keep };
}
