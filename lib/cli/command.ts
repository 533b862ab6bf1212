// What a subcommand is to the CLI: the types main.ts and every command file share (they import
// this file, never each other).
import type { ParseArgsConfig } from 'util';
import type { AcknowledgedFinding, Finding } from '../report/finding';
import type { Io } from './output';

/** util.parseArgs' option table. */
export type ParseArgsOptionsConfig = NonNullable<ParseArgsConfig['options']>;

/** What a subcommand returns: its findings and a one-line subject for the summary. */
export interface CommandResult {
  findings: Finding[];
  subject: string;
  /** Findings the configuration acknowledged (guardrails): listed apart, never counted. */
  acknowledged?: AcknowledgedFinding[];
}

/** One subcommand: its help text, its own options (util.parseArgs format) and its run function. */
export interface CommandSpec {
  help: string;
  options?: ParseArgsOptionsConfig;
  run(positionals: string[], values: Record<string, unknown>, io: Io): Promise<CommandResult> | CommandResult;
  /** The command prints its own report through `io`; its findings only decide the exit code. */
  ownOutput?: boolean;
}
