// The cold-process synth targets alone (what `npm run bench` measures among the synth scale):
//   npm run build && node dist/bench/cold-synth.js [pairs]
// Alternating fresh processes of synth-child.js at each size whose cold ratio is a target; prints the
// targets and the details (medians, pair-ratio spread, CPU time) as one JSON document. Writes nothing
// to bench/results.json. For a quick look after a change; the committed figures come from npm run bench.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { atMost } from './stats';
import { SIZES, coldPair, coldSummary, coldTargetName } from './synth-bench';

process.env.CHECKPOINT_DISABLE = '1';
const pairsArg = process.argv[2];
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'cdktf-teleport-cold-'));
const loadAtStart = os.loadavg();
try {
  const results = SIZES.filter((s) => s.coldTarget !== undefined).map(({ resources, coldRepeats, coldTarget }) => {
    const a = path.join(scratch, 'a');
    const b = path.join(scratch, 'b');
    coldPair(0, resources, a, b); // untimed: the disk cache, not the code, is cold on the first run
    const pairs = Array.from({ length: pairsArg ? Number(pairsArg) : coldRepeats }, (_, i) => coldPair(i, resources, a, b));
    const cold = coldSummary(
      pairs.map(([o]) => o),
      pairs.map(([, l]) => l),
    );
    return { target: atMost(coldTargetName(resources), cold.ratio, coldTarget!, 'ratio'), resources, ...cold.details };
  });
  const loadAverage = { start: loadAtStart.map((l) => Number(l.toFixed(2))), end: os.loadavg().map((l) => Number(l.toFixed(2))) };
  process.stdout.write(`${JSON.stringify({ loadAverage, results }, null, 2)}\n`);
} finally {
  fs.rmSync(scratch, { recursive: true, force: true });
}
