// Packs this package as a fresh clone would and installs the tarball, as a user's infra repo would.
// Used by the packaging tests and the import benchmark.
//
// - `packClean(dir)`: copies the files git tracks, and the untracked ones it does not ignore, as they
//   are in the working tree (so no dist/, no .jsii) into DIR/clone, links node_modules, and runs
//   `npm pack` there: npm's `prepack` (scripts/prepack.js) must build everything the tarball needs.
//   The repository's own dist/ is never touched, so tests reading it can run alongside.
// - `installTarball(tarball, project)`: installs it offline (from the npm cache `npm ci` filled)
//   beside cdktf and constructs into a scratch project.
//
// cdktf and constructs are named by their registry tarball URLs, not `name@version`: `npm ci` caches
// the tarballs it installs but never the registry's package documents (packuments), so on a machine
// whose cache only `npm ci` filled, `npm install --offline cdktf@0.21.0` fails with ERESOLVE
// ("Found: cdktf@undefined"). A tarball URL is served from the cache by itself.
'use strict';
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const ROOT = path.join(__dirname, '..');
const PKG = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

function registryTarball(registry, name, version) {
  const base = registry.endsWith('/') ? registry : `${registry}/`;
  const file = `${name.split('/').pop()}-${version}.tgz`;
  return `${base}${name}/-/${file}`;
}

/** The working tree as a fresh clone of it would be: git's files only, node_modules linked. */
function cleanCopy(dest) {
  const listed = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  for (const rel of listed.split('\0').filter(Boolean)) {
    const from = path.join(ROOT, rel);
    // A tracked file deleted in the working tree, or node_modules itself (a tracked symlink in worktrees).
    if (rel === 'node_modules' || !fs.existsSync(from) || !fs.lstatSync(from).isFile()) continue;
    fs.mkdirSync(path.dirname(path.join(dest, rel)), { recursive: true });
    fs.copyFileSync(from, path.join(dest, rel));
  }
  fs.symlinkSync(fs.realpathSync(path.join(ROOT, 'node_modules')), path.join(dest, 'node_modules'), 'dir');
  return dest;
}

/** Packs a clean copy of the working tree into `dir`; returns the tarball's path. */
function packClean(dir) {
  const clone = cleanCopy(path.join(dir, 'clone'));
  const out = path.join(dir, 'tarball');
  fs.mkdirSync(out);
  execFileSync('npm', ['pack', '--pack-destination', out], {
    cwd: clone,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, CHECKPOINT_DISABLE: '1', npm_config_update_notifier: 'false' },
    maxBuffer: 64 * 1024 * 1024,
  });
  const tarballs = fs.readdirSync(out).filter((f) => f.endsWith('.tgz'));
  if (tarballs.length !== 1) throw new Error(`npm pack wrote ${tarballs.length} tarballs into ${out}`);
  return path.join(out, tarballs[0]);
}

/** The registry tarball URLs of cdktf and constructs at the versions this repository develops against. */
function peerTarballs() {
  const registry = execFileSync('npm', ['config', 'get', 'registry'], { cwd: ROOT, encoding: 'utf8' }).trim();
  return ['cdktf', 'constructs'].map((name) => registryTarball(registry, name, PKG.devDependencies[name]));
}

/** Installs the tarball and its peers offline into `project` (created with a minimal package.json). */
function installTarball(tarball, project) {
  fs.mkdirSync(project, { recursive: true });
  if (!fs.existsSync(path.join(project, 'package.json'))) {
    fs.writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'scratch-infra', version: '1.0.0', private: true }));
  }
  execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', tarball, ...peerTarballs()], {
    cwd: project,
    stdio: 'pipe',
    env: { ...process.env, CHECKPOINT_DISABLE: '1', npm_config_update_notifier: 'false' },
  });
  return project;
}

/** packClean + installTarball into DIR/project; returns { tarball, project }. */
function packAndInstall(dir) {
  const tarball = packClean(dir);
  const project = installTarball(tarball, path.join(dir, 'project'));
  return { tarball, project };
}

module.exports = { cleanCopy, packClean, installTarball, packAndInstall };
