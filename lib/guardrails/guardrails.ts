// Guardrails at synth: a pack applied to an app runs as a cdktf Aspect on each of its stacks. The
// rules need the whole app (a trust cycle spans stacks), so the first stack visited builds the
// access model from every stack's Terraform JSON, in memory; each stack then gets its own findings
// as annotations on the constructs `//.metadata.path` names: errors fail synth (cdktf stops on an
// error annotation), warnings are reported. TeleportApp instead runs the same evaluation on the JSON
// it has just written to its staging directory (lib/app), and the aspect stands aside.
import { IConstruct } from 'constructs';
import { AnnotationMetadataEntryType, App, Aspects, IAspect, TerraformStack } from 'cdktf';
import { formatProblem } from '../common/problem';
import { registerConstructHandler } from '../gen/construct-hook';
import { checkArgs } from '../api-check/check-args';
// The schema check (and ajv) loads on first use, not at import; so do the access model and the
// evaluation (a TeleportApp that stops before its guardrails run, or runs none, never loads them).
import type * as SchemaCheck from '../check/schema-check';
import type * as Acknowledge from './acknowledge';
import type * as Evaluate from './evaluate';
import type * as Findings from './findings';
import type { GuardrailHit, GuardrailsResult } from './evaluate';
import { GuardrailsPack } from './pack';

/** A finding in the words of every synth-time problem: rule, address, field, message, fix. */
export function hitText(hit: GuardrailHit): string {
  return formatProblem({ field: hit.path, message: hit.message, fix: hit.fix }, `${hit.check} ${hit.location.address}`);
}

/** The construct a finding belongs to: the acknowledging construct of an unused acknowledgement, else the resource's. */
export function hitConstructPath(hit: GuardrailHit): string | undefined {
  return hit.by ?? hit.location.constructPath;
}

const instances = new WeakMap<IConstruct, Guardrails>();

/** One synth of the app: the stacks visited so far and the evaluation they share. */
interface Run {
  readonly visited: Set<TerraformStack>;
  result?: GuardrailsResult;
}

class GuardrailsAspect implements IAspect {
  constructor(private readonly guardrails: Guardrails) {}

  public visit(node: IConstruct): void {
    if (TerraformStack.isStack(node)) this.guardrails._visitStack(node);
  }
}

/** True for the aspect guardrails add to stacks (TeleportApp knows it stands aside while it synthesizes). */
export const isGuardrailsAspect = (aspect: IAspect): boolean => aspect instanceof GuardrailsAspect;

/**
 * Guardrails for Teleport trust (docs/guardrails.md): rules over what the configuration grants,
 * checked at synth. `Guardrails.of(app).apply(Guardrails.RECOMMENDED)` in any cdktf App
 * (TeleportApp applies the recommended pack unless its `guardrails` prop says otherwise);
 * `Guardrails.acknowledge(construct, 'TG102', 'reason')` accepts one finding, on the record.
 */
export class Guardrails {
  /** Every recommended rule at its own level. */
  public static readonly RECOMMENDED = GuardrailsPack.RECOMMENDED;
  /** Every rule, each an error. */
  public static readonly STRICT = GuardrailsPack.STRICT;
  /** No rule runs. */
  public static readonly OFF = GuardrailsPack.OFF;

  /** The guardrails of the app that `scope` belongs to. */
  public static of(scope: IConstruct): Guardrails {
    checkArgs('Guardrails.of', arguments);
    const root = scope.node.root;
    let g = instances.get(root);
    if (!g) instances.set(root, (g = new Guardrails(root)));
    return g;
  }

  /**
   * Accepts the findings of `rule` on the Teleport resources of `construct`, for `reason` (at least
   * a sentence). Recorded in each resource's `//` metadata (`//.guardrails.acknowledged`), so
   * `cdktf-teleport check --guardrails` honours it too and lists it apart. An acknowledgement that
   * matches no finding is reported as a warning.
   */
  public static acknowledge(construct: IConstruct, rule: string, reason: string): void {
    checkArgs('Guardrails.acknowledge', arguments);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    (require('./acknowledge') as typeof Acknowledge).recordAcknowledgement(construct, rule, reason);
  }

