// What the examples do on purpose and the guardrails report (docs/guardrails.md): the seed guide's
// `visitor` role reaches every node of the leaf. Each example acknowledges it with this reason, on
// the record: the synthesized JSON carries it (`//.guardrails.acknowledged`) and `check --guardrails`
// lists it apart.
export const SEED_GUIDE_EVERY_NODE =
  "The seed guide's visitor role reaches every node of the leaf on purpose: the guide shows the trust working, with one fixed, non-root login (visitor).";
