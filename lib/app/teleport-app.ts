import * as fs from 'fs';
import * as path from 'path';
import { App, AppConfig, Aspects, TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';
import { checkArgs } from '../api-check/check-args';
import { redact } from '../report/redact';
import { annotationReport, quietByEnvironment, runByCdktfCli } from './annotations';
import { Guardrails, isGuardrailsAspect } from '../guardrails/guardrails';
import { GuardrailsPack } from '../guardrails/pack';
import { WrittenStack, deferGuardrails, guardrailProblems } from '../guardrails/synth';
import { deferSchemaCheck, resumeSchemaCheck, schemaProblems } from './schema-validation';
import { checkStack } from './stack-check';

/** Configuration of a `TeleportApp`: cdktf's `AppConfig`, the guardrails checked at synth, and whether to print warnings. */
export interface TeleportAppConfig extends AppConfig {
  /**
   * Print the constructs' warnings and infos (cdktf annotations) on stderr after synth, warnings
   * first, each with its construct path. Never when the cdktf CLI runs the app (`cdktf synth`
   * prints them itself), nor when the environment variable `CDKTF_TELEPORT_QUIET` is set (to
   * anything but `0` or `false`).
   * @default true
   */
  readonly printAnnotations?: boolean;
  /**
   * The guardrails pack checked at synth, on every stack together (docs/guardrails.md):
   * `Guardrails.STRICT`, `Guardrails.OFF`, or a custom `GuardrailsPack`.
   * @default Guardrails.RECOMMENDED
   */
  readonly guardrails?: GuardrailsPack;
}

/**
 * A cdktf `App` that never leaves a half-written `cdktf.out`.
 *
 * cdktf 0.21 writes each stack before it validates the next one, so a mistake in the third stack
 * leaves the first two on disk beside a stale manifest. `TeleportApp.synth()` validates every stack
 * (construct validations), writes all stacks to a staging directory beside the output directory,
 * runs the offline Teleport schema check on what was written (it catches the nested typos Terraform
 * itself would silently drop), and only then moves the stacks into place and writes the manifest.
 * On any error the staging directory is removed and the output directory is left as it was.
 * The guardrails (the recommended pack unless `guardrails` says otherwise) run on the same written
 * JSON, all stacks together, after the schema check. Then it prints the constructs' warnings and
 * infos on stderr (see `printAnnotations`).
 */
export class TeleportApp extends App {
  private readonly createdOutdir: boolean;
  private readonly printAnnotations: boolean;

  constructor(config?: TeleportAppConfig) {
    checkArgs('new TeleportApp', arguments);
    const outdir = config?.outdir ?? process.env.CDKTF_OUTDIR ?? 'cdktf.out';
    const existed = fs.existsSync(outdir);
    super(config);
    this.createdOutdir = !existed;
    this.printAnnotations = config?.printAnnotations !== false;
    Guardrails.of(this).apply(config?.guardrails ?? GuardrailsPack.RECOMMENDED);
  }

  /** Validates and writes every stack; on any error nothing new is left on disk. */
  public synth(): void {
    const stacks = this.node.findAll().filter(TerraformStack.isStack);
    for (const stack of stacks) stack.prepareStack();
    // The schema check runs on the written JSON below, not on a second resolve of each stack.
    for (const stack of stacks) deferSchemaCheck(stack);
    deferGuardrails(this, true);
    const staging = fs.mkdtempSync(`${path.resolve(this.outdir)}.staging-`);
    fs.mkdirSync(path.join(staging, 'stacks'));
    try {
      const problems = this.skipValidation ? [] : stacks.flatMap((stack) => checkStack(stack));
      if (problems.length === 0) problems.push(...this.writeAndCheck(stacks, staging));
      if (problems.length > 0) {
        throw new Error(`Synthesis stopped before writing anything: ${problems.length} problem(s) found\n  ${problems.join('\n  ')}`);
      }
      fs.mkdirSync(this.outdir, { recursive: true });
      for (const entry of fs.readdirSync(staging)) moveInto(path.join(staging, entry), path.join(this.outdir, entry));
      this.manifest.writeToFile();
    } catch (e) {
      this.removeEmptyOutdir();
      throw e;
    } finally {
      fs.rmSync(staging, { recursive: true, force: true });
      for (const stack of stacks) resumeSchemaCheck(stack);
      deferGuardrails(this, false);
    }
    if (this.printAnnotations && !quietByEnvironment() && !runByCdktfCli()) {
      const report = annotationReport(stacks.flatMap((stack) => this.manifest.forStack(stack).annotations));
      if (report) process.stderr.write(report);
    }
  }

  /**
   * What `App.synth()` does after preparing the stacks (done above: preparing twice resolves every
   * resource twice), into the staging directory: each stack's synthesizer runs aspects and the
   * construct validations, then writes. Then the schema check of each written stack.
   */
  private writeAndCheck(stacks: TerraformStack[], staging: string): string[] {
    // The synthesizer runs every construct validation again after invoking the aspects. With no
    // aspect but the guardrails' (standing aside now) and no resource move (which adds Terraform's
    // version validation), the tree is the one checkStack just validated: the second pass can only
    // repeat the first, and costs as much (all rules of every construct).
    const validated = !stacks.some((stack) => stack.hasResourceMove()) && onlyGuardrailsAspects(this);
    const session = { outdir: staging, skipValidation: this.skipValidation || validated, manifest: this.manifest };
    for (const stack of stacks) stack.synthesizer.synthesize(session);
    if (this.skipValidation) return [];
    const problems = this.node.validate().map((p) => redact(p));
    const written: WrittenStack[] = [];
    for (const stack of stacks) {
      const file = path.join(staging, this.manifest.forStack(stack).synthesizedStackPath);
      if (!fs.existsSync(file)) continue;
      const config = JSON.parse(fs.readFileSync(file, 'utf8'));
      written.push({ stack, config });
      problems.push(...schemaProblems(config));
    }
    if (problems.length === 0) problems.push(...guardrailProblems(this, written, this.manifest).map((p) => redact(p)));
    return problems;
  }

  private removeEmptyOutdir(): void {
    if (!this.createdOutdir) return;
    removeEmptyDirs(this.outdir);
  }
}

/** True when no construct of the tree carries an aspect other than the guardrails'. */
function onlyGuardrailsAspects(root: IConstruct): boolean {
  return root.node.findAll().every((c) => Aspects.of(c).all.every(isGuardrailsAspect));
}

/** Moves a staged file or directory into place, merging directories (other stacks stay). */
function moveInto(from: string, to: string): void {
  if (fs.statSync(from).isDirectory() && fs.existsSync(to) && fs.statSync(to).isDirectory()) {
    for (const entry of fs.readdirSync(from)) {
      const target = path.join(to, entry);
      if (fs.existsSync(target) && fs.statSync(path.join(from, entry)).isDirectory()) fs.rmSync(target, { recursive: true, force: true });
      moveInto(path.join(from, entry), target);
    }
    return;
  }
  fs.rmSync(to, { recursive: true, force: true });
  fs.renameSync(from, to);
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
