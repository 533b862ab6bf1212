// Shared by the access tests: the examples synthesized once per file, the scenario fixtures, goldens.
import * as fs from 'fs';
import * as path from 'path';
import { buildExamples } from '../../examples/main';
import { tempDir } from '../support/synth';

export const SCENARIOS = path.join(__dirname, 'fixtures', 'scenarios');

/** Synthesizes the examples app into a fresh directory (its cdktf.out). */
export function synthExamples(): string {
  const outdir = tempDir('access-examples-');
  buildExamples(outdir).synth();
  return outdir;
}

/** Copies a directory tree (fixtures are edited in copies only). */
export function copyTree(from: string, to: string): string {
  fs.cpSync(from, to, { recursive: true });
  return to;
}

/** Edits a stack's cdk.tf.json in place. */
export function editStack(outdir: string, stack: string, edit: (config: any) => void): void {
  const file = path.join(outdir, 'stacks', stack, 'cdk.tf.json');
  const config = JSON.parse(fs.readFileSync(file, 'utf8'));
  edit(config);
  fs.writeFileSync(file, JSON.stringify(config, null, 2));
}

/**
 * The golden file's text. With UPDATE_GOLDEN=1 the file is (re)written from `actual` first; the
 * goldens are committed and reviewed like code (test/access/golden/README.md).
 */
export function golden(name: string, actual: string): string {
  const file = path.join(__dirname, 'golden', name);
  if (process.env.UPDATE_GOLDEN === '1') fs.writeFileSync(file, actual);
  return fs.readFileSync(file, 'utf8');
}

/** Replaces the temporary directory in output with a fixed word, so goldens do not depend on it. */
export const stable = (text: string, dir: string): string => text.split(dir).join('<out>');
