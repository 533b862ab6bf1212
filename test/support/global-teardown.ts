// After the whole jest run: no offline provider process started by this run may still be running
// (processes of other runs and other worktrees do not count). Waits briefly for exits, then fails
// the run, and ends the leftovers so they do not outlive it.
import { RUN_MARKER, providersAfter } from '../terraform-check/harness';

export default async function globalTeardown(): Promise<void> {
  const left = await providersAfter(3000);
  if (left.length === 0) return;
  for (const pid of left) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  throw new Error(
    `offline provider processes of this run (${RUN_MARKER}=${process.env[RUN_MARKER]}) were still running after the suite: ${left.join(', ')}`,
  );
}
