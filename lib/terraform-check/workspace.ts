// A stack copied to a throwaway directory for Terraform. The `terraform.backend` and
// `terraform.cloud` blocks cdktf adds are dropped (a check must never touch the user's state or talk
// to HCP Terraform), and so are local state, .terraform leftovers and auto-loaded variable files
// (placeholders and --var-file are the only variable inputs).
import * as fs from 'fs';
import * as path from 'path';
import { PLACEHOLDER_FILE } from './placeholders';

const SKIP = /^(\.terraform.*|terraform\.tfstate.*|.*\.tfstate(\.backup)?|plan\.bin|terraform\.tfvars(\.json)?|.*\.auto\.tfvars(\.json)?)$/;
const TERRAFORM_FILE = /\.(tf|tf\.json|tofu|tofu\.json)$/;
export const MAIN_FILE = 'cdk.tf.json';

export interface StackSource {
  /** The configuration file read (written as cdk.tf.json in the copy). */
  readonly file: string;
  readonly config: Record<string, any>;
  /**
   * True when the stack was named by its directory: the directory's other Terraform files are part
   * of it. False when a file was named: only that file is the configuration.
   */
  readonly wholeDirectory: boolean;
}

/** Other Terraform files of the stack (beside its cdk.tf.json), by kind. */
export interface ExtraFiles {
  readonly json: string[];
  readonly hcl: string[];
}

export function copyStack(stack: StackSource, into: string, placeholders: Record<string, unknown>): ExtraFiles {
  const dir = path.dirname(stack.file);
  const main = path.resolve(stack.file);
  const extra: ExtraFiles = { json: [], hcl: [] };
  fs.mkdirSync(into, { recursive: true });
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const from = path.join(dir, entry.name);
    if (SKIP.test(entry.name) || entry.name === MAIN_FILE || entry.name === PLACEHOLDER_FILE || path.resolve(from) === main) continue;
    if (entry.isFile() && TERRAFORM_FILE.test(entry.name)) {
      if (!stack.wholeDirectory) continue;
      (entry.name.endsWith('.json') ? extra.json : extra.hcl).push(entry.name);
    }
    fs.cpSync(from, path.join(into, entry.name), { recursive: true });
  }
  fs.writeFileSync(path.join(into, MAIN_FILE), JSON.stringify(withoutStateBlocks(stack.config), null, 2));
  fs.writeFileSync(path.join(into, PLACEHOLDER_FILE), JSON.stringify(placeholders, null, 2) + '\n');
  return { json: extra.json.sort(), hcl: extra.hcl.sort() };
}

/** The configuration without `terraform.backend` and `terraform.cloud` (cdktf writes either). */
export function withoutStateBlocks(config: Record<string, any>): Record<string, any> {
  const copy = JSON.parse(JSON.stringify(config));
  for (const t of Array.isArray(copy.terraform) ? copy.terraform : [copy.terraform]) {
    if (t && typeof t === 'object') {
      delete t.backend;
      delete t.cloud;
    }
  }
  return copy;
}
