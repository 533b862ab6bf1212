// Terraform's JSON diagnostics (validate -json, and the `diagnostic` lines of plan -json) as findings.
import { Finding, Severity } from '../report/finding';
import { PLACEHOLDER_FILE, placeholderValidationWarning } from './placeholders';

/** The warning every dev_overrides run prints; it says nothing about the configuration. */
const OVERRIDES_WARNING = 'Provider development overrides are in effect';

export interface TerraformDiagnostic {
  severity: 'error' | 'warning';
  summary: string;
  detail?: string;
  address?: string;
  range?: { filename: string; start: { line: number; column: number } };
  snippet?: { context?: string | null; values?: { traversal: string; statement: string }[] };
}

/** Thrown when Terraform's output cannot be read at all (not JSON where JSON was asked for). */
export class UnreadableOutputError extends Error {}

/** Thrown for a diagnostic that says the offline provider itself could not start or answer. */
export class ProviderFailureError extends Error {}

/** The fix for an error, by what kind of thing Terraform complains about. */
export function fixFor(d: Pick<TerraformDiagnostic, 'summary' | 'detail'>): string {
  const text = `${d.summary}\n${d.detail ?? ''}`;
  if (/Module not installed|module.*not.*installed/i.test(text)) {
    return "terraform-check runs offline without `terraform init`, so modules cannot be installed: check the module's Teleport resources in a stack of their own.";
  }
  if (/HCP Terraform|Terraform Cloud|Terraform Enterprise|cloud block/i.test(text)) {
    return 'a `cloud` block (HCP Terraform) in a file other than cdk.tf.json cannot be dropped by terraform-check: move it into cdktf (CloudBackend), or remove that file from the stack directory.';
  }
  if (
    /Missing required provider|Failed to query available provider packages|Required plugins are not installed|Inconsistent dependency lock file|Failed to resolve provider packages|provider registry/i.test(
      text,
    )
  ) {
    return 'only the Teleport provider (terraform.releases.teleport.dev/gravitational/teleport) is served offline: keep other providers out of the checked stack, or plan it with the real providers.';
  }
  return 'Terraform itself rejects this configuration for the Teleport provider schema; correct what it names.';
}

/**
 * The address a diagnostic is about: Terraform's own `address`, else the block its snippet is in
 * (`resource "teleport_role" "visitor"` in HCL, `resource.teleport_role.visitor` in JSON).
 */
export function diagnosticAddress(d: TerraformDiagnostic): string | undefined {
  if (typeof d.address === 'string' && d.address) return d.address;
  const context = typeof d.snippet?.context === 'string' ? d.snippet.context : '';
  const m = /^(resource|data)[ .]"?([A-Za-z0-9_-]+)"?[ .]"?([A-Za-z0-9_-]+)"?/.exec(context.trim());
  return m ? `${m[1] === 'data' ? 'data.' : ''}${m[2]}.${m[3]}` : undefined;
}

/**
 * A diagnostic as a finding. `files` maps the workspace's file names to the user's files, so that
 * the finding names the file the user has (`stacks/leaf/main.tf.json:40`), not the copy.
 */
export function diagnosticFinding(
  stack: string,
  phase: 'validate' | 'plan',
  d: TerraformDiagnostic,
  files: ReadonlyMap<string, string> = new Map(),
): Finding | undefined {
  if (d.summary === OVERRIDES_WARNING) return undefined;
  if (d.severity === 'error' && providerFailure(d))
    throw new ProviderFailureError(`${d.summary}: ${(d.detail ?? '').replace(/\s+/g, ' ').trim().slice(0, 700)}`);
  const placeholder = placeholderFailure(d);
  if (placeholder) return placeholderValidationWarning(stack, placeholder);
  const where = d.range ? `${files.get(d.range.filename) ?? d.range.filename}:${d.range.start.line}` : undefined;
  const address = diagnosticAddress(d);
  const severity: Severity = d.severity === 'error' ? 'error' : 'warning';
  return {
    severity,
    check: `terraform.${phase}`,
    resource: address ?? where ?? stack,
    message: `${d.summary}${d.detail ? `: ${d.detail.replace(/\s+/g, ' ').trim()}` : ''}${where && address ? ` (${where})` : ''}`,
    ...(severity === 'error' ? { fix: fixFor(d) } : {}),
  };
}

/** The variable whose placeholder (not a value the user gave) failed its validation block, if that is what `d` says. */
function placeholderFailure(d: TerraformDiagnostic): string | undefined {
  if (d.severity !== 'error' || d.summary !== 'Invalid value for variable' || d.range?.filename !== PLACEHOLDER_FILE) return undefined;
  const traversal = d.snippet?.values?.find((v) => v.traversal.startsWith('var.'))?.traversal;
  return traversal ? traversal.slice('var.'.length) : 'a variable';
}

/** Diagnostics of `terraform validate -json` (one JSON document). */
export function validateFindings(stack: string, stdout: string, files?: ReadonlyMap<string, string>): Finding[] {
  let doc: { diagnostics?: TerraformDiagnostic[] };
  try {
    doc = JSON.parse(stdout);
  } catch {
    throw new UnreadableOutputError('terraform validate -json did not print JSON');
  }
  return (doc.diagnostics ?? []).map((d) => diagnosticFinding(stack, 'validate', d, files)).filter((f): f is Finding => f !== undefined);
}

/** Diagnostics among the JSON lines of `terraform plan -json`. */
export function planFindings(stack: string, stdout: string, files?: ReadonlyMap<string, string>): Finding[] {
  const out: Finding[] = [];
  let lines = 0;
  for (const line of stdout.split('\n')) {
    if (!line.startsWith('{')) continue;
    let message: { type?: string; diagnostic?: TerraformDiagnostic };
    try {
      message = JSON.parse(line);
    } catch {
      continue; // a line cut short; the others still count
    }
    lines++;
    if (message.type !== 'diagnostic' || !message.diagnostic) continue;
    const f = diagnosticFinding(stack, 'plan', message.diagnostic, files);
    if (f) out.push(f);
  }
  if (lines === 0) throw new UnreadableOutputError('terraform plan -json printed no JSON lines');
  return out;
}

/** Drops findings that repeat one already listed (validate and plan both report most warnings). */
export function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = JSON.stringify([f.severity, f.resource, f.path ?? '', f.message]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Diagnostics that mean the offline provider itself could not start or answer (so nothing about the
 * stack was learnt): the check could not run.
 */
export function providerFailure(d: Pick<TerraformDiagnostic, 'summary' | 'detail'>): boolean {
  const text = `${d.summary}\n${d.detail ?? ''}`;
  return /Failed to load plugin schemas|failed to instantiate provider|Unrecognized remote plugin message|plugin exited before we could connect|Plugin did not respond|Failed to read schema for/i.test(
    text,
  );
}
