// A reader that goes away (`cdktf-teleport check x --json | head -c1`) must not make the CLI print an
// unhandled EPIPE stack trace. Runs the built CLI (bin/ loads dist/, which `npm test` builds first).
import { spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { tempDir } from '../support/synth';

const BIN = path.join(__dirname, '..', '..', 'bin', 'cdktf-teleport.js');
const role = (allow: object) => ({ resource: { teleport_role: { r: { version: 'v7', metadata: { name: 'r' }, spec: { allow } } } } });

describe('closed stdout', () => {
  let dir: string;
  let good: string;
  let bad: string;
  beforeAll(() => {
    dir = tempDir('closed-stdout-');
    good = path.join(dir, 'good.json');
    bad = path.join(dir, 'bad.json');
    fs.writeFileSync(good, JSON.stringify(role({ logins: ['x'] })));
    fs.writeFileSync(bad, JSON.stringify(role({ loginz: ['x'] })));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('a pipe closed before the CLI writes: no stack trace, the exit code of the check (0, not a crash)', async () => {
    const child = spawn(process.execPath, [BIN, 'check', good, '--json'], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy(); // the reader is gone before the CLI has started writing
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });

  test('the shell form: check x --json | (exec 0<&-; sleep 1)', () => {
    const r = spawnSync('bash', ['-c', `"${process.execPath}" "${BIN}" check "${bad}" --json | (exec 0<&-; sleep 1)`], { encoding: 'utf8' });
    expect(r.stderr).not.toMatch(/EPIPE|\n\s+at /);
    expect(r.stderr).toBe('');
  });
});
