// The provider schema accessors and the JSON Schemas derived from them.
import * as fs from 'fs';
import * as path from 'path';
import Ajv from 'ajv';
import {
  ctyJsonSchema,
  dataSourceJsonSchema,
  defaultSchemaPath,
  documentJsonSchema,
  loadProviderSchema,
  parseSchemaPath,
  providerJsonSchema,
  resourceJsonSchema,
  toSchemaPath,
} from '../../lib/schema';

const schema = loadProviderSchema();
const strictAjv = () => new Ajv({ allErrors: true, strict: true, strictTypes: false, strictTuples: false, allowUnionTypes: true });

describe('provider schema accessors', () => {
  test('the default path is the packaged schema, loaded once', () => {
    expect(defaultSchemaPath()).toBe(path.resolve(__dirname, '..', '..', 'schemas', 'teleport-provider.schema.json'));
    expect(loadProviderSchema()).toBe(schema);
    expect(schema.source).toBe('terraform.releases.teleport.dev/gravitational/teleport');
    expect(schema.localName).toBe('teleport');
  });

  test('resource and data source types', () => {
    const types = ['teleport_provision_token', 'teleport_role', 'teleport_trusted_cluster'];
    expect(schema.resourceTypes()).toEqual(types);
    expect(schema.dataSourceTypes()).toEqual(types);
    expect(schema.resource('teleport_user')).toBeUndefined();
    expect(schema.blocks().map((b) => `${b.kind}:${b.type}`)).toHaveLength(7);
  });

  test('paths: [] for list elements, {} for map values; instance paths are accepted', () => {
    const paths = schema.attributes('resource', 'teleport_trusted_cluster').map((a) => a.path);
    expect(paths).toEqual(expect.arrayContaining(['spec', 'spec.role_map', 'spec.role_map[].local', 'spec.role_map[].remote', 'metadata.labels']));
    expect(toSchemaPath('spec.role_map[12].local')).toBe('spec.role_map[].local');
    expect(toSchemaPath('spec.x["a.b"].y')).toBe('spec.x{}.y');
    expect(parseSchemaPath('spec.role_map[0].local')).toEqual([{ attr: 'spec' }, { attr: 'role_map' }, { element: 'list' }, { attr: 'local' }]);
    const local = schema.findAttribute('resource', 'teleport_trusted_cluster', 'spec.role_map[0].local')!;
    expect(local).toMatchObject({ name: 'local', parentPath: 'spec.role_map[]', type: ['list', 'string'], required: false, optional: true });
    expect(schema.findAttribute('resource', 'teleport_trusted_cluster', 'spec.proxy_addr')).toBeUndefined();
    expect(schema.findAttribute('resource', 'teleport_nope', 'spec')).toBeUndefined();
  });

  test('flags: required, computed-only, sensitive', () => {
    expect(schema.findAttribute('resource', 'teleport_trusted_cluster', 'spec')).toMatchObject({ required: true, nesting: 'single' });
    expect(schema.findAttribute('resource', 'teleport_role', 'id')).toMatchObject({ computedOnly: true });
    expect(schema.findAttribute('resource', 'teleport_role', 'kind')).toMatchObject({ computed: true, computedOnly: false });
    expect(schema.sensitivePaths('provider')).toEqual(['identity_file', 'identity_file_base64', 'key_base64']);
    expect(schema.sensitivePaths('resource', 'teleport_trusted_cluster')).toEqual(['spec.token']);
    expect(schema.sensitivePaths('resource', 'teleport_provision_token')).toEqual(['metadata.name']);
    expect(schema.sensitivePaths('data', 'teleport_role')).toEqual([]);
  });
});

describe('slot schemas (Terraform JSON conversions)', () => {
  const ajv = strictAjv();
  const accepts = (type: Parameters<typeof ctyJsonSchema>[0], value: unknown) => ajv.validate(ctyJsonSchema(type), value);
  test.each([
    ['string', 'x', true],
    ['string', 5, true],
    ['string', { a: 1 }, false],
    ['number', 5, true],
    ['number', '5.5', true],
    ['number', '${var.n}', true],
    ['number', 'five', false],
    ['number', '$${not.an.expression}', false],
    ['bool', true, true],
    ['bool', 'true', true],
    ['bool', '${var.b}', true],
    ['bool', 'yes', false],
    [['list', 'string'], ['a'], true],
    [['list', 'string'], '${var.l}', true],
    [['list', 'string'], 'a', false],
    [['list', 'string'], [{}], false],
    [['map', ['list', 'string']], { a: ['b'] }, true],
    [['map', ['list', 'string']], { a: '${var.l}' }, true],
    [['map', ['list', 'string']], { a: 'b' }, false],
    [['object', { a: 'string' }], { a: 'x' }, true],
    [['object', { a: 'string' }], { a: 'x', b: 1 }, false],
  ] as const)('%j accepts %j: %s', (type, value, ok) => {
    expect(accepts(type as any, value)).toBe(ok);
  });
});

