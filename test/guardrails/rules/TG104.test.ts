// TG104: a role_map entry that maps every root role.
import { VISITOR, hits, leafStack, role } from '../support';

describe('TG104 triggers', () => {
  test.each([['*'], ['^.*$'], ['^(.*)$'], ['**']])('remote %s', (remote) => {
    expect(
      hits(
        {
          leaf: leafStack(
            [role('visitor', VISITOR)],
            [
              { remote: 'access', local: ['visitor'] },
              { remote, local: ['visitor'] },
            ],
          ),
        },
        'TG104',
      ),
    ).toEqual([
      {
        check: 'TG104',
        severity: 'error',
        stack: 'leaf',
        resource: 'teleport_trusted_cluster.root',
        path: 'spec.role_map[1].remote',
        message: `role_map[1] remote "${remote}" maps every role of root "root.example.com" to "visitor".`,
      },
    ]);
  });
});

describe('TG104 does not trigger', () => {
  test.each([['access'], ['leaf-*'], ['^dev-(.*)$'], ['^.+-admin$']])('remote %s', (remote) => {
    expect(hits({ leaf: leafStack([role('visitor', VISITOR)], [{ remote, local: ['visitor'] }]) }, 'TG104')).toEqual([]);
  });
});
