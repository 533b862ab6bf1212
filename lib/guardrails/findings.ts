// Guardrail results as the CLI reports them: the one finding shape, the rule id as `check`.
import { AcknowledgedFinding, Finding } from '../report/finding';
import { stackFromConfig } from '../config/config-input';
import { TfInput } from '../config/model';
import { GuardrailHit, GuardrailsResult } from './evaluate';

/** One parsed Terraform JSON document (a stack). */
export interface ConfigDocument {
  readonly name: string;
  readonly config: unknown;
  readonly file?: string;
}

/** The model input of parsed configurations (well-formed: schema-checked). */
export function inputFromConfigs(documents: readonly ConfigDocument[]): TfInput {
  return {
    kind: 'config',
    stacks: documents.map((d) => stackFromConfig(d.name, d.file ?? `${d.name}/cdk.tf.json`, d.config as Record<string, any>)),
    changes: [],
    findings: [],
  };
}

function finding(hit: GuardrailHit, multiStack: boolean): Finding {
  return {
    severity: hit.severity,
    check: hit.check,
    resource: hit.location.address,
    ...(multiStack ? { stack: hit.location.stack } : {}),
    path: hit.path,
    message: hit.message,
    fix: hit.fix,
  };
}

/** The result as findings (`stack` set when several stacks were read) and acknowledged findings. */
export function resultFindings(result: GuardrailsResult, multiStack: boolean): { findings: Finding[]; acknowledged: AcknowledgedFinding[] } {
  return {
    findings: result.findings.map((h) => finding(h, multiStack)),
    acknowledged: result.acknowledged.map((h) => ({
      ...finding(h, multiStack),
      reason: h.acknowledgement!.reason,
      ...(h.acknowledgement!.by !== undefined ? { acknowledgedBy: h.acknowledgement!.by } : {}),
    })),
  };
}
