import { TerraformStack, Testing } from 'cdktf';
import { PresetRole, ProviderAuth, Role, RoleVersion, TeleportProvider, TrustedClusterLink, TrustedClusterLinkProps } from '../../lib';
import { addressOf, resourceOf } from '../support/constructs';

function twoClusters() {
  const stack = new TerraformStack(Testing.app(), 'stack');
  const root = new TeleportProvider(stack, 'root', { alias: 'root', addr: 'root.example.com:443', auth: ProviderAuth.identityFilePath('root.id') });
  const leaf = new TeleportProvider(stack, 'leaf', { alias: 'leaf', addr: 'leaf.example.com:443', auth: ProviderAuth.identityFilePath('leaf.id') });
  const visitor = new Role(stack, 'Visitor', { provider: leaf, name: 'visitor', version: RoleVersion.V7, allow: { logins: ['visitor'] } });
  return { stack, root, leaf, visitor };
}

const base = (c: ReturnType<typeof twoClusters>): TrustedClusterLinkProps => ({
  rootProvider: c.root,
  leafProvider: c.leaf,
  rootClusterName: 'root.example.com',
  webProxyAddr: 'root.example.com:443',
  roleMap: [{ remote: 'access', local: [c.visitor] }],
});

describe('TrustedClusterLink', () => {
  test('token on the root, trusted cluster on the leaf, wired by reference and depends_on', () => {
    const c = twoClusters();
    const link = new TrustedClusterLink(c.stack, 'Link', { ...base(c), tokenTtl: '20m', tokenLabels: { env: 'prod' } });
    const json = JSON.parse(Testing.synth(c.stack, true));
    const token = resourceOf(json, link.token!.resource);
    const tc = resourceOf(json, link.trustedCluster.resource);
    expect(token.provider).toBe('teleport.root');
    expect(token.spec).toEqual({ join_method: 'token', roles: ['Trusted_cluster'] });
    expect(token.metadata).toEqual({
      description: 'Join token for a leaf of root.example.com (stack/Link)',
      labels: { env: 'prod' },
      expires: '${timeadd(plantimestamp(), "20m")}',
    });
    expect(token.metadata.name).toBeUndefined();
    expect(tc.provider).toBe('teleport.leaf');
    expect(tc.metadata).toEqual({ name: 'root.example.com' });
    expect(tc.spec.token).toBe(`\${${addressOf(link.token!.resource)}.metadata.name}`);
    expect(tc.spec.role_map).toEqual([{ remote: 'access', local: ['visitor'] }]);
    expect(tc.depends_on).toEqual([addressOf(link.token!.resource), addressOf(c.visitor.resource)]);
    expect(tc.lifecycle).toEqual({ ignore_changes: ['spec.token'] });
    expect(resourceOf(json, c.visitor.resource).provider).toBe('teleport.leaf');
  });

  test('dependsOn reaches both parts; lifecycle merges into the trusted cluster, joinTokenLifecycle into the token', () => {
    const c = twoClusters();
    const before = new Role(c.stack, 'Before', { provider: c.leaf, name: 'before', version: RoleVersion.V7 });
    const link = new TrustedClusterLink(c.stack, 'Link', {
      ...base(c),
      dependsOn: [before.resource],
      lifecycle: { preventDestroy: true, ignoreChanges: ['metadata.labels'] },
      joinTokenLifecycle: { createBeforeDestroy: true, ignoreChanges: ['metadata.description'] },
    });
    const json = JSON.parse(Testing.synth(c.stack, true));
    const token = resourceOf(json, link.token!.resource);
    const tc = resourceOf(json, link.trustedCluster.resource);
    expect(token.depends_on).toEqual([addressOf(before.resource)]);
    expect(token.lifecycle).toEqual({ create_before_destroy: true, ignore_changes: ['metadata.description', 'metadata.expires'] });
    expect(tc.depends_on).toEqual([addressOf(before.resource), addressOf(link.token!.resource), addressOf(c.visitor.resource)]);
    expect(tc.lifecycle).toEqual({ prevent_destroy: true, ignore_changes: ['metadata.labels', 'spec.token'] });
  });

  test('joined: no token on the root, no spec.token on the leaf, everything else unchanged', () => {
    const c = twoClusters();
    const link = new TrustedClusterLink(c.stack, 'Link', { ...base(c), joined: true, tokenTtl: '20m', dependsOn: [c.visitor.resource] });
    const json = JSON.parse(Testing.synth(c.stack, true));
    expect(link.token).toBeUndefined();
    expect(json.resource.teleport_provision_token).toBeUndefined();
    const tc = resourceOf(json, link.trustedCluster.resource);
    expect(Object.keys(json.resource.teleport_trusted_cluster)).toEqual([link.trustedCluster.resource.friendlyUniqueId]);
    expect(tc.provider).toBe('teleport.leaf');
    expect(tc.version).toBe('v2');
    expect(tc.metadata).toEqual({ name: 'root.example.com' });
    expect(tc.spec).toEqual({
      enabled: true,
      web_proxy_addr: 'root.example.com:443',
      tunnel_addr: 'root.example.com:443',
      role_map: [{ remote: 'access', local: ['visitor'] }],
    });
    expect(tc.lifecycle).toEqual({ ignore_changes: ['spec.token'] });
    expect(tc.depends_on).toEqual([addressOf(c.visitor.resource)]);
  });

  test('the TrustedClusterOptions it shares with TrustedClusterProps reach the trusted cluster', () => {
    // GIVEN a link that sets every shared option
    const c = twoClusters();
    const link = new TrustedClusterLink(c.stack, 'Link', {
      ...base(c),
      webProxyAddr: 'root.example.com:3080',
      tunnelAddr: 'root.example.com:3024',
      enabled: false,
      acknowledgeDisabled: true,
    });
    // WHEN it synthesizes
    const tc = resourceOf(JSON.parse(Testing.synth(c.stack, true)), link.trustedCluster.resource);
    // THEN the trusted cluster has each of them (acknowledgeDisabled lets enabled: false through)
    expect(tc.spec.web_proxy_addr).toBe('root.example.com:3080');
    expect(tc.spec.tunnel_addr).toBe('root.example.com:3024');
    expect(tc.spec.enabled).toBe(false);
    expect(tc.spec.role_map).toEqual([{ remote: 'access', local: ['visitor'] }]);
  });

  test("enabled: false without acknowledgeDisabled is the trusted cluster's error", () => {
    const c = twoClusters();
    new TrustedClusterLink(c.stack, 'Link', { ...base(c), enabled: false });
    expect(() => Testing.synth(c.stack, true)).toThrow(
      /\[stack\/Link\/TrustedCluster\] field "spec.enabled": [^\n]*Fix: [^\n]*set acknowledgeDisabled: true/,
    );
  });

  test('the trusted cluster keeps its Terraform address across the phases (no replacement)', () => {
    const bootstrap = twoClusters();
    const joined = twoClusters();
    const a = new TrustedClusterLink(bootstrap.stack, 'Link', base(bootstrap));
    const b = new TrustedClusterLink(joined.stack, 'Link', { ...base(joined), joined: true });
    expect(addressOf(b.trustedCluster.resource)).toBe(addressOf(a.trustedCluster.resource));
  });

  test('one root, two leaves: one token per leaf, each used by its own leaf', () => {
    const c = twoClusters();
    const leaf2 = new TeleportProvider(c.stack, 'leaf2', { alias: 'leaf2', addr: 'leaf2.example.com:443' });
    const a = new TrustedClusterLink(c.stack, 'A', base(c));
    const access = Role.fromPreset(c.stack, 'Access', PresetRole.ACCESS);
    const b = new TrustedClusterLink(c.stack, 'B', { ...base(c), leafProvider: leaf2, roleMap: [{ remote: 'access', local: [access] }] });
    const json = JSON.parse(Testing.synth(c.stack, true));
    expect(Object.keys(json.resource.teleport_provision_token)).toHaveLength(2);
    expect(resourceOf(json, a.trustedCluster.resource).spec.token).toContain(a.token!.resource.friendlyUniqueId);
    expect(resourceOf(json, b.trustedCluster.resource).spec.token).toContain(b.token!.resource.friendlyUniqueId);
    expect(resourceOf(json, b.trustedCluster.resource).provider).toBe('teleport.leaf2');
    expect(resourceOf(json, b.trustedCluster.resource).depends_on).toEqual([addressOf(b.token!.resource)]);
  });

  test("a mapped Role managed by another provider is rejected (the trusted cluster's rule) with the path, field and fix", () => {
    const c = twoClusters();
    const onRoot = new Role(c.stack, 'OnRoot', { provider: c.root, name: 'visitor2', version: RoleVersion.V7, allow: { logins: ['v'] } });
    new TrustedClusterLink(c.stack, 'Link', { ...base(c), roleMap: [{ remote: 'access', local: [onRoot] }] });
    expect(() => Testing.synth(c.stack, true)).toThrow(
      '[stack/Link/TrustedCluster] field "spec.role_map[].local": role "visitor2" is managed by provider teleport.root, but this trusted cluster by ' +
        'teleport.leaf: role_map local roles are roles of the leaf, the cluster the trusted cluster is created on. Fix: create the Role with the ' +
        "trusted cluster's provider (provider: <the leaf provider>), or use Role.fromName() for a role that exists on the leaf.",
    );
  });

  test('rules of the parts apply: a tunnel address without port', () => {
    const c = twoClusters();
    new TrustedClusterLink(c.stack, 'Link', { ...base(c), tunnelAddr: 'root.example.com' });
    expect(() => Testing.synth(c.stack, true)).toThrow(
      /stack\/Link\/TrustedCluster[\s\S]*field "spec.tunnel_addr": "root.example.com" is not host:port/,
    );
  });

  test('a bad token TTL is rejected on the token', () => {
    const c = twoClusters();
    new TrustedClusterLink(c.stack, 'Link', { ...base(c), tokenTtl: '15 minutes' });
    expect(() => Testing.synth(c.stack, true)).toThrow(/stack\/Link\/JoinToken[\s\S]*field "metadata.expires"[\s\S]*15 minutes/);
  });
});
