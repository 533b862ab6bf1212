import { Finding, Report, isOk, sortFindings } from '../report/finding';
import { redact, redactValue } from '../report/redact';

/** Where the CLI writes; tests pass their own. Every write goes through `redact`. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
}

export const processIo: Io = {
  out: (text) => process.stdout.write(redact(text)),
  err: (text) => process.stderr.write(redact(text)),
};

/** Wraps an Io so that nothing unredacted can leave through it. */
export function redactingIo(io: Io): Io {
  return { out: (t) => io.out(redact(t)), err: (t) => io.err(redact(t)) };
}

export function buildReport(findings: readonly Finding[], error?: string): Report {
  const sorted = sortFindings(findings);
  return redactValue({
    schemaVersion: 1 as const,
    ok: error === undefined && isOk(sorted),
    findings: sorted,
    ...(error !== undefined ? { error } : {}),
  });
}

export function printJson(io: Io, report: Report): void {
  io.out(JSON.stringify(report, null, 2) + '\n');
}

/** Human output: findings grouped by stack and resource address, each with its fix, then a summary line. */
export function printHuman(io: Io, findings: readonly Finding[], subject: string): void {
  const sorted = sortFindings(findings);
  const stacks = new Set(sorted.map((f) => f.stack ?? ''));
  // Several stacks: group by stack first (a stable sort keeps sortFindings' order inside each).
  if (stacks.size > 1) sorted.sort((a, b) => (a.stack ?? '').localeCompare(b.stack ?? ''));
  const heading = (f: Finding) => (stacks.size > 1 && f.stack ? `${f.stack}: ${f.resource}` : f.resource);
  let current: string | undefined;
  for (const f of sorted) {
    if (heading(f) !== current) {
      current = heading(f);
      io.out(`\n${current}\n`);
    }
    const where = f.path ? ` ${f.path}:` : '';
    io.out(`  ${f.severity.toUpperCase()} [${f.check}]${where} ${f.message}\n`);
    if (f.fix) io.out(`    fix: ${f.fix}\n`);
  }
  const count = (s: string) => sorted.filter((f) => f.severity === s).length;
  const verdict = isOk(sorted) ? 'OK' : 'FAILED';
  io.out(`${sorted.length ? '\n' : ''}${verdict}: ${subject}: ${count('error')} error(s), ${count('warning')} warning(s), ${count('info')} info\n`);
}
