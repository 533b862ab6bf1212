// TG101: every node of the leaf, as a login that is not a fixed, non-root name.
import { LEAF, ROOT, VISITOR, hits, leafStack, role, stack, trust } from '../support';

const EVERY = { '*': ['*'] };

describe('TG101 triggers', () => {
  test("a template login on every node, for the root preset access (whose logins are the user's trait)", () => {
    const leaf = leafStack([role('visitor', { allow: { logins: ['{{internal.logins}}'], node_labels: EVERY } })]);
    expect(hits({ leaf }, 'TG101')).toEqual([
      {
        check: 'TG101',
        severity: 'error',
        stack: 'leaf',
        resource: 'teleport_role.visitor',
        path: 'spec.allow.node_labels',
        message: 'leaf role "visitor" allows every node as "{{internal.logins}}", and root "root.example.com" (role "access") reaches it.',
      },
    ]);
  });

  test('root on every node through an always-true expression', () => {
    const leaf = leafStack([role('visitor', { allow: { logins: ['root'], node_labels_expression: 'true || labels["env"] == "prod"' } })]);
    expect(hits({ leaf }, 'TG101').map((h) => h.message)).toEqual([
      'leaf role "visitor" allows every node as "root", and root "root.example.com" (role "access") reaches it.',
    ]);
  });

  test("the leaf's preset access role: reported on the trusted cluster's role_map entry", () => {
    const leaf = leafStack([], [{ remote: 'access', local: ['access'] }]);
    const found = hits({ leaf }, 'TG101');
    expect(found).toEqual([
      expect.objectContaining({
        resource: 'teleport_trusted_cluster.root',
        path: 'spec.role_map[0].local',
        message:
          'Teleport\'s preset role "access" on the leaf allows every node as "{{internal.logins}}", and root "root.example.com" (role "access") reaches it.',
      }),
    ]);
  });
});

describe('TG101 does not trigger', () => {
  test('the seed guide: one fixed, non-root login (that is TG102)', () => {
    expect(hits({ leaf: leafStack([role('visitor', VISITOR)]) }, 'TG101')).toEqual([]);
  });

  test('a template login on some nodes only', () => {
    expect(
      hits({ leaf: leafStack([role('visitor', { allow: { logins: ['{{internal.logins}}'], node_labels: { env: ['staging'] } } })]) }, 'TG101'),
    ).toEqual([]);
  });

  test("'*': '*' narrowed by an expression (an allow needs both to match)", () => {
    const spec = { allow: { logins: ['root'], node_labels: EVERY, node_labels_expression: 'labels["env"] == "dev"' } };
    expect(hits({ leaf: leafStack([role('visitor', spec)]) }, 'TG101')).toEqual([]);
  });

  test('a disabled trust grants nothing', () => {
    const leaf = stack(
      [{ addr: `${LEAF}:443` }],
      [
        role('visitor', { allow: { logins: ['root'], node_labels: EVERY } }),
        trust(ROOT, [{ remote: 'access', local: ['visitor'] }], { enabled: false }),
      ],
    );
    expect(hits({ leaf }, 'TG101')).toEqual([]);
  });

  test("a leaf {{internal.logins}} that the root's own access role fills with fixed names", () => {
    const root = stack([{ addr: `${ROOT}:443` }], [role('access', { allow: { logins: ['ubuntu'] } })]);
    const leaf = leafStack([role('visitor', { allow: { logins: ['{{internal.logins}}'], node_labels: EVERY } })]);
    expect(hits({ leaf, root }, 'TG101')).toEqual([]);
  });
});
