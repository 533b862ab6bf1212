// TG201: a Trusted_cluster join token without expiry, or living longer than 1h (now = 2030-01-01).
import { ROOT, hits, stack, token } from '../support';

const root = (...tokens: ReturnType<typeof token>[]) => ({ root: stack([{ addr: `${ROOT}:443` }], tokens) });
const tc = (metadata: Record<string, unknown>, roles = ['Trusted_cluster']) => token('join', metadata, { roles });

describe('TG201 triggers', () => {
  test('no expiry (noExpiry)', () => {
    expect(hits(root(tc({})), 'TG201')).toEqual([
      {
        check: 'TG201',
        severity: 'error',
        stack: 'root',
        resource: 'teleport_provision_token.join',
        path: 'metadata.expires',
        message: 'this Trusted_cluster join token never expires (no metadata.expires); the threshold is "1h".',
      },
    ]);
  });

  test('a 24h TTL from the plan', () => {
    expect(hits(root(tc({ expires: '${timeadd(plantimestamp(), "24h")}' })), 'TG201').map((h) => h.message)).toEqual([
      'this Trusted_cluster join token lives "24h" from the apply; the threshold is "1h".',
    ]);
  });

  test('an absolute expiry a year away (the role spelled trusted_cluster)', () => {
    expect(hits(root(tc({ expires: '2031-01-01T00:00:00Z' }, ['trusted_cluster'])), 'TG201').map((h) => h.message)).toEqual([
      'this Trusted_cluster join token expires at "2031-01-01T00:00:00Z", more than the threshold from now; the threshold is "1h".',
    ]);
  });

  test('30m against a 15m threshold', () => {
    expect(hits(root(tc({ expires: '${timeadd(timestamp(), "30m")}' })), 'TG201', { maxTrustedClusterTokenTtl: '15m' })).toHaveLength(1);
  });
});

describe('TG201 does not trigger', () => {
  test.each([['${timeadd(plantimestamp(), "15m")}'], ['${timeadd(plantimestamp(), "1h")}'], ['2030-01-01T00:30:00Z']])('expires %s', (expires) => {
    expect(hits(root(tc({ expires })), 'TG201')).toEqual([]);
  });

  test('a token without the Trusted_cluster role', () => {
    expect(hits(root(tc({}, ['Node'])), 'TG201')).toEqual([]);
  });

  test('an expiry known only at apply', () => {
    expect(hits(root(tc({ expires: '${var.expires}' })), 'TG201')).toEqual([]);
  });
});
