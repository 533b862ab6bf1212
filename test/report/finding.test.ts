import { Finding, sortFindings } from '../../lib/report/finding';
import { REDACTED, clearSecrets, redactFinding, registerSecret } from '../../lib/report/redact';

const f = (stack: string | undefined, resource: string, severity: Finding['severity'] = 'error'): Finding => ({
  severity,
  check: 'c',
  resource,
  message: 'm',
  ...(stack === undefined ? {} : { stack }),
});

describe('Finding.stack', () => {
  afterEach(() => clearSecrets());

  test('sortFindings orders by stack, then resource, then severity', () => {
    const sorted = sortFindings([
      f('b', 'teleport_role.a'),
      f('a', 'teleport_role.z', 'warning'),
      f('a', 'teleport_role.z'),
      f(undefined, 'teleport_role.m'),
    ]);
    expect(sorted.map((x) => [x.stack, x.resource, x.severity])).toEqual([
      [undefined, 'teleport_role.m', 'error'],
      ['a', 'teleport_role.z', 'error'],
      ['a', 'teleport_role.z', 'warning'],
      ['b', 'teleport_role.a', 'error'],
    ]);
  });

  test('a stack name holding a secret is redacted', () => {
    registerSecret('stack-secret');
    expect(redactFinding(f('stack-secret', 'teleport_role.x')).stack).toBe(REDACTED);
  });
});
