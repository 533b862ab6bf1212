// TG204: trusted clusters that form a cycle, across stacks.
import { VISITOR, hits, role, stack, trust } from '../support';

/** A stack for cluster `name` that trusts each of `roots`. */
const cluster = (name: string, ...roots: string[]) =>
  stack(
    [{ addr: `${name}:443` }],
    [role('visitor', VISITOR), ...roots.map((r) => trust(r, [{ remote: 'access', local: ['visitor'] }], { id: r.split('.')[0] }))],
  );

describe('TG204 triggers', () => {
  test('two clusters that trust each other, in two stacks', () => {
    expect(hits({ a: cluster('a.example.com', 'b.example.com'), b: cluster('b.example.com', 'a.example.com') }, 'TG204')).toEqual([
      {
        check: 'TG204',
        severity: 'error',
        stack: 'a',
        resource: 'teleport_trusted_cluster.b',
        path: 'metadata.name',
        message: 'leaf "a.example.com" trusts root "b.example.com", which (directly or through other clusters) trusts "a.example.com" back.',
      },
      {
        check: 'TG204',
        severity: 'error',
        stack: 'b',
        resource: 'teleport_trusted_cluster.a',
        path: 'metadata.name',
        message: 'leaf "b.example.com" trusts root "a.example.com", which (directly or through other clusters) trusts "b.example.com" back.',
      },
    ]);
  });

  test('a cycle through three clusters; the edge off the cycle is not reported', () => {
    const found = hits(
      {
        a: cluster('a.example.com', 'b.example.com'),
        b: cluster('b.example.com', 'c.example.com'),
        c: cluster('c.example.com', 'a.example.com'),
        d: cluster('d.example.com', 'a.example.com'),
      },
      'TG204',
    );
    expect(found.map((h) => h.stack)).toEqual(['a', 'b', 'c']);
  });

  test('a cluster that trusts itself', () => {
    expect(hits({ a: cluster('a.example.com', 'a.example.com') }, 'TG204')).toHaveLength(1);
  });
});

describe('TG204 does not trigger', () => {
  test('one root with two leaves', () => {
    expect(
      hits(
        { a: cluster('a.example.com', 'root.example.com'), b: cluster('b.example.com', 'root.example.com'), root: cluster('root.example.com') },
        'TG204',
      ),
    ).toEqual([]);
  });

  test('a chain: a trusts b, b trusts c', () => {
    expect(hits({ a: cluster('a.example.com', 'b.example.com'), b: cluster('b.example.com', 'c.example.com') }, 'TG204')).toEqual([]);
  });
});
