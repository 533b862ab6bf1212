// The constructs' warnings and infos (cdktf annotations), printed by TeleportApp at synth. cdktf only
// records them in manifest.json, where the cdktf CLI prints them; `node main.js` or `npm run synth`
// would show nothing. Printed on stderr, warnings first, then infos, each with its construct path,
// redacted and without control characters.
import { AnnotationMetadataEntryType, StackAnnotation } from 'cdktf';
import { redact } from '../report/redact';
import { displayText } from '../report/sanitize';

/** Longest annotation message printed (they are the constructs' own, but may quote user input). */
const MAX_MESSAGE = 2000;

const LEVELS: ReadonlyArray<[string, string, string]> = [
  [AnnotationMetadataEntryType.WARN, 'WARN', 'warning'],
  [AnnotationMetadataEntryType.INFO, 'INFO', 'info'],
];

/**
 * True when the cdktf CLI runs this app: it sets both variables (cli-core's synth-stack.ts: it
 * continues on error annotations "to display the errors ourselves" and passes the relative modules
 * in the context), then prints every annotation of manifest.json itself.
 */
export function runByCdktfCli(env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS !== 'true' || !env.CDKTF_CONTEXT_JSON) return false;
  try {
    const context = JSON.parse(env.CDKTF_CONTEXT_JSON);
    return context !== null && typeof context === 'object' && 'cdktfRelativeModules' in context;
  } catch {
    return false;
  }
}

/** True when CDKTF_TELEPORT_QUIET asks for silence (any value but empty, `0` or `false`). */
export function quietByEnvironment(env: NodeJS.ProcessEnv = process.env): boolean {
  const v = (env.CDKTF_TELEPORT_QUIET ?? '').trim().toLowerCase();
  return v !== '' && v !== '0' && v !== 'false';
}

/** Redacted, then unsafe characters shown escaped (`\x1b`), so a message cannot drive the terminal; capped. */
function printable(text: string): string {
  return displayText(redact(text), MAX_MESSAGE);
}

/** The text printed for these annotations: empty when there are no warnings or infos. */
export function annotationReport(annotations: readonly StackAnnotation[]): string {
  const groups = LEVELS.map(([level, label, noun]) => ({ label, noun, items: annotations.filter((a) => a.level === level) })).filter(
    (g) => g.items.length > 0,
  );
  if (groups.length === 0) return '';
  const counts = groups.map((g) => `${g.items.length} ${g.noun}${g.items.length === 1 ? '' : 's'}`).join(', ');
  const lines = [`cdktf-teleport: ${counts} at synth (silence: printAnnotations: false or CDKTF_TELEPORT_QUIET=1)`];
  for (const g of groups) {
    for (const a of g.items) lines.push(`  ${g.label} [${printable(a.constructPath)}] ${printable(String(a.message))}`);
  }
  return `${lines.join('\n')}\n`;
}
