// The offline check against mutations of minimal valid bodies, generated for EVERY attribute path of
// every block in the provider schema (provider, resources, data sources; all nesting levels).
import * as fs from 'fs';
import * as path from 'path';
import { CHECK_IDS, checkConfig } from '../../lib/check';
import { Finding } from '../../lib/report/finding';
import { REDACTED, clearSecrets, redact } from '../../lib/report/redact';
import { AttributeInfo, BlockKind, loadProviderSchema } from '../../lib/schema';
import { bodyAround, minimalBody, misspell, wrap, wrongValue } from './minimal-config';

const schema = loadProviderSchema();
const errors = (findings: Finding[]) => findings.filter((f) => f.severity === 'error');

interface Case {
  readonly kind: BlockKind;
  readonly type: string;
  readonly attr: AttributeInfo;
}
const cases: Case[] = schema
  .blocks()
  .flatMap(({ kind, type }) =>
    schema.attributes(kind, kind === 'provider' ? '' : type).map((attr) => ({ kind, type: kind === 'provider' ? '' : type, attr })),
  );
const label = (c: Case) => `${c.kind === 'provider' ? 'provider' : c.kind === 'data' ? `data.${c.type}` : c.type} ${c.attr.path}`;
const named = (list: Case[]) => list.map((c) => [label(c), c] as const);

describe('minimal bodies', () => {
  test.each(schema.blocks().map((b) => [`${b.kind} ${b.type}`, b] as const))('%s is valid', (_, b) => {
    const type = b.kind === 'provider' ? '' : b.type;
    expect(errors(checkConfig(wrap(schema, b.kind, type, minimalBody(schema, b.kind, type)).config))).toEqual([]);
  });

  test('the mutations cover every block and every attribute', () => {
    expect(new Set(cases.map((c) => `${c.kind}:${c.type}`)).size).toBe(7);
    // Every attribute path of the schema file, nested ones included, counted apart from lib/schema.
    const raw = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'schemas', 'teleport-provider.schema.json'), 'utf8'));
    const paths = (attributes: Record<string, any> = {}): number =>
      Object.values(attributes).reduce((n: number, a: any) => n + 1 + (a.nested_type ? paths(a.nested_type.attributes) : 0), 0);
    const source = Object.values(raw.provider_schemas)[0] as any;
    const blocks = [source.provider, ...Object.values(source.resource_schemas), ...Object.values(source.data_source_schemas)] as any[];
    expect(blocks.every((b) => !b.block.block_types)).toBe(true);
    expect(cases.length).toBe(blocks.reduce((n, b) => n + paths(b.block.attributes), 0));
    expect(cases.some((c) => c.attr.path === 'spec.allow.kubernetes_resources[].verbs')).toBe(true);
  });
});

describe('(a) an unknown sibling key next to each attribute is flagged with its exact path', () => {
  test.each(named(cases))('%s', (_, c) => {
    const { body, holder, parentPath } = bodyAround(schema, c.kind, c.type, c.attr);
    const key = misspell(c.attr.name);
    holder[key] = 'x';
    const { config, address } = wrap(schema, c.kind, c.type, body);
    const findings = errors(checkConfig(config));
    expect(findings).toEqual([
      expect.objectContaining({ check: CHECK_IDS.unknownAttribute, resource: address, path: parentPath ? `${parentPath}.${key}` : key }),
    ]);
    expect(findings[0].fix).toContain(`\`${c.attr.name}\``);
  });
});

describe('(b) a value of the wrong type for each attribute is flagged with its path', () => {
  test.each(named(cases.filter((c) => !c.attr.computedOnly)))('%s', (_, c) => {
    const { body, holder, path: p } = bodyAround(schema, c.kind, c.type, c.attr);
    holder[c.attr.name] = wrongValue(c.attr.attribute);
    const { config, address } = wrap(schema, c.kind, c.type, body);
    expect(errors(checkConfig(config))).toEqual([expect.objectContaining({ check: CHECK_IDS.wrongType, resource: address, path: p })]);
  });

  test.each(named(cases.filter((c) => !c.attr.computedOnly)))('%s accepts a ${...} expression', (_, c) => {
    const { body, holder } = bodyAround(schema, c.kind, c.type, c.attr);
    holder[c.attr.name] = '${var.anything}';
    expect(errors(checkConfig(wrap(schema, c.kind, c.type, body).config))).toEqual([]);
  });
});

