/**
 * The one shape every check reports in: offline schema checks, live validation and Terraform runs.
 * Synth-time construct errors are the exception: they throw with the construct path, field and fix.
 */

/** How bad a finding is. `error` fails the command (exit 1); `warning` and `info` do not. */
export type Severity = 'error' | 'warning' | 'info';

/** One result of one check on one resource. */
export interface Finding {
  /** How bad it is. */
  readonly severity: Severity;
  /** A stable identifier of the check, e.g. `schema.unknown-attribute`; scripts may match on it. */
  readonly check: string;
  /** The Terraform address (`teleport_role.visitor`) or the cluster address the finding is about. */
  readonly resource: string;
  /** The stack the finding is about (its directory under `cdktf.out/stacks/`) when several stacks were checked. */
  readonly stack?: string;
  /** The attribute path inside the resource, dotted (`spec.role_map[0].local`). */
  readonly path?: string;
  /** What is wrong, in one or two sentences. */
  readonly message: string;
  /** What to do about it. */
  readonly fix?: string;
}

/** A finding the configuration acknowledged (guardrails): it does not count, and is listed apart with its reason. */
export interface AcknowledgedFinding extends Finding {
  /** Why it is accepted, as recorded in the configuration. */
  readonly reason: string;
  /** The construct path that recorded the acknowledgement, when the configuration says. */
  readonly acknowledgedBy?: string;
}

/** The `--json` document every subcommand prints, even when it fails (exit 2). */
export interface Report {
  readonly schemaVersion: 1;
  readonly ok: boolean;
  readonly findings: Finding[];
  /** `check --guardrails`: the findings the configuration acknowledged, so reviewers see every exception. */
  readonly acknowledged?: AcknowledgedFinding[];
  readonly error?: string;
}

/** Exit codes shared by every subcommand. */
export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

/** Applies `f` to every part of a finding that comes from the input; severity and check id are the tool's own. */
export function mapFindingText(finding: Finding, f: (text: string) => string): Finding {
  const out: { -readonly [K in keyof Finding]: Finding[K] } = { ...finding, resource: f(finding.resource), message: f(finding.message) };
  if (finding.path !== undefined) out.path = f(finding.path);
  if (finding.fix !== undefined) out.fix = f(finding.fix);
  if (finding.stack !== undefined) out.stack = f(finding.stack);
  return out;
}

/** True when no finding is an error. */
export function isOk(findings: readonly Finding[]): boolean {
  return !findings.some((f) => f.severity === 'error');
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Sorts findings by stack, resource, then severity, then path, so output is stable. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      (a.stack ?? '').localeCompare(b.stack ?? '') ||
      a.resource.localeCompare(b.resource) ||
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      (a.path ?? '').localeCompare(b.path ?? '') ||
      a.check.localeCompare(b.check),
  );
}
