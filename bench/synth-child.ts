// One synth measurement in a fresh process:
//   node dist/bench/synth-child.js <constructs|l1> <units> <outdir> [cold]
// Prints one JSON line: build + synth wall time, the floor (stringify + write the final document),
// and this process's peak RSS. Mode l1 never loads the constructs. With `cold`, there is no warm-up
// and `coldMs` is the time from process start to the end of synth: what one `cdktf synth` costs
// (Node start, imports, first synth with its lazy loads, build and write).
import * as fs from 'fs';
import * as path from 'path';
import { App, TerraformStack } from 'cdktf';

process.env.CHECKPOINT_DISABLE = '1';
const [mode, unitsArg, outdir, coldArg] = process.argv.slice(2);
const cold = coldArg === 'cold';
const units = Number(unitsArg);
fs.mkdirSync(outdir, { recursive: true });

function makeApp(dir: string): App {
  if (mode === 'constructs') {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { TeleportApp } = require('../lib/app/teleport-app');
    return new TeleportApp({ outdir: dir });
  }
  return new App({ outdir: dir });
}

function build(stack: TerraformStack, n: number): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  if (mode === 'constructs') require('./fixtures/constructs-stack').buildWithConstructs(stack, n);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  else require('./fixtures/l1-stack').buildWithL1(stack, n);
}

// Warm up with a small synth of the same kind, so the timing is the steady-state cost of synth:
// module import is the import benchmark's business, and the one-time first-synth cost (lazy loads
// such as the check's validators) is reported on its own as `firstSynthMs`.
let firstSynthMs = 0;
if (!cold) {
  const warmStart = process.hrtime.bigint();
  const warm = makeApp(path.join(outdir, 'warm'));
  build(new TerraformStack(warm, 'warm'), 2);
  warm.synth();
  firstSynthMs = Number(process.hrtime.bigint() - warmStart) / 1e6;
  fs.rmSync(path.join(outdir, 'warm'), { recursive: true, force: true });
}

const start = process.hrtime.bigint();
const app = makeApp(outdir);
build(new TerraformStack(app, 'scale'), units);
app.synth();
const synthMs = Number(process.hrtime.bigint() - start) / 1e6;
const coldMs = performance.now();

const file = path.join(outdir, 'stacks', 'scale', 'cdk.tf.json');
const doc = JSON.parse(fs.readFileSync(file, 'utf8'));
const floorStart = process.hrtime.bigint();
fs.writeFileSync(path.join(outdir, 'floor.json'), JSON.stringify(doc, null, 2));
const floorMs = Number(process.hrtime.bigint() - floorStart) / 1e6;

process.stdout.write(JSON.stringify({ mode, units, cold, synthMs, coldMs, firstSynthMs, floorMs, maxRssKb: process.resourceUsage().maxRSS }) + '\n');
