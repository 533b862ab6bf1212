import * as fs from 'fs';
import * as path from 'path';
import { loadInput } from '../config';
import { ExportFormat, ExportResult, TeleportExport } from '../export';
import { Finding } from '../report/finding';
import { displayText } from '../report/sanitize';
import type { CommandSpec } from './command';
import { Io, buildReport, printHuman } from './output';
import { UsageError } from './usage-error';

export const EXPORT_HELP = `cdktf-teleport export <cdktf.out | stack dir | cdk.tf.json | plan.json> --to tctl|operator [options]

The Teleport resources of the configuration as tctl resource YAML (one document per resource, in
creation order, for tctl create -f) or as Kubernetes manifests for the Teleport operator (custom
resources of resources.teleport.dev). One file per stack and cluster (provider configuration).
No secret is written: references (\${...}) and sensitive variables become placeholders \${NAME}
with a comment naming where the value comes from; join tokens become the tctl tokens add command;
the operator's trusted cluster token is a secret:// lookup of a Secret skeleton with no value.
Placeholders and commands are listed on stderr. See docs/export.md.

  --to FORMAT              tctl or operator (required)
  --out DIR                write one file per stack and cluster into DIR (created if missing);
                           default: the documents on stdout
  --namespace NS           the Kubernetes namespace of every manifest (--to operator only)
  --stack NAME             only this stack
  --strict                 any placeholder is an error (exit 1, nothing written)
  --allow-literal-secrets  write literal secrets (a literal token) into the output, in plaintext

Exit codes: 0 exported (placeholders allowed without --strict), 1 a resource could not be exported,
or a placeholder with --strict (nothing written), 2 usage error or unreadable input.`;

const FORMATS = Object.values(ExportFormat) as string[];

/** Notes and placeholders as findings: errors stop the export. */
function findingsOf(result: ExportResult, strict: boolean): Finding[] {
  const notes: Finding[] = result.notes.map((n) => ({
    severity: n.severity === 'error' ? 'error' : n.severity === 'warning' ? 'warning' : 'info',
    check: n.severity === 'error' ? 'export.unsupported' : 'export.note',
    resource: n.resource,
    stack: n.stack,
    ...(n.field !== undefined ? { path: n.field } : {}),
    message: n.message,
    ...(n.fix !== undefined ? { fix: n.fix } : {}),
  }));
  if (!strict) return notes;
  return [
    ...notes,
    ...result.placeholders.map((p): Finding => ({
      severity: 'error',
      check: 'export.placeholder',
      resource: p.resource,
      stack: p.stack,
      path: p.field,
      message: `would be written as a placeholder (${p.placeholder}): ${p.reason}`,
      fix: 'give the value in the configuration, or export without --strict and fill the placeholder before applying',
    })),
  ];
}

/** The summary on stderr: placeholders to fill and commands to run. */
function printSummary(io: Io, result: ExportResult): void {
  if (result.placeholders.length) {
    io.err(`Placeholders (${result.placeholders.length}): fill them before applying:\n`);
    for (const p of result.placeholders) {
      io.err(
        `  ${displayText(p.stack)} ${displayText(p.resource)} ${displayText(p.field)} = ${displayText(p.placeholder)}: ${displayText(p.reason)}\n`,
      );
    }
  }
  if (result.commands.length) {
    io.err(`Commands to run instead of a document (${result.commands.length}):\n`);
    for (const c of result.commands) io.err(`  ${displayText(c.stack)} (${displayText(c.provider)}): ${displayText(c.command)}\n`);
  }
}

function writeFiles(dir: string, result: ExportResult, io: Io): void {
  try {
    fs.mkdirSync(dir, { recursive: true });
    for (const f of result.files) fs.writeFileSync(path.join(dir, f.name), f.content);
  } catch (e) {
    throw new UsageError(
      `--out ${dir}: cannot write (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}). Fix: give a writable directory.`,
    );
  }
  io.err(
    `Wrote ${result.files.length} file(s) to ${displayText(dir)}: ${result.files.map((f) => `${f.name} (${f.documents} document(s))`).join(', ')}\n`,
  );
}

/** `export`: tctl YAML or operator manifests from Terraform JSON. */
export const exportCommand: CommandSpec = {
  help: EXPORT_HELP,
  ownOutput: true,
  options: {
    to: { type: 'string' },
    out: { type: 'string' },
    namespace: { type: 'string' },
    stack: { type: 'string' },
    strict: { type: 'boolean' },
    'allow-literal-secrets': { type: 'boolean' },
  },
  run: (positionals, values, io) => {
    if (positionals.length !== 1) throw new UsageError(`export takes exactly one path, got ${positionals.length}\n\n${EXPORT_HELP}`);
    const to = values.to as string | undefined;
    if (to === undefined || !FORMATS.includes(to))
      throw new UsageError(`--to takes ${FORMATS.join(' or ')}${to === undefined ? '' : `, got "${to}"`}`);
    if (values.namespace !== undefined && to !== ExportFormat.OPERATOR) throw new UsageError('--namespace applies to --to operator only');
    const result = TeleportExport._fromInput(loadInput(positionals[0]), {
      format: to as ExportFormat,
      namespace: values.namespace as string | undefined,
      stack: values.stack as string | undefined,
      allowLiteralSecrets: values['allow-literal-secrets'] === true,
    });
    const findings = findingsOf(result, values.strict === true);
    const failed = findings.some((f) => f.severity === 'error');
    const report = { out: io.err, err: io.err };
    if (values.json === true) {
      const files = failed ? [] : result.files;
      io.out(JSON.stringify({ ...buildReport(findings), files, placeholders: result.placeholders, commands: result.commands }, null, 2) + '\n');
      if (!failed && values.out !== undefined) writeFiles(values.out as string, result, report);
      return { findings, subject: 'export' };
    }
    if (!failed) {
      printSummary(report, result);
      if (values.out !== undefined) writeFiles(values.out as string, result, report);
      else io.out(result.files.map((f) => f.content).join('---\n'));
    }
    if (findings.length || failed) printHuman(report, findings, `export --to ${to}${failed ? ' (nothing written)' : ''}`);
    return { findings, subject: 'export' };
  },
};
