// Guardrails.acknowledge: what it writes into the synthesized JSON, and what it refuses.
import { TerraformStack, Testing } from 'cdktf';
import { Guardrails, ProviderAuth, Role, RoleVersion, TeleportProvider, TrustedClusterLink } from '../../lib';
import { resourceOf } from '../support/constructs';

/** The stack's Terraform JSON with its `//` metadata (Testing.synth leaves it out). */
const withMetadata = (stack: TerraformStack) => stack.toTerraform() as any;

const REASON = 'The demo leaf is a sandbox: every node there is meant for every visitor.';

function guide() {
  const stack = new TerraformStack(Testing.app(), 'guide');
  const root = new TeleportProvider(stack, 'root', {
    alias: 'root',
    addr: 'root.example.com:443',
    auth: ProviderAuth.identityFilePath('identity/root'),
  });
  const leaf = new TeleportProvider(stack, 'leaf', {
    alias: 'leaf',
    addr: 'leaf.example.com:443',
    auth: ProviderAuth.identityFilePath('identity/leaf'),
  });
  const visitor = new Role(stack, 'Visitor', { provider: leaf, name: 'visitor', version: RoleVersion.V7 });
  visitor.allowLogins('visitor');
  visitor.allowNodeLabels('*', '*');
  const link = new TrustedClusterLink(stack, 'Link', {
    rootProvider: root,
    leafProvider: leaf,
    rootClusterName: 'root.example.com',
    webProxyAddr: 'root.example.com:443',
    roleMap: [{ remote: 'access', local: [visitor] }],
  });
  return { stack, visitor, link };
}

test("records {rule, reason, by} in the role resource's // metadata, once however often it is called", () => {
  const { stack, visitor } = guide();
  Guardrails.acknowledge(visitor, 'TG102', REASON);
  Guardrails.acknowledge(visitor, 'TG102', `  ${REASON}  `);
  Guardrails.acknowledge(visitor, 'TG108', 'Demo sessions follow the guide: the default thirty hours.');
  const body = resourceOf(withMetadata(stack), visitor.resource);
  expect(body['//'].guardrails).toEqual({
    acknowledged: [
      { rule: 'TG102', reason: REASON, by: 'guide/Visitor' },
      { rule: 'TG108', reason: 'Demo sessions follow the guide: the default thirty hours.', by: 'guide/Visitor' },
    ],
  });
  expect(body['//'].metadata.path).toBe('guide/Visitor/Resource');
});

test('on an L2 construct with several resources (a TrustedClusterLink): every Teleport resource in it', () => {
  const { stack, link } = guide();
  Guardrails.acknowledge(link, 'TG201', 'The join token lives two hours: the leaf team applies the next morning.');
  const json = withMetadata(stack);
  for (const r of [link.token!.resource, link.trustedCluster.resource]) {
    expect(resourceOf(json, r)['//'].guardrails.acknowledged).toEqual([
      { rule: 'TG201', reason: 'The join token lives two hours: the leaf team applies the next morning.', by: 'guide/Link' },
    ]);
  }
});

test.each([
  [
    '',
    '[guide/Visitor] Guardrails.acknowledge(..., \'TG102\', ...): the acknowledgement has the reason "", which is not a sentence (at least 4 words and 20 characters). Fix: say in a sentence why',
  ],
  ['ok', 'has the reason "ok", which is not a sentence'],
  ['intended by design', 'has the reason "intended by design", which is not a sentence'],
])('a reason that is not a sentence (%j) fails at the call, with path and fix', (reason, message) => {
  const { visitor } = guide();
  expect(() => Guardrails.acknowledge(visitor, 'TG102', reason)).toThrow(message);
});

test('an unknown rule id fails with a did-you-mean; a construct without Teleport resources fails', () => {
  const { stack, visitor } = guide();
  expect(() => Guardrails.acknowledge(visitor, 'TG1O2', REASON)).toThrow(
    `[guide/Visitor] Guardrails.acknowledge(..., 'TG1O2', ...): unknown guardrail rule "TG1O2" (did you mean "TG102"?)`,
  );
  const imported = Role.fromName(stack, 'Imported', 'ops');
  expect(() => Guardrails.acknowledge(imported as any, 'TG102', REASON)).toThrow(
    "[guide/Imported] Guardrails.acknowledge(..., 'TG102', ...): there is no Teleport resource in this construct, so nothing can carry the acknowledgement. Fix: acknowledge the construct that creates the resource",
  );
});
