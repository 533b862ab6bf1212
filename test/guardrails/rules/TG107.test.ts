// TG107 (warning in the recommended pack): logins or Kubernetes groups without per-session MFA.
import { GuardrailsPack } from '../../../lib/guardrails/pack';
import { VISITOR, hits, leafStack, role, run } from '../support';

describe('TG107 triggers', () => {
  test('the seed guide visitor (logins, no require_session_mfa); a warning in the recommended pack', () => {
    const leaf = leafStack([role('visitor', VISITOR)]);
    expect(hits({ leaf }, 'TG107')).toEqual([
      {
        check: 'TG107',
        severity: 'error',
        stack: 'leaf',
        resource: 'teleport_role.visitor',
        path: 'spec.options.require_session_mfa',
        message: 'leaf role "visitor" grants SSH logins without per-session MFA, and root "root.example.com" (role "access") reaches it.',
      },
    ]);
    expect(run({ leaf }, GuardrailsPack.RECOMMENDED).findings.find((f) => f.check === 'TG107')?.severity).toBe('warning');
  });

  test('Kubernetes groups, require_session_mfa 0 (off)', () => {
    const leaf = leafStack([
      role('visitor', { options: { require_session_mfa: 0 }, allow: { kubernetes_labels: { env: ['dev'] }, kubernetes_groups: ['viewers'] } }),
    ]);
    expect(hits({ leaf }, 'TG107').map((h) => h.message)).toEqual([
      'leaf role "visitor" grants Kubernetes groups without per-session MFA, and root "root.example.com" (role "access") reaches it.',
    ]);
  });
});

describe('TG107 does not trigger', () => {
  test('require_session_mfa 1 (per session)', () => {
    expect(hits({ leaf: leafStack([role('visitor', { ...VISITOR, options: { require_session_mfa: 1 } })]) }, 'TG107')).toEqual([]);
  });

  test('a role that grants neither logins nor Kubernetes groups', () => {
    expect(hits({ leaf: leafStack([role('visitor', { allow: { app_labels: { env: ['dev'] } } })]) }, 'TG107')).toEqual([]);
  });
});
