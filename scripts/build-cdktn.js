#!/usr/bin/env node
// Builds cdktn-teleport, the CDK Terrain (cdktn) build of this library, from this source tree; there
// is no hand-kept copy. Into build/cdktn/ (gitignored), the staging directory:
//   - lib/ and examples/ with every `'cdktf'` module specifier rewritten to `'cdktn'` (the generated
//     bindings in lib/gen too: @cdktf/provider-generator's output compiles against cdktn as it is,
//     see docs/cdktn.md), and lib/core/identity.ts saying `cdktn`;
//   - its own package.json (name cdktn-teleport, peers cdktn ^<version> and constructs in cdktn's own
//     peer range, the same bin, files and bundled dependencies) and a README saying what it is;
//   - node_modules: cdktn and constructs from scripts/cdktn/build-deps (npm ci of a committed
//     lockfile), and the bundled dependencies copied from this checkout's install;
//   - its own jsii compile (.jsii, dist/lib), the same post-compile steps, the examples transpiled
//     into dist/examples (for the equivalence test);
// then `npm pack` into build/cdktn-teleport-<version>.tgz.
//
//   node scripts/build-cdktn.js [--force] [--quiet]
//
// Nothing is redone when no input changed since the last build (a stamp of their hashes); --force
// rebuilds. Parallel runs (test files) wait for each other. The last stdout line is JSON:
// {"staging", "tarball", "built"}.
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const { copyBundled } = require('./cdktn/bundled-deps');
const { hashOf, installLocked } = require('./cdktn/locked-install');

const ROOT = path.resolve(__dirname, '..');
const BUILD = path.join(ROOT, 'build');
const STAGING = path.join(BUILD, 'cdktn');
const BUILD_DEPS = path.join(__dirname, 'cdktn', 'build-deps');
const LIBRARY = 'cdktn-teleport';
const STAMP = path.join(STAGING, '.built-from');

