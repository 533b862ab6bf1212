import { EXIT_USAGE, Finding, Report, isOk, sortFindings } from '../report/finding';
import { redact, redactFinding } from '../report/redact';

/** Where the CLI writes; tests pass their own. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
}

const closed = new WeakSet<NodeJS.WriteStream>();
const guarded = new WeakSet<NodeJS.WriteStream>();

/**
 * Writes to stdout or stderr. A reader that went away (`... --json | head -c1`) ends the output
 * quietly: no unhandled EPIPE and its stack trace, nothing more written to that stream.
 */
function write(stream: NodeJS.WriteStream, text: string): void {
  if (!guarded.has(stream)) {
    guarded.add(stream);
    stream.on('error', (e: NodeJS.ErrnoException) => {
      closed.add(stream);
      if (e.code === 'EPIPE') return;
      if (stream !== process.stderr && !closed.has(process.stderr)) process.stderr.write(`cdktf-teleport: cannot write output: ${e.code ?? e.message}\n`);
      process.exitCode = EXIT_USAGE;
    });
  }
  if (!closed.has(stream)) stream.write(text);
}

/** The process's stdout and stderr, written as given (callers redact: see {@link redactingIo}). */
export const processIo: Io = {
  out: (text) => write(process.stdout, text),
  err: (text) => write(process.stderr, text),
};

/** Wraps an Io so that nothing unredacted can leave through it (free text: progress lines, warnings). */
export function redactingIo(io: Io): Io {
  return { out: (t) => io.out(redact(t)), err: (t) => io.err(redact(t)) };
}

/** The `--json` document, redacted field by field: only what came from the input, never keys or our own words. */
export function buildReport(findings: readonly Finding[], error?: string): Report {
  const sorted = sortFindings(findings).map(redactFinding);
  return {
    schemaVersion: 1 as const,
    ok: error === undefined && isOk(sorted),
    findings: sorted,
    ...(error !== undefined ? { error: redact(error) } : {}),
  };
}

/** Prints a report built by {@link buildReport} (already redacted). */
export function printJson(io: Io, report: Report): void {
  io.out(JSON.stringify(report, null, 2) + '\n');
}

/** Human output: findings grouped by resource address (and stack, when several), each with its fix, then a summary line. */
export function printHuman(io: Io, findings: readonly Finding[], subject: string): void {
  const sorted = sortFindings(findings);
  let current: string | undefined;
  for (const raw of sorted) {
    const f = redactFinding(raw);
    const group = f.stack === undefined ? f.resource : `${f.resource} (stack ${f.stack})`;
    if (group !== current) {
      current = group;
      io.out(`\n${group}\n`);
    }
    const where = f.path ? ` ${f.path}:` : '';
    io.out(`  ${f.severity.toUpperCase()} [${f.check}]${where} ${f.message}\n`);
    if (f.fix) io.out(`    fix: ${f.fix}\n`);
  }
  const count = (s: string) => sorted.filter((f) => f.severity === s).length;
  const verdict = isOk(sorted) ? 'OK' : 'FAILED';
  io.out(`${sorted.length ? '\n' : ''}${verdict}: ${subject}: ${count('error')} error(s), ${count('warning')} warning(s), ${count('info')} info\n`);
}
