// The CLI's `--guardrails` value as a pack.
import { GuardrailLevel, GuardrailThresholds, GuardrailsPack } from './pack';
import { RULES_BY_ID, unknownRule } from './rules';

const THRESHOLD_KEYS = new Map<string, keyof GuardrailThresholds>([
  ['max_session_ttl', 'maxSessionTtl'],
  ['max_trusted_cluster_token_ttl', 'maxTrustedClusterTokenTtl'],
]);

/**
 * The CLI's `--guardrails` value: a pack (`recommended`, `strict`, `off`) optionally followed by
 * comma-separated changes: `TG107=off`, `TG102=warning`, `max_session_ttl=12h`,
 * `max_trusted_cluster_token_ttl=30m`. Throws with what is wrong.
 */
export function parsePackSpec(spec: string): GuardrailsPack {
  const [base, ...changes] = spec.split(',').map((s) => s.trim());
  const packs = new Map([
    ['recommended', GuardrailsPack.RECOMMENDED],
    ['strict', GuardrailsPack.STRICT],
    ['off', GuardrailsPack.OFF],
  ]);
  let pack = packs.get(base.toLowerCase());
  if (!pack)
    throw new Error(`--guardrails "${base}": expected recommended, strict or off, then optional ,RULE=LEVEL or ,max_session_ttl=DURATION changes.`);
  for (const change of changes) {
    const m = /^([^=]+)=(.*)$/.exec(change);
    if (!m) throw new Error(`--guardrails: "${change}" is not RULE=LEVEL or THRESHOLD=DURATION.`);
    const [key, value] = [m[1].trim(), m[2].trim()];
    const threshold = THRESHOLD_KEYS.get(key.toLowerCase());
    if (threshold) pack = pack.withThresholds({ [threshold]: value });
    else if (RULES_BY_ID.has(key.toUpperCase())) pack = pack.withLevels({ rule: key.toUpperCase(), level: value.toLowerCase() as GuardrailLevel });
    else throw unknownRule(key);
  }
  return pack;
}
