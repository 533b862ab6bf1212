// The bundled runtime dependencies of a package (bundleDependencies and everything they need), read
// from its package-lock.json, and copying them out of its node_modules. build-cdktn.js copies them
// from this checkout's install into the cdktn staging directory, so cdktn-teleport bundles exactly
// the versions cdktf-teleport bundles (npm pack bundles what it finds in node_modules).
'use strict';
const fs = require('fs');
const path = require('path');

/** The lockfile path (`node_modules/a/node_modules/b`) Node would load `name` from, seen from `from`. */
function resolveInLock(packages, from, name) {
  let base = from;
  for (;;) {
    const candidate = `${base ? `${base}/` : ''}node_modules/${name}`;
    if (packages[candidate]) return candidate;
    if (!base) return undefined;
    const at = base.lastIndexOf('/node_modules/');
    base = at < 0 ? '' : base.slice(0, at);
  }
}

/** Every lockfile path the bundled dependencies of `root`'s package.json need, sorted. */
function bundledClosure(root) {
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  const { packages } = JSON.parse(fs.readFileSync(path.join(root, 'package-lock.json'), 'utf8'));
  const seen = new Set();
  const visit = (from, name) => {
    const at = resolveInLock(packages, from, name);
    if (!at) {
      if ((packages[from]?.optionalDependencies ?? {})[name] !== undefined) return;
      throw new Error(`package-lock.json: ${name} (needed by ${from || 'the package'}) is not in the lockfile`);
    }
    if (seen.has(at)) return;
    seen.add(at);
    const entry = packages[at];
    for (const dep of Object.keys({ ...entry.dependencies, ...entry.optionalDependencies })) visit(at, dep);
  };
  for (const name of manifest.bundleDependencies ?? manifest.bundledDependencies ?? []) visit('', name);
  return [...seen].sort();
}

/**
 * Copies the bundled closure from `root/node_modules` into `dest/node_modules`. Top-level packages
 * are copied whole (nested node_modules come along); a nested path is covered by its top-level one.
 */
function copyBundled(root, dest) {
  const closure = bundledClosure(root);
  const topLevel = closure.filter((p) => p.split('/node_modules/').length === 1);
  for (const rel of topLevel) {
    const from = path.join(root, rel);
    const to = path.join(dest, rel);
    if (!fs.existsSync(from)) throw new Error(`${from} is missing: run npm ci first`);
    if (fs.existsSync(to)) throw new Error(`${to} already exists: a bundled dependency of this package is also a dependency of the core`);
    fs.cpSync(from, to, { recursive: true });
  }
  return closure;
}

module.exports = { bundledClosure, copyBundled };
