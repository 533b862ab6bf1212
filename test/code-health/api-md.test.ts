// API.md is jsii-docgen's reference of the hand-written API (the assembly's root; the `l1` bindings
// are the provider's own resources), and it must describe the API as it is: regenerated from the
// assembly `npm run jsii` wrote (npm test runs it first), it is the same file.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { tempDir } from '../support/synth';

const ROOT = path.join(__dirname, '..', '..');
const DOCGEN = path.join(ROOT, 'node_modules', 'jsii-docgen', 'bin', 'jsii-docgen');

test('API.md is what npm run docgen writes from the jsii assembly', () => {
  if (!fs.existsSync(path.join(ROOT, '.jsii'))) throw new Error('no .jsii: run npm run jsii first (npm test does)');
  const out = path.join(tempDir('api-md-'), 'API.md');
  execFileSync(process.execPath, [DOCGEN, '--submodule', 'root', '--output', out], { cwd: ROOT, stdio: 'pipe', timeout: 110_000 });
  const fresh = fs.readFileSync(out, 'utf8');
  const committed = fs.readFileSync(path.join(ROOT, 'API.md'), 'utf8');
  expect(fresh).toContain('# API Reference');
  expect(fresh).toContain('### TrustedCluster ');
  if (fresh !== committed) throw new Error('API.md is out of date with the jsii assembly: run npm run jsii && npm run docgen, and commit API.md');
});