/** Every object node with properties in a JSON Schema, with its JSON pointer. */
function objectNodes(node: unknown, at = ''): [string, Record<string, unknown>][] {
  if (!node || typeof node !== 'object') return [];
  const out: [string, Record<string, unknown>][] = [];
  const n = node as Record<string, unknown>;
  if (n.properties) out.push([at, n]);
  for (const [k, v] of Object.entries(n)) {
    if (k === 'properties') for (const [p, s] of Object.entries(v as object)) out.push(...objectNodes(s, `${at}/${p}`));
    else if (typeof v === 'object') out.push(...objectNodes(v, `${at}/${k}`));
  }
  return out;
}

describe('derived JSON Schemas', () => {
  const perBlock = [
    ['provider', providerJsonSchema(schema)],
    ...schema.resourceTypes().map((t) => [`resource ${t}`, resourceJsonSchema(t, schema)] as const),
    ...schema.dataSourceTypes().map((t) => [`data ${t}`, dataSourceJsonSchema(t, schema)] as const),
  ] as const;

  test.each(perBlock)('%s compiles in strict mode and has additionalProperties: false at every level', (_, json) => {
    expect(() => strictAjv().compile(json)).not.toThrow();
    const nodes = objectNodes(json);
    expect(nodes.length).toBeGreaterThanOrEqual(1);
    for (const [at, node] of nodes) expect([at, node.additionalProperties]).toEqual([at, false]);
  });

  test('required attributes are required; computed-only attributes are false', () => {
    const tc = resourceJsonSchema('teleport_trusted_cluster', schema) as any;
    expect(tc.required.sort()).toEqual(['spec', 'version']);
    expect(tc.properties.metadata.required).toEqual(['name']);
    expect(tc.properties.id).toBe(false);
  });

  test('the whole-document schema accepts the example config and rejects the doc example typo', () => {
    const validate = strictAjv().compile(documentJsonSchema(schema));
    const good = {
      '//': { metadata: { version: '0.21.0' } },
      terraform: { required_providers: { teleport: { source: schema.source } } },
      provider: { teleport: [{ alias: 'leaf', addr: 'leaf:443' }] },
      resource: { teleport_role: { r: { version: 'v7', metadata: { name: '${var.n}' }, count: 1 } }, aws_instance: { a: { anything: 1 } } },
      data: { teleport_role: { d: { version: 'v7', metadata: { name: 'x' } } } },
      variable: { n: { type: 'string' } },
      output: { o: { value: '${data.teleport_role.d.id}' } },
      import: [{ to: 'teleport_role.r', id: 'r' }],
    };
    expect(validate(good)).toBe(true);
    const doc = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'check', 'trusted-cluster-doc-example.json'), 'utf8'));
    expect(validate(doc)).toBe(false);
    expect(validate.errors!.filter((e) => e.keyword !== 'if')).toEqual([
      expect.objectContaining({
        keyword: 'additionalProperties',
        instancePath: '/resource/teleport_trusted_cluster/cluster/spec',
        params: { additionalProperty: 'proxy_addr' },
      }),
    ]);
    expect(validate({ provider: { teleport: { adr: 'x' } } })).toBe(false);
  });

  test('the whole-document schema takes the array form of block levels and the object form of import', () => {
    const validate = strictAjv().compile(documentJsonSchema(schema));
    const role = { version: 'v7', metadata: { name: 'r' } };
    expect(
      validate({
        resource: [{ teleport_role: [{ a: role }] }],
        provider: [{ teleport: { addr: 'a:443' } }],
        import: { to: 'teleport_role.a', id: 'r' },
      }),
    ).toBe(true);
    expect(validate({ resource: [{ teleport_role: [{ a: { ...role, spec: { allow: { loginz: [] } } } }] }] })).toBe(false);
    expect(validate({ provider: [{ teleport: { adr: 'x' } }] })).toBe(false);
    expect(validate({ import: { to: 'teleport_role.a', idd: 'r' } })).toBe(false);
  });
});
