import { REDACTED, clearSecrets, redact, redactAll, redactFinding, registerSecret } from '../../lib/report/redact';
import { Finding } from '../../lib/report/finding';

describe('redact', () => {
  beforeEach(() => clearSecrets());

  test('replaces a secret as it is and as it looks inside a JSON string', () => {
    const secret = 'line one\nline "two"\\three';
    registerSecret(secret);
    expect(redact(`raw: ${secret}`)).toBe(`raw: ${REDACTED}`);
    expect(redact(JSON.stringify({ v: secret }))).toBe(`{"v":"${REDACTED}"}`);
  });

  test('references are not secrets', () => {
    registerSecret('${var.token}');
    expect(redact('x ${var.token}')).toBe('x ${var.token}');
  });

  test('a secret of any length is redacted: short ones (under 4 characters) as whole tokens, so our own words survive', () => {
    registerSecret('pw3');
    registerSecret('ok');
    registerSecret('7');
    expect(redact('login as ci with pw3 failed: "pw3", pw3.')).toBe(`login as ci with ${REDACTED} failed: "${REDACTED}", ${REDACTED}.`);
    expect(redact('token ok, 7 tries; broken, 17 tries, pw3x')).toBe(`token ${REDACTED}, ${REDACTED} tries; broken, 17 tries, pw3x`);
    expect(redact(JSON.stringify({ v: 'ok' }))).toBe(`{"v":"${REDACTED}"}`);
  });

  test('a short secret never matches inside a marker already written', () => {
    registerSecret('**');
    registerSecret('long-secret-1');
    expect(redact('a long-secret-1 b ** c')).toBe(`a ${REDACTED} b ${REDACTED} c`);
  });

  test('redactAll (text none of whose words are ours: what a server wrote) redacts short secrets anywhere', () => {
    registerSecret('pw3');
    expect(redactAll('bad password xpw3y')).toBe(`bad password x${REDACTED}y`);
    expect(redact('bad password xpw3y')).toBe('bad password xpw3y');
  });

  test('longest first, so a secret containing another stays hidden', () => {
    registerSecret('secret');
    registerSecret('secret-and-more');
    expect(redact('x secret-and-more y secret')).toBe(`x ${REDACTED} y ${REDACTED}`);
  });

  test('redactFinding redacts what came from the input, never severity or check id', () => {
    registerSecret('error');
    registerSecret('schema.unknown-attribute');
    const f: Finding = {
      severity: 'error',
      check: 'schema.unknown-attribute',
      resource: 'teleport_role.error',
      path: 'spec["error"]',
      message: 'about error',
      fix: 'remove error',
    };
    expect(redactFinding(f)).toEqual({
      severity: 'error',
      check: 'schema.unknown-attribute',
      resource: `teleport_role.${REDACTED}`,
      path: `spec["${REDACTED}"]`,
      message: `about ${REDACTED}`,
      fix: `remove ${REDACTED}`,
    });
  });

  test('redactFinding adds no keys a finding did not have', () => {
    registerSecret('secret');
    expect(Object.keys(redactFinding({ severity: 'info', check: 'c', resource: 'r', message: 'm' }))).toEqual([
      'severity',
      'check',
      'resource',
      'message',
    ]);
  });
});
