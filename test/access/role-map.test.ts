// role_map matching as Teleport's MapRoles does it (ReplaceRegexp, GlobToRegexp, Go's Expand).
import { globToRegexp, goExpand, remotePattern } from '../../lib/access/role-map';

describe('role_map patterns', () => {
  test('exact names, globs and ^...$ expressions, always on the whole name', () => {
    expect(remotePattern('access').map('access', ['visitor'])).toEqual(['visitor']);
    expect(remotePattern('access').map('access-2', ['visitor'])).toBeUndefined();
    expect(remotePattern('cluster-*').map('cluster-admin', ['clusteradmin'])).toEqual(['clusteradmin']);
    expect(remotePattern('cluster-*').map('my-cluster-admin', ['x'])).toBeUndefined();
    // The guide's example: remote-one -> local-one.
    expect(remotePattern('^remote-(.*)$').map('remote-one', ['local-$1'])).toEqual(['local-one']);
    // A glob's * is a capture group too; a dot is literal in a glob.
    expect(remotePattern('team.*').map('team.dev', ['t-$1'])).toEqual(['t-dev']);
    expect(remotePattern('team.*').map('teamXdev', ['t'])).toBeUndefined();
    expect(globToRegexp('a.b*')).toBe('a\\.b(.*)');
  });

  test("Go's Expand: ${1}, named groups, $$, $1x as a name, missing groups expand to nothing", () => {
    const groups: Record<string, string> = { '0': 'team-dev', '1': 'dev', env: 'dev' };
    const g = (ref: string) => groups[ref];
    expect(goExpand('${1}-x', g)).toBe('dev-x');
    expect(goExpand('$1x', g)).toBe(''); // the name "1x" does not exist
    expect(goExpand('$$1', g)).toBe('$1');
    expect(goExpand('$env', g)).toBe('dev');
    expect(goExpand('a$', g)).toBe('a$');
    // Named RE2 groups; an expansion that comes out empty maps nothing (MapRoles drops it).
    expect(remotePattern('^(?P<team>[a-z]+)-admins$').map('ops-admins', ['${team}-leaf', '$2'])).toEqual(['ops-leaf', '']);
  });

  test('kinds, invalid expressions and patterns that map every role', () => {
    expect(remotePattern('*')).toMatchObject({ kind: 'glob', matchesEveryRole: true });
    expect(remotePattern('^.*$')).toMatchObject({ kind: 'regex', matchesEveryRole: true });
    expect(remotePattern('^(.+)$')).toMatchObject({ kind: 'regex', matchesEveryRole: true });
    expect(remotePattern('^team-.*$')).toMatchObject({ kind: 'regex', matchesEveryRole: false });
    expect(remotePattern('dev')).toMatchObject({ kind: 'exact', matchesEveryRole: false });
    expect(remotePattern('${var.remote}')).toMatchObject({ kind: 'at-apply', matchesEveryRole: false });
    // RE2 has no lookahead: Teleport rejects it, and so does the model.
    expect(remotePattern('^(?=a).*$')).toMatchObject({ kind: 'invalid' });
  });
});

describe('exact names match without a regular expression', () => {
  // What the RE2 path would do with an exact name, for comparison: `^QuoteMeta(name)$`.
  const viaRegex = (remote: string) => remotePattern(`^${globToRegexp(remote)}$`);
  const names = ['access', 'a.b', 'a+b', 'a(b)', 'x$1', '', 'é-ü', 'multi\nline', 'access\n', ' access', 'ACCESS', '[a]', 'a|b', 'a{2}', 'a\\b'];
  const locals = [['visitor'], ['$0-local', '${0}', '$1', '${name}', '$$', 'a$'], []];

  test.each(names)('%j: the same mapping as its ^QuoteMeta(name)$ expression, for every role name', (remote) => {
    const exact = remotePattern(remote);
    expect(exact).toMatchObject({ kind: 'exact', matchesEveryRole: false });
    for (const role of [...names, `${remote}x`, `x${remote}`]) {
      for (const l of locals) expect(exact.map(role, l)).toEqual(viaRegex(remote).map(role, l));
    }
    expect(exact.map(remote, ['$0!'])).toEqual([`${remote}!`]);
  });
});
