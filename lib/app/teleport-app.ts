import * as fs from 'fs';
import * as path from 'path';
import { App, AppConfig, TerraformStack } from 'cdktf';
import { skipNextSchemaCheck } from './schema-validation';
import { checkStack } from './stack-check';

/**
 * A cdktf `App` that never leaves a half-written `cdktf.out`.
 *
 * cdktf 0.21 writes each stack before it validates the next one, so a mistake in the third stack
 * leaves the first two on disk beside a stale manifest. `TeleportApp.synth()` first validates every
 * stack (construct validations plus the offline Teleport schema check, which catches the nested
 * typos Terraform itself would silently drop) and only then writes anything. If writing still fails
 * (an aspect that adds an error, say), the files this run wrote are removed again.
 */
export class TeleportApp extends App {
  private readonly createdOutdir: boolean;

  constructor(config?: AppConfig) {
    const outdir = config?.outdir ?? process.env.CDKTF_OUTDIR ?? 'cdktf.out';
    const existed = fs.existsSync(outdir);
    super(config);
    this.createdOutdir = !existed;
  }

  /** Validates every stack, then synthesizes them all; on any error nothing new is left on disk. */
  public synth(): void {
    const stacks = this.node.findAll().filter(TerraformStack.isStack);
    const problems: string[] = [];
    for (const stack of stacks) {
      stack.prepareStack();
    }
    if (!this.skipValidation) {
      for (const stack of stacks) {
        problems.push(...checkStack(stack));
      }
    }
    if (problems.length > 0) {
      this.removeEmptyOutdir();
      throw new Error(
        `Synthesis stopped before writing anything: ${problems.length} problem(s) found\n  ${problems.join('\n  ')}`,
      );
    }
    const before = new Set(listFiles(this.outdir));
    try {
      this.write(stacks);
    } catch (e) {
      for (const file of listFiles(this.outdir)) {
        if (!before.has(file)) fs.rmSync(path.join(this.outdir, file), { force: true });
      }
      this.removeEmptyOutdir();
      throw e;
    }
  }

  /**
   * What `App.synth()` does after preparing the stacks (which this class already did: preparing twice
   * resolves every resource twice): each stack's synthesizer runs aspects and the construct
   * validations, then writes; the manifest comes last. The schema check, already done above, is not
   * repeated.
   */
  private write(stacks: TerraformStack[]): void {
    const session = { outdir: this.outdir, skipValidation: this.skipValidation, manifest: this.manifest };
    for (const stack of stacks) {
      if (!this.skipValidation) skipNextSchemaCheck(stack);
      stack.synthesizer.synthesize(session);
    }
    if (!this.skipValidation) {
      const problems = this.node.validate();
      if (problems.length) throw new Error(`Validation failed with the following errors:\n  ${problems.join('\n  ')}`);
    }
    this.manifest.writeToFile();
  }

  private removeEmptyOutdir(): void {
    if (!this.createdOutdir) return;
    removeEmptyDirs(this.outdir);
  }
}

function listFiles(dir: string, base = dir): string[] {
  if (!fs.existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(full, base));
    else out.push(path.relative(base, full));
  }
  return out;
}

function removeEmptyDirs(dir: string): boolean {
  if (!fs.existsSync(dir)) return true;
  let empty = true;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory() && removeEmptyDirs(path.join(dir, entry.name))) continue;
    empty = false;
  }
  if (empty) fs.rmdirSync(dir);
  return empty;
}
