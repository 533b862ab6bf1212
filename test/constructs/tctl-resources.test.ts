import * as path from 'path';
import { TerraformVariable, Testing } from 'cdktf';
import { TctlResources } from '../../lib';
import { addressOf, newStack, resourceOf, synthJson } from '../support/constructs';

const EXAMPLES = path.join(__dirname, '..', '..', 'examples', 'from-yaml');
const SECRET = 'yaml-literal-join-token-0b9c-do-not-leak';

const TC_WITH_TOKEN = `kind: trusted_cluster
version: v2
metadata:
  name: rootcluster.example.com
spec:
  enabled: true
  token: ${SECRET}
  tunnel_addr: rootcluster.example.com:3024
  web_proxy_addr: rootcluster.example.com:443
  role_map:
    - remote: access
      local: [visitor]
    - remote: "^(.*)-admin$"
      local: [editor]
`;

describe('TctlResources from the seed guide YAML', () => {
  test('visitor.yaml + trusted_cluster.yaml: a Role, a TrustedCluster after it, the token from a sensitive variable', () => {
    const stack = newStack();
    const yaml = TctlResources.fromFiles(stack, 'Guide', [path.join(EXAMPLES, 'visitor.yaml'), path.join(EXAMPLES, 'trusted_cluster.yaml')]);
    const json = synthJson(stack);
    const role = resourceOf(json, yaml.roles.visitor.resource);
    expect(role.version).toBe('v7');
    expect(role.metadata).toEqual({ name: 'visitor' });
    // tctl's '*': '*' (a single string) becomes the provider's list of strings.
    expect(role.spec.allow).toEqual({ logins: ['visitor'], node_labels: { '*': ['*'] } });
    const tc = resourceOf(json, yaml.trustedClusters['rootcluster.example.com'].resource);
    expect(tc.spec).toEqual({
      enabled: true,
      token: '${var.guide_join_token}',
      tunnel_addr: 'rootcluster.example.com:443',
      web_proxy_addr: 'rootcluster.example.com:443',
      role_map: [{ remote: 'access', local: ['visitor'] }],
    });
    expect(tc.depends_on).toEqual([addressOf(yaml.roles.visitor.resource)]);
    expect(json.variable.guide_join_token).toMatchObject({ type: 'string', sensitive: true });
    expect(json.variable.guide_join_token.default).toBeUndefined();
  });

  test('a literal token in YAML is replaced by the variable and appears nowhere', () => {
    const stack = newStack();
    const yaml = TctlResources.fromYaml(stack, 'Tc', TC_WITH_TOKEN);
    const out = Testing.synth(stack, true);
    expect(out).not.toContain(SECRET);
    const tc = resourceOf(JSON.parse(out), yaml.trustedClusters['rootcluster.example.com'].resource);
    expect(tc.spec.token).toBe('${var.tc_join_token}');
    // Roles not in the YAML are referenced by name; regex mappings are kept.
    expect(tc.spec.role_map).toEqual([
      { remote: 'access', local: ['visitor'] },
      { remote: '^(.*)-admin$', local: ['editor'] },
    ]);
    expect(tc.depends_on).toBeUndefined();
  });

  test('a given joinTokenVariable is used under its own name; none is created without a trusted cluster', () => {
    const stack = newStack();
    const mine = new TerraformVariable(stack, 'my_root_token', { type: 'string', sensitive: true });
    const yaml = TctlResources.fromYaml(stack, 'Tc', TC_WITH_TOKEN, { joinTokenVariable: mine });
    const roleOnly = TctlResources.fromFile(stack, 'Roles', path.join(EXAMPLES, 'visitor.yaml'));
    const json = synthJson(stack);
    expect(resourceOf(json, yaml.trustedClusters['rootcluster.example.com'].resource).spec.token).toBe('${var.my_root_token}');
    expect(Object.keys(json.variable)).toEqual(['my_root_token']);
    expect(yaml.joinTokenVariable).toBe(mine);
    expect(roleOnly.joinTokenVariable).toBeUndefined();
  });

  test('a literal token is kept only with allowLiteralSecrets', () => {
    const stack = newStack();
    const yaml = TctlResources.fromYaml(stack, 'Tc', TC_WITH_TOKEN, { allowLiteralSecrets: true });
    expect(resourceOf(synthJson(stack), yaml.trustedClusters['rootcluster.example.com'].resource).spec.token).toBe(SECRET);
  });

  test('adoptExisting writes import blocks for roles and trusted clusters, by name', () => {
    const stack = newStack();
    const yaml = TctlResources.fromFiles(stack, 'Guide', [path.join(EXAMPLES, 'visitor.yaml'), path.join(EXAMPLES, 'trusted_cluster.yaml')], {
      adoptExisting: true,
    });
    const json = synthJson(stack);
    expect(json.import).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ to: addressOf(yaml.roles.visitor.resource), id: 'visitor' }),
        expect.objectContaining({ to: addressOf(yaml.trustedClusters['rootcluster.example.com'].resource), id: 'rootcluster.example.com' }),
      ]),
    );
  });

  test('a role as tctl get prints it: namespaces ["default"] and server metadata are dropped, sub_kind passes through', () => {
    const stack = newStack();
    const dump = [
      'kind: role',
      'version: v7',
      'sub_kind: custom',
      'metadata:',
      '  name: dumped',
      '  namespace: default',
      '  revision: 0b7a5c1e-1f2d-4b7e-9c1a-7f3e2d1c0b9a',
      'spec:',
      '  allow:',
      '    logins: [visitor]',
      '    namespaces:',
      '    - default',
      '  deny:',
      '    namespaces: [default]',
      '',
    ].join('\n');
    const yaml = TctlResources.fromYaml(stack, 'Dump', dump);
    const role = resourceOf(synthJson(stack), yaml.roles.dumped.resource);
    expect(role.sub_kind).toBe('custom');
    expect(role.metadata).toEqual({ name: 'dumped' });
    expect(role.spec.allow).toEqual({ logins: ['visitor'] });
    expect(role.spec.deny).toEqual({});
  });

  test('a token document becomes a ProvisionToken with a provider-generated secret', () => {
    const stack = newStack();
    const yaml = TctlResources.fromYaml(
      stack,
      'T',
      'kind: token\nversion: v2\nmetadata:\n  description: leaf\nspec:\n  roles: [Trusted_cluster]\n  join_method: token\n',
    );
    const token = resourceOf(synthJson(stack), yaml.provisionTokens[0].resource);
    expect(token.spec).toEqual({ join_method: 'token', roles: ['Trusted_cluster'] });
    expect(token.metadata.name).toBeUndefined();
    expect(yaml.provisionTokens[0].isTrustedClusterToken).toBe(true);
  });
});

