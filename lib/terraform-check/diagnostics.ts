// Terraform's JSON diagnostics (validate -json, and the `diagnostic` lines of plan -json) as findings.
import { Finding, Severity } from '../report/finding';

/** The warning every dev_overrides run prints; it says nothing about the configuration. */
const OVERRIDES_WARNING = 'Provider development overrides are in effect';

interface TerraformDiagnostic {
  severity: 'error' | 'warning';
  summary: string;
  detail?: string;
  address?: string;
  range?: { filename: string; start: { line: number; column: number } };
}

export function diagnosticFinding(stack: string, phase: 'validate' | 'plan', d: TerraformDiagnostic): Finding | undefined {
  if (d.summary === OVERRIDES_WARNING) return undefined;
  const where = d.range ? `${d.range.filename}:${d.range.start.line}` : undefined;
  const severity: Severity = d.severity === 'error' ? 'error' : 'warning';
  return {
    severity,
    check: `terraform.${phase}`,
    resource: d.address ?? (where ? `${stack}: ${where}` : stack),
    message: `${d.summary}${d.detail ? `: ${d.detail.replace(/\s+/g, ' ').trim()}` : ''}${where && d.address ? ` (${where})` : ''}`,
    ...(severity === 'error' ? { fix: 'Terraform itself rejects this configuration for the Teleport provider schema; correct the attribute it names.' } : {}),
  };
}

/** Diagnostics of `terraform validate -json` (one JSON document). */
export function validateFindings(stack: string, stdout: string): Finding[] {
  const doc = JSON.parse(stdout) as { diagnostics?: TerraformDiagnostic[] };
  return (doc.diagnostics ?? []).map((d) => diagnosticFinding(stack, 'validate', d)).filter((f): f is Finding => f !== undefined);
}

/** Diagnostics among the JSON lines of `terraform plan -json`. */
export function planFindings(stack: string, stdout: string): Finding[] {
  const out: Finding[] = [];
  for (const line of stdout.split('\n')) {
    if (!line.startsWith('{')) continue;
    const message = JSON.parse(line) as { type?: string; diagnostic?: TerraformDiagnostic };
    if (message.type !== 'diagnostic' || !message.diagnostic) continue;
    const f = diagnosticFinding(stack, 'plan', message.diagnostic);
    if (f) out.push(f);
  }
  return out;
}
