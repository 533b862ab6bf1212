// The live checks that need credentials: web sessions (session-checks.ts) and identities
// (identity-checks.ts) each read what they can; their answers, merged per cluster, feed one set of
// rules (trust-rules.ts).
import { Finding } from '../../report/finding';
import { mergeFacts } from './cluster-facts';
import { LiveContext } from './context';
import { IdentityInput, clusterKey, identityFacts } from './identity-checks';
import { SessionInput, sessionFacts } from './session-checks';
import { trustFindings } from './trust-rules';

export type CredentialedInput = SessionInput & IdentityInput;

export async function credentialedFindings(input: CredentialedInput, ctx: LiveContext): Promise<Finding[]> {
  const session = await sessionFacts(input, ctx);
  const identity = await identityFacts(input, ctx);
  const keys = new Set([...session.facts.keys(), ...identity.facts.keys()]);
  const facts = new Map([...keys].map((k) => [k, mergeFacts(session.facts.get(k), identity.facts.get(k))!]));
  return [
    ...session.findings,
    ...identity.findings,
    ...trustFindings({ trusted: input.trusted, facts, keyOf: (ref) => clusterKey(ref, ctx), now: input.now }, ctx),
  ];
}
