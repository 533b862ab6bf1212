// npm run bench: every benchmark, as ratios against baselines measured in the same run, and the
// README's main command in seconds. Prints a table and writes bench/results.json ({ machine, date,
// targets: [{name, value, target, unit, met}], figures: [{name, value, unit}], details }). Not part
// of npm test.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildBench } from './build-bench';
import { checkBench } from './check-bench';
import { importBench } from './import-bench';
import { Figure, Target } from './stats';
import { synthBench } from './synth-bench';

process.env.CHECKPOINT_DISABLE = '1';

function section<T>(name: string, run: () => T): T {
  const start = Date.now();
  process.stderr.write(`bench: ${name}...\n`);
  const result = run();
  process.stderr.write(`bench: ${name} done in ${((Date.now() - start) / 1000).toFixed(1)} s\n`);
  return result;
}

async function main(): Promise<void> {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'cdktf-teleport-bench-'));
  const started = Date.now();
  const loadAtStart = os.loadavg();
  try {
    const build = section('build (npm run synth)', () => buildBench());
    const imp = section('import', () => importBench(path.join(scratch)));
    const synth = section('synth scale', () => synthBench(fs.mkdtempSync(path.join(scratch, 'synth-'))));
    const check = section('offline check', () => checkBench(synth.largestConstructsOutput));
    const validator = await section(
      'validator',
      () => require('./validator-bench').validatorBench() as Promise<{ targets: Target[]; figures: Figure[]; details: Record<string, unknown> }>,
    );
    const access = section('access map', () => require('./access-bench').accessBench(scratch) as { targets: Target[] });
    const targets: Target[] = [...build.targets, ...imp.targets, ...synth.targets, ...validator.targets, ...check.targets, ...access.targets];
    const figures: Figure[] = [...build.figures, ...synth.figures, ...validator.figures];
    const results = {
      date: new Date().toISOString(),
      machine: {
        cpus: os.cpus().length,
        cpuModel: os.cpus()[0]?.model,
        memoryGb: Math.round(os.totalmem() / 2 ** 30),
        node: process.version,
        platform: `${os.platform()} ${os.release()}`,
        // 1, 5 and 15 minute load averages: above ~2 on this 2-core machine, other work shared it.
        loadAverage: { start: loadAtStart.map((l) => Number(l.toFixed(2))), end: os.loadavg().map((l) => Number(l.toFixed(2))) },
      },
      durationSeconds: Math.round((Date.now() - started) / 1000),
      targets,
      figures,
      details: { build: build.details, import: imp.details, synth: synth.rows, validator: validator.details, check: check.details },
    };
    fs.writeFileSync(path.join(__dirname, '..', '..', 'bench', 'results.json'), JSON.stringify(results, null, 2) + '\n');
    const width = Math.max(...[...targets, ...figures].map((t) => t.name.length));
    process.stdout.write(`\n${'target'.padEnd(width)}  ${'value'.padStart(12)}  ${'goal'.padEnd(12)} met\n`);
    for (const t of targets) {
      process.stdout.write(
        `${t.name.padEnd(width)}  ${`${t.value} ${t.unit === 'ratio' ? 'x' : t.unit}`.padStart(12)}  ${t.target.padEnd(12)} ${t.met ? 'yes' : 'NO'}\n`,
      );
    }
    process.stdout.write(`\nreported, no target:\n`);
    for (const f of figures) process.stdout.write(`${f.name.padEnd(width)}  ${`${f.value} ${f.unit === 'ratio' ? 'x' : f.unit}`.padStart(12)}\n`);
    process.stdout.write(
      `load average (1, 5, 15 min) at start ${results.machine.loadAverage.start.join(', ')}, at end ${results.machine.loadAverage.end.join(', ')}\n`,
    );
    process.stdout.write(`\nsynth detail:\n`);
    for (const row of synth.rows) process.stdout.write(`  ${JSON.stringify(row)}\n`);
    process.stdout.write(`\nwrote bench/results.json (${results.durationSeconds} s)\n`);
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

main().catch((e) => {
  process.stderr.write(`bench failed: ${(e as Error).message}\n`);
  process.exit(1);
});
