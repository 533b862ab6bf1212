// The rule machinery: a rule finds its culprit once, every problem is worded by one formatProblem,
// and a join method's facts come from one table (factories, spec blocks, block rules).
import { formatProblem } from '../../lib/common/problem';
import { evaluate, rule } from '../../lib/constructs/rules';
import { JOIN_METHODS, factoryProps } from '../../lib/constructs/provision-token/join-method-table';
import { JoinMethod, ProvisionToken } from '../../lib/constructs/provision-token';
import { PresetRole, Role, RoleVersion } from '../../lib/constructs/role';
import { managedRoleResource } from '../../lib/constructs/private/role-resource';
import { errorsOf, newStack, resourceOf, synthJson } from '../support/constructs';

describe('rule()', () => {
  test('finds the culprit once and hands it to message and fix', () => {
    const find = jest.fn((xs: string[]) => xs.find((x) => x.startsWith('!')));
    const r = rule({ field: 'spec.x', find, message: (bad: string) => `"${bad}" is bad.`, fix: (bad: string) => `drop "${bad}".` });
    expect(evaluate(['a', '!b', '!c'], [r])).toEqual(['field "spec.x": "!b" is bad. Fix: drop "!b".']);
    expect(find).toHaveBeenCalledTimes(1);
  });

  test('undefined and false keep the rule; any other culprit (even "") breaks it', () => {
    const r = (found: unknown) => rule({ field: 'f', find: () => found as string | undefined | false, message: (c) => `[${c}]`, fix: 'x' });
    expect(r(undefined).check(null)).toBeUndefined();
    expect(r(false).check(null)).toBeUndefined();
    expect(r('').check(null)).toEqual({ message: '[]', fix: 'x' });
    expect(r(true).check(null)).toEqual({ message: '[true]', fix: 'x' });
  });
});

describe('formatProblem', () => {
  test('field, message and fix; a subject before the field; no field; no fix', () => {
    expect(formatProblem({ field: 'spec.a', message: 'is bad.', fix: 'fix it.' })).toBe('field "spec.a": is bad. Fix: fix it.');
    expect(formatProblem({ field: 'spec.a', message: 'is bad.', fix: 'fix it.' }, 'teleport_role.x')).toBe(
      'teleport_role.x field "spec.a": is bad. Fix: fix it.',
    );
    expect(formatProblem({ message: 'is bad.', fix: 'fix it.' }, 'teleport_role.x')).toBe('teleport_role.x: is bad. Fix: fix it.');
    expect(formatProblem({ field: 'spec.a', message: 'is bad.' })).toBe('field "spec.a": is bad.');
  });
});

describe('the join method table', () => {
  test('has one entry per JoinMethod, in enum order, each naming an existing factory', () => {
    expect(JOIN_METHODS.map((e) => e.method)).toEqual(Object.values(JoinMethod));
    for (const e of JOIN_METHODS) {
      const name = /^ProvisionToken\.(\w+)\(\)$/.exec(e.factory)?.[1];
      expect(typeof (ProvisionToken as any)[name ?? '']).toBe('function');
    }
  });

  test('a factory moves exactly its block fields into spec.<method> and sets the join method', () => {
    expect(factoryProps(JoinMethod.GITLAB, { allow: [{ sub: 's' }], domain: 'gl.example.com', botName: 'ci' })).toEqual({
      botName: 'ci',
      joinMethod: 'gitlab',
      gitlab: { allow: [{ sub: 's' }], domain: 'gl.example.com', staticJwks: undefined },
    });
    expect(factoryProps(JoinMethod.EC2, { allow: [{ awsAccount: '1' }] })).toEqual({ allow: [{ awsAccount: '1' }], joinMethod: 'ec2' });
  });

  test('block defaults from the table are written into the synthesized spec', () => {
    const stack = newStack();
    const gitlab = ProvisionToken.gitlab(stack, 'gl', { roles: ['Bot'], botName: 'ci', allow: [{ projectPath: 'g/p' }] });
    const k8s = ProvisionToken.kubernetes(stack, 'k8s', { roles: ['Node'], allow: [{ serviceAccount: 'ns:sa' }] });
    const json = synthJson(stack);
    expect(resourceOf(json, gitlab.resource).spec.gitlab).toEqual({ allow: [{ project_path: 'g/p' }], domain: 'gitlab.com' });
    expect(resourceOf(json, k8s.resource).spec.kubernetes).toEqual({ allow: [{ service_account: 'ns:sa' }], type: 'in_cluster' });
  });

  test('a block of another method names every method and factory it belongs to', () => {
    const github = { allow: [{ sub: 'x' }] };
    expect(
      errorsOf((s) => new ProvisionToken(s, 'tok', { roles: ['Node'], joinMethod: JoinMethod.GITHUB, allow: [{ awsAccount: '1' }], github })),
    ).toContain(
      'field "spec.allow": is set, but join_method is "github": spec.allow belongs to the "ec2" and "iam" join methods. ' +
        'Fix: use ProvisionToken.ec2() or ProvisionToken.iam() (or joinMethod: JoinMethod.EC2 / JoinMethod.IAM), or remove spec.allow.',
    );
    const iam = { roles: ['Node'], awsIidTtl: '5m', allow: [{ awsAccount: '1' }], joinMethod: JoinMethod.IAM };
    expect(errorsOf((s) => new ProvisionToken(s, 'tok', iam))).toContain(
      'field "spec.aws_iid_ttl": is set, but join_method is "iam": spec.aws_iid_ttl belongs to the "ec2" join method. ' +
        'Fix: use ProvisionToken.ec2() (or joinMethod: JoinMethod.EC2), or remove spec.aws_iid_ttl.',
    );
  });
});

describe('managedRoleResource (what the trusted cluster rules read instead of casting IRole)', () => {
  test('is the teleport_role of a managed Role, and undefined for an existing role or a preset', () => {
    const stack = newStack();
    const managed = new Role(stack, 'Visitor', { name: 'visitor', version: RoleVersion.V7 });
    expect(managedRoleResource(managed)).toBe(managed.resource);
    expect(managedRoleResource(Role.fromName(stack, 'Existing', 'existing'))).toBeUndefined();
    expect(managedRoleResource(Role.fromPreset(stack, 'Access', PresetRole.ACCESS))).toBeUndefined();
  });
});
