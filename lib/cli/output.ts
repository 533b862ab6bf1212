import { AcknowledgedFinding, EXIT_USAGE, Finding, Report, isOk, mapFindingText, sortFindings } from '../report/finding';
import { redact, redactFinding } from '../report/redact';
import { capText, displayLines, displayText, terminalSafe } from '../report/sanitize';

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
      if (stream !== process.stderr && !closed.has(process.stderr))
        process.stderr.write(`cdktf-teleport: cannot write output: ${e.code ?? e.message}\n`);
      process.exitCode = EXIT_USAGE;
    });
  }
  if (!closed.has(stream)) stream.write(text);
}

/** The process's stdout and stderr, written as given (callers redact and sanitize: see {@link safeTextIo}). */
export const processIo: Io = {
  out: (text) => write(process.stdout, text),
  err: (text) => write(process.stderr, text),
};

/**
 * Wraps an Io for free text (progress lines, warnings, a command's own report): nothing unredacted
 * leaves through it, and no character that steers a terminal (lib/report/sanitize.ts; newlines and
 * tabs stay, nothing is cut, so a JSON document written through it stays the same document). A
 * caller that quotes server text in a line makes that line safe first with displayText, which also
 * caps it (a newline in it would otherwise start a new line).
 */
export function safeTextIo(io: Io): Io {
  const safe = (t: string) => terminalSafe(redact(t));
  return { out: (t) => io.out(safe(t)), err: (t) => io.err(safe(t)) };
}

/** An error as one human line (or several, when the message is ours and has them): redacted, then made safe. */
export function humanError(message: string): string {
  return displayLines(redact(message));
}

/** An acknowledged finding with every part from the input redacted (its reason and recorder too). */
function redactAcknowledged(a: AcknowledgedFinding): AcknowledgedFinding {
  return { ...redactFinding(a), reason: redact(a.reason), ...(a.acknowledgedBy !== undefined ? { acknowledgedBy: redact(a.acknowledgedBy) } : {}) };
}

/** The `--json` document, redacted field by field (only what came from the input, never keys or our own words), then capped. */
export function buildReport(findings: readonly Finding[], error?: string, acknowledged?: readonly AcknowledgedFinding[]): Report {
  const sorted = sortFindings(findings).map((f) => mapFindingText(redactFinding(f), (t) => capText(t)));
  return {
    schemaVersion: 1 as const,
    ok: error === undefined && isOk(sorted),
    findings: sorted,
    ...(acknowledged !== undefined
      ? {
          acknowledged: (sortFindings(acknowledged) as AcknowledgedFinding[]).map((a) => {
            const r = redactAcknowledged(a);
            return { ...mapFindingText(r, (x) => capText(x)), reason: capText(r.reason) };
          }),
        }
      : {}),
    ...(error !== undefined ? { error: capText(redact(error)) } : {}),
  };
}

/** Prints a report built by {@link buildReport} (already redacted and capped), without a byte that steers a terminal. */
export function printJson(io: Io, report: Report): void {
  io.out(terminalSafe(JSON.stringify(report, null, 2)) + '\n');
}

/** Acknowledged findings, apart from the rest: what was accepted, where, and why (text from the input made safe for a terminal). */
function printAcknowledged(io: Io, acknowledged: readonly AcknowledgedFinding[]): void {
  io.out(`\nAcknowledged (not counted):\n`);
  for (const raw of sortFindings(acknowledged) as AcknowledgedFinding[]) {
    const a = redactAcknowledged(raw);
    const stack = a.stack === undefined ? '' : ` (stack ${displayText(a.stack)})`;
    io.out(`  ACKNOWLEDGED [${a.check}] ${displayText(a.resource)}${stack}${a.path ? ` ${displayText(a.path)}` : ''}: ${displayText(a.message)}\n`);
    io.out(`    reason: ${displayText(a.reason)}${a.acknowledgedBy ? ` (by ${displayText(a.acknowledgedBy)})` : ''}\n`);
  }
}

/** Human output: findings grouped by resource address (and stack, when several), each with its fix, acknowledged findings apart, then a summary line; every part from the input redacted and made safe for a terminal. */
export function printHuman(io: Io, findings: readonly Finding[], subject: string, acknowledged: readonly AcknowledgedFinding[] = []): void {
  const sorted = sortFindings(findings);
  let current: string | undefined;
  for (const raw of sorted) {
    const f = mapFindingText(redactFinding(raw), (t) => displayText(t));
    const group = f.stack === undefined ? f.resource : `${f.resource} (stack ${f.stack})`;
    if (group !== current) {
      current = group;
      io.out(`\n${group}\n`);
    }
    const where = f.path ? ` ${f.path}:` : '';
    io.out(`  ${f.severity.toUpperCase()} [${f.check}]${where} ${f.message}\n`);
    if (f.fix) io.out(`    fix: ${f.fix}\n`);
  }
  if (acknowledged.length) printAcknowledged(io, acknowledged);
  const count = (s: string) => sorted.filter((f) => f.severity === s).length;
  const verdict = isOk(sorted) ? 'OK' : 'FAILED';
  const accepted = acknowledged.length ? `, ${acknowledged.length} acknowledged` : '';
  io.out(
    `${sorted.length || acknowledged.length ? '\n' : ''}${verdict}: ${displayText(subject)}: ${count('error')} error(s), ${count('warning')} warning(s), ${count('info')} info${accepted}\n`,
  );
}
