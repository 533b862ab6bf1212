// Helpers for the cdktn tests: the cdktn-teleport build (scripts/build-cdktn.js, redone only when a
// source changed), scratch projects that install tarballs as a user's repo would, running an app
// in them, and comparing what the two cores write.
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { filesBelow } from '../support/synth';

export const ROOT = path.resolve(__dirname, '..', '..');
/** Long enough for a jsii compile and an npm install on a loaded two-core machine. */
export const BUILD_TIMEOUT = 15 * 60 * 1000;

export interface CdktnBuild {
  /** build/cdktn: the staging directory (package.json, .jsii, dist/lib, dist/examples). */
  readonly staging: string;
  readonly tarball: string;
}

/** Builds cdktn-teleport (or finds it up to date); parallel test files wait for one build. */
export function cdktnBuild(): CdktnBuild {
  const out = execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'build-cdktn.js'), '--quiet'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  return JSON.parse(out.trim().split('\n').pop()!);
}

/** The version of a package installed in this checkout (cdktf, constructs, ...). */
export function installedVersion(name: string, from = ROOT): string {
  return JSON.parse(fs.readFileSync(require.resolve(`${name}/package.json`, { paths: [from] }), 'utf8')).version;
}

/** A registry package named by its tarball URL: npm serves it from the cache that `npm ci` filled. */
export function registryTarball(name: string, version: string): string {
  const registry = execFileSync('npm', ['config', 'get', 'registry'], { encoding: 'utf8' }).trim().replace(/\/?$/, '/');
  return `${registry}${name}/-/${name.split('/').pop()}-${version}.tgz`;
}

/**
 * A scratch project in `dir` that installs `specs` (tarball paths or URLs) as a user would, without
 * npm adding peers by itself (every test names the cores it wants) and without bin links.
 */
export function scratchProject(dir: string, specs: readonly string[], extraArgs: readonly string[] = []): string {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'scratch-infra', version: '1.0.0', private: true }));
  const args = ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', '--legacy-peer-deps', ...extraArgs, ...specs];
  execFileSync('npm', args, { cwd: dir, stdio: 'pipe', env: { ...process.env, CHECKPOINT_DISABLE: '1' } });
  return dir;
}

/** Sets the dependencies a project's package.json declares (what the load-time core check reads). */
export function declareDependencies(project: string, names: readonly string[]): void {
  const file = path.join(project, 'package.json');
  const manifest = JSON.parse(fs.readFileSync(file, 'utf8'));
  manifest.dependencies = Object.fromEntries(names.map((n) => [n, '*']));
  fs.writeFileSync(file, JSON.stringify(manifest, null, 2));
}

export interface NodeRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `node <args>` in `cwd` (the Node given, or this one), with cdktf's and cdktn's telemetry off. */
export function runNode(cwd: string, args: readonly string[], env: Record<string, string> = {}, node = process.execPath): NodeRun {
  const r = spawnSync(node, args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, CHECKPOINT_DISABLE: '1', DISABLE_VERSION_CHECK: '1', ...env },
    timeout: 5 * 60 * 1000,
  });
  return { status: r.status, stdout: r.stdout ?? '', stderr: `${r.stderr ?? ''}${r.error ? `\n${r.error.message}` : ''}` };
}

/**
 * Synthesizes the examples app on cdktf into `outdir`: this checkout's compiled examples (dist/, from
 * `npm run build`, which npm test runs first), in a child process like the cdktn side.
 */
/** Synthesizes the examples app on cdktf into `outdir`; returns what it printed on stderr (its annotations). */
export function synthCdktfExamples(outdir: string): string {
  const main = path.join(ROOT, 'dist', 'examples', 'main.js');
  const run = runNode(process.cwd(), [main], { CDKTF_OUTDIR: outdir });
  if (run.status !== 0) throw new Error(`${main} failed (${run.status}; npm run build makes it):\n${run.stderr}`);
  return run.stderr;
}

/** The stacks of an outdir, each stack's cdk.tf.json text by stack name. */
export function stackFiles(outdir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const rel of filesBelow(path.join(outdir, 'stacks')).filter((f) => f.endsWith('cdk.tf.json'))) {
    out.set(path.dirname(rel), fs.readFileSync(path.join(outdir, 'stacks', rel), 'utf8'));
  }
  return out;
}

/**
 * A cdk.tf.json text with the two differences the cores are allowed: the version stamp
 * `//.metadata.version` (checked to be `coreVersion`, then blanked), and the whitespace inside an
 * empty object or array (cdktf 0.21 writes with json-stable-stringify, `{\n  }`; cdktn 0.24 with
 * safe-stable-stringify, `{}`). Anything else that differs stays different.
 */
export function normalizedStack(text: string, coreVersion: string): string {
  expect(JSON.parse(text)['//'].metadata.version).toBe(coreVersion);
  const stamp = `"version": "${coreVersion}"`;
  expect(text.indexOf(stamp)).toBeGreaterThan(0);
  // The stamp is the first "version" of the file: "//" sorts before every other top-level key.
  expect(text.indexOf('"version"')).toBe(text.indexOf(stamp));
  return text.replace(stamp, '"version": "<core version>"').replace(/([{[])\n\s*([}\]])/g, '$1$2');
}

/** Expects two outdirs (cdktf's, cdktn's) to hold the same stacks, identical but for normalizedStack's differences. */
export function expectSameStacks(cdktfOut: string, cdktnOut: string, expectedStacks: readonly string[]): void {
  const a = stackFiles(cdktfOut);
  const b = stackFiles(cdktnOut);
  expect([...a.keys()].sort()).toEqual([...expectedStacks].sort());
  expect([...b.keys()].sort()).toEqual([...expectedStacks].sort());
  const [va, vb] = [installedVersion('cdktf'), cdktnVersion()];
  for (const name of expectedStacks) {
    expect({ stack: name, json: JSON.parse(a.get(name)!).resource }).toEqual({ stack: name, json: JSON.parse(b.get(name)!).resource });
    expect({ stack: name, text: normalizedStack(a.get(name)!, va) }).toEqual({ stack: name, text: normalizedStack(b.get(name)!, vb) });
  }
}

/** The cdktn version cdktn-teleport is built and tested against (scripts/cdktn/build-deps). */
export function cdktnVersion(): string {
  return JSON.parse(fs.readFileSync(path.join(ROOT, 'scripts', 'cdktn', 'build-deps', 'package.json'), 'utf8')).dependencies.cdktn;
}

/** The constructs version cdktn-teleport is built and tested against. */
export function cdktnConstructsVersion(): string {
  return JSON.parse(fs.readFileSync(path.join(ROOT, 'scripts', 'cdktn', 'build-deps', 'package.json'), 'utf8')).dependencies.constructs;
}