describe('(c) omitting each required attribute is flagged with its path', () => {
  test.each(named(cases.filter((c) => c.attr.required)))('%s', (_, c) => {
    const { body, holder, path: p } = bodyAround(schema, c.kind, c.type, c.attr);
    delete holder[c.attr.name];
    const { config, address } = wrap(schema, c.kind, c.type, body);
    expect(errors(checkConfig(config))).toEqual([expect.objectContaining({ check: CHECK_IDS.missingRequired, resource: address, path: p })]);
  });
});

describe('computed-only attributes are rejected when set', () => {
  const computed = cases.filter((c) => c.attr.computedOnly);
  test('they are the id of each resource and data source', () => {
    expect(computed.map(label).sort()).toEqual(
      ['teleport_provision_token', 'teleport_role', 'teleport_trusted_cluster'].flatMap((t) => [`${t} id`, `data.${t} id`]).sort(),
    );
  });
  test.each(named(computed))('%s', (_, c) => {
    const { body, holder, path: p } = bodyAround(schema, c.kind, c.type, c.attr);
    holder[c.attr.name] = 'set-by-hand';
    const { config, address } = wrap(schema, c.kind, c.type, body);
    expect(errors(checkConfig(config))).toEqual([expect.objectContaining({ check: CHECK_IDS.computedOnly, resource: address, path: p })]);
  });
});

describe("Teleport's documented trusted cluster example", () => {
  const config = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'check', 'trusted-cluster-doc-example.json'), 'utf8'));

  test('flags spec.proxy_addr and suggests web_proxy_addr', () => {
    expect(checkConfig(config)).toEqual([
      {
        severity: 'error',
        check: 'schema.unknown-attribute',
        resource: 'teleport_trusted_cluster.cluster',
        path: 'spec.proxy_addr',
        message: expect.stringContaining('proxy_addr'),
        fix: expect.stringContaining('`web_proxy_addr`'),
      },
    ]);
  });

  test('registers the sensitive spec.token literal with the redactor', () => {
    clearSecrets();
    checkConfig(config);
    expect(redact('token salami')).toBe(`token ${REDACTED}`);
  });
});

