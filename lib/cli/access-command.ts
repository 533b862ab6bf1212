import { AccessMap } from '../access';
import { Finding } from '../report/finding';
import type { CommandSpec } from './command';
import { UsageError } from './usage-error';

export const ACCESS_HELP = `cdktf-teleport access <cdktf.out | stack dir | cdk.tf.json | plan.json> [options]

What the configuration's trust grants: per leaf and trusted cluster, which root roles its role_map
maps (exact names, globs, ^...$ expressions with $1), the leaf roles they reach, and what those allow
(SSH logins as root and leaf together decide them, node labels, Kubernetes, databases, apps,
desktops, rules, options); deny rules subtract. Templates stay symbolic; \${...} values are known
only at apply. See docs/access.md.

  --base PATH          the same input before the change: report added, removed, widened and
                       narrowed grants
  --format FORMAT      text (default), markdown (a pull-request comment) or json
                       (schemas/access-report.schema.json); --json is --format json
  --leaf NAME          only trusts of this leaf cluster (its name or <stack>/<provider>)
  --root-role NAME     only what this root role reaches
  --fail-on KINDS      exit 1 when the diff has changes of these kinds (comma-separated: widened,
                       added, removed, narrowed); the report is printed either way

Exit codes: 0 report printed (and nothing --fail-on names), 1 --fail-on matched, 2 usage error or
unreadable input.`;

const FORMATS = ['text', 'markdown', 'json'];
const KINDS = ['widened', 'added', 'removed', 'narrowed'];

function load(target: string, what: string): AccessMap {
  try {
    return AccessMap.fromPath(target);
  } catch (e) {
    throw new UsageError(`${what}: ${(e as Error).message}`);
  }
}

/** `access`: the access map of a configuration, or the grant-level diff against a base. */
export const accessCommand: CommandSpec = {
  help: ACCESS_HELP,
  ownOutput: true,
  options: {
    base: { type: 'string' },
    format: { type: 'string' },
    leaf: { type: 'string' },
    'root-role': { type: 'string' },
    'fail-on': { type: 'string' },
  },
  run: (positionals, values, io) => {
    if (positionals.length !== 1) throw new UsageError(`access takes exactly one path, got ${positionals.length}\n\n${ACCESS_HELP}`);
    const format = values.json === true ? 'json' : ((values.format as string | undefined) ?? 'text');
    if (!FORMATS.includes(format)) throw new UsageError(`--format takes ${FORMATS.join(', ')}, got "${format}"`);
    const failOn =
      values['fail-on'] === undefined
        ? []
        : String(values['fail-on'])
            .split(',')
            .map((k) => k.trim());
    const wrong = failOn.filter((k) => !KINDS.includes(k));
    if (wrong.length) throw new UsageError(`--fail-on takes ${KINDS.join(', ')} (comma-separated), got "${wrong.join(',')}"`);
    if (failOn.length && values.base === undefined) throw new UsageError('--fail-on needs --base: it fails on changes against the base');
    const filter = { leaf: values.leaf as string | undefined, rootRole: values['root-role'] as string | undefined };
    const head = load(positionals[0], 'input').filter(filter);
    const base = values.base === undefined ? undefined : load(values.base as string, '--base').filter(filter);
    if (format === 'json') io.out(JSON.stringify(head.toReport(base), null, 2) + '\n');
    else io.out(format === 'markdown' ? head.toMarkdown(base) : head.toText(base));
    const findings: Finding[] = (base ? head.diffFrom(base).changes : [])
      .filter((c) => failOn.includes(c.change))
      .map((c) => ({
        severity: 'error',
        check: `access.${c.change}`,
        resource: c.location.address,
        stack: c.location.stack,
        message: `${c.root} across ${c.trust}: ${c.grant}${c.before !== undefined ? ` (${c.before} -> ${c.after ?? '-'})` : ''}`,
        fix: 'review the change; if it is intended, approve it (this check only reports it)',
      }));
    if (findings.length) io.err(`cdktf-teleport access: ${findings.length} change(s) of a kind --fail-on names (${failOn.join(',')})\n`);
    return { findings, subject: 'access' };
  },
};
