#!/usr/bin/env node
// npm's `prepack` (runs before `npm pack` and `npm publish`): builds everything the tarball ships
// from the sources alone, so a fresh clone packs a complete package. It removes what an earlier
// build left (dist/lib, .jsii: a module deleted from lib/ must not ship), then runs jsii, which
// compiles lib/ into dist/lib (JavaScript and .d.ts) and writes the .jsii assembly, and the
// post-compile steps (lazy L1 exports, precompiled validators). It fails if a file the package
// needs is missing afterwards.
'use strict';
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const ROOT = path.join(__dirname, '..');

/** Files the published package cannot work without (package.json main/types/bin and the check). */
const REQUIRED = [
  'dist/lib/index.js',
  'dist/lib/index.d.ts',
  'dist/lib/cli/main.js',
  'dist/lib/check/precompiled-validators/resource_teleport_role.js',
  '.jsii',
];

function main() {
  fs.rmSync(path.join(ROOT, 'dist', 'lib'), { recursive: true, force: true });
  fs.rmSync(path.join(ROOT, '.jsii'), { force: true });
  const [command, ...prefix] = process.env.npm_execpath ? [process.execPath, process.env.npm_execpath] : ['npm'];
  execFileSync(command, [...prefix, 'run', '--silent', 'jsii'], { cwd: ROOT, stdio: 'inherit' });
  const missing = REQUIRED.filter((f) => !fs.existsSync(path.join(ROOT, f)));
  if (missing.length) {
    process.stderr.write(`prepack: the build did not write ${missing.join(', ')}; the tarball would be incomplete\n`);
    process.exit(1);
  }
}

main();
