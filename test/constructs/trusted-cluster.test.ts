import { TerraformProvider, TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { Construct } from 'constructs';
import { l1 } from '../../lib';
import { ProvisionToken } from '../../lib/constructs/provision-token';
import { Role, RoleVersion } from '../../lib/constructs/role';
import { JoinToken, TrustedCluster, TrustedClusterProps } from '../../lib/constructs/trusted-cluster';
import { addressOf, errorsOf, newStack, resourceOf, synthJson } from '../support/constructs';

const SECRET = 'tc-literal-join-token-5d1e-do-not-leak';

function tokenVariable(scope: Construct, sensitive = true): TerraformVariable {
  return new TerraformVariable(scope, 'root_join_token', { type: 'string', sensitive });
}

function visitor(scope: Construct, provider?: TerraformProvider): Role {
  return new Role(scope, 'VisitorRole', {
    provider,
    name: 'visitor',
    version: RoleVersion.V7,
    allow: { logins: ['visitor'], nodeLabels: { '*': ['*'] } },
  });
}

function props(scope: Construct, extra: Partial<TrustedClusterProps> = {}): TrustedClusterProps {
  return {
    name: 'rootcluster.example.com',
    webProxyAddr: 'rootcluster.example.com:443',
    token: JoinToken.fromVariable(tokenVariable(scope)),
    roleMap: [{ remote: 'access', local: [Role.fromName(scope, 'Visitor', 'visitor')] }],
    ...extra,
  };
}

describe('TrustedCluster', () => {
  const SEED_SPEC = {
    enabled: true,
    web_proxy_addr: 'rootcluster.example.com:443',
    tunnel_addr: 'rootcluster.example.com:443',
    role_map: [{ remote: 'access', local: ['visitor'] }],
  };

  test.each<[string, (fromVariable: JoinToken) => JoinToken, object]>([
    ['bootstrap, the token by reference', (fromVariable) => fromVariable, { ...SEED_SPEC, token: '${var.root_join_token}' }],
    ['joined, JoinToken.alreadyJoined(): no spec.token', () => JoinToken.alreadyJoined(), SEED_SPEC],
  ])('the seed trusted cluster, %s: every field, token changes ignored', (_what, token, spec) => {
    const stack = newStack();
    const seed = props(stack);
    const tc = new TrustedCluster(stack, 'Root', { ...seed, token: token(seed.token) });
    const json = synthJson(stack);
    const r = resourceOf(json, tc.resource);
    expect(r.version).toBe('v2');
    expect(r.metadata).toEqual({ name: 'rootcluster.example.com' });
    expect(r.spec).toEqual(spec);
    expect(r.lifecycle).toEqual({ ignore_changes: ['spec.token'] });
    expect(r.depends_on).toBeUndefined(); // Role.fromName: nothing to wait for
    expect(json.variable.root_join_token).toEqual({ type: 'string', sensitive: true });
  });

  test('JoinToken.alreadyJoined() says so, with an info annotation on the flip side', () => {
    const stack = newStack();
    const tc = new TrustedCluster(stack, 'Root', { ...props(stack), token: JoinToken.alreadyJoined() });
    synthJson(stack);
    expect(JoinToken.alreadyJoined().isJoined).toBe(true);
    expect(JoinToken.alreadyJoined().isReference).toBe(false);
    const infos = tc.node.metadata.filter((m) => m.type === '@cdktf/info').map((m) => String(m.data));
    expect(infos).toEqual([expect.stringContaining('If this trusted cluster is ever created or replaced, Teleport needs a token')]);
  });

  test('mapped Role constructs and the provision token in the same stack come first (depends_on)', () => {
    const stack = newStack();
    const role = visitor(stack);
    const token = ProvisionToken.forTrustedCluster(stack, 'JoinToken');
    const tc = new TrustedCluster(
      stack,
      'Root',
      props(stack, {
        token: JoinToken.fromProvisionToken(token),
        roleMap: [{ remote: 'access', local: [role, Role.fromName(stack, 'Auditor', 'auditor')] }],
        tunnelAddr: 'rootcluster.example.com:3024',
        labels: { env: 'prod' },
        description: 'trust the root',
      }),
    );
    const r = resourceOf(synthJson(stack), tc.resource);
    expect(r.depends_on).toEqual([addressOf(token.resource), addressOf(role.resource)].sort());
    expect(r.spec.token).toBe(`\${${addressOf(token.resource)}.metadata.name}`);
    expect(r.spec.tunnel_addr).toBe('rootcluster.example.com:3024');
    expect(r.spec.role_map).toEqual([{ remote: 'access', local: ['visitor', 'auditor'] }]);
    expect(r.metadata).toEqual({ name: 'rootcluster.example.com', labels: { env: 'prod' }, description: 'trust the root' });
    expect(tc.clusterName).toBe('rootcluster.example.com');
  });

  test('provider, dependsOn and lifecycle pass through; the token stays ignored', () => {
    const stack = newStack();
    const leaf = new l1.provider.TeleportProvider(stack, 'leaf', { alias: 'leaf' });
    const other = visitor(stack);
    const tc = new TrustedCluster(
      stack,
      'Root',
      props(stack, {
        provider: leaf,
        dependsOn: [other.resource],
        lifecycle: { preventDestroy: true, ignoreChanges: ['metadata.labels'] },
      }),
    );
    const r = resourceOf(synthJson(stack), tc.resource);
    expect(r.provider).toBe('teleport.leaf');
    expect(r.depends_on).toEqual([addressOf(other.resource)]);
    expect(r.lifecycle).toEqual({ prevent_destroy: true, ignore_changes: ['metadata.labels', 'spec.token'] });
  });

  test('a literal token only with unsafePlainText, and it is written as given', () => {
    const stack = newStack();
    const tc = new TrustedCluster(stack, 'Root', props(stack, { token: JoinToken.unsafePlainText(SECRET) }));
    expect(resourceOf(synthJson(stack), tc.resource).spec.token).toBe(SECRET);
  });

  test('enabled: false with the acknowledgement', () => {
    const stack = newStack();
    const tc = new TrustedCluster(stack, 'Root', props(stack, { enabled: false, acknowledgeDisabled: true }));
    expect(resourceOf(synthJson(stack), tc.resource).spec.enabled).toBe(false);
  });

  test('unresolved values skip value checks', () => {
    const stack = newStack();
    const addr = new TerraformVariable(stack, 'addr', { type: 'string' });
    const tc = new TrustedCluster(
      stack,
      'Root',
      props(stack, { name: addr.stringValue, webProxyAddr: addr.stringValue, tunnelAddr: addr.stringValue }),
    );
    expect(resourceOf(synthJson(stack), tc.resource).spec.web_proxy_addr).toBe('${var.addr}');
  });

  test('without TLS routing: web on 3080 and the tunnel on 3024, both written as given', () => {
    const stack = newStack();
    const tc = new TrustedCluster(
      stack,
      'Root',
      props(stack, { webProxyAddr: 'rootcluster.example.com:3080', tunnelAddr: 'rootcluster.example.com:3024' }),
    );
    const r = resourceOf(synthJson(stack), tc.resource);
    expect([r.spec.web_proxy_addr, r.spec.tunnel_addr]).toEqual(['rootcluster.example.com:3080', 'rootcluster.example.com:3024']);
  });

  test('a Role on an explicit unaliased provider is on the default provider: accepted, and created first', () => {
    const stack = new TerraformStack(Testing.app(), 'stack');
    const teleport = new l1.provider.TeleportProvider(stack, 'teleport', {});
    const role = visitor(stack, teleport);
    const tc = new TrustedCluster(stack, 'Root', props(stack, { roleMap: [{ remote: 'access', local: [role] }] }));
    expect(resourceOf(synthJson(stack), tc.resource).depends_on).toEqual([addressOf(role.resource)]);
  });

  test('RE2-only syntax, named groups, glob groups and $0 pass; ${...} is escaped for Terraform', () => {
    const stack = newStack();
    const local = (id: string, name: string) => Role.fromName(stack, id, name);
    const tc = new TrustedCluster(
      stack,
      'Root',
      props(stack, {
        roleMap: [
          { remote: '^(?P<team>[a-z]+)-admin$', local: [local('A', '${team}-admin'), local('B', '$1-ops')] },
          { remote: '^(?i)auditor$', local: [local('C', 'auditor')] },
          { remote: 'team-*', local: [local('D', 'team-$1'), local('E', '$0-copy'), local('F', '$$literal')] },
        ],
      }),
    );
    expect(resourceOf(synthJson(stack), tc.resource).spec.role_map).toEqual([
      // Terraform reads "$${" as a literal "${": Teleport receives "${team}-admin".
      { remote: '^(?P<team>[a-z]+)-admin$', local: ['$${team}-admin', '$1-ops'] },
      { remote: '^(?i)auditor$', local: ['auditor'] },
      { remote: 'team-*', local: ['team-$1', '$0-copy', '$$literal'] },
    ]);
  });

  test('escape hatch: addOverride on the L1 resource', () => {
    const stack = newStack();
    const tc = new TrustedCluster(stack, 'Root', props(stack));
    tc.resource.addOverride('spec.enabled', false);
    expect(resourceOf(synthJson(stack), tc.resource).spec.enabled).toBe(false);
  });
});

// [what, props override, field, message fragment, fix fragment]
const INVALID: [string, (s: TerraformStack) => Partial<TrustedClusterProps>, string, string, string][] = [
  [
    'web_proxy_addr without port',
    () => ({ webProxyAddr: 'rootcluster.example.com' }),
    'spec.web_proxy_addr',
    '"rootcluster.example.com" is not host:port',
    "write the root proxy's web port",
  ],
  [
    'tunnel_addr without port',
    () => ({ tunnelAddr: 'rootcluster.example.com' }),
    'spec.tunnel_addr',
    'is not host:port',
    'reverse tunnel port (usually :3024)',
  ],
  ['tunnel_addr with a URL', () => ({ tunnelAddr: 'https://rootcluster.example.com:443' }), 'spec.tunnel_addr', 'is not host:port', 'write the port'],
  [
    'a name that is not a cluster name',
    () => ({ name: 'root cluster' }),
    'metadata.name',
    '"root cluster" is not a cluster name',
    'cluster_name in /webapi/ping',
  ],
  ['an empty role map', () => ({ roleMap: [] }), 'spec.role_map', 'is empty', 'map at least one root role'],
  [
    'an empty remote role',
    (s) => ({ roleMap: [{ remote: ' ', local: [Role.fromName(s, 'V', 'visitor')] }] }),
    'spec.role_map[].remote',
    'has an empty remote role',
    'name the root role',
  ],
  [
    'a broken regular expression',
    (s) => ({ roleMap: [{ remote: '^(admin$', local: [Role.fromName(s, 'V', 'visitor')] }] }),
    'spec.role_map[].remote',
    '"^(admin$" is not a valid regular expression',
    'RE2 syntax',
  ],
  [
    'a lookahead (JavaScript has it, RE2 does not)',
    (s) => ({ roleMap: [{ remote: '^(?!admin).*$', local: [Role.fromName(s, 'V', 'visitor')] }] }),
    'spec.role_map[].remote',
    '"^(?!admin).*$" uses a lookahead ((?!...), which Go\'s RE2 engine (Teleport\'s regular expressions) does not support',
    'rewrite it without lookarounds or backreferences',
  ],
  [
    'a lookbehind',
    (s) => ({ roleMap: [{ remote: '^.*(?<=-admin)$', local: [Role.fromName(s, 'V', 'visitor')] }] }),
    'spec.role_map[].remote',
    'uses a lookbehind ((?<=...)',
    'RE2 syntax',
  ],
  [
    'a backreference',
    (s) => ({ roleMap: [{ remote: '^(a+)-\\1$', local: [Role.fromName(s, 'V', 'visitor')] }] }),
    'spec.role_map[].remote',
    'uses a backreference (\\1)',
    'without lookarounds or backreferences',
  ],
  [
    'a $1 expansion with a plain remote name',
    (s) => ({ roleMap: [{ remote: 'admin', local: [Role.fromName(s, 'E', '$1-admin')] }] }),
    'spec.role_map[].local',
    'local role "$1-admin" refers to group "1", but "admin", neither a ^...$ regular expression nor a glob with *, has no capture groups: Teleport expands the reference to an empty string',
    'a ^...$ regular expression with a (...) group',
  ],
  [
    'a group the regular expression does not have',
    (s) => ({ roleMap: [{ remote: '^(.*)-dev$', local: [Role.fromName(s, 'E', '$2')] }] }),
    'spec.role_map[].local',
    'refers to group "2", but the regular expression "^(.*)-dev$" has 1 capture group',
    'or name the local role literally',
  ],
  [
    '$1x, which Go reads as the group named "1x"',
    (s) => ({ roleMap: [{ remote: '^(.*)$', local: [Role.fromName(s, 'E', '$1x')] }] }),
    'spec.role_map[].local',
    'refers to group "1x"',
    'give remote the group',
  ],
  [
    'a remote role mapped twice',
    (s) => ({
      roleMap: [
        { remote: 'access', local: [Role.fromName(s, 'V', 'visitor')] },
        { remote: 'access', local: [Role.fromName(s, 'A', 'auditor')] },
      ],
    }),
    'spec.role_map[].remote',
    'maps "access" twice',
    'merge the entries',
  ],
  [
    'a mapping without local roles',
    () => ({ roleMap: [{ remote: 'access', local: [] }] }),
    'spec.role_map[].local',
    'has a mapping with no local roles',
    'list at least one leaf role',
  ],
  [
    'a wildcard local role',
    (s) => ({ roleMap: [{ remote: 'access', local: [Role.fromName(s, 'W', '*')] }] }),
    'spec.role_map[].local',
    'contains "*"',
    'name the leaf roles explicitly',
  ],
  [
    'enabled: false without acknowledgement',
    () => ({ enabled: false }),
    'spec.enabled',
    "deactivates the root cluster's certificate authorities",
    'set acknowledgeDisabled: true',
  ],
  [
    'a literal passed to fromReference',
    () => ({ token: JoinToken.fromReference(SECRET) }),
    'spec.token',
    'is a literal secret: it would be written in plaintext',
    'use JoinToken.unsafePlainText() to accept the plaintext literal',
  ],
  [
    'a token variable that is not sensitive',
    (s) => ({ token: JoinToken.fromVariable(new TerraformVariable(s, 'plain', { type: 'string' })) }),
    'spec.token',
    'comes from variable "plain", which is not sensitive',
    'declare the variable with sensitive: true',
  ],
  [
    'a token variable with a default',
    (s) => ({ token: JoinToken.fromVariable(new TerraformVariable(s, 'withdefault', { type: 'string', sensitive: true, default: SECRET })) }),
    'spec.token',
    'comes from variable "withdefault", which has a default: the default is written in plaintext',
    'remove the default and pass the value at plan time (TF_VAR_withdefault or -var)',
  ],
  [
    'a token variable with a default from another stack',
    (s) => ({
      token: JoinToken.fromVariable(
        new TerraformVariable(new TerraformStack(s.node.root, 'other'), 'elsewhere', { type: 'string', sensitive: true, default: SECRET }),
      ),
    }),
    'spec.token',
    'comes from variable "elsewhere", which has a default',
    'remove the default',
  ],
  [
    'a reference to a variable with a default',
    (s) => ({ token: JoinToken.fromReference(new TerraformVariable(s, 'ref', { type: 'string', sensitive: true, default: SECRET }).stringValue) }),
    'spec.token',
    'comes from variable "ref", which has a default',
    'remove the default',
  ],
  [
    'a reference to a non-sensitive variable',
    (s) => ({ token: JoinToken.fromReference(new TerraformVariable(s, 'ref', { type: 'string' }).stringValue) }),
    'spec.token',
    'comes from variable "ref", which is not sensitive',
    'sensitive: true',
  ],
  [
    'a mapped Role managed by another provider',
    (s) => ({ roleMap: [{ remote: 'access', local: [visitor(s, new l1.provider.TeleportProvider(s, 'rootp', { alias: 'root' }))] }] }),
    'spec.role_map[].local',
    'role "visitor" is managed by provider teleport.root, but this trusted cluster by teleport: role_map local roles are roles of the leaf',
    "create the Role with the trusted cluster's provider",
  ],
  [
    'no tunnel_addr, and the web proxy is not on 443',
    () => ({ webProxyAddr: 'rootcluster.example.com:3080' }),
    'spec.tunnel_addr',
    'is not set, and web_proxy_addr "rootcluster.example.com:3080" is not on port 443, so it cannot stand in for the reverse tunnel address',
    "set tunnelAddr: with TLS routing on, use the root proxy's web address",
  ],
  [
    'no tunnel_addr, and the web proxy address is not known at synth',
    (s) => ({ webProxyAddr: new TerraformVariable(s, 'web', { type: 'string' }).stringValue }),
    'spec.tunnel_addr',
    'is not set, and web_proxy_addr is not known at synth',
    "the reverse tunnel listener (the root's tunnel_public_addr, usually port 3024)",
  ],
  [
    'tunnel_addr on the SSH proxy port',
    () => ({ tunnelAddr: 'rootcluster.example.com:3023' }),
    'spec.tunnel_addr',
    '"rootcluster.example.com:3023" is the Proxy Service\'s SSH port (3023), not the reverse tunnel',
    'usually port 3024',
  ],
  [
    'tunnel_addr on the Auth Service port',
    () => ({ webProxyAddr: 'rootcluster.example.com:3080', tunnelAddr: 'rootcluster.example.com:3025' }),
    'spec.tunnel_addr',
    "is the Auth Service's port (3025); a leaf dials the root's Proxy Service, never its Auth Service",
    'with TLS routing on',
  ],
  [
    'a provision token without Trusted_cluster',
    (s) => ({ token: JoinToken.fromProvisionToken(ProvisionToken.token(s, 'NodeToken', { roles: ['Node'] })) }),
    'spec.token',
    'without the Trusted_cluster role',
    'ProvisionToken.forTrustedCluster()',
  ],
];

describe('TrustedCluster rejects at synth with the construct path, the field and the fix on one line', () => {
  test.each(INVALID)('%s', (_what, override, field, message, fix) => {
    const errors = errorsOf((s) => new TrustedCluster(s, 'Root', { ...props(s), ...override(s as TerraformStack) }));
    const line = errors.split('\n').find((l) => l.includes(`[stack/Root] field "${field}": `) && l.includes(message));
    if (line === undefined) throw new Error(`no "${field}" message containing ${JSON.stringify(message)} in:\n${errors}`);
    expect(line.indexOf(message)).toBeLessThan(line.indexOf(' Fix: '));
    expect(line.slice(line.indexOf(' Fix: '))).toContain(fix);
    expect(errors).not.toContain(SECRET);
  });
});
