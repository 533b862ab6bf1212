// Hand-written facts about the Teleport provider schema, each read from the reference pages or from
// Teleport's generated Go schema (schemas/source-facts.json names the commits). They check the
// committed schema file directly, independently of scripts/build-schema.js, so a bug in the script
// cannot hide here.
import * as fs from 'fs';
import * as path from 'path';

const schema = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'schemas', 'teleport-provider.schema.json'), 'utf8'));
const SOURCE = 'terraform.releases.teleport.dev/gravitational/teleport';
const provider = schema.provider_schemas[SOURCE];

function attr(block: any, dotted: string): any {
  let attrs = block.attributes;
  const parts = dotted.split('.');
  for (let i = 0; i < parts.length - 1; i++) {
    const a = attrs[parts[i]];
    if (!a?.nested_type) throw new Error(`${dotted}: ${parts[i]} is not a nested attribute`);
    attrs = a.nested_type.attributes;
  }
  const a = attrs[parts[parts.length - 1]];
  if (!a) throw new Error(`${dotted}: not in schema`);
  return a;
}
const res = (type: string, dotted: string) => attr(provider.resource_schemas[type].block, dotted);
const prov = (dotted: string) => attr(provider.provider.block, dotted);
const flags = (a: any) => ({ required: !!a.required, optional: !!a.optional, computed: !!a.computed, sensitive: !!a.sensitive });

type Fact = [string, () => any, any];
const TC = 'teleport_trusted_cluster';
const ROLE = 'teleport_role';
const TOKEN = 'teleport_provision_token';

