// The leftover-provider check counts only this run's providers: a process of another run (another
// worktree, a parallel jest) that also runs provider-server/main.js is not ours.
import { ChildProcess, spawn } from 'child_process';
import { RUN_MARKER, providerProcesses } from './harness';

const linux = process.platform === 'linux';

function fakeProvider(run: string): ChildProcess {
  // A long-lived process whose command line names provider-server/main.js, as the real one's does.
  return spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)', '/elsewhere/dist/lib/provider-server/main.js'], {
    env: { ...process.env, [RUN_MARKER]: run },
    stdio: 'ignore',
  });
}

(linux ? describe : describe.skip)('providerProcesses', () => {
  test("lists this run's providers and not another run's", async () => {
    const ours = fakeProvider(process.env[RUN_MARKER]!);
    const theirs = fakeProvider('another-run');
    try {
      await new Promise((r) => setTimeout(r, 300));
      const listed = providerProcesses();
      expect(listed).toContain(ours.pid);
      expect(listed).not.toContain(theirs.pid);
    } finally {
      ours.kill('SIGKILL');
      theirs.kill('SIGKILL');
    }
  });

  test('the run marker is set for the whole run (jest.config.js)', () => {
    expect(process.env[RUN_MARKER]).toBeTruthy();
  });
});
