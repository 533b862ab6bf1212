// Import cost: cold `require` of the installed tarball's main in a fresh process, against
// `require('cdktf')` alone, alternating, in a scratch project that installed the packed tarball.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { Target, atMost, median, round, spread } from './stats';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { packAndInstall } = require('../../scripts/pack-install.js');

const MEASURE = (module: string) =>
  `const t = process.hrtime.bigint(); require(${JSON.stringify(module)}); process.stdout.write(String(Number(process.hrtime.bigint() - t) / 1e6));`;

export interface ImportResult {
  readonly runs: number;
  readonly oursMs: number[];
  readonly cdktfMs: number[];
  readonly targets: Target[];
  readonly details: Record<string, unknown>;
}

export function importBench(scratch: string, runs = 21): ImportResult {
  const { project } = packAndInstall(scratch);
  for (const [file, module] of [
    ['ours.js', 'cdktf-teleport'],
    ['cdktf.js', 'cdktf'],
  ])
    fs.writeFileSync(path.join(project, file), MEASURE(module));
  const once = (file: string) =>
    Number(execFileSync(process.execPath, [file], { cwd: project, encoding: 'utf8', env: { ...process.env, CHECKPOINT_DISABLE: '1' } }));
  once('ours.js'); // fill the OS file cache for both before measuring
  once('cdktf.js');
  const oursMs: number[] = [];
  const cdktfMs: number[] = [];
  for (let i = 0; i < runs; i++) {
    oursMs.push(once('ours.js'));
    cdktfMs.push(once('cdktf.js'));
  }
  const ratio = median(oursMs) / median(cdktfMs);
  return {
    runs,
    oursMs,
    cdktfMs,
    targets: [atMost('import: require(cdktf-teleport) / require(cdktf), medians', ratio, 1.15, 'ratio')],
    details: {
      oursMedianMs: round(median(oursMs)),
      cdktfMedianMs: round(median(cdktfMs)),
      oursSpreadMs: spread(oursMs),
      cdktfSpreadMs: spread(cdktfMs),
    },
  };
}
