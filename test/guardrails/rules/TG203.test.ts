// TG203 (warning in the recommended pack): a disabled trusted cluster kept in the configuration.
import { LEAF, ROOT, VISITOR, hits, role, stack, trust } from '../support';

const leaf = (enabled: unknown) => ({
  leaf: stack([{ addr: `${LEAF}:443` }], [role('visitor', VISITOR), trust(ROOT, [{ remote: 'access', local: ['visitor'] }], { enabled })]),
});

describe('TG203 triggers', () => {
  test('enabled: false', () => {
    expect(hits(leaf(false), 'TG203')).toEqual([
      {
        check: 'TG203',
        severity: 'error',
        stack: 'leaf',
        resource: 'teleport_trusted_cluster.root',
        path: 'spec.enabled',
        message: 'the trust of leaf "leaf.example.com" in root "root.example.com" is disabled and kept.',
      },
    ]);
  });
});

describe('TG203 does not trigger', () => {
  test.each([[true], ['${var.enabled}']])('enabled: %s', (enabled) => {
    expect(hits(leaf(enabled), 'TG203')).toEqual([]);
  });
});
