// TG108 (warning in the recommended pack): max_session_ttl above the threshold.
import { VISITOR, hits, leafStack, role } from '../support';

describe('TG108 triggers', () => {
  test("no max_session_ttl: the server's 30h default, above 8h", () => {
    expect(hits({ leaf: leafStack([role('visitor', VISITOR)]) }, 'TG108')).toEqual([
      {
        check: 'TG108',
        severity: 'error',
        stack: 'leaf',
        resource: 'teleport_role.visitor',
        path: 'spec.options.max_session_ttl',
        message: 'leaf role "visitor" allows sessions of "30h0m0s", above "8h", and root "root.example.com" (role "access") reaches it.',
      },
    ]);
  });

  test('12h against a 10h threshold', () => {
    const leaf = leafStack([role('visitor', { ...VISITOR, options: { max_session_ttl: '12h' } })]);
    expect(hits({ leaf }, 'TG108', { maxSessionTtl: '10h' }).map((h) => h.message)).toEqual([
      expect.stringContaining('sessions of "12h", above "10h"'),
    ]);
  });
});

describe('TG108 does not trigger', () => {
  test('8h (the default threshold itself)', () => {
    expect(hits({ leaf: leafStack([role('visitor', { ...VISITOR, options: { max_session_ttl: '8h0m0s' } })]) }, 'TG108')).toEqual([]);
  });

  test('30h under a raised 36h threshold', () => {
    expect(hits({ leaf: leafStack([role('visitor', VISITOR)]) }, 'TG108', { maxSessionTtl: '36h' })).toEqual([]);
  });

  test('a value known only at apply', () => {
    expect(hits({ leaf: leafStack([role('visitor', { ...VISITOR, options: { max_session_ttl: '${var.ttl}' } })]) }, 'TG108')).toEqual([]);
  });
});
