// Packs this package and installs the tarball offline (from the npm cache `npm ci` filled) into a
// scratch project beside cdktf and constructs, as a user's infra repo would. Used by the packaging
// test and the import benchmark. Returns { tarball, project }.
'use strict';
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const ROOT = path.join(__dirname, '..');

function packAndInstall(dir) {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const out = execFileSync('npm', ['pack', '--json', '--pack-destination', dir], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const tarball = path.join(dir, JSON.parse(out)[0].filename);
  const project = path.join(dir, 'project');
  fs.mkdirSync(project);
  fs.writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'scratch-infra', version: '1.0.0', private: true }));
  execFileSync(
    'npm',
    ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', tarball, `cdktf@${pkg.devDependencies.cdktf}`, `constructs@${pkg.devDependencies.constructs}`],
    { cwd: project, stdio: 'pipe', env: { ...process.env, CHECKPOINT_DISABLE: '1' } },
  );
  return { tarball, project };
}

module.exports = { packAndInstall };
