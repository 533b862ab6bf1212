// A stack copied to a throwaway directory for Terraform. The `terraform.backend` and
// `terraform.cloud` blocks cdktf adds are dropped (a check must never touch the user's state or talk
// to HCP Terraform), and so are local state, .terraform leftovers and auto-loaded variable files
// (placeholders and --var-file are the only variable inputs). Only regular files and directories
// are copied: a FIFO or a device in the stack directory is left out, so Terraform cannot block on it.
// Configuration files keep their names, so Terraform's diagnostics name the user's files.
import * as fs from 'fs';
import * as path from 'path';
import type { LoadedFile } from '../config/load-configs';
import { PLACEHOLDER_FILE } from './placeholders';

const SKIP = /^(\.terraform.*|terraform\.tfstate.*|.*\.tfstate(\.backup)?|plan\.bin|terraform\.tfvars(\.json)?|.*\.auto\.tfvars(\.json)?)$/;
const TERRAFORM_FILE = /\.(tf|tf\.json|tofu|tofu\.json)$/;
export const MAIN_FILE = 'cdk.tf.json';

export interface StackSource {
  /** The directory the stack's files are in. */
  readonly dir: string;
  /** The JSON configuration files, the main one first (just the one named, when a file was named). */
  readonly configs: readonly LoadedFile[];
  /** The HCL files of the directory, as read (none when a file was named). */
  readonly hcl: readonly { readonly file: string; readonly text: string }[];
  /**
   * True when the stack was named by its directory: the directory's Terraform files are part of it.
   * False when a file was named: only that file is the configuration.
   */
  readonly wholeDirectory: boolean;
}

/**
 * Copies the stack into `into` and writes the placeholders; returns which file of the user's each
 * configuration file in the copy is (`main.tf.json` -> `stacks/leaf/main.tf.json`).
 */
export function copyStack(stack: StackSource, into: string, placeholders: Record<string, unknown>): Map<string, string> {
  const names = new Map<string, string>();
  fs.mkdirSync(into, { recursive: true });
  for (const entry of fs.readdirSync(stack.dir, { withFileTypes: true })) {
    const from = path.join(stack.dir, entry.name);
    if (SKIP.test(entry.name) || entry.name === PLACEHOLDER_FILE || TERRAFORM_FILE.test(entry.name)) continue;
    if (!isRegularOrDirectory(from)) continue;
    fs.cpSync(from, path.join(into, entry.name), { recursive: true, dereference: true, filter: (src) => isRegularOrDirectory(src) });
  }
  for (const { file, config } of stack.configs) {
    const base = path.basename(file);
    const name = base.endsWith('.tf.json') ? base : MAIN_FILE;
    names.set(name, file);
    fs.writeFileSync(path.join(into, name), JSON.stringify(withoutStateBlocks(config), null, 2));
  }
  for (const { file, text } of stack.hcl) {
    names.set(path.basename(file), file);
    fs.writeFileSync(path.join(into, path.basename(file)), text);
  }
  fs.writeFileSync(path.join(into, PLACEHOLDER_FILE), JSON.stringify(placeholders, null, 2) + '\n');
  return names;
}

function isRegularOrDirectory(file: string): boolean {
  try {
    const stat = fs.statSync(file);
    return stat.isFile() || stat.isDirectory();
  } catch {
    return false; // a dangling link
  }
}

/** The configuration without `terraform.backend` and `terraform.cloud` (cdktf writes either), in both JSON forms. */
export function withoutStateBlocks(config: unknown): unknown {
  const copy = JSON.parse(JSON.stringify(config));
  if (copy === null || typeof copy !== 'object' || Array.isArray(copy)) return copy;
  for (const t of Array.isArray(copy.terraform) ? copy.terraform : [copy.terraform]) {
    if (t && typeof t === 'object') {
      delete t.backend;
      delete t.cloud;
    }
  }
  return copy;
}
