// Every guardrail rule, in id order. A new rule is one file here, one line below, one test in
// test/guardrails/rules/, and a regenerated docs/guardrails.md (node scripts/guardrails-doc.js).
import { closestName } from '../../check/suggest';
import { GuardrailRule } from '../rule';
import { TG101 } from './tg101-every-node-open-login';
import { TG102 } from './tg102-every-node';
import { TG103 } from './tg103-root-login';
import { TG104 } from './tg104-role-map-every-role';
import { TG105 } from './tg105-admin-rules';
import { TG106 } from './tg106-kubernetes-admin-groups';
import { TG107 } from './tg107-session-mfa';
import { TG108 } from './tg108-long-sessions';
import { TG109 } from './tg109-forwarding';
import { TG201 } from './tg201-trusted-cluster-token-lifetime';
import { TG202 } from './tg202-literal-token-secret';
import { TG203 } from './tg203-disabled-trust';
import { TG204 } from './tg204-trust-cycle';

export const RULES: readonly GuardrailRule[] = [TG101, TG102, TG103, TG104, TG105, TG106, TG107, TG108, TG109, TG201, TG202, TG203, TG204];

/** The rules by id. */
export const RULES_BY_ID: ReadonlyMap<string, GuardrailRule> = new Map(RULES.map((r) => [r.id, r]));

/** The did-you-mean error of an unknown rule id. */
export function unknownRule(id: string): Error {
  const near = closestName(id, RULES_BY_ID.keys());
  return new Error(
    `unknown guardrail rule "${id}"${near ? ` (did you mean "${near}"?)` : ''}: the rules are ${RULES.map((r) => r.id).join(', ')} (docs/guardrails.md).`,
  );
}