describe('findings and paths', () => {
  const role = (spec: unknown, extra: Record<string, unknown> = {}) => ({
    resource: { teleport_role: { r: { version: 'v7', metadata: { name: 'r' }, spec, ...extra } } },
  });

  test('one finding per problem, with list indexes and map keys in the path', () => {
    const findings = checkConfig(
      role({ allow: { rules: [{ verbs: ['list'] }, { resourcez: ['node'], verbs: 1 }], node_labels: { env: 5, team: {} } } }),
    );
    expect(findings.map((f) => [f.check, f.path]).sort()).toEqual([
      ['schema.unknown-attribute', 'spec.allow.rules[1].resourcez'],
      ['schema.wrong-type', 'spec.allow.node_labels["env"]'],
      ['schema.wrong-type', 'spec.allow.node_labels["team"]'],
      ['schema.wrong-type', 'spec.allow.rules[1].verbs'],
    ]);
  });

  test('camelCase keys (from an escape hatch) suggest the snake_case attribute', () => {
    const [f] = checkConfig(role({ allow: { kubernetesGroups: ['x'] } }));
    expect(f).toMatchObject({ path: 'spec.allow.kubernetesGroups', fix: 'Did you mean `kubernetes_groups`?' });
  });

  test('meta-arguments and cdktf metadata are accepted; unknown meta-arguments are not', () => {
    const ok = role(undefined, {
      '//': { metadata: { path: 'stack/r', uniqueId: 'r' } },
      count: '${var.n}',
      depends_on: ['teleport_role.other'],
      provider: 'teleport.leaf',
      lifecycle: { create_before_destroy: true, prevent_destroy: '${var.p}', ignore_changes: 'all', replace_triggered_by: ['teleport_role.other'] },
    });
    expect(checkConfig(ok)).toEqual([]);
    const bad = checkConfig(role(undefined, { dependsOn: ['x'], lifecycle: { ignoreChanges: ['spec'] } }));
    expect(bad.map((f) => [f.path, f.fix])).toEqual([
      ['dependsOn', 'Did you mean `depends_on`?'],
      ['lifecycle.ignoreChanges', 'Did you mean `ignore_changes`?'],
    ]);
  });

  test('provider blocks: a single object or aliased list; address names the alias', () => {
    expect(checkConfig({ provider: { teleport: { addr: 'a:443' } } })).toEqual([]);
    const findings = checkConfig({ provider: { teleport: [{ addr: 'a:443' }, { alias: 'leaf', adr: 'b:443' }] } });
    expect(findings).toEqual([expect.objectContaining({ resource: 'provider.teleport.leaf', path: 'adr', fix: 'Did you mean `addr`?' })]);
  });

  test('resources of other providers are reported as info, unknown teleport types as warning', () => {
    const findings = checkConfig({ resource: { aws_instance: { a: { ami: 'x' } }, teleport_rol: { r: {} } } });
    expect(findings.map((f) => [f.severity, f.check, f.resource, f.fix])).toEqual([
      ['info', 'schema.unchecked-resource-type', 'aws_instance', undefined],
      ['warning', 'schema.unknown-resource-type', 'teleport_rol', 'Did you mean `teleport_role`?'],
    ]);
  });

  test('top-level structure: unknown blocks, variables, outputs and imports', () => {
    const findings = checkConfig({
      resources: {},
      variable: { v: { type: 'string', sensitve: true } },
      output: { o: { valu: 1 } },
      import: [{ to: 'teleport_role.r', idd: 'x' }],
    });
    expect(findings.map((f) => [f.check, f.resource, f.path]).sort()).toEqual([
      ['schema.missing-required', 'output.o', 'value'],
      ['schema.unknown-attribute', 'cdk.tf.json', 'resources'],
      ['schema.unknown-attribute', 'import[0]', 'idd'],
      ['schema.unknown-attribute', 'output.o', 'valu'],
      ['schema.unknown-attribute', 'var.v', 'sensitve'],
    ]);
  });

  test('a document that is not an object is invalid', () => {
    expect(checkConfig([])).toEqual([expect.objectContaining({ check: CHECK_IDS.invalid, resource: 'cdk.tf.json' })]);
  });
});

describe('sensitive literal values never appear in findings', () => {
  const SECRETS = [
    'identity-file-literal-1',
    'key-base64-literal-2',
    'trusted-token-literal-3',
    'token-name-literal-4',
    'variable-default-literal-5',
  ];
  const config = {
    provider: { teleport: [{ identity_file: SECRETS[0], key_base64: SECRETS[1], identity_file_typo: 1 }] },
    resource: {
      teleport_trusted_cluster: {
        t: { version: 'v2', metadata: { name: 't' }, spec: { token: SECRETS[2], proxy_addr: SECRETS[2], enabled: SECRETS[2] } },
      },
      teleport_provision_token: { p: { version: 'v2', metadata: { name: SECRETS[3], nme: 1 }, spec: { roles: ['Node'], rols: SECRETS[3] } } },
    },
    variable: { v: { type: 'string', sensitive: true, default: SECRETS[4], bogus: SECRETS[4] } },
    import: [{ to: 'teleport_provision_token.p', id: SECRETS[3] }],
  };

  test('messages and fixes hold names, never values; the values are registered for redaction', () => {
    clearSecrets();
    const findings = checkConfig(config);
    expect(findings.length).toBeGreaterThanOrEqual(6);
    const text = JSON.stringify(findings);
    for (const s of SECRETS) {
      expect(text).not.toContain(s);
      expect(redact(`x ${s} y`)).toBe(`x ${REDACTED} y`);
    }
  });

  test('registerSecrets: false registers nothing', () => {
    clearSecrets();
    checkConfig(config, { registerSecrets: false });
    expect(redact(SECRETS[0])).toBe(SECRETS[0]);
  });
});
