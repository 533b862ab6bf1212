// Packs: what recommended, strict, off and custom packs run, at which levels; thresholds; the CLI spec.
import { Guardrails } from '../../lib/guardrails/guardrails';
import { GuardrailLevel, GuardrailsPack } from '../../lib/guardrails/pack';
import { parsePackSpec } from '../../lib/guardrails/pack-spec';
import { RULES } from '../../lib/guardrails/rules';

const levels = (pack: GuardrailsPack) => Object.fromEntries(pack.rules.map((r) => [r.rule, r.level]));

test('recommended: every recommended rule at its own level; TG109 only in strict', () => {
  expect(levels(Guardrails.RECOMMENDED)).toEqual({
    TG101: 'error',
    TG102: 'error',
    TG103: 'error',
    TG104: 'error',
    TG105: 'error',
    TG106: 'error',
    TG107: 'warning',
    TG108: 'warning',
    TG201: 'error',
    TG202: 'error',
    TG203: 'warning',
    TG204: 'error',
  });
  expect(Guardrails.RECOMMENDED.maxSessionTtl).toBe('8h');
  expect(Guardrails.RECOMMENDED.maxTrustedClusterTokenTtl).toBe('1h');
});

test('strict: every rule, each an error; off: none', () => {
  expect(levels(Guardrails.STRICT)).toEqual(Object.fromEntries(RULES.map((r) => [r.id, 'error'])));
  expect(Guardrails.OFF.rules).toEqual([]);
  expect(Guardrails.OFF.isOff).toBe(true);
});

test('custom packs, levels changed and thresholds, without touching the pack they came from', () => {
  const custom = GuardrailsPack.custom({
    name: 'team',
    rules: [
      { rule: 'TG104', level: GuardrailLevel.WARNING },
      { rule: 'TG201', level: GuardrailLevel.ERROR },
    ],
    maxTrustedClusterTokenTtl: '30m',
  });
  expect(custom.name).toBe('team');
  expect(levels(custom)).toEqual({ TG104: 'warning', TG201: 'error' });
  expect(custom.maxTrustedClusterTokenTtl).toBe('30m');
  const changed = Guardrails.RECOMMENDED.withLevels(
    { rule: 'TG107', level: GuardrailLevel.OFF },
    { rule: 'TG109', level: GuardrailLevel.WARNING },
  ).withThresholds({ maxSessionTtl: '12h' });
  expect(changed.levelOf('TG107')).toBe('off');
  expect(changed.levelOf('TG109')).toBe('warning');
  expect(changed.maxSessionTtl).toBe('12h');
  expect(Guardrails.RECOMMENDED.levelOf('TG107')).toBe('warning');
  expect(Guardrails.RECOMMENDED.maxSessionTtl).toBe('8h');
});

test('unknown rules, levels and durations fail, with a did-you-mean', () => {
  expect(() => GuardrailsPack.custom({ rules: [{ rule: 'TG1O1', level: GuardrailLevel.ERROR }] })).toThrow(
    /unknown guardrail rule "TG1O1" \(did you mean "TG101"\?\): the rules are TG101, TG102/,
  );
  expect(() => GuardrailsPack.custom({ rules: [{ rule: 'TG101', level: 'fatal' as GuardrailLevel }] })).toThrow(
    'guardrail rule TG101: level "fatal" is not one of error, warning, off.',
  );
  expect(() => Guardrails.STRICT.withThresholds({ maxSessionTtl: '8 hours' })).toThrow(
    'guardrails threshold maxSessionTtl: "8 hours" is not a positive Go duration; write e.g. "8h" or "90m".',
  );
  expect(() => Guardrails.STRICT.withThresholds({ maxTrustedClusterTokenTtl: '0s' })).toThrow(
    /maxTrustedClusterTokenTtl: "0s" is not a positive Go duration/,
  );
});

describe('the CLI spec (--guardrails)', () => {
  test('a pack, then rule levels and thresholds', () => {
    const pack = parsePackSpec('Strict, tg107=warning, TG109=off, max_session_ttl=12h, max_trusted_cluster_token_ttl=30m');
    expect(pack.name).toBe('strict');
    expect(pack.levelOf('TG107')).toBe('warning');
    expect(pack.levelOf('TG109')).toBe('off');
    expect(pack.levelOf('TG101')).toBe('error');
    expect([pack.maxSessionTtl, pack.maxTrustedClusterTokenTtl]).toEqual(['12h', '30m']);
    expect(parsePackSpec('off').isOff).toBe(true);
    expect(parsePackSpec('off,TG204=error').rules).toEqual([{ rule: 'TG204', level: 'error' }]);
  });

  test.each([
    ['strictest', '--guardrails "strictest": expected recommended, strict or off, then optional ,RULE=LEVEL or ,max_session_ttl=DURATION changes.'],
    ['strict,TG107', '--guardrails: "TG107" is not RULE=LEVEL or THRESHOLD=DURATION.'],
    ['strict,TG2O4=off', 'unknown guardrail rule "TG2O4" (did you mean "TG204"?)'],
    ['strict,TG107=loud', 'guardrail rule TG107: level "loud" is not one of error, warning, off.'],
    ['strict,max_session_ttl=forever', 'guardrails threshold maxSessionTtl: "forever" is not a positive Go duration'],
  ])('%s fails: %s', (spec, message) => {
    expect(() => parsePackSpec(spec)).toThrow(message);
  });
});
