/**
 * Finds and parses Terraform JSON configurations: a file, a stack directory (cdktf's `cdk.tf.json`
 * or hand-written `*.tf.json` files: every `*.tf.json` of a directory is one configuration, as
 * Terraform reads a module), or a `cdktf.out` directory (every `stacks/<name>/`, sorted).
 */
import * as fs from 'fs';
import * as path from 'path';
import { InputError, fsReason } from './input-error';
import { InputLimits, currentInputLimits } from './input-limits';
import { readJsonFile } from './read-input';

/** One parsed configuration file. */
export interface LoadedFile {
  /** The file read (as given, joined to the directory given). */
  readonly file: string;
  /** The parsed JSON (any value: the schema check says what is wrong with it). */
  readonly config: unknown;
}

/** One stack: the configuration files of one directory (or the one file named). */
export interface LoadedConfig {
  /** The stack name: the name of the directory holding the files. */
  readonly name: string;
  /** The main file: `cdk.tf.json` when there is one, else the first `*.tf.json` by name (or the file named). */
  readonly file: string;
  /** The main file's parsed JSON. */
  readonly config: unknown;
  /** Every file of the stack, the main file first, then the others by name. */
  readonly files: readonly LoadedFile[];
}

const MAIN = 'cdk.tf.json';
const TERRAFORM_JSON = /\.tf\.json$/;

/**
 * Loads the stacks of `target`: a JSON file (a stack of that one file), a directory holding
 * `*.tf.json` files (one stack of all of them), or a `cdktf.out` directory. Throws an
 * {@link InputError} with a clear message when nothing is found or a path cannot be read
 * (permission denied, not a regular file, too large, too deep, not JSON).
 */
export function loadConfigs(target: string, limits: InputLimits = currentInputLimits()): LoadedConfig[] {
  const stat = statOrThrow(target);
  if (!stat.isDirectory()) return [stackOf(path.basename(path.dirname(path.resolve(target))), [target], limits)];
  const entries = listDirectory(target);
  const own = terraformJson(target, entries);
  if (own.length) return [stackOf(path.basename(path.resolve(target)), own, limits)];
  const stacks: LoadedConfig[] = [];
  const stacksDir = path.join(target, 'stacks');
  if (entries.some((e) => e.name === 'stacks' && isDirectory(stacksDir, e))) {
    const names = listDirectory(stacksDir)
      .filter((e) => isDirectory(path.join(stacksDir, e.name), e))
      .map((e) => e.name)
      .sort();
    for (const name of names) {
      const dir = path.join(stacksDir, name);
      const files = terraformJson(dir, listDirectory(dir));
      if (files.length) stacks.push(stackOf(name, files, limits));
    }
  }
  if (stacks.length === 0) throw new InputError(nothingFound(target, entries));
  return stacks;
}

function stackOf(name: string, files: string[], limits: InputLimits): LoadedConfig {
  const loaded = files.map((file) => ({ file, config: readJsonFile(file, limits) }));
  return { name, file: loaded[0].file, config: loaded[0].config, files: loaded };
}

/** The `*.tf.json` files of a directory: `cdk.tf.json` first, then the others by name. */
function terraformJson(dir: string, entries: fs.Dirent[]): string[] {
  const names = entries
    .filter((e) => TERRAFORM_JSON.test(e.name) && !isDirectory(path.join(dir, e.name), e))
    .map((e) => e.name)
    .sort((a, b) => (a === MAIN ? -1 : b === MAIN ? 1 : a < b ? -1 : a > b ? 1 : 0));
  return names.map((n) => path.join(dir, n));
}

function statOrThrow(target: string): fs.Stats {
  try {
    return fs.statSync(target);
  } catch (e) {
    throw new InputError(`cannot read ${target}: ${fsReason(e)}`);
  }
}

/** A directory's entries; a directory that cannot be listed is an error, never "nothing found". */
function listDirectory(dir: string): fs.Dirent[] {
  try {
    return fs.readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    throw new InputError(`cannot read ${dir}: ${fsReason(e)}`);
  }
}

/** True for a directory entry that is a directory (a symbolic link is followed). */
function isDirectory(full: string, entry: fs.Dirent): boolean {
  if (entry.isDirectory()) return true;
  if (!entry.isSymbolicLink()) return false;
  try {
    return fs.statSync(full).isDirectory();
  } catch {
    return false;
  }
}

function nothingFound(target: string, entries: fs.Dirent[]): string {
  const hcl = entries.some((e) => /\.tf$/.test(e.name));
  return (
    `no cdk.tf.json (or other *.tf.json) in ${target}: expected a stack directory holding cdk.tf.json or *.tf.json files, ` +
    `a Terraform JSON file, or a cdktf.out directory with stacks/<name>/cdk.tf.json` +
    (hcl ? '. It holds *.tf files: HCL is not read, only Terraform JSON (*.tf.json)' : '')
  );
}
