// Plain JavaScript passes the strings of an enum-typed prop: the runtime check accepts any string
// (of the enum's kind), the value is written as given, and a string outside the enum is reported at
// synth by the rules, naming the allowed values and the enum.
'use strict';
const { TerraformStack, Testing } = require('cdktf');
const { ProvisionToken, TeleportProvider, ProviderAuth } = require('../../dist/lib');

function tokenStack() {
  const stack = new TerraformStack(Testing.app(), 'root');
  new TeleportProvider(stack, 'teleport', { addr: 'root.example.com:443', auth: ProviderAuth.identityFilePath('identity') });
  return stack;
}

test('an enum value as a plain string is written as given', () => {
  const stack = tokenStack();
  const token = ProvisionToken.gitlab(stack, 'ci', { botName: 'ci', allow: [{ projectPath: 'g/p', refType: 'tag', projectVisibility: 'private' }] });
  const json = JSON.parse(Testing.synth(stack, true));
  expect(json.resource.teleport_provision_token[token.resource.friendlyUniqueId].spec.gitlab.allow).toEqual([
    { project_path: 'g/p', ref_type: 'tag', project_visibility: 'private' },
  ]);
});

test('a string outside the enum fails at synth with the allowed values and the enum', () => {
  const stack = tokenStack();
  ProvisionToken.terraformCloud(stack, 'tfc', { botName: 'b', allow: [{ organizationName: 'o', workspaceName: 'w', runPhase: 'Apply' }] });
  expect(() => Testing.synth(stack, true)).toThrow(
    '[root/tfc] field "spec.terraform_cloud.allow.run_phase": in rule #1 is "Apply", not one of "plan", "apply". ' +
      'Fix: use TerraformCloudRunPhase.PLAN, TerraformCloudRunPhase.APPLY, or leave it unset to match any.',
  );
});
