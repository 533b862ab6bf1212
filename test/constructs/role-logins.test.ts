// Role: the helpers for who a user may be (logins, database and Kubernetes identities), on the synthesized JSON.
import { Role, RoleVersion } from '../../lib/constructs/role';
import { newStack } from '../support/constructs';
import { OPTIONS_V7, synthRole } from '../support/role';

describe('Role logins', () => {
  test('the seed visitor role: logins and node labels, server defaults written out, empty deny', () => {
    // GIVEN the guide's visitor role
    const visitor = new Role(newStack(), 'visitor', { name: 'visitor', version: RoleVersion.V7 });
    // WHEN it gets the visitor login on every node
    visitor.allowLogins('visitor');
    visitor.allowNodeLabels('*', '*');
    // THEN the whole teleport_role is the guide's, with what the server adds
    expect(synthRole(visitor)).toEqual({
      version: 'v7',
      metadata: { name: 'visitor' },
      spec: {
        options: OPTIONS_V7,
        allow: { logins: ['visitor'], node_labels: { '*': ['*'] } },
        deny: {},
      },
    });
    expect(visitor.roleName).toBe('visitor');
    expect(visitor.version).toBe(RoleVersion.V7);
  });

  test('allowLogins adds to the logins of the props, without duplicates; traits stay as written', () => {
    // GIVEN a role that allows ubuntu in its props
    const r = new Role(newStack(), 'dev', { name: 'dev', version: RoleVersion.V8, allow: { logins: ['ubuntu'] } });
    // WHEN helpers add logins, one of them again, in two calls
    r.allowLogins('ubuntu', '{{internal.logins}}');
    r.allowLogins('ec2-user');
    // THEN each login is there once, in order
    expect(synthRole(r).spec.allow).toEqual({ logins: ['ubuntu', '{{internal.logins}}', 'ec2-user'] });
  });

  test('denyLogins and allowWindowsDesktopLogins land on their side and attribute', () => {
    // GIVEN a role without conditions
    const r = new Role(newStack(), 'dev', { name: 'dev', version: RoleVersion.V8 });
    // WHEN root is denied and a Windows login allowed
    r.denyLogins('root');
    r.allowWindowsDesktopLogins('Administrator');
    // THEN
    const spec = synthRole(r).spec;
    expect(spec.allow).toEqual({ windows_desktop_logins: ['Administrator'] });
    expect(spec.deny).toEqual({ logins: ['root'] });
  });

  test('database users and names, Kubernetes groups and users, without duplicates', () => {
    // GIVEN a role without conditions
    const r = new Role(newStack(), 'dev', { name: 'dev', version: RoleVersion.V8 });
    // WHEN the identity helpers are called (one name twice)
    r.allowDatabaseUsers('reader');
    r.allowDatabaseNames('app', 'app');
    r.allowKubernetesGroups('viewers');
    r.allowKubernetesUsers('dev-user');
    // THEN each lands in its attribute; no Kubernetes labels, so no kubernetes_resources default
    const spec = synthRole(r).spec;
    expect(spec.allow).toEqual({ db_users: ['reader'], db_names: ['app'], kubernetes_groups: ['viewers'], kubernetes_users: ['dev-user'] });
    expect(spec.deny).toEqual({});
  });
});
