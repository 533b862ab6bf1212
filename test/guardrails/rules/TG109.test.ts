// TG109 (strict pack only): agent or X11 forwarding.
import { GuardrailsPack } from '../../../lib/guardrails/pack';
import { VISITOR, hits, leafStack, role, run } from '../support';

describe('TG109 triggers', () => {
  test('forward_agent', () => {
    expect(hits({ leaf: leafStack([role('visitor', { ...VISITOR, options: { forward_agent: true } })]) }, 'TG109')).toEqual([
      {
        check: 'TG109',
        severity: 'error',
        stack: 'leaf',
        resource: 'teleport_role.visitor',
        path: 'spec.options.forward_agent',
        message: 'leaf role "visitor" allows agent forwarding, and root "root.example.com" (role "access") reaches it.',
      },
    ]);
  });

  test('X11 forwarding; in the strict pack, not the recommended one', () => {
    const leaf = leafStack([role('visitor', { ...VISITOR, options: { permit_x11_forwarding: true } })]);
    expect(hits({ leaf }, 'TG109').map((h) => h.path)).toEqual(['spec.options.permit_x11_forwarding']);
    expect(run({ leaf }, GuardrailsPack.STRICT).findings.filter((f) => f.check === 'TG109')).toHaveLength(1);
    expect(run({ leaf }, GuardrailsPack.RECOMMENDED).findings.filter((f) => f.check === 'TG109')).toEqual([]);
  });
});

describe('TG109 does not trigger', () => {
  test('neither option set', () => {
    expect(hits({ leaf: leafStack([role('visitor', VISITOR)]) }, 'TG109')).toEqual([]);
  });
});
