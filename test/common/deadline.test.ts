// The run's deadline: one object whose signal, sleep, per-request signals and expiry hooks all end
// when it passes. Assertions are on what ended and why, never on how long it took.
import { spawnSync } from 'child_process';
import * as path from 'path';
import { Deadline, DeadlineExceededError, RequestTimeoutError, abortable } from '../../lib/common/deadline';

const never = () => new Promise<never>(() => undefined);

test('when it passes: the signal aborts with a DeadlineExceededError, hooks run, work left waiting is rejected', async () => {
  const deadline = Deadline.after(50, '50 ms: a test');
  const closed: string[] = [];
  deadline.onExpire(() => closed.push('dispatcher'));
  const off = deadline.onExpire(() => closed.push('unregistered'));
  off();
  await expect(abortable(never(), deadline.signal)).rejects.toEqual(new DeadlineExceededError('50 ms: a test'));
  expect(deadline.expired).toBe(true);
  expect(deadline.remainingMs()).toBe(0);
  expect(closed).toEqual(['dispatcher']);
  expect(deadline.signal.reason.message).toBe("the run's deadline (50 ms: a test) passed");
});

test('a hook registered after it passed runs at once; abortable on an aborted signal rejects at once', async () => {
  const deadline = Deadline.after(0);
  await deadline.sleep(60_000).catch(() => undefined);
  const ran: boolean[] = [];
  deadline.onExpire(() => ran.push(true));
  expect(ran).toEqual([true]);
  await expect(abortable(Promise.resolve(1), deadline.signal)).rejects.toBeInstanceOf(DeadlineExceededError);
});

test('sleep ends at the deadline, however long it was asked to wait', async () => {
  const deadline = Deadline.after(50);
  await expect(deadline.sleep(3_600_000)).rejects.toBeInstanceOf(DeadlineExceededError);
});

test('within: its own timeout first (a RequestTimeoutError), or the deadline first (a DeadlineExceededError)', async () => {
  const long = Deadline.after(60_000);
  const own = long.within(20);
  await expect(abortable(never(), own.signal)).rejects.toEqual(new RequestTimeoutError(20));
  own.done();
  long.dispose();
  const short = Deadline.after(20);
  const work = short.within(60_000);
  await expect(abortable(never(), work.signal)).rejects.toBeInstanceOf(DeadlineExceededError);
  work.done();
});

test('none never passes; dispose ends the timer of one that has not passed', async () => {
  const none = Deadline.none();
  expect(none.remainingMs()).toBe(Infinity);
  expect(await abortable(Promise.resolve('done'), none.signal)).toBe('done');
  const disposed = Deadline.after(20);
  disposed.dispose();
  await Deadline.none().sleep(60);
  expect(disposed.expired).toBe(false);
});

test('a deadline past what a Node timer holds (~24.8 days) does not fire at once', async () => {
  const far = Deadline.after(40 * 86_400_000);
  const work = far.within(40 * 86_400_000);
  try {
    await far.sleep(20).catch(() => undefined);
    expect(far.expired).toBe(false);
    expect(work.signal.aborted).toBe(false);
  } finally {
    work.done();
    far.dispose();
  }
});

test('GIVEN 64 requests waiting on one deadline (validate of 50 clusters) WHEN each registers for its expiry THEN Node prints no listener-leak warning', () => {
  // In a fresh Node process (Jest's sandbox does not pass process warnings on), against the compiled module.
  const compiled = path.join(__dirname, '..', '..', 'dist', 'lib', 'common', 'deadline.js');
  const script = `
    const { Deadline } = require(${JSON.stringify(compiled)});
    const deadline = Deadline.after(60000);
    const requests = Array.from({ length: 64 }, () => deadline.within(30000));
    const offs = Array.from({ length: 64 }, () => deadline.onExpire(() => undefined));
    setImmediate(() => { requests.forEach((r) => r.done()); offs.forEach((off) => off()); deadline.dispose(); console.log('done'); });`;
  const run = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
  expect(run.stdout.trim()).toBe('done');
  expect(run.stderr).not.toMatch(/MaxListenersExceededWarning|memory leak/);
  expect(run.status).toBe(0);
});
