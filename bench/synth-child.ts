// One synth measurement in a fresh process:
//   node dist/bench/synth-child.js <constructs|l1> <units> <outdir> [cold | <warm-ups>]
// Prints one JSON line: build + synth wall time, the floor (stringify + write the final document),
// and this process's peak RSS. Mode l1 never loads the constructs. With `cold`, there is no warm-up
// and `coldMs` is the time from process start to the end of synth: what one `cdktf synth` costs
// (Node start, imports, first synth with its lazy loads, build and write). With BENCH_GUARDRAILS=off
// in the environment, TeleportApp runs with `GuardrailsPack.OFF` (what the guardrails cost, by difference).
import * as fs from 'fs';
import * as path from 'path';
import { App, TerraformStack } from 'cdktf';

process.env.CHECKPOINT_DISABLE = '1';
const [mode, unitsArg, outdir, coldArg] = process.argv.slice(2);
const cold = coldArg === 'cold';
const WARM_UPS = cold ? 0 : Number(coldArg ?? 3);
const units = Number(unitsArg);
fs.mkdirSync(outdir, { recursive: true });

function makeApp(dir: string): App {
  if (mode === 'constructs') {
    // The package's main (dist/lib/index.js, bundled by scripts/bundle-main.js), as a user's app loads it.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { TeleportApp, GuardrailsPack } = require('../lib');
    return new TeleportApp({ outdir: dir, ...(process.env.BENCH_GUARDRAILS === 'off' ? { guardrails: GuardrailsPack.OFF } : {}) });
  }
  return new App({ outdir: dir });
}

function build(stack: TerraformStack, n: number): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  if (mode === 'constructs') require('./fixtures/constructs-stack').buildWithConstructs(stack, n);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  else require('./fixtures/l1-stack').buildWithL1(stack, n);
}

// Warm up with small synths of the same kind, so the timing is the steady-state cost of synth:
// module import is the import benchmark's business, and the one-time first-synth cost (lazy loads
// such as the check's validators) is reported on its own as `firstSynthMs`.
let firstSynthMs = 0;
if (!cold) {
  // Small synths: the first pays the one-time loads (reported as firstSynthMs), the others let the
  // JIT settle (measured here: with 3, a 10-resource synth of the constructs is still ~20 ms of
  // first-run compilation over the L1's; with 10 the two are level), so the figure is steady state.
  for (let i = 0; i < WARM_UPS; i++) {
    const warmStart = process.hrtime.bigint();
    const warm = makeApp(path.join(outdir, `warm${i}`));
    build(new TerraformStack(warm, 'warm'), 2);
    warm.synth();
    if (i === 0) firstSynthMs = Number(process.hrtime.bigint() - warmStart) / 1e6;
    fs.rmSync(path.join(outdir, `warm${i}`), { recursive: true, force: true });
  }
}

const start = process.hrtime.bigint();
const app = makeApp(outdir);
build(new TerraformStack(app, 'scale'), units);
app.synth();
const synthMs = Number(process.hrtime.bigint() - start) / 1e6;
const coldMs = performance.now();
// CPU time of this process so far (user + system): what a busy machine inflates less than wall time.
const cpu = process.cpuUsage();
const cpuMs = (cpu.user + cpu.system) / 1000;

const file = path.join(outdir, 'stacks', 'scale', 'cdk.tf.json');
const doc = JSON.parse(fs.readFileSync(file, 'utf8'));
const floorStart = process.hrtime.bigint();
fs.writeFileSync(path.join(outdir, 'floor.json'), JSON.stringify(doc, null, 2));
const floorMs = Number(process.hrtime.bigint() - floorStart) / 1e6;

process.stdout.write(
  JSON.stringify({ mode, units, cold, synthMs, coldMs, cpuMs, firstSynthMs, floorMs, maxRssKb: process.resourceUsage().maxRSS }) + '\n',
);
