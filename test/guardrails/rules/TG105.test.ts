// TG105: write access to the leaf's access control (roles, users, tokens, trust, auth, connectors).
import { hits, leafStack, role } from '../support';

const rules = (...r: { resources: string[]; verbs: string[]; where?: string }[]) => ({ allow: { rules: r } });

describe('TG105 triggers', () => {
  test('create and update on role, delete on token', () => {
    const leaf = leafStack([
      role('visitor', rules({ resources: ['role', 'node'], verbs: ['create', 'update', 'read'] }, { resources: ['token'], verbs: ['delete'] })),
    ]);
    expect(hits({ leaf }, 'TG105')).toEqual([
      {
        check: 'TG105',
        severity: 'error',
        stack: 'leaf',
        resource: 'teleport_role.visitor',
        path: 'spec.allow.rules',
        message:
          'leaf role "visitor" can write "role:create", "role:update", "token:delete" on the leaf, and root "root.example.com" (role "access") reaches it.',
      },
    ]);
  });

  test.each([['user'], ['trusted_cluster'], ['cluster_auth_preference'], ['github'], ['*']])("'*' verbs on %s", (resource) => {
    expect(hits({ leaf: leafStack([role('visitor', rules({ resources: [resource], verbs: ['*'] }))]) }, 'TG105')).toHaveLength(1);
  });

  test("Teleport's editor preset mapped on the leaf", () => {
    const found = hits({ leaf: leafStack([], [{ remote: 'access', local: ['editor'] }]) }, 'TG105');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ resource: 'teleport_trusted_cluster.root', path: 'spec.role_map[0].local' });
    expect(found[0].message).toContain('"role:create"');
  });
});

describe('TG105 does not trigger', () => {
  test('read and list on admin resources, anything on others', () => {
    const leaf = leafStack([
      role('visitor', rules({ resources: ['role', 'user', 'token'], verbs: ['list', 'read'] }, { resources: ['session', 'node'], verbs: ['*'] })),
    ]);
    expect(hits({ leaf }, 'TG105')).toEqual([]);
  });

  test('the write is denied in the role set', () => {
    const leaf = leafStack([
      role('visitor', { allow: { rules: [{ resources: ['role'], verbs: ['update'] }] }, deny: { rules: [{ resources: ['*'], verbs: ['update'] }] } }),
    ]);
    expect(hits({ leaf }, 'TG105')).toEqual([]);
  });

  test("Teleport's auditor preset (read only)", () => {
    expect(hits({ leaf: leafStack([], [{ remote: 'access', local: ['auditor'] }]) }, 'TG105')).toEqual([]);
  });
});
