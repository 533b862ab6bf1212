#!/usr/bin/env node
// Post-compile step: removes compiled files in dist/ whose TypeScript source is gone. tsc, jsii and
// esbuild only ever add to dist/, so a deleted or renamed source would leave its old output to be
// loaded: after lib/x/defaults.ts moves to lib/x/defaults/index.ts, require('./defaults') still finds
// the stale dist/lib/x/defaults.js first. Files other steps generate (precompiled validators) stay.
'use strict';
const fs = require('fs');
const path = require('path');
const { DIST, ROOT, runStep } = require('./build-state');

/** The source folders tsc and esbuild compile into dist/<folder>. */
const SOURCE_ROOTS = ['lib', 'examples', 'test', 'bench'];
/** Compiler outputs, by the suffix that replaces the source's `.ts`. */
const OUTPUT = /\.(?:js|js\.map|d\.ts|d\.ts\.map)$/;
/** Folders below dist/ that other build steps write (not compiled from a source file of that name). */
const GENERATED = new Set([path.join('lib', 'check', 'precompiled-validators')]);

/** Removes outputs without a source (and folders left empty); returns the removed paths, relative to dist/. */
function pruneDist() {
  const removed = [];
  const walk = (rel) => {
    const dir = path.join(DIST, rel);
    let entries;
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      if (e.code === 'ENOENT') return;
      throw e;
    }
    for (const entry of entries) {
      const child = path.join(rel, entry.name);
      if (entry.isDirectory()) {
        if (!GENERATED.has(child)) walk(child);
      } else if (OUTPUT.test(entry.name) && !fs.existsSync(path.join(ROOT, child.replace(OUTPUT, '.ts')))) {
        fs.unlinkSync(path.join(DIST, child));
        removed.push(child);
      }
    }
    if (fs.readdirSync(dir).length === 0) fs.rmdirSync(dir);
  };
  for (const top of SOURCE_ROOTS) walk(top);
  return removed;
}

if (require.main === module) runStep('prune-dist', pruneDist);

module.exports = { pruneDist };
