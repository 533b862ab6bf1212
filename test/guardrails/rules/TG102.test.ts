// TG102: every node of the leaf (fixed, non-root logins: the seed guide's visitor).
import { LEAF, ROOT, VISITOR, hits, leafStack, role, stack, trust } from '../support';

describe('TG102 triggers', () => {
  test("the seed guide's visitor: login visitor on '*': '*'", () => {
    expect(hits({ leaf: leafStack([role('visitor', VISITOR)]) }, 'TG102')).toEqual([
      {
        check: 'TG102',
        severity: 'error',
        stack: 'leaf',
        resource: 'teleport_role.visitor',
        path: 'spec.allow.node_labels',
        message: 'leaf role "visitor" allows every node of the leaf (as "visitor"), and root "root.example.com" (role "access") reaches it.',
      },
    ]);
  });

  test('an expression that is always true, reached through a glob role_map from two root roles', () => {
    const leaf = leafStack([role('ops', { allow: { logins: ['ops'], node_labels_expression: '!false' } })], [{ remote: 'acc*', local: ['ops'] }]);
    const root = stack([{ addr: `${ROOT}:443` }], [role('accounting', { allow: { logins: ['ops'] } })]);
    expect(hits({ leaf, root }, 'TG102').map((h) => h.message)).toEqual([
      'leaf role "ops" allows every node of the leaf (as "ops"), and root "root.example.com" (role "accounting", role "access", roles matching "acc*") reaches it.',
    ]);
  });

  test('a v3 role with logins and no node_labels (the server fills in the wildcard)', () => {
    expect(hits({ leaf: leafStack([role('visitor', { allow: { logins: ['visitor'] } }, { version: 'v3' })]) }, 'TG102')).toHaveLength(1);
  });
});

describe('TG102 does not trigger', () => {
  test('labels that select some nodes', () => {
    expect(hits({ leaf: leafStack([role('visitor', { allow: { logins: ['visitor'], node_labels: { env: ['staging'] } } })]) }, 'TG102')).toEqual([]);
  });

  test('a v7 role with logins and no node_labels (an empty selector matches nothing)', () => {
    expect(hits({ leaf: leafStack([role('visitor', { allow: { logins: ['visitor'] } })]) }, 'TG102')).toEqual([]);
  });

  test('the login is denied by another mapped role', () => {
    const leaf = leafStack(
      [role('visitor', VISITOR), role('no-visitor', { deny: { logins: ['visitor'] } })],
      [{ remote: 'access', local: ['visitor', 'no-visitor'] }],
    );
    expect(hits({ leaf }, 'TG102')).toEqual([]);
  });

  test('a role no root role maps', () => {
    const leaf = stack([{ addr: `${LEAF}:443` }], [role('visitor', VISITOR), trust(ROOT, [{ remote: 'access', local: ['auditor'] }])]);
    expect(hits({ leaf }, 'TG102')).toEqual([]);
  });
});
