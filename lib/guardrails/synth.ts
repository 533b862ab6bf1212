// Guardrails for TeleportApp: evaluated on the stacks' JSON as written to the staging directory
// (no second resolve of any stack), before anything is moved into place. Errors become synth
// problems (nothing is written); warnings become annotations, in the manifest too (the cdktf CLI
// prints them from there).
import { IConstruct } from 'constructs';
import { AnnotationMetadataEntryType, Manifest, TerraformStack } from 'cdktf';
import { Guardrails, annotate, evaluateDocuments, hitConstructPath, hitText } from './guardrails';

/** One written stack and its parsed JSON. */
export interface WrittenStack {
  readonly stack: TerraformStack;
  readonly config: unknown;
}

/** While TeleportApp synthesizes, the aspect stands aside (it evaluates the written JSON itself). */
export function deferGuardrails(app: IConstruct, deferred: boolean): void {
  Guardrails.of(app)._defer(deferred);
}

/** The guardrail errors of the app's written stacks as synth problems (`[path] TG101 ... Fix: ...`); warnings are annotated. */
export function guardrailProblems(app: IConstruct, written: readonly WrittenStack[], manifest: Manifest): string[] {
  const pack = Guardrails.of(app).pack;
  if (!pack || pack.isOff) return [];
  const result = evaluateDocuments(
    written.map((w) => ({ name: w.stack.node.id, config: w.config })),
    pack,
  );
  const errors = result.findings.filter((h) => h.severity === 'error');
  const warnings = result.findings.filter((h) => h.severity === 'warning');
  const targets = annotate(app, warnings);
  warnings.forEach((hit, i) => {
    const stack = written.find((w) => w.stack.node.id === hit.location.stack)?.stack;
    if (!stack) return;
    const annotations = manifest.forStack(stack).annotations;
    annotations.push({ constructPath: targets[i].node.path, level: AnnotationMetadataEntryType.WARN, message: hitText(hit) });
  });
  return errors.map((hit) => `[${hitConstructPath(hit) ?? hit.location.stack}] ${hitText(hit)}`);
}
