// The runtime props check's table is generated from the jsii assembly and committed (like lib/gen):
// it must be exactly what the current .jsii gives (npm test runs jsii before jest), so it cannot
// drift from the TypeScript types.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { nearest } from '../../lib/api-check/check-args';
import { tempDir } from '../support/synth';

const ROOT = path.join(__dirname, '..', '..');
const SCRIPT = path.join(ROOT, 'scripts', 'generate-api-shapes.js');
const TABLE = path.join(ROOT, 'lib', 'api-check', 'api-shapes.generated.ts');

const run = (args: string[]) => {
  const r = spawnSync('node', [SCRIPT, ...args], { cwd: ROOT, encoding: 'utf8' });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
};

describe('lib/api-check/api-shapes.generated.ts', () => {
  test('is what the jsii assembly gives (--check)', () => {
    expect(run(['--check'])).toEqual({ status: 0, out: '' });
  });

  test('a table that no longer matches the types fails --check with the way to regenerate', () => {
    const dir = tempDir('api-shapes-');
    try {
      const stale = path.join(dir, 'stale.ts');
      const text = fs.readFileSync(TABLE, 'utf8');
      // As if TrustedClusterProps had lost a field since the table was generated.
      fs.writeFileSync(stale, text.replace(/^ {6}tunnelAddr: .*\n/m, ''));
      expect(fs.readFileSync(stale, 'utf8')).not.toBe(text);
      const r = run(['--check', '--out', stale]);
      expect(r.status).toBe(1);
      expect(r.out).toContain('is out of date with the jsii assembly: run node scripts/generate-api-shapes.js (after npm run jsii)');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('holds the structs with their own fields and what they extend, classes with where they live', () => {
    const text = fs.readFileSync(TABLE, 'utf8');
    expect(text).toContain('"TrustedClusterProps": {kind: "struct", extends: ["TeleportResourceOptions", "TrustedClusterOptions"], fields: {');
    expect(text).toContain('"JoinToken": {kind: "class", module: {lib: "constructs/trusted-cluster/join-token", name: "JoinToken"}');
    expect(text).toContain('"cdktf.TerraformResourceLifecycle": {kind: "struct", fields: {');
  });
});

describe('did you mean', () => {
  test.each([
    ['identityFilePth', ['identityFile', 'identityFilePath', 'profile'], 'identityFilePath'],
    ['repo', ['ref', 'repository', 'repositoryOwner', 'sub'], 'repository'],
    ['web_proxy_addr', ['webProxyAddr', 'tunnelAddr'], 'webProxyAddr'],
    ['printAnnotation', ['outdir', 'printAnnotations'], 'printAnnotations'],
    ['zzz', ['token', 'name'], undefined],
  ])('%s among %j -> %s', (unknown, known, expected) => {
    expect(nearest(unknown, known)).toBe(expected);
  });
});
