// Role: values known only at apply (tokens) pass through unchecked; helpers extend token lists and maps.
import { TerraformVariable, Token } from 'cdktf';
import { EnhancedRecordingEvent, LockingMode, Role, RoleRule, RoleVersion } from '../../lib/constructs/role';
import { newStack, synthJson } from '../support/constructs';
import { roleOf, synthRole } from '../support/role';

describe('Role tokens', () => {
  test('unresolved values skip value checks and pass through; helpers extend token lists with concat()', () => {
    // GIVEN a role made of variables, and a role whose version is a variable
    const stack = newStack();
    const s = (name: string) => new TerraformVariable(stack, name, { type: 'string' }).stringValue;
    const logins = new TerraformVariable(stack, 'logins', { type: 'list(string)' }).listValue;
    const r = new Role(stack, 'r', {
      name: s('name'),
      version: RoleVersion.V8,
      labels: { team: s('team') },
      // A token stands for any value: cast to the enum, as a user of a variable would.
      options: { maxSessionTtl: s('ttl'), lock: s('lock') as LockingMode, enhancedRecording: [s('event') as EnhancedRecordingEvent] },
      allow: {
        logins,
        nodeLabels: { env: [s('env')] },
        kubernetesResources: [{ kind: s('kind'), name: '*', namespace: '*', verbs: [s('verb')] }],
        rules: [{ resources: [s('resource')], verbs: [s('ruleverb')] }],
        awsRoleArns: [s('arn')],
      },
    });
    const unknownVersion = new Role(stack, 'v', {
      name: 'v',
      version: s('version') as RoleVersion,
      allow: { kubernetesResources: [{ kind: 'anything', name: '*' }] },
    });
    // WHEN a login is added to the variable list
    r.allowLogins('extra');
    const json = synthJson(stack);
    // THEN nothing is rejected, and the references are written as given
    const out = roleOf(json, r);
    expect(out.metadata).toEqual({ name: '${var.name}', labels: { team: '${var.team}' } });
    expect(roleOf(json, unknownVersion).version).toBe('${var.version}');
    expect(out.spec.allow.logins).toBe('${concat(var.logins, ["extra"])}');
    expect(out.spec.allow.node_labels).toEqual({ env: ['${var.env}'] });
    expect(out.spec.allow.kubernetes_resources).toEqual([{ kind: '${var.kind}', name: '*', namespace: '*', verbs: ['${var.verb}'] }]);
    expect(out.spec.options.max_session_ttl).toBe('${var.ttl}');
    expect(Token.isUnresolved(r.roleName)).toBe(true);
  });

  test('a token label map is merged with merge()', () => {
    // GIVEN a role whose app labels are a variable
    const stack = newStack();
    const labels = new TerraformVariable(stack, 'labels', { type: 'map(list(string))' });
    const r = new Role(stack, 'r', { name: 'r', version: RoleVersion.V7, allow: { appLabels: labels.value } });
    // WHEN a label is added
    r.allowAppLabels('app', 'grafana');
    // THEN the map is merged at apply
    expect(synthRole(r).spec.allow.app_labels).toBe('${merge(var.labels, {"app" = ["grafana"]})}');
  });

  test('token lists and rules grow with each call; the rules still see the literal values appended', () => {
    // GIVEN a role whose logins and rules are variables
    const stack = newStack();
    const list = (name: string) => new TerraformVariable(stack, name, { type: 'list(string)' }).listValue;
    const rules = Token.asAny(new TerraformVariable(stack, 'rules', { type: 'list(any)' }).value) as unknown as RoleRule[];
    const r = new Role(stack, 'r', { name: 'r', version: RoleVersion.V8, allow: { logins: list('logins'), rules } });
    // WHEN two calls append to each
    r.allowLogins('a');
    r.allowLogins('b');
    r.allowRead('session');
    // THEN the synthesized values nest concat() per call
    const allow = synthRole(r).spec.allow;
    expect(allow.logins).toBe('${concat(concat(var.logins, ["a"]), ["b"])}');
    expect(allow.rules).toBe('${concat(var.rules, [{"resources" = ["session"], "verbs" = ["list", "read"]}])}');
    // AND a bad literal appended to the token list is still caught, at its position after the token
    r.allowLogins('*');
    expect(() => synthJson(stack)).toThrow('[stack/r] field "spec.allow.logins": entry #4 is "*"');
  });
});
