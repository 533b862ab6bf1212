// Terraform evaluates JSON strings as templates: a `%{...}` directive goes wherever a `${...}`
// interpolation goes. cty's string-to-number conversion rejects surrounding whitespace.
import { CHECK_IDS, checkConfig } from '../../lib/check';
import { Finding } from '../../lib/report/finding';
import { loadProviderSchema } from '../../lib/schema';
import { bodyAround, wrap } from './minimal-config';

const schema = loadProviderSchema();
const errors = (findings: Finding[]) => findings.filter((f) => f.severity === 'error');
const role = (extra: Record<string, unknown> = {}, spec: unknown = { allow: { logins: ['x'] } }) => ({
  version: 'v7',
  metadata: { name: 'r' },
  spec,
  ...extra,
});

describe('templates: a %{...} directive goes wherever a ${...} interpolation goes', () => {
  const cases = schema.blocks().flatMap(({ kind, type }) => {
    const t = kind === 'provider' ? '' : type;
    return schema
      .attributes(kind, t)
      .filter((a) => !a.computedOnly)
      .map((attr) => ({ kind, type: t, attr }));
  });

  test(`every attribute of every block (${cases.length}) accepts a %{ if } template`, () => {
    const rejected: string[] = [];
    for (const c of cases) {
      const { body, holder } = bodyAround(schema, c.kind, c.type, c.attr);
      holder[c.attr.name] = '%{ if var.on }1%{ else }0%{ endif }';
      if (errors(checkConfig(wrap(schema, c.kind, c.type, body).config)).length) rejected.push(`${c.kind} ${c.type} ${c.attr.path}`);
    }
    expect(rejected).toEqual([]);
    expect(cases.some((c) => c.attr.path === 'spec.options.create_host_user_mode')).toBe(true);
  });

  test('the %%{ escape is a literal, not a template: rejected in a number slot', () => {
    const findings = errors(checkConfig({ resource: { teleport_role: { r: role({}, { options: { create_host_user_mode: '%%{ x }' } }) } } }));
    expect(findings).toEqual([expect.objectContaining({ check: CHECK_IDS.wrongType, path: 'spec.options.create_host_user_mode' })]);
  });
});

describe('numeric strings', () => {
  const mode = (v: unknown) => errors(checkConfig({ resource: { teleport_role: { r: role({}, { options: { create_host_user_mode: v } }) } } }));

  test.each(['1', '+1', '-1.5', '.5', '1.', '2e3'])('%j is a number', (v) => {
    expect(mode(v)).toEqual([]);
  });

  test.each([' 1', '1 ', '\t1', '1\n', ' ', ''])('%j (whitespace, or nothing) is not: cty rejects it', (v) => {
    expect(mode(v)).toEqual([expect.objectContaining({ check: CHECK_IDS.wrongType, path: 'spec.options.create_host_user_mode' })]);
  });
});
