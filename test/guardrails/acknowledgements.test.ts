// Acknowledgements read from the JSON: which findings they accept, malformed ones, unused ones.
import { checkConfig } from '../../lib/check';
import { GuardrailsPack } from '../../lib/guardrails/pack';
import { VISITOR, leafStack, role, run } from './support';

const REASON = 'The demo leaf is a sandbox: every node there is meant for every visitor.';
const visitorWith = (ack: Record<string, unknown>[]) => ({ leaf: leafStack([role('visitor', VISITOR, { ack })]) });
const checks = (r: ReturnType<typeof run>) => r.findings.map((f) => [f.check, f.severity, f.location.address, f.path]);

test('an acknowledgement of TG102 on the role moves that finding apart, with its reason and recorder', () => {
  const result = run(visitorWith([{ rule: 'TG102', reason: REASON, by: 'leaf/Visitor' }]), GuardrailsPack.RECOMMENDED);
  expect(result.acknowledged).toEqual([
    expect.objectContaining({
      check: 'TG102',
      severity: 'error',
      location: { stack: 'leaf', address: 'teleport_role.visitor', provider: 'teleport' },
      path: 'spec.allow.node_labels',
      acknowledgement: expect.objectContaining({ rule: 'TG102', reason: REASON, by: 'leaf/Visitor' }),
    }),
  ]);
  expect(checks(result)).toEqual([
    ['TG107', 'warning', 'teleport_role.visitor', 'spec.options.require_session_mfa'],
    ['TG108', 'warning', 'teleport_role.visitor', 'spec.options.max_session_ttl'],
  ]);
});

test('the schema check accepts the // keys acknowledgements add', () => {
  expect(checkConfig(visitorWith([{ rule: 'TG102', reason: REASON, by: 'leaf/Visitor' }]).leaf)).toEqual([]);
});

test('an acknowledgement on another resource does not accept the finding, and is reported unused', () => {
  const leaf = leafStack([role('visitor', VISITOR), role('other', { allow: {} }, { ack: [{ rule: 'TG102', reason: REASON }] })]);
  const result = run({ leaf }, GuardrailsPack.RECOMMENDED);
  expect(result.acknowledged).toEqual([]);
  expect(result.findings.filter((f) => f.check !== 'TG107' && f.check !== 'TG108')).toEqual([
    expect.objectContaining({ check: 'TG102', severity: 'error', location: expect.objectContaining({ address: 'teleport_role.visitor' }) }),
    {
      check: 'guardrails.unused-acknowledgement',
      severity: 'warning',
      location: { stack: 'leaf', address: 'teleport_role.other', provider: 'teleport' },
      path: '//.guardrails.acknowledged',
      message: `the acknowledgement of TG102 ("${REASON}") matches no finding of TG102 here.`,
      fix: 'remove the acknowledgement (the configuration no longer does what it excused), or move it to the resource TG102 reports.',
    },
  ]);
});

test('one acknowledging construct over several resources counts as used when any of them matched', () => {
  const ack = [{ rule: 'TG102', reason: REASON, by: 'leaf/Guide' }];
  const leaf = leafStack([role('visitor', VISITOR, { ack }), role('other', { allow: {} }, { ack })]);
  const result = run({ leaf }, GuardrailsPack.RECOMMENDED);
  expect(result.acknowledged.map((a) => a.check)).toEqual(['TG102']);
  expect(result.findings.map((f) => f.check)).toEqual(['TG107', 'TG108']);
});

test('an acknowledgement of a rule the pack does not run is left alone', () => {
  const result = run(visitorWith([{ rule: 'TG109', reason: REASON }]), GuardrailsPack.RECOMMENDED);
  expect(result.findings.map((f) => f.check)).toEqual(['TG102', 'TG107', 'TG108']);
});

test.each([
  [
    [{ rule: 'TG102', reason: 'ok' }],
    'guardrails.acknowledgement',
    '//.guardrails.acknowledged[0].reason',
    'the acknowledgement of TG102 has the reason "ok", which is not a sentence (at least 4 words and 20 characters).',
  ],
  [
    [{ rule: 'TG102', reason: 'because it is fine' }],
    'guardrails.acknowledgement',
    '//.guardrails.acknowledged[0].reason',
    'the acknowledgement of TG102 has the reason "because it is fine", which is not a sentence (at least 4 words and 20 characters).',
  ],
  [[{ rule: 'TG102' }], 'guardrails.acknowledgement', '//.guardrails.acknowledged[0].reason', 'the acknowledgement of TG102 has no reason.'],
  [
    [{ rule: 'TG999', reason: REASON }],
    'guardrails.acknowledgement',
    '//.guardrails.acknowledged[0].rule',
    'acknowledges "TG999", which is not a guardrail rule.',
  ],
  [[null], 'guardrails.acknowledgement', '//.guardrails.acknowledged[0].rule', 'acknowledges no rule.'],
])('malformed: %j is an error and accepts nothing', (ack, check, path, message) => {
  const result = run(visitorWith(ack as Record<string, unknown>[]), GuardrailsPack.RECOMMENDED);
  expect(result.acknowledged).toEqual([]);
  expect(result.findings.find((f) => f.check === check)).toEqual(
    expect.objectContaining({ severity: 'error', path, message, location: expect.objectContaining({ address: 'teleport_role.visitor' }) }),
  );
  expect(result.findings.map((f) => f.check)).toContain('TG102');
});

test('an acknowledgement list that is not a list is an error', () => {
  const leaf = leafStack([role('visitor', VISITOR)]);
  leaf.resource.teleport_role.visitor['//'] = { guardrails: { acknowledged: 'TG102' } };
  const found = run({ leaf }, GuardrailsPack.RECOMMENDED).findings.find((f) => f.check === 'guardrails.acknowledgement');
  expect(found).toEqual(
    expect.objectContaining({ path: '//.guardrails.acknowledged', message: 'guardrail acknowledgements must be a list of {rule, reason} objects.' }),
  );
});
