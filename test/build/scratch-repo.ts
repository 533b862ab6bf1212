// A scratch copy of this repository as a fresh clone after `npm ci` has it: the files git tracks or
// would track (as they are in the work tree, uncommitted edits included; nothing git ignores, so no
// dist/, cdktf.out/ or build state) and node_modules as a symlink to this checkout's. Used by the
// build tests and the build benchmark (bench/build-bench.ts).
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/** The repository: the first folder above this module with a package.json (from test/build/ or dist/test/build/). */
function findRepoRoot(): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${__dirname}`);
    dir = parent;
  }
  return dir;
}

export const REPO_ROOT = findRepoRoot();

/** Copies the repository into a new folder below the system's temporary folder; returns it. */
export function scratchRepo(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const listing = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: REPO_ROOT, maxBuffer: 64 << 20 });
  for (const rel of listing.toString('utf8').split('\0')) {
    const from = path.join(REPO_ROOT, rel);
    if (rel === '' || !fs.existsSync(from)) continue; // a tracked file deleted in the work tree
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.copyFileSync(from, path.join(dir, rel));
  }
  fs.symlinkSync(fs.realpathSync(path.join(REPO_ROOT, 'node_modules')), path.join(dir, 'node_modules'), 'dir');
  return dir;
}

export interface Run {
  readonly code: number;
  readonly output: string;
}

/** Runs a shell command line in `cwd` (as npm and the cdktf CLI do), with cdktf's checkpoint off; stdout and stderr together. */
export function run(cwd: string, commandLine: string, timeoutMs = 300_000): Run {
  const env: NodeJS.ProcessEnv = { ...process.env, CHECKPOINT_DISABLE: '1' };
  delete env.CDKTF_OUTDIR; // synth into the copy's own cdktf.out
  const r = spawnSync('sh', ['-c', `${commandLine} 2>&1`], { cwd, encoding: 'utf8', timeout: timeoutMs, env, maxBuffer: 16 << 20 });
  if (r.error) throw r.error;
  return { code: r.status ?? -1, output: r.stdout };
}

/** Replaces the one occurrence of `from` in a file below `root` (fails when there is not exactly one). */
export function editOnce(root: string, rel: string, from: string, to: string): void {
  const file = path.join(root, rel);
  const text = fs.readFileSync(file, 'utf8');
  const count = text.split(from).length - 1;
  if (count !== 1) throw new Error(`${rel}: expected one occurrence of ${JSON.stringify(from)}, found ${count}; the test's edit needs updating`);
  fs.writeFileSync(file, text.replace(from, to));
}

/** The one TypeScript file below `root`/`dir` that contains `text`, relative to `root` (fails unless exactly one does). */
export function fileContaining(root: string, dir: string, text: string): string {
  const found: string[] = [];
  const walk = (rel: string): void => {
    for (const entry of fs.readdirSync(path.join(root, rel), { withFileTypes: true })) {
      const child = path.join(rel, entry.name);
      if (entry.isDirectory()) walk(child);
      else if (entry.name.endsWith('.ts') && fs.readFileSync(path.join(root, child), 'utf8').includes(text)) found.push(child);
    }
  };
  walk(dir);
  if (found.length !== 1) throw new Error(`expected one file below ${dir}/ with ${JSON.stringify(text)}, found ${found.length}; the edit needs updating`);
  return found[0];
}
