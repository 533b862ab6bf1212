// The scratch project's toolchain (cdktf-cli, typescript, @types/node), linked from this repository's
// node_modules rather than installed: `npm install --offline` cannot resolve them (the npm cache
// `npm ci` filled has their tarballs but not the registry's package documents), and an online
// install of cdktf-cli's tree is slow and needs the registry. The linked copies are the versions the
// lockfile pinned, and the packaging test checks that they are the ranges docs/getting-started.md
// tells users to install. Bin links are made as npm makes them (node_modules/.bin/<name>).
import { execFile } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

const REPO_MODULES = fs.realpathSync(path.join(__dirname, '..', '..', 'node_modules'));

/** Links each package of this repository's node_modules into `project`'s, with its bin links. */
export function linkFromRepo(project: string, names: string[]): void {
  const modules = path.join(project, 'node_modules');
  fs.mkdirSync(path.join(modules, '.bin'), { recursive: true });
  for (const name of names) {
    const target = path.join(modules, name);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.symlinkSync(path.join(REPO_MODULES, name), target, 'dir');
    const pkg = JSON.parse(fs.readFileSync(path.join(REPO_MODULES, name, 'package.json'), 'utf8'));
    const bins: Record<string, string> = typeof pkg.bin === 'string' ? { [name.split('/').pop()!]: pkg.bin } : (pkg.bin ?? {});
    for (const [bin, file] of Object.entries(bins)) fs.symlinkSync(path.join('..', name, file), path.join(modules, '.bin', bin));
  }
}

/** The version of a package as installed (or linked) in `project`. */
export function installedVersion(project: string, name: string): string {
  return JSON.parse(fs.readFileSync(path.join(project, 'node_modules', name, 'package.json'), 'utf8')).version;
}

export interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a command to its end (never rejects): exit code and output. */
export function run(cmd: string, args: string[], cwd: string, env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(cmd, args, { cwd, env: { ...process.env, CHECKPOINT_DISABLE: '1', ...env }, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}