  private currentPack?: GuardrailsPack;
  private deferred = false;
  private run?: Run;
  private readonly aspect = new GuardrailsAspect(this);
  private readonly attached = new WeakSet<TerraformStack>();

  private constructor(private readonly root: IConstruct) {}

  /** Checks the app with `pack` at synth (replaces a pack applied before). */
  public apply(pack: GuardrailsPack): void {
    checkArgs('Guardrails#apply', arguments);
    this.currentPack = pack;
    for (const stack of this.root.node.findAll().filter(TerraformStack.isStack)) this._attach(stack);
  }

  /** The pack applied, if any. */
  public get pack(): GuardrailsPack | undefined {
    return this.currentPack;
  }

  /** @internal Adds the aspect to a stack (once). */
  public _attach(stack: TerraformStack): void {
    if (this.attached.has(stack)) return;
    this.attached.add(stack);
    Aspects.of(stack).add(this.aspect);
  }

  /** @internal TeleportApp evaluates the JSON it wrote instead: the aspect stands aside meanwhile. */
  public _defer(deferred: boolean): void {
    this.deferred = deferred;
  }

  /** @internal The aspect's visit of a stack: evaluate the app once per synth, annotate this stack's constructs. */
  public _visitStack(stack: TerraformStack): void {
    const pack = this.currentPack;
    if (!pack || pack.isOff || this.deferred) return;
    if (App.isApp(this.root) && this.root.skipValidation) return;
    if (!this.run || this.run.visited.has(stack)) this.run = { visited: new Set() };
    this.run.visited.add(stack);
    this.run.result ??= this.evaluateApp(pack);
    const hits = this.run.result.findings.filter((h) => h.location.stack === stack.node.id);
    annotate(this.root, hits);
  }

  private evaluateApp(pack: GuardrailsPack): GuardrailsResult {
    const stacks = this.root.node.findAll().filter(TerraformStack.isStack);
    const documents = stacks.map((s) => ({ name: s.node.id, config: s.toTerraform() }));
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { checkConfig } = require('../check/schema-check') as typeof SchemaCheck;
    // A malformed stack is reported by its own schema check; the rules read only well-formed ones.
    if (documents.some((d) => checkConfig(d.config).some((f) => f.severity === 'error'))) return { findings: [], acknowledged: [] };
    return evaluateDocuments(documents, pack);
  }
}

/** The pack's findings over parsed stacks (the evaluation and the access model load here, on first use). */
export function evaluateDocuments(documents: readonly Findings.ConfigDocument[], pack: GuardrailsPack): GuardrailsResult {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { evaluateGuardrails } = require('./evaluate') as typeof Evaluate;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { inputFromConfigs } = require('./findings') as typeof Findings;
  return evaluateGuardrails(inputFromConfigs(documents), pack);
}

/**
 * Adds each finding as an annotation (error or warning) on its construct (found by path; the
 * stack's root when the path is unknown), once even when the app synthesizes twice.
 */
export function annotate(root: IConstruct, hits: readonly GuardrailHit[]): IConstruct[] {
  if (hits.length === 0) return [];
  const byPath = new Map(root.node.findAll().map((c) => [c.node.path, c]));
  const targets: IConstruct[] = [];
  for (const hit of hits) {
    const target = byPath.get(hitConstructPath(hit) ?? '') ?? byPath.get(hit.location.stack) ?? root;
    const text = hitText(hit);
    targets.push(target);
    if (target.node.metadata.some((m) => m.data === text)) continue;
    // What Annotations.of(target).addError/addWarning record, without a stack trace: it would point
    // into this module, not at the user's code, and capturing thousands of them is most of the cost.
    target.node.addMetadata(hit.severity === 'error' ? AnnotationMetadataEntryType.ERROR : AnnotationMetadataEntryType.WARN, text, {
      stackTrace: false,
    });
  }
  return targets;
}

// Stacks made after `apply` get the aspect when their first Teleport construct is created.
registerConstructHandler((construct) => {
  const g = instances.get(construct.node.root);
  if (g?.pack) g._attach(TerraformStack.of(construct));
});
