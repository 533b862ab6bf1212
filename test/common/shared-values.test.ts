// The plain helpers every concept shares (lib/common): Go durations, RFC 3339 times, label keys,
// system roles; and the access model's durations, which read Go durations through the same parser.
import { durationMs } from '../../lib/access/grants';
import { parseGoDuration, parseRfc3339 } from '../../lib/common/duration';
import { isLabelKey } from '../../lib/common/label-key';
import { KNOWN_SYSTEM_ROLES, SystemRole, canonicalSystemRole, isTrustedClusterRole } from '../../lib/common/system-roles';

describe('Go durations', () => {
  test.each([
    ['1h30m', 5_400_000],
    ['30h0m0s', 108_000_000],
    ['1.5h', 5_400_000],
    ['1ms', 1],
    ['250us', 0.25],
    ['250µs', 0.25],
    ['250μs', 0.25],
    ['0s', 0],
    ['1d', undefined],
    ['', undefined],
    ['1h 30m', undefined],
    ['h', undefined],
    ['5', undefined],
  ])('%s', (text, ms) => {
    expect(parseGoDuration(text)).toBe(ms);
    expect(durationMs(text)).toBe(ms);
  });

  test('durationMs takes anything and answers undefined for a non-string', () => {
    expect(durationMs(3600)).toBeUndefined();
    expect(durationMs(undefined)).toBeUndefined();
  });
});

test('RFC 3339 times', () => {
  expect(parseRfc3339('2030-01-31T12:00:00Z')?.toISOString()).toBe('2030-01-31T12:00:00.000Z');
  expect(parseRfc3339('2030-01-31t12:00:00.5+02:00')?.toISOString()).toBe('2030-01-31T10:00:00.500Z');
  expect(parseRfc3339('2030-01-31')).toBeUndefined();
  expect(parseRfc3339('2030-13-45T99:00:00Z')).toBeUndefined();
});

test('label keys', () => {
  expect(['env', 'teleport.dev/team', 'a_b-c:d*', 'X9'].filter((k) => !isLabelKey(k))).toEqual([]);
  expect(['', 'team name', 'env!', 'ünicode'].filter(isLabelKey)).toEqual([]);
});

test("system roles: case-insensitive, Teleport's aliases, canonical spelling", () => {
  expect(canonicalSystemRole(' trusted_cluster ')).toBe(SystemRole.TRUSTED_CLUSTER);
  expect(canonicalSystemRole('trustedcluster')).toBe('Trusted_cluster');
  expect(canonicalSystemRole('windows_desktop')).toBe('WindowsDesktop');
  expect(canonicalSystemRole('access')).toBeUndefined();
  expect(KNOWN_SYSTEM_ROLES).toContain('Bot');
});

test('the Trusted_cluster role, as the access model, validate and the live checks recognise it', () => {
  expect(['Trusted_cluster', 'trusted_cluster', 'TrustedCluster', ' TRUSTED_CLUSTER'].filter((r) => !isTrustedClusterRole(r))).toEqual([]);
  expect(['Node', 'trusted-cluster', '', undefined, 7].filter(isTrustedClusterRole)).toEqual([]);
});
