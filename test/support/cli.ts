// Runs the CLI in-process with a captured Io and, for the call only, extra environment variables.
import * as net from 'net';
import { main } from '../../lib/cli/main';

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  /** The parsed --json document, when --json was given. */
  readonly report?: any;
}

export async function runCli(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  const saved = { ...process.env };
  Object.assign(process.env, env);
  const io = { stdout: '', stderr: '', out: (t: string) => void (io.stdout += t), err: (t: string) => void (io.stderr += t) };
  try {
    const code = await main(args, io);
    return { code, stdout: io.stdout, stderr: io.stderr, report: args.includes('--json') ? JSON.parse(io.stdout) : undefined };
  } finally {
    for (const k of Object.keys(env)) {
      if (saved[k] === undefined) delete process.env[k];
      else process.env[k] = saved[k];
    }
  }
}

/** A port on 127.0.0.1 that nothing listens on (at the time of the call). */
export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}