const facts: Fact[] = [
  // document shape
  ['format_version is "1.0"', () => schema.format_version, '1.0'],
  ['provider keyed by the full source address', () => Object.keys(schema.provider_schemas), [SOURCE]],
  ['three resources', () => Object.keys(provider.resource_schemas).sort(), [TOKEN, ROLE, TC]],
  ['data sources equal resources', () => JSON.stringify(provider.data_source_schemas) === JSON.stringify(provider.resource_schemas), true],
  // provider configuration
  [
    'provider has 21 attributes, all optional',
    () => Object.values(provider.provider.block.attributes).filter((a: any) => a.optional && !a.required).length,
    21,
  ],
  ['provider retry_max_tries is a string', () => prov('retry_max_tries').type, 'string'],
  ['provider insecure is bool', () => prov('insecure').type, 'bool'],
  ['provider identity_file is sensitive', () => flags(prov('identity_file')), { required: false, optional: true, computed: false, sensitive: true }],
  ['provider identity_file_base64 is sensitive', () => prov('identity_file_base64').sensitive, true],
  ['provider key_base64 is sensitive', () => prov('key_base64').sensitive, true],
  ['provider identity_file_path is not sensitive', () => prov('identity_file_path').sensitive, undefined],
  ['provider join_token is not sensitive (delegated join)', () => prov('join_token').sensitive, undefined],
  // trusted cluster
  ['trusted cluster version required string', () => [res(TC, 'version').type, res(TC, 'version').required], ['string', true]],
  [
    'trusted cluster spec is a required single nested attribute',
    () => [res(TC, 'spec').nested_type.nesting_mode, res(TC, 'spec').required],
    ['single', true],
  ],
  [
    'trusted cluster spec.token is optional + sensitive',
    () => flags(res(TC, 'spec.token')),
    { required: false, optional: true, computed: false, sensitive: true },
  ],
  ['trusted cluster spec.role_map is a list nested attribute', () => res(TC, 'spec.role_map').nested_type.nesting_mode, 'list'],
  ['trusted cluster role_map.local is list of string', () => res(TC, 'spec.role_map.local').type, ['list', 'string']],
  ['trusted cluster spec.enabled is bool', () => res(TC, 'spec.enabled').type, 'bool'],
  ['trusted cluster has no spec.proxy_addr', () => 'proxy_addr' in res(TC, 'spec').nested_type.attributes, false],
  ['trusted cluster metadata.name is required', () => res(TC, 'metadata.name').required, true],
  ['trusted cluster metadata.labels is map of string', () => res(TC, 'metadata.labels').type, ['map', 'string']],
  [
    'trusted cluster id is computed-only string',
    () => [res(TC, 'id').type, flags(res(TC, 'id'))],
    ['string', { required: false, optional: false, computed: true, sensitive: false }],
  ],
  // hidden attributes restored from the Go schema
  ['role kind is optional + computed', () => flags(res(ROLE, 'kind')), { required: false, optional: true, computed: true, sensitive: false }],
  [
    'role metadata.namespace is optional + computed',
    () => flags(res(ROLE, 'metadata.namespace')),
    { required: false, optional: true, computed: true, sensitive: false },
  ],
  [
    'role metadata.revision is optional string',
    () => [res(ROLE, 'metadata.revision').type, res(ROLE, 'metadata.revision').optional],
    ['string', true],
  ],
  ['token metadata.namespace exists', () => res(TOKEN, 'metadata.namespace').type, 'string'],
  // role
  ['role version is required', () => res(ROLE, 'version').required, true],
  ['role version description lists v3..v9', () => /`v3`.*`v9`/.test(res(ROLE, 'version').description), true],
  ['role spec.options.create_host_user_mode is a number', () => res(ROLE, 'spec.options.create_host_user_mode').type, 'number'],
  ['role spec.options.create_db_user_mode is a number', () => res(ROLE, 'spec.options.create_db_user_mode').type, 'number'],
  ['role spec.allow.node_labels is map of list of string', () => res(ROLE, 'spec.allow.node_labels').type, ['map', ['list', 'string']]],
  ['role spec.deny.node_labels is map of list of string', () => res(ROLE, 'spec.deny.node_labels').type, ['map', ['list', 'string']]],
  [
    'role spec.allow.logins is list of string, not computed',
    () => [res(ROLE, 'spec.allow.logins').type, !!res(ROLE, 'spec.allow.logins').computed],
    [['list', 'string'], false],
  ],
  [
    'role spec.options is optional + computed (server defaults)',
    () => flags(res(ROLE, 'spec.options')),
    { required: false, optional: true, computed: true, sensitive: false },
  ],
  [
    'role spec.options.max_session_ttl is optional + computed',
    () => flags(res(ROLE, 'spec.options.max_session_ttl')),
    { required: false, optional: true, computed: true, sensitive: false },
  ],
  [
    'role spec.allow.kubernetes_resources is computed list',
    () => [res(ROLE, 'spec.allow.kubernetes_resources').nested_type.nesting_mode, res(ROLE, 'spec.allow.kubernetes_resources').computed],
    ['list', true],
  ],
  ['role spec.deny.kubernetes_resources is not computed', () => !!res(ROLE, 'spec.deny.kubernetes_resources').computed, false],
  ['role spec.allow.rules is a list nested attribute', () => res(ROLE, 'spec.allow.rules').nested_type.nesting_mode, 'list'],
  ['role spec.allow.rules.verbs is list of string', () => res(ROLE, 'spec.allow.rules.verbs').type, ['list', 'string']],
  ['role spec.options.forward_agent is bool', () => res(ROLE, 'spec.options.forward_agent').type, 'bool'],
  ['role spec.allow.request.thresholds.approve is number', () => res(ROLE, 'spec.allow.request.thresholds.approve').type, 'number'],
  [
    'role spec.options.ssh_port_forwarding.local is single nested',
    () => res(ROLE, 'spec.options.ssh_port_forwarding.local').nested_type.nesting_mode,
    'single',
  ],
  ['role metadata.name is required', () => res(ROLE, 'metadata.name').required, true],
  // provision token
  [
    'token metadata.name is optional + computed + sensitive',
    () => flags(res(TOKEN, 'metadata.name')),
    { required: false, optional: true, computed: true, sensitive: true },
  ],
  [
    'token spec.roles is required list of string',
    () => [res(TOKEN, 'spec.roles').type, res(TOKEN, 'spec.roles').required],
    [['list', 'string'], true],
  ],
  ['token spec.allow is a list nested attribute', () => res(TOKEN, 'spec.allow').nested_type.nesting_mode, 'list'],
  ['token spec.suggested_labels is map of list of string', () => res(TOKEN, 'spec.suggested_labels').type, ['map', ['list', 'string']]],
  [
    'token spec.aws_iid_ttl is optional + computed',
    () => flags(res(TOKEN, 'spec.aws_iid_ttl')),
    { required: false, optional: true, computed: true, sensitive: false },
  ],
  [
    'token metadata.expires is an optional string, not computed',
    () => flags(res(TOKEN, 'metadata.expires')),
    { required: false, optional: true, computed: false, sensitive: false },
  ],
  ['token spec.bound_keypair.recovery.limit is a number', () => res(TOKEN, 'spec.bound_keypair.recovery.limit').type, 'number'],
  ['token spec.github.allow is a list nested attribute', () => res(TOKEN, 'spec.github.allow').nested_type.nesting_mode, 'list'],
  ['token spec.kubernetes.static_jwks is single nested', () => res(TOKEN, 'spec.kubernetes.static_jwks').nested_type.nesting_mode, 'single'],
  ['token spec is required', () => res(TOKEN, 'spec').required, true],
];

describe('provider schema facts', () => {
  test('the facts are about the provider block and each resource', () => {
    expect(
      [...new Set(facts.map(([name]) => name.split(' ')[0]))].filter((w) => ['provider', 'trusted', 'role', 'token'].includes(w)).sort(),
    ).toEqual(['provider', 'role', 'token', 'trusted']);
  });
  test.each(facts)('%s', (_name, get, expected) => {
    expect(get()).toEqual(expected);
  });

  test('every attribute has exactly one of required/optional/computed-only, and a cty type or nested_type', () => {
    const problems: string[] = [];
    const walk = (attrs: any, prefix: string) => {
      for (const [name, a] of Object.entries<any>(attrs)) {
        const p = prefix + name;
        if (a.required && (a.optional || a.computed)) problems.push(`${p}: required with optional/computed`);
        if (!a.required && !a.optional && !a.computed) problems.push(`${p}: neither required, optional nor computed`);
        if ((a.type === undefined) === (a.nested_type === undefined)) problems.push(`${p}: needs exactly one of type/nested_type`);
        if (a.nested_type) walk(a.nested_type.attributes, p + '.');
      }
    };
    for (const [type, s] of Object.entries<any>(provider.resource_schemas)) walk(s.block.attributes, type + '.');
    walk(provider.provider.block.attributes, 'provider.');
    expect(problems).toEqual([]);
  });
});
