// Installs a committed lockfile (npm ci) into a directory once, and again only when the lockfile (or
// anything else in `key`) changes: a stamp file beside node_modules records what was installed. Used
// by build-cdktn.js (cdktn + constructs in the staging directory) and cdktn-toolchain.js (cdktn-cli,
// Node 22). npm's cache keeps the tarballs, so a reinstall after a change is quick.
'use strict';
const crypto = require('crypto');
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const STAMP = '.installed-from';

/** sha256 over the given strings and the contents of the given files, in order. */
function hashOf(parts) {
  const h = crypto.createHash('sha256');
  for (const p of parts) {
    h.update(typeof p === 'string' ? p : fs.readFileSync(p.file));
    h.update('\0');
  }
  return h.digest('hex');
}

function stampOf(dest) {
  try {
    return fs.readFileSync(path.join(dest, 'node_modules', STAMP), 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * Makes `dest/node_modules` what `npm ci` makes of `lockDir`'s package.json and package-lock.json.
 * `extra` (strings or {file}) joins the stamp; `after(dest)` runs after a fresh install, before the
 * stamp is written. Returns true when it installed, false when the stamp said it was up to date.
 * @param {string} lockDir
 * @param {string} dest
 * @param {{ extra?: any[], after?: (dest: string) => void }} [options]
 */
function installLocked(lockDir, dest, { extra = [], after } = {}) {
  const manifest = path.join(lockDir, 'package.json');
  const lock = path.join(lockDir, 'package-lock.json');
  const key = hashOf([{ file: manifest }, { file: lock }, ...extra]);
  if (stampOf(dest) === key && fs.existsSync(path.join(dest, 'node_modules'))) return false;
  fs.rmSync(path.join(dest, 'node_modules'), { recursive: true, force: true });
  fs.mkdirSync(dest, { recursive: true });
  fs.copyFileSync(manifest, path.join(dest, 'package.json'));
  fs.copyFileSync(lock, path.join(dest, 'package-lock.json'));
  const run = spawnSync('npm', ['ci', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error'], {
    cwd: dest,
    encoding: 'utf8',
    env: { ...process.env, CHECKPOINT_DISABLE: '1' },
  });
  if (run.status !== 0) {
    throw new Error(
      `npm ci in ${dest} (from ${path.relative(process.cwd(), lockDir) || lockDir}) failed (${run.error?.message ?? `exit ${run.status}`}):\n${run.stderr}`,
    );
  }
  if (after) after(dest);
  // npm's hidden lockfile would describe the tree as npm ci left it, not as `after` changed it.
  fs.rmSync(path.join(dest, 'node_modules', '.package-lock.json'), { force: true });
  fs.writeFileSync(path.join(dest, 'node_modules', STAMP), key);
  return true;
}

module.exports = { hashOf, installLocked };
