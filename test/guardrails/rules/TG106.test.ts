// TG106: the Kubernetes group system:masters (or *), or a template that can become it.
import { ROOT, hits, leafStack, role, stack } from '../support';

const kube = (groups: string[], extra = {}) => ({ allow: { kubernetes_labels: { env: ['dev'] }, kubernetes_groups: groups }, ...extra });

describe('TG106 triggers', () => {
  test('system:masters', () => {
    expect(hits({ leaf: leafStack([role('visitor', kube(['viewers', 'system:masters']))]) }, 'TG106')).toEqual([
      {
        check: 'TG106',
        severity: 'error',
        stack: 'leaf',
        resource: 'teleport_role.visitor',
        path: 'spec.allow.kubernetes_groups',
        message: 'leaf role "visitor" grants the Kubernetes group(s) "system:masters", and root "root.example.com" (role "access") reaches it.',
      },
    ]);
  });

  test('*', () => {
    expect(hits({ leaf: leafStack([role('visitor', kube(['*']))]) }, 'TG106').map((h) => h.message)).toEqual([
      expect.stringContaining('group(s) "*"'),
    ]);
  });

  test("{{internal.kubernetes_groups}} from a root role that issues system:masters (the guide's example)", () => {
    const root = stack([{ addr: `${ROOT}:443` }], [role('access', { allow: { kubernetes_groups: ['system:masters'] } })]);
    expect(hits({ leaf: leafStack([role('visitor', kube(['{{internal.kubernetes_groups}}']))]), root }, 'TG106').map((h) => h.message)).toEqual([
      'leaf role "visitor" grants the Kubernetes group(s) "system:masters", and root "root.example.com" (role "access") reaches it.',
    ]);
  });
});

describe('TG106 does not trigger', () => {
  test('named groups', () => {
    expect(hits({ leaf: leafStack([role('visitor', kube(['viewers', 'developers']))]) }, 'TG106')).toEqual([]);
  });

  test('{{internal.kubernetes_groups}} from a root role that issues viewers only', () => {
    const root = stack([{ addr: `${ROOT}:443` }], [role('access', { allow: { kubernetes_groups: ['viewers'] } })]);
    expect(hits({ leaf: leafStack([role('visitor', kube(['{{internal.kubernetes_groups}}']))]), root }, 'TG106')).toEqual([]);
  });

  test('system:masters denied in the role set', () => {
    expect(
      hits({ leaf: leafStack([role('visitor', kube(['system:masters'], { deny: { kubernetes_groups: ['system:masters'] } }))]) }, 'TG106'),
    ).toEqual([]);
  });
});
