// TG103: the login root, or a template that can expand to it.
import { VISITOR, hits, leafStack, role } from '../support';

describe('TG103 triggers', () => {
  test('root on some nodes', () => {
    expect(hits({ leaf: leafStack([role('visitor', { allow: { logins: ['root', 'visitor'], node_labels: { env: ['dev'] } } })]) }, 'TG103')).toEqual([
      {
        check: 'TG103',
        severity: 'error',
        stack: 'leaf',
        resource: 'teleport_role.visitor',
        path: 'spec.allow.logins',
        message: 'leaf role "visitor" allows the login "root", and root "root.example.com" (role "access") reaches it.',
      },
    ]);
  });

  test("{{internal.logins}}: the root user's logins trait may hold root", () => {
    const leaf = leafStack([role('visitor', { allow: { logins: ['{{internal.logins}}'], node_labels: { env: ['dev'] } } })]);
    expect(hits({ leaf }, 'TG103').map((h) => h.message)).toEqual([
      'leaf role "visitor" allows the login "{{internal.logins}}" (can expand to "root"), and root "root.example.com" (role "access") reaches it.',
    ]);
  });

  test('a template with fixed text that still fits root (r{{external.rest}})', () => {
    expect(
      hits({ leaf: leafStack([role('visitor', { allow: { logins: ['r{{external.rest}}'], node_labels: { env: ['dev'] } } })]) }, 'TG103'),
    ).toHaveLength(1);
  });
});

describe('TG103 does not trigger', () => {
  test('fixed, non-root logins', () => {
    expect(hits({ leaf: leafStack([role('visitor', VISITOR)]) }, 'TG103')).toEqual([]);
  });

  test('a template whose fixed text cannot be root (dev-{{external.user}})', () => {
    expect(
      hits({ leaf: leafStack([role('visitor', { allow: { logins: ['dev-{{external.user}}'], node_labels: { env: ['dev'] } } })]) }, 'TG103'),
    ).toEqual([]);
  });

  test('a template with root denied in the leaf role', () => {
    const spec = { allow: { logins: ['{{internal.logins}}'], node_labels: { env: ['dev'] } }, deny: { logins: ['root'] } };
    expect(hits({ leaf: leafStack([role('visitor', spec)]) }, 'TG103')).toEqual([]);
  });

  test('root allowed but no node selected (the login reaches nothing)', () => {
    expect(hits({ leaf: leafStack([role('visitor', { allow: { logins: ['root'] } })]) }, 'TG103')).toEqual([]);
  });
});
