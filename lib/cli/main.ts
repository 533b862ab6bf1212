import { parseArgs } from 'util';
import { InputError, parseSize, withInputLimits } from '../config';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, isOk } from '../report/finding';
import { accessCommand } from './access-command';
import { checkCommand } from './check-command';
import type { CommandSpec, ParseArgsOptionsConfig } from './command';
import { exportCommand } from './export-command';
import { terraformCheckCommand } from './terraform-check-command';
import { validateCommand } from './validate-command';
import { Io, buildReport, humanError, printHuman, printJson, processIo, safeTextIo } from './output';
import { UsageError } from './usage-error';

const HELP = `Usage: cdktf-teleport <command> [options]

Commands:
  access <path>    what the configuration's trust grants, and what a change widens (--base)
  check <path>     offline check of synthesized stacks against the Teleport provider schema
  export <path> --to tctl|operator
                   the Teleport resources as tctl YAML or Kubernetes operator manifests
  validate <path>  offline checks, then the live clusters the stack names (read-only)
  terraform-check <path>...
                   terraform validate + plan against a local schema-serving provider (offline)

Options:
  --json           print one JSON document {schemaVersion, ok, findings, error?}
  --max-input-size SIZE
                   the largest input file read (default 64MiB; e.g. 256MiB). Only regular files
                   are read, and JSON nested deeper than 512 levels is refused (exit 2)
  -h, --help       show help

Exit codes: 0 no errors (warnings allowed), 1 errors found, 2 usage error, unreadable input,
or a cluster or tool that could not be reached.`;

/** The subcommands. Each throws UsageError (or InputError) for exit 2; findings with an error mean exit 1. */
const COMMANDS = new Map<string, CommandSpec>([
  ['access', accessCommand],
  ['check', checkCommand],
  ['export', exportCommand],
  ['terraform-check', terraformCheckCommand],
  ['validate', validateCommand],
]);

/** Options every command takes. */
const SHARED_OPTIONS: ParseArgsOptionsConfig = {
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  'max-input-size': { type: 'string' },
};

/** `--max-input-size` in bytes, or undefined when not given. */
function maxInputSize(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  const bytes = parseSize(String(value));
  if (bytes === undefined) throw new UsageError(`--max-input-size takes a size such as 64MiB, 512KiB or a number of bytes, got "${value}"`);
  return bytes;
}

/** Runs the CLI and returns its exit code. Never throws; never prints a stack trace. */
export async function main(argv: string[], rawIo: Io = processIo): Promise<number> {
  // Subcommands write free text (progress, warnings) through `io`, redacted as a whole and made safe
  // for a terminal. Reports and errors go to `rawIo` redacted field by field, so our own words
  // survive a secret equal to them, and made safe (human) or capped (--json) the same way.
  const io = safeTextIo(rawIo);
  const json = argv.includes('--json');
  const fail = (message: string): number => {
    if (json) printJson(rawIo, buildReport([], message));
    else rawIo.err(`cdktf-teleport: ${humanError(message)}\n`);
    return EXIT_USAGE;
  };
  // With --json, stdout carries only the document: help goes to stderr.
  const help = (text: string, code: number): number => {
    if (json) {
      printJson(rawIo, buildReport([], code === EXIT_OK ? undefined : 'no command given'));
      rawIo.err(text + '\n');
    } else {
      rawIo.out(text + '\n');
    }
    return code;
  };
  try {
    // The command is the first word that is not --json (`cdktf-teleport --json check x` works too).
    const at = argv.findIndex((a) => a !== '--json');
    const command = at < 0 ? undefined : argv[at];
    const rest = at < 0 ? [] : [...argv.slice(0, at), ...argv.slice(at + 1)];
    if (!command || command === '-h' || command === '--help') return help(HELP, command ? EXIT_OK : EXIT_USAGE);
    const spec = COMMANDS.get(command);
    if (!spec) throw new UsageError(`unknown command "${command}"\n\n${HELP}`);
    let parsed;
    try {
      parsed = parseArgs({
        args: rest,
        allowPositionals: true,
        options: { ...spec.options, ...SHARED_OPTIONS },
      });
    } catch (e) {
      throw new UsageError(`${(e as Error).message}\n\n${spec.help}`);
    }
    if (parsed.values.help) return help(spec.help, EXIT_OK);
    const maxBytes = maxInputSize(parsed.values['max-input-size']);
    const run = () => spec.run(parsed.positionals, parsed.values as Record<string, unknown>, io);
    const { findings, subject, acknowledged } = await (maxBytes === undefined ? run() : withInputLimits({ maxBytes }, run));
    if (spec.ownOutput) return isOk(findings) ? EXIT_OK : EXIT_FINDINGS;
    if (json) printJson(rawIo, buildReport(findings, undefined, acknowledged));
    else printHuman(rawIo, findings, subject, acknowledged);
    return isOk(findings) ? EXIT_OK : EXIT_FINDINGS;
  } catch (e) {
    if (e instanceof UsageError || e instanceof InputError) return fail(e.message);
    return fail(`internal error: ${(e as Error).message}`);
  }
}
