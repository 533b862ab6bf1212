// Every public constructor, factory and method of the hand-written API (as the jsii assembly lists
// them, through the generated table), called from plain JavaScript against the compiled dist/:
// - a wrong kind in every parameter is named, parameter by parameter (so every member has its call
//   to the runtime check, and checks all its parameters);
// - every props struct rejects an unknown field and names each required field that is missing.
'use strict';
const { TerraformStack, Testing } = require('cdktf');
const lib = require('../../dist/lib');
const { API_SHAPES } = require('../../dist/lib/api-check/api-shapes.generated');

const MEMBERS = Object.entries(API_SHAPES.members);

/** Calls `member` (`new X`, `X.m`, `X#m`) with `args`; returns the thrown message (or fails). */
function callFails(member, args) {
  const [, ctor, cls, sep, method] = /^(new )?(\w+)(?:([.#])(\w+))?$/.exec(member);
  const Class = lib[cls];
  try {
    if (ctor) new Class(...args);
    else if (sep === '.') Class[method](...args);
    else instanceOf(cls)[method](...args);
  } catch (e) {
    return e.message;
  }
  throw new Error(`${member}: accepted ${args.length} bad arguments`);
}

/** A valid instance to call methods on. */
function instanceOf(cls) {
  const stack = new TerraformStack(Testing.app(), 'stack');
  if (cls === 'Role') return new lib.Role(stack, 'Role', { name: 'dev', version: lib.RoleVersion.V7 });
  if (cls === 'ProvisionToken') return lib.ProvisionToken.forTrustedCluster(stack, 'Token');
  if (cls === 'AccessMap') return lib.AccessMap.fromConfig([]);
  if (cls === 'Guardrails') return lib.Guardrails.of(stack);
  if (cls === 'GuardrailsPack') return lib.GuardrailsPack.RECOMMENDED;
  if (cls === 'TctlResources') return lib.TctlResources.fromYaml(stack, 'Yaml', 'kind: role\nversion: v7\nmetadata:\n  name: dev\nspec: {}\n');
  throw new Error(`no instance recipe for ${cls}: add one`);
}

const BAD = Symbol('bad');
const callOf = (member) => `${member}()`;

describe('the runtime check covers every member of the public API', () => {
  test('the table lists the constructs, factories and methods users call', () => {
    const names = MEMBERS.map(([m]) => m);
    expect(names).toEqual(
      expect.arrayContaining([
        'new Role',
        'new ProvisionToken',
        'new TrustedCluster',
        'new TrustedClusterLink',
        'new TeleportProvider',
        'new TeleportApp',
        'ProvisionToken.forTrustedCluster',
        'ProvisionToken.github',
        'JoinToken.fromVariable',
        'ProviderAuth.identityFilePath',
        'TctlResources.fromYaml',
        'Role.fromName',
        'Role#allowLogins',
        'ProvisionToken#importFrom',
      ]),
    );
    expect(names.filter((m) => m.startsWith('new ')).sort()).toEqual([
      'new ProvisionToken',
      'new Role',
      'new TeleportApp',
      'new TeleportProvider',
      'new TrustedCluster',
      'new TrustedClusterLink',
    ]);
    // Every class of the hand-written API with a public member is in the table (the l1 bindings are the schema check's).
    expect([...new Set(names.map((m) => /^(?:new )?(\w+)/.exec(m)[1]))].sort()).toEqual([
      'AccessMap',
      'Guardrails',
      'GuardrailsPack',
      'JoinToken',
      'ProviderAuth',
      'ProvisionToken',
      'Role',
      'TctlResources',
      'TeleportApp',
      'TeleportExport',
      'TeleportProvider',
      'TrustedCluster',
      'TrustedClusterLink',
    ]);
  });

  test.each(MEMBERS)('%s: a wrong kind in every parameter is named', (member, params) => {
    const message = callFails(
      member,
      params.map(() => BAD),
    );
    expect(message).toContain(`${callOf(member)}`);
    for (const p of params) {
      const label = p.variadic ? `argument "${p.name}" #1` : `argument "${p.name}"`;
      expect(message).toContain(`${label}: expected `);
    }
    expect(message).toContain(', got a symbol.');
  });

  const STRUCT_MEMBERS = MEMBERS.flatMap(([member, params]) =>
    params
      .map((p, i) => ({ member, params, i, struct: p.type.ref && API_SHAPES.types[p.type.ref].kind === 'struct' ? p.type.ref : undefined }))
      .filter((x) => x.struct),
  );

  test.each(STRUCT_MEMBERS.map((x) => [x.member, x.struct, x]))(
    '%s: %s rejects an unknown field and names each missing required one',
    (member, struct, { params, i }) => {
      const stack = new TerraformStack(Testing.app(), 'stack');
      // Valid scope and id where the member takes them; the struct with one unknown field.
      const args = params.map((p, j) => (j === i ? { notAFieldOfAnything: 1 } : p.name === 'scope' ? stack : p.name === 'id' ? 'Thing' : undefined));
      const message = callFails(member, args);
      expect(message).toContain(`field "notAFieldOfAnything": is not a field of ${struct.split('.').pop()}. Fix: remove it`);
      for (const required of requiredFields(struct)) expect(message).toContain(`field "${required}": is missing: `);
    },
  );
});

/** The struct's required fields, its own and inherited. */
function requiredFields(struct) {
  const shape = API_SHAPES.types[struct];
  return [
    ...(shape.extends || []).flatMap(requiredFields),
    ...Object.entries(shape.fields)
      .filter(([, f]) => !f.optional)
      .map(([k]) => k),
  ];
}
