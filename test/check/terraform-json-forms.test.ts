// What Terraform's JSON syntax accepts beyond what cdktf writes: the array form of block levels
// (hand-written Terraform JSON) and the object form of import and moved blocks.
import { CHECK_IDS, checkConfig } from '../../lib/check';

const role = (extra: Record<string, unknown> = {}, spec: unknown = { allow: { logins: ['x'] } }) => ({
  version: 'v7',
  metadata: { name: 'r' },
  spec,
  ...extra,
});

describe('the array form of block levels (hand-written Terraform JSON)', () => {
  test('resource and data sections as arrays, and a type as an array of name maps, are checked like objects', () => {
    const findings = checkConfig({
      resource: [
        { teleport_role: [{ a: role() }, { b: role({}, { allow: { loginz: ['x'] } }) }] },
        { teleport_role: { c: role({ versoin: 'v7' }) } },
      ],
      data: [{ teleport_role: { d: { version: 'v7', metadata: { name: 'x', nmae: 'x' } } } }],
    });
    expect(findings.map((f) => [f.resource, f.path])).toEqual([
      ['teleport_role.b', 'spec.allow.loginz'],
      ['teleport_role.c', 'versoin'],
      ['data.teleport_role.d', 'metadata.nmae'],
    ]);
  });

  test('provider as an array of provider maps: each body checked, alias in the address', () => {
    const findings = checkConfig({ provider: [{ teleport: { addr: 'a:443' } }, { teleport: { alias: 'leaf', adr: 'b:443' } }] });
    expect(findings).toEqual([expect.objectContaining({ resource: 'provider.teleport.leaf', path: 'adr', fix: 'Did you mean `addr`?' })]);
  });

  test('an unknown type in the array form is reported once, with the count of all its blocks', () => {
    const findings = checkConfig({ resource: [{ aws_instance: { a: {} } }, { aws_instance: { b: {} } }] });
    expect(findings).toEqual([
      expect.objectContaining({
        check: CHECK_IDS.uncheckedResourceType,
        resource: 'aws_instance',
        message: expect.stringMatching(/^2 resource\(s\)/),
      }),
    ]);
  });

  test('a non-object inside the array form is reported with its address', () => {
    const findings = checkConfig({ resource: [{ teleport_role: [{ r: 5 }] }] });
    expect(findings).toEqual([
      expect.objectContaining({
        check: CHECK_IDS.wrongType,
        resource: 'teleport_role.r',
        message: expect.stringContaining('must be an object or list of objects'),
      }),
    ]);
  });
});

describe('import and moved blocks: the object form is checked like the array form', () => {
  test.each([
    ['an unknown key', { to: 'teleport_role.r', idd: 'x' }, [CHECK_IDS.unknownAttribute, 'import', 'idd']],
    ['a missing to', { id: 'r' }, [CHECK_IDS.missingRequired, 'import', 'to']],
    ['a to that is not a string', { to: 5, id: 'r' }, [CHECK_IDS.wrongType, 'import', 'to']],
    [
      'a provider that is not a string',
      { to: 'teleport_role.r', id: 'r', provider: { name: 'teleport' } },
      [CHECK_IDS.wrongType, 'import', 'provider'],
    ],
    ['an id that is not a string', { to: 'teleport_role.r', id: ['r'] }, [CHECK_IDS.wrongType, 'import', 'id']],
  ])('import: %s', (_name, block, expected) => {
    expect(checkConfig({ import: block }).map((f) => [f.check, f.resource, f.path])).toEqual([expected]);
  });

  test('a valid object-form import and moved block pass', () => {
    expect(
      checkConfig({
        import: { to: 'teleport_role.r', id: 'r', provider: 'teleport.leaf' },
        moved: { from: 'teleport_role.a', to: 'teleport_role.b' },
      }),
    ).toEqual([]);
  });

  test('moved: the object form without from', () => {
    expect(checkConfig({ moved: { to: 'teleport_role.b' } }).map((f) => [f.check, f.resource, f.path])).toEqual([
      [CHECK_IDS.missingRequired, 'moved', 'from'],
    ]);
  });
});