// [what, yaml, message fragments]
const INVALID: [string, string, string[]][] = [
  [
    'a misspelt field, with a suggestion',
    'kind: role\nversion: v7\nmetadata: {name: r}\nspec:\n  allow:\n    loginz: [x]\n',
    ['inline YAML, document 1', 'field "spec.allow.loginz" is not an attribute of the Teleport provider', 'did you mean "logins"?'],
  ],
  [
    "proxy_addr, as in Teleport's own doc example",
    'kind: trusted_cluster\nversion: v2\nmetadata: {name: root.example.com}\nspec:\n  proxy_addr: root.example.com:3080\n  role_map: [{remote: access, local: [v]}]\n',
    ['field "spec.proxy_addr" is not an attribute', 'web_proxy_addr'],
  ],
  [
    'an unsupported kind',
    'kind: user\nversion: v2\nmetadata: {name: u}\nspec: {}\n',
    ['kind "user" is not supported here', 'role, trusted_cluster, token'],
  ],
  ['no metadata.name', 'kind: role\nversion: v7\nmetadata: {}\nspec: {}\n', ['field "metadata.name" is missing', 'name the role']],
  [
    'an unknown role version',
    'kind: role\nversion: v99\nmetadata: {name: r}\nspec: {}\n',
    ['field "version" is "v99", not a role version', 'v3, v4, v5, v6, v7, v8, v9'],
  ],
  [
    'a wrong type',
    'kind: role\nversion: v7\nmetadata: {name: r}\nspec:\n  allow:\n    logins: visitor\n    rules: yes\n',
    ['field "spec.allow.rules" must be a list'],
  ],
  ['an unknown top-level field', 'kind: role\nversion: v7\nmetadata: {name: r}\nspecs: {}\n', ['field "specs" is not a tctl resource field']],
  ['malformed YAML', 'kind: role\nversion: [v7\n', ['not valid YAML', 'correct the YAML syntax']],
  [
    'a literal secret token name',
    `kind: token\nversion: v2\nmetadata: {name: ${SECRET}}\nspec: {roles: [Node]}\n`,
    ['field "metadata.name" is the token\'s secret', 'allowLiteralSecrets: true'],
  ],
  ['an empty file', '# nothing\n', ['holds no resource']],
  [
    'a namespace other than default',
    'kind: role\nversion: v7\nmetadata: {name: r}\nspec:\n  allow:\n    namespaces: [default, prod]\n',
    [
      'field "spec.allow.namespaces" is ["default","prod"]: Teleport supports only the "default" namespace',
      'remove it, or write namespaces: ["default"]',
    ],
  ],
  [
    'a deny namespace wildcard',
    'kind: role\nversion: v7\nmetadata: {name: r}\nspec:\n  deny:\n    namespaces: "*"\n',
    ['field "spec.deny.namespaces" is "*"', 'Fix: remove it'],
  ],
  [
    'sub_kind on a trusted cluster',
    'kind: trusted_cluster\nversion: v2\nsub_kind: x\nmetadata: {name: root.example.com}\nspec:\n  web_proxy_addr: root.example.com:443\n  role_map: [{remote: access, local: [v]}]\n',
    ['field "sub_kind" is not supported for a trusted_cluster here', 'addOverride("sub_kind", ...)'],
  ],
  ['sub_kind that is not a string', 'kind: role\nversion: v7\nsub_kind: [a]\nmetadata: {name: r}\nspec: {}\n', ['field "sub_kind" must be a string']],
  [
    'metadata.expires on a trusted cluster (it would be dropped)',
    'kind: trusted_cluster\nversion: v2\nmetadata: {name: root.example.com, expires: "2030-01-01T00:00:00Z"}\nspec:\n  web_proxy_addr: root.example.com:443\n  role_map: [{remote: access, local: [v]}]\n',
    ['field "metadata.expires" is not supported for a trusted_cluster here', 'supported: name, description, labels'],
  ],
  [
    'a metadata namespace other than default',
    'kind: role\nversion: v7\nmetadata: {name: r, namespace: prod}\nspec: {}\n',
    ['field "metadata.namespace" is not supported for a role here (Teleport supports only the "default" namespace)'],
  ],
];

describe('TctlResources rejects', () => {
  test.each(INVALID)('%s', (_what, yaml, fragments) => {
    const stack = newStack();
    let message = '';
    try {
      TctlResources.fromYaml(stack, 'Y', yaml);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toContain('stack/Y: ');
    for (const f of fragments) expect(message).toContain(f);
    expect(message).toContain('Fix: ');
    expect(message).not.toContain(SECRET);
  });

  test('a missing file names the file', () => {
    expect(() => TctlResources.fromFile(newStack(), 'Y', '/nonexistent/visitor.yaml')).toThrow(
      'stack/Y: cannot read /nonexistent/visitor.yaml: no such file or directory. Fix: pass the path of a tctl YAML file.',
    );
  });
});