// `from 'cdktf'`, `require('cdktf')`, `import('cdktf')`, and subpaths (`'cdktf/lib/x'`).
const CORE_SPECIFIER = /(\bfrom\s*|\brequire\(\s*|\bimport\(\s*)(['"])cdktf(\/[^'"]*)?\2/g;
const IDENTITY_FILE = path.join('lib', 'core', 'identity.ts');
const IDENTITY_LINE = "export const CORE: CoreName = 'cdktf';";
// What the staging directory gets from the source tree, besides lib/ and examples/ (rewritten).
const COPIED = [
  'bin',
  'proto',
  'schemas',
  'tsconfig.json',
  path.join('scripts', 'lazy-exports.js'),
  path.join('scripts', 'precompile-validators.js'),
  path.join('scripts', 'bundle-main.js'),
  path.join('scripts', 'build-state.js'),
];

function log(quiet, text) {
  if (!quiet) process.stderr.write(`build-cdktn: ${text}\n`);
}

function filesBelow(dir) {
  if (!fs.existsSync(dir)) return [];
  if (fs.statSync(dir).isFile()) return [dir];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap((e) => filesBelow(path.join(dir, e.name)));
}

/** Everything the build reads: a change to any of these rebuilds. */
function inputs() {
  const tools = ['jsii', 'typescript'].map((name) => `${name}@${require(require.resolve(`${name}/package.json`, { paths: [ROOT] })).version}`);
  const files = [
    'lib',
    'examples',
    'README.md',
    'package.json',
    'package-lock.json',
    'scripts/build-cdktn.js',
    'scripts/cdktn/build-deps',
    'scripts/cdktn/bundled-deps.js',
    'scripts/cdktn/locked-install.js',
    ...COPIED,
  ]
    .flatMap((p) => filesBelow(path.join(ROOT, p)))
    .map((file) => [path.relative(ROOT, file), { file }])
    .flat();
  return [...tools, ...files];
}

// ---- the lock: one build at a time; a lock left by a process that died is taken over -------------

function sleep(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === 'EPERM';
  }
}

function withLock(fn) {
  const lock = path.join(BUILD, '.cdktn-build.lock');
  fs.mkdirSync(BUILD, { recursive: true });
  const deadline = Date.now() + 20 * 60 * 1000;
  for (;;) {
    try {
      fs.mkdirSync(lock);
      fs.writeFileSync(path.join(lock, 'pid'), String(process.pid));
      break;
    } catch (e) {
      if (e.code !== 'EEXIST') throw e;
      const owner = Number(fs.existsSync(path.join(lock, 'pid')) ? fs.readFileSync(path.join(lock, 'pid'), 'utf8') : NaN);
      if (Number.isInteger(owner) && !alive(owner)) fs.rmSync(lock, { recursive: true, force: true });
      else if (Date.now() > deadline)
        throw new Error(`${lock} is held by process ${owner} for 20 minutes: remove it if no build is running`, { cause: e });
      else sleep(500);
    }
  }
  try {
    return fn();
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

// ---- the staging directory -------------------------------------------------------------------

/** cdktn and constructs (npm ci of build-deps), then the bundled dependencies of this checkout. */
function installDependencies(quiet) {
  const installed = installLocked(BUILD_DEPS, STAGING, {
    extra: [{ file: path.join(ROOT, 'package-lock.json') }, JSON.stringify(readJson(path.join(ROOT, 'package.json')).bundleDependencies)],
    after: (dest) => copyBundled(ROOT, dest),
  });
  log(quiet, installed ? 'installed cdktn, constructs and the bundled dependencies' : 'dependencies up to date');
}

function readJson(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

/** Rewrites the core's module specifiers of one TypeScript file; returns the text and the count. */
function rewriteCore(text) {
  let count = 0;
  const out = text.replace(CORE_SPECIFIER, (_, lead, quote, sub) => {
    count++;
    return `${lead}${quote}cdktn${sub ?? ''}${quote}`;
  });
  return { text: out, count };
}

function stageSources() {
  let rewrites = 0;
  for (const dir of ['lib', 'examples']) {
    for (const file of filesBelow(path.join(ROOT, dir))) {
      const rel = path.relative(ROOT, file);
      const dest = path.join(STAGING, rel);
      fs.mkdirSync(path.dirname(dest), { recursive: true });
      if (!rel.endsWith('.ts')) {
        fs.copyFileSync(file, dest);
        continue;
      }
      const rewritten = rewriteCore(fs.readFileSync(file, 'utf8'));
      let text = rewritten.text;
      rewrites += rewritten.count;
      if (rel === IDENTITY_FILE) {
        if (text.split(IDENTITY_LINE).length !== 2) throw new Error(`${IDENTITY_FILE}: expected the line \`${IDENTITY_LINE}\` exactly once`);
        text = text.replace(IDENTITY_LINE, IDENTITY_LINE.replace("'cdktf'", "'cdktn'"));
      }
      fs.writeFileSync(dest, text);
    }
  }
  if (rewrites === 0) throw new Error("no `'cdktf'` import found to rewrite: has the source tree changed shape?");
  for (const rel of COPIED) fs.cpSync(path.join(ROOT, rel), path.join(STAGING, rel), { recursive: true });
  return rewrites;
}

/** cdktn-teleport's package.json: this package's, renamed and re-peered; no scripts (npm pack runs none). */
function manifest() {
  const source = readJson(path.join(ROOT, 'package.json'));
  const deps = readJson(path.join(BUILD_DEPS, 'package.json')).dependencies;
  const core = readJson(path.join(STAGING, 'node_modules', 'cdktn', 'package.json'));
  const out = { ...source, name: LIBRARY };
  out.description = source.description.includes('CDK for Terraform')
    ? source.description.replace('CDK for Terraform', 'CDK Terrain (cdktn)')
    : `CDK Terrain (cdktn): ${source.description}`;
  if (Array.isArray(source.keywords)) out.keywords = source.keywords.map((k) => k.replace(/\bcdktf\b/g, 'cdktn'));
  const { cdktf: _cdktf, constructs: _constructs, ...otherPeers } = source.peerDependencies;
  out.peerDependencies = { cdktn: `^${deps.cdktn}`, constructs: core.peerDependencies.constructs, ...otherPeers };
  out.devDependencies = { cdktn: deps.cdktn, constructs: deps.constructs };
  delete out.scripts;
  delete out.overrides;
  return out;
}

/** The package README: what this build is, then this repository's README with the imports rewritten. */
function readme(pkg) {
  const source = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const body = source
    .replace(/\bfrom (['"])cdktf-teleport\1/g, `from $1${LIBRARY}$1`)
    .replace(/\bfrom (['"])cdktf\1/g, 'from $1cdktn$1')
    .replace(/^npm install cdktf-teleport\b.*$/m, `npm install ${LIBRARY} cdktn constructs`);
  return `# ${LIBRARY}

The CDK Terrain (\`cdktn\`) build of \`cdktf-teleport\`: the same constructs, the same CLI and the
same checks, compiled from the same source against \`cdktn ${pkg.peerDependencies.cdktn}\` (constructs
\`${pkg.peerDependencies.constructs}\`). Use \`cdktf-teleport\` with cdktf, this package with cdktn:
an app loads exactly one core, and loading this package in a cdktf project stops with an error that
says so. \`cdktf.json\`, \`cdktf.out/\` and the \`CDKTF_*\` variables stay as they are under cdktn.

\`\`\`sh
npm install ${LIBRARY} cdktn constructs
\`\`\`

Import from \`'cdktn'\` and \`'${LIBRARY}'\`; the CLI is \`cdktf-teleport\` in both packages. The text
below is cdktf-teleport's README with its imports rewritten.

---

${body}`;
}

function run(cmd, args, what) {
  const r = spawnSync(cmd, args, {
    cwd: STAGING,
    encoding: 'utf8',
    env: { ...process.env, CHECKPOINT_DISABLE: '1', JSII_SILENCE_SUPPORT_WARNING: '1' },
    maxBuffer: 64 << 20,
  });
  if (r.status !== 0) throw new Error(`${what} failed (${r.error?.message ?? `exit ${r.status}`}):\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

/** The examples, transpiled (not type-checked: jsii type-checks lib/ against cdktn) into dist/examples. */
function transpileExamples() {
  const ts = require(require.resolve('typescript', { paths: [ROOT] }));
  const { compilerOptions } = readJson(path.join(ROOT, 'tsconfig.json'));
  const options = ts.convertCompilerOptionsFromJson({ ...compilerOptions, sourceMap: false, declaration: false }, ROOT).options;
  for (const file of filesBelow(path.join(STAGING, 'examples')).filter((f) => f.endsWith('.ts'))) {
    const out = path.join(STAGING, 'dist', path.relative(STAGING, file)).replace(/\.ts$/, '.js');
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, ts.transpileModule(fs.readFileSync(file, 'utf8'), { compilerOptions: options, fileName: file }).outputText);
  }
}

function build(quiet) {
  installDependencies(quiet);
  for (const entry of fs.readdirSync(STAGING)) if (entry !== 'node_modules') fs.rmSync(path.join(STAGING, entry), { recursive: true, force: true });
  const rewrites = stageSources();
  const pkg = manifest();
  fs.writeFileSync(path.join(STAGING, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
  fs.writeFileSync(path.join(STAGING, 'README.md'), readme(pkg));
  log(quiet, `staged ${rewrites} rewritten core imports; jsii compile against cdktn ${pkg.devDependencies.cdktn} ...`);
  const jsii = require.resolve('jsii/bin/jsii', { paths: [ROOT] });
  run(process.execPath, [jsii, '--silence-warnings=reserved-word'], 'jsii (cdktn)');
  run(process.execPath, [path.join('scripts', 'lazy-exports.js')], 'lazy-exports (cdktn)');
  run(process.execPath, [path.join('scripts', 'precompile-validators.js')], 'precompile-validators (cdktn)');
  run(process.execPath, [path.join('scripts', 'bundle-main.js')], 'bundle-main (cdktn)');
  transpileExamples();
  for (const old of fs.readdirSync(BUILD).filter((f) => f.startsWith(`${LIBRARY}-`) && f.endsWith('.tgz'))) fs.rmSync(path.join(BUILD, old));
  const packed = JSON.parse(run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', BUILD], 'npm pack (cdktn)'));
  return path.join(BUILD, packed[0].filename);
}

function main(argv) {
  const quiet = argv.includes('--quiet');
  const result = withLock(() => {
    const key = hashOf(inputs());
    const previous = fs.existsSync(STAMP) ? readJson(STAMP) : undefined;
    if (!argv.includes('--force') && previous?.key === key && fs.existsSync(previous.tarball)) {
      log(quiet, 'up to date');
      return { staging: STAGING, tarball: previous.tarball, built: false };
    }
    fs.rmSync(STAMP, { force: true });
    const tarball = build(quiet);
    fs.writeFileSync(STAMP, JSON.stringify({ key, tarball }));
    log(quiet, `packed ${path.relative(ROOT, tarball)}`);
    return { staging: STAGING, tarball, built: true };
  });
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

module.exports = { rewriteCore, STAGING, BUILD };
if (require.main === module) {
  try {
    main(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`build-cdktn: ${e.message}\n`);
    process.exit(1);
  }
}
