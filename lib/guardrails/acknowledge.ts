// Guardrails.acknowledge: records an accepted exception in the `//` metadata of every Teleport
// resource of a construct, so that the synthesized JSON carries it to every reader (synth, check).
import { IConstruct } from 'constructs';
import { TerraformResource } from 'cdktf';
import { ACKNOWLEDGED_PATH, AcknowledgementRecord, REASON_FIX, reasonProblem } from './acknowledgements';
import { RULES_BY_ID, unknownRule } from './rules';

/** The list each resource synthesizes (one array per resource, given to addOverride once and grown in place). */
const recorded = new WeakMap<TerraformResource, AcknowledgementRecord[]>();

const isTeleportResource = (c: IConstruct): c is TerraformResource =>
  TerraformResource.isTerraformResource(c) && (c as TerraformResource).terraformResourceType.startsWith('teleport_');

/** Records `rule` as acknowledged, for `reason`, on every Teleport resource in `construct`. Throws with the path, the problem and the fix. */
export function recordAcknowledgement(construct: IConstruct, rule: string, reason: string): void {
  const where = `[${construct.node.path}] Guardrails.acknowledge(..., '${rule}', ...)`;
  if (!RULES_BY_ID.has(rule)) throw new Error(`${where}: ${unknownRule(rule).message}`);
  const bad = reasonProblem(reason);
  if (bad) throw new Error(`${where}: the acknowledgement ${bad}. Fix: ${REASON_FIX}`);
  const resources = construct.node.findAll().filter(isTeleportResource);
  if (resources.length === 0) {
    throw new Error(
      `${where}: there is no Teleport resource in this construct, so nothing can carry the acknowledgement. Fix: acknowledge the construct that creates the resource the finding names (its construct path is in the finding).`,
    );
  }
  const record: AcknowledgementRecord = { rule, reason: reason.trim(), by: construct.node.path };
  for (const resource of resources) {
    let list = recorded.get(resource);
    if (!list) {
      recorded.set(resource, (list = []));
      resource.addOverride(ACKNOWLEDGED_PATH, list);
    }
    if (!list.some((r) => r.rule === record.rule && r.reason === record.reason && r.by === record.by)) list.push(record);
  }
}
