// Packs this package and installs the tarball offline (from the npm cache `npm ci` filled) into a
// scratch project beside cdktf and constructs, as a user's infra repo would. Used by the packaging
// test and the import benchmark. Returns { tarball, project }.
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

function registryTarball(registry, name, version) {
  const base = registry.endsWith('/') ? registry : `${registry}/`;
  const file = `${name.split('/').pop()}-${version}.tgz`;
  return `${base}${name}/-/${file}`;
}

function packAndInstall(dir) {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const registry = execFileSync('npm', ['config', 'get', 'registry'], { cwd: ROOT, encoding: 'utf8' }).trim();
  const peers = ['cdktf', 'constructs'].map((name) => registryTarball(registry, name, pkg.devDependencies[name]));
  const out = execFileSync('npm', ['pack', '--json', '--pack-destination', dir], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const tarball = path.join(dir, JSON.parse(out)[0].filename);
  const project = path.join(dir, 'project');
  fs.mkdirSync(project);
  fs.writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'scratch-infra', version: '1.0.0', private: true }));
  execFileSync(
    'npm',
    ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', tarball, ...peers],
    { cwd: project, stdio: 'pipe', env: { ...process.env, CHECKPOINT_DISABLE: '1' } },
  );
  return { tarball, project };
}

module.exports = { packAndInstall };
