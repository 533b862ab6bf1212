// `cdktf-teleport check --guardrails`: the pack over every stack read, together, after the schema
// check. The rules read only well-formed configurations: with schema errors they do not run (an
// info finding says so) rather than guess at shapes the schema check has not established.
import { AcknowledgedFinding, Finding } from '../report/finding';
import { evaluateGuardrails } from './evaluate';
import { ConfigDocument, inputFromConfigs, resultFindings } from './findings';
import { GuardrailsPack } from './pack';

export const GUARDRAILS_SKIPPED_CHECK = 'guardrails.not-evaluated';

/** The guardrail findings (and acknowledged ones) of parsed stacks whose schema findings are given. */
export function checkGuardrails(
  documents: readonly ConfigDocument[],
  pack: GuardrailsPack,
  schemaFindings: readonly Finding[],
): { findings: Finding[]; acknowledged: AcknowledgedFinding[] } {
  if (pack.isOff) return { findings: [], acknowledged: [] };
  if (schemaFindings.some((f) => f.severity === 'error')) {
    const message = `the ${pack.name} guardrails did not run: the schema check found errors, and the rules read only well-formed configurations.`;
    return {
      findings: [
        { severity: 'info', check: GUARDRAILS_SKIPPED_CHECK, resource: '(all stacks)', message, fix: 'fix the schema errors, then check again.' },
      ],
      acknowledged: [],
    };
  }
  return resultFindings(evaluateGuardrails(inputFromConfigs(documents), pack), documents.length > 1);
}
