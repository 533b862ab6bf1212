// Role: roles that already exist (fromName, fromPreset) and adopting one (importFrom).
import { l1 } from '../../lib';
import { PresetRole, Role, RoleVersion } from '../../lib/constructs/role';
import { errorsOf, newStack, synthJson } from '../support/constructs';

describe('existing roles', () => {
  test('fromName and fromPreset give a name and create nothing', () => {
    // GIVEN a role by name and two presets
    const stack = newStack();
    const existing = Role.fromName(stack, 'existing', 'visitor');
    const access = Role.fromPreset(stack, 'access', PresetRole.ACCESS);
    const editor = Role.fromPreset(stack, 'editor', PresetRole.EDITOR);
    // WHEN the stack synthesizes
    const json = synthJson(stack);
    // THEN they have their names and no resource exists
    expect(existing.roleName).toBe('visitor');
    expect(access.roleName).toBe('access');
    expect(editor.roleName).toBe('editor');
    expect(json.resource).toBeUndefined();
  });

  test('the Enterprise presets and system roles of constants.go are presets too', () => {
    // GIVEN the Enterprise presets
    const stack = newStack();
    const names = [PresetRole.OKTA_REQUESTER, PresetRole.OKTA_ACCESS, PresetRole.AWS_IC_ACCESS, PresetRole.ACCESS_APPROVER].map(
      (p) => Role.fromPreset(stack, p, p).roleName,
    );
    // THEN they have Teleport's names and synthesize
    expect(names).toEqual(['okta-requester', 'okta-access', 'aws-ic-access', '@teleport-access-approver']);
    expect(() => synthJson(stack)).not.toThrow();
    // AND a managed Role with a preset's name is refused
    expect(errorsOf((s) => new Role(s, 'ic', { name: 'aws-ic-access', version: RoleVersion.V7 }))).toContain(
      '[stack/ic] field "metadata.name": is "aws-ic-access", a preset role Teleport creates itself',
    );
  });

  test('an empty name or an unknown preset fails at synth with the path, the field and the fix', () => {
    // GIVEN a blank name and a misspelt preset
    const message = errorsOf((s) => {
      Role.fromName(s, 'blank', ' ');
      Role.fromPreset(s, 'typo', 'acess' as PresetRole);
    });
    // THEN each is reported
    expect(message).toContain('[stack/blank] field "metadata.name": is empty: an existing role needs its name. Fix: pass the role\'s name');
    expect(message).toContain(
      '[stack/typo] field "metadata.name": "acess" is not a Teleport preset role. ' + 'Fix: use PresetRole (access, editor, auditor',
    );
  });

  test('importFrom() adopts the role by name (with its provider), which also allows managing a preset', () => {
    // GIVEN a managed role named like the access preset, on an aliased provider
    const stack = newStack();
    const root = new l1.provider.TeleportProvider(stack, 'root', { alias: 'root' });
    const access = new Role(stack, 'access', { name: 'access', version: RoleVersion.V7, provider: root });
    // WHEN it is adopted
    access.importFrom();
    // THEN an import block names it, and synth accepts the preset name
    expect(synthJson(stack).import).toEqual([{ id: 'access', provider: 'teleport.root', to: `teleport_role.${access.resource.friendlyUniqueId}` }]);
  });
});
