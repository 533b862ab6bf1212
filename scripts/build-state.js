// What the incremental build steps (transpile.js, precompile-validators.js) remember between runs:
// content hashes of their inputs and outputs, kept in dist/.build/ so that deleting dist/ forgets
// them. Decisions are made on content, never on timestamps: a checkout, a revert or another compiler
// writing the same output (tsc, jsii) is seen for what it is.
'use strict';
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');

const ROOT = path.join(__dirname, '..');
const DIST = path.join(ROOT, 'dist');
const STATE_DIR = path.join(DIST, '.build');

/** sha256 of the parts (strings or buffers), each followed by a separator. */
function hash(...parts) {
  const h = crypto.createHash('sha256');
  for (const part of parts) h.update(part).update('\0');
  return h.digest('hex');
}

/** The hash of a file's content, or 'missing'. */
function hashFile(file) {
  try {
    return hash(fs.readFileSync(file));
  } catch (e) {
    if (e.code === 'ENOENT' || e.code === 'EISDIR') return 'missing';
    throw e;
  }
}

/** One hash of files (paths relative to the repository root) by name and content: a step's inputs. */
function filesHash(files) {
  return hash(...files.map((rel) => `${rel}=${hashFile(path.join(ROOT, rel))}`));
}

/** The state a step saved last time, or undefined (none, or unreadable: the step then starts over). */
function readState(name) {
  try {
    return JSON.parse(fs.readFileSync(path.join(STATE_DIR, `${name}.json`), 'utf8'));
  } catch {
    return undefined;
  }
}

/** Saves a step's state (written whole, then renamed, so a run that is stopped leaves the old state). */
function writeState(name, value) {
  fs.mkdirSync(STATE_DIR, { recursive: true });
  const file = path.join(STATE_DIR, `${name}.json`);
  const temp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temp, JSON.stringify(value));
  fs.renameSync(temp, file);
}

/** Writes `content` to `file` unless it already holds exactly that; true when it wrote. */
function writeIfChanged(file, content) {
  const bytes = Buffer.isBuffer(content) ? content : Buffer.from(content);
  try {
    if (fs.readFileSync(file).equals(bytes)) return false;
  } catch (e) {
    if (e.code !== 'ENOENT') throw e;
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, bytes);
  return true;
}

/** Runs a build step as a script (it may return a promise): its message and exit code 1 on failure, no stack trace. */
function runStep(name, step) {
  const fail = (e) => {
    process.stderr.write(`${name}: ${e.message}\n`);
    process.exit(1);
  };
  try {
    const done = step();
    if (done && typeof done.then === 'function') done.then(undefined, fail);
  } catch (e) {
    fail(e);
  }
}

module.exports = { ROOT, DIST, filesHash, hash, hashFile, readState, writeState, writeIfChanged, runStep };
