import { GuardrailRule, RuleHit } from '../rule';

export const TG202: GuardrailRule = {
  id: 'TG202',
  level: 'error',
  recommended: true,
  title: 'A `token`-method provision token has its secret (its name) written in the configuration',
  explanation:
    "For the `token` join method (the default when a token has no `allow` rules) the token's name is the join " +
    'secret. Written as a literal it sits in plaintext in the repository, in `cdk.tf.json` and in every plan: anyone ' +
    'who reads them can join a node, a bot or a leaf cluster for as long as the token lives.',
  sources: [
    'gravitational/teleport api/types/provisioning.go `ProvisionTokenV2.CheckAndSetDefaults` (`join_method` defaults to `token`; its name is the secret)',
    'docs/provision-token.md, "The secret is the name"',
  ],
  fix: 'Leave `metadata.name` unset so the provider generates it (ProvisionToken does), or take it from a sensitive variable; prefer a delegated join method (github, iam, kubernetes, ...) where one fits.',
  check(context) {
    const hits: RuleHit[] = [];
    for (const token of context.tokens) {
      if (token.joinMethod !== 'token' || token.name !== 'literal') continue;
      // The message never repeats the name: it is the secret.
      hits.push({
        location: token.location,
        path: 'metadata.name',
        message: 'this token joins with the `token` method and its secret name is a literal in the configuration.',
      });
    }
    return hits;
  },
};
