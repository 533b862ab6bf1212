/** Finds and parses synthesized stacks: a stack directory, a `cdk.tf.json` file or a `cdktf.out` directory. */
import * as fs from 'fs';
import * as path from 'path';
import { jsonErrorWhere } from './json-error-position';

/** One parsed stack. */
export interface LoadedConfig {
  /** The stack name (the directory holding `cdk.tf.json`). */
  readonly name: string;
  /** The `cdk.tf.json` file read. */
  readonly file: string;
  /** The parsed JSON. */
  readonly config: unknown;
}

const FILE = 'cdk.tf.json';

/**
 * Loads `cdk.tf.json` documents from `target`: a `cdk.tf.json` file (or any JSON file), a stack
 * directory holding one, or a `cdktf.out` directory (every `stacks/<name>/cdk.tf.json`, sorted).
 * Throws an Error with a clear message when nothing is found or a file is unreadable or not JSON.
 */
export function loadConfigs(target: string): LoadedConfig[] {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(target);
  } catch (e) {
    throw new Error(`cannot read ${target}: ${reason(e)}`);
  }
  if (!stat.isDirectory()) return [readStack(target)];
  const direct = path.join(target, FILE);
  if (fs.existsSync(direct)) return [readStack(direct)];
  const stacksDir = path.join(target, 'stacks');
  const stacks = fs.existsSync(stacksDir)
    ? fs
        .readdirSync(stacksDir, { withFileTypes: true })
        .filter((e) => e.isDirectory() && fs.existsSync(path.join(stacksDir, e.name, FILE)))
        .map((e) => e.name)
        .sort()
    : [];
  if (stacks.length === 0) {
    throw new Error(`no ${FILE} in ${target}: expected a stack directory, a ${FILE} file or a cdktf.out directory with stacks/*/${FILE}`);
  }
  return stacks.map((name) => readStack(path.join(stacksDir, name, FILE)));
}

function readStack(file: string): LoadedConfig {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new Error(`cannot read ${file}: ${reason(e)}`);
  }
  let config: unknown;
  try {
    config = JSON.parse(text);
  } catch {
    // Only where: the parser's own message quotes the text around the error, which can hold a secret.
    throw new Error(`${file} is not valid JSON (${jsonErrorWhere(text)})`);
  }
  return { name: path.basename(path.dirname(path.resolve(file))), file, config };
}

function reason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EACCES') return 'permission denied';
  return (e as Error).message;
}
