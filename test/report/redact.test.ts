import { REDACTED, clearSecrets, redact, redactFinding, registerSecret } from '../../lib/report/redact';
import { Finding } from '../../lib/report/finding';

describe('redact', () => {
  beforeEach(() => clearSecrets());

  test('replaces a secret as it is and as it looks inside a JSON string', () => {
    const secret = 'line one\nline "two"\\three';
    registerSecret(secret);
    expect(redact(`raw: ${secret}`)).toBe(`raw: ${REDACTED}`);
    expect(redact(JSON.stringify({ v: secret }))).toBe(`{"v":"${REDACTED}"}`);
  });

  test('short values and references are not secrets', () => {
    registerSecret('abc');
    registerSecret('${var.token}');
    expect(redact('abc ${var.token}')).toBe('abc ${var.token}');
  });

  test('longest first, so a secret containing another stays hidden', () => {
    registerSecret('secret');
    registerSecret('secret-and-more');
    expect(redact('x secret-and-more y secret')).toBe(`x ${REDACTED} y ${REDACTED}`);
  });

  test('redactFinding redacts what came from the input, never severity or check id', () => {
    registerSecret('error');
    registerSecret('schema.unknown-attribute');
    const f: Finding = { severity: 'error', check: 'schema.unknown-attribute', resource: 'teleport_role.error', path: 'spec["error"]', message: 'about error', fix: 'remove error' };
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
    expect(Object.keys(redactFinding({ severity: 'info', check: 'c', resource: 'r', message: 'm' }))).toEqual(['severity', 'check', 'resource', 'message']);
  });
});
