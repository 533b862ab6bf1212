// The examples app synthesized with both cores: cdktf (this checkout's dist/) and cdktn (the
// same examples compiled into the cdktn-teleport build, in a child process). The stacks must be the
// same but for the version stamp and the whitespace of empty objects; the CLI, which only reads
// JSON, must say the same about both.
import * as fs from 'fs';
import * as path from 'path';
import { runCli } from '../support/cli';
import { tempDir } from '../support/synth';
import { BUILD_TIMEOUT, CdktnBuild, cdktnBuild, cdktnVersion, expectSameStacks, runNode, stackFiles, synthCdktfExamples } from './support';

const STACKS = ['from-yaml-leaf', 'one-stack', 'root-two-leaves', 'seed-l1-leaf', 'seed-l1-root', 'two-stack-leaf', 'two-stack-root'];

let build: CdktnBuild;
let dir: string;
let cdktfOut: string;
let cdktnOut: string;
beforeAll(() => {
  build = cdktnBuild();
  dir = tempDir('cdktn-examples-');
  cdktfOut = path.join(dir, 'cdktf.out');
  cdktnOut = path.join(dir, 'cdktn.out');
  synthCdktfExamples(cdktfOut);
  // The same working directory as this process: the local backend's state path is absolute.
  const run = runNode(process.cwd(), [path.join(build.staging, 'dist', 'examples', 'main.js')], { CDKTF_OUTDIR: cdktnOut });
  if (run.status !== 0) throw new Error(`the cdktn examples app failed (${run.status}):\n${run.stderr}`);
}, BUILD_TIMEOUT);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test('the cdktn examples ran on cdktn, not on cdktf', () => {
  const core = require.resolve('cdktn/package.json', { paths: [build.staging] });
  expect(core.startsWith(path.join(build.staging, 'node_modules'))).toBe(true);
  for (const text of stackFiles(cdktnOut).values()) expect(JSON.parse(text)['//'].metadata.version).toBe(cdktnVersion());
  expect(fs.readFileSync(path.join(build.staging, 'dist', 'examples', 'main.js'), 'utf8')).not.toMatch(/require\("cdktf"\)/);
});

test('every example stack is the same with both cores, but for the version stamp and empty-object whitespace', () => {
  expectSameStacks(cdktfOut, cdktnOut, STACKS);
  // The whitespace difference is real (so the normalization is needed, and only that one).
  const [a, b] = [stackFiles(cdktfOut).get('one-stack')!, stackFiles(cdktnOut).get('one-stack')!];
  expect(a).toMatch(/"deny": \{\n\s+\}/);
  expect(b).toContain('"deny": {}');
});

test.each(['check', 'validate'])('%s gives the same findings on the output of both cores', async (command) => {
  const args = command === 'validate' ? ['--offline'] : [];
  const fromCdktf = await runCli([command, cdktfOut, ...args, '--json']);
  const fromCdktn = await runCli([command, cdktnOut, ...args, '--json']);
  expect(fromCdktn.code).toBe(fromCdktf.code);
  expect(fromCdktn.report.ok).toBe(true);
  expect(fromCdktn.report.findings).toEqual(fromCdktf.report.findings);
  const human = await runCli([command, cdktnOut, ...args]);
  expect(human.code).toBe(0);
  expect(human.stdout).toContain(`${STACKS.length} stack(s)`);
});
