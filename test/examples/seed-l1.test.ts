import * as fs from 'fs';
import { buildExamples } from '../../examples/main';
import { checkConfig } from '../../lib/check';
import { filesBelow, readStack, tempDir } from '../support/synth';

const SOURCE = 'terraform.releases.teleport.dev/gravitational/teleport';

describe('the seed example (L1 bindings)', () => {
  let outdir: string;
  let leaf: any;
  let root: any;
  beforeAll(() => {
    outdir = tempDir('seed-l1-');
    buildExamples(outdir).synth();
    leaf = readStack(outdir, 'seed-l1-leaf');
    root = readStack(outdir, 'seed-l1-root');
  });
  afterAll(() => fs.rmSync(outdir, { recursive: true, force: true }));

  test('writes one folder per example stack, with unique names', () => {
    const stacks = fs.readdirSync(`${outdir}/stacks`).sort();
    expect(stacks).toEqual(expect.arrayContaining(['seed-l1-leaf', 'seed-l1-root']));
    expect(new Set(stacks).size).toBe(stacks.length);
  });

  test.each(['seed-l1-leaf', 'seed-l1-root'])('%s pins the provider by full source address and version', (name) => {
    const stack = readStack(outdir, name);
    expect(stack.terraform.required_providers.teleport).toEqual({ source: SOURCE, version: '~> 18.0' });
  });

  test('leaf: the visitor role', () => {
    const role = leaf.resource.teleport_role.visitor;
    expect(role.version).toBe('v7');
    expect(role.metadata).toEqual({ name: 'visitor' });
    expect(role.spec).toEqual({ allow: { logins: ['visitor'], node_labels: { '*': ['*'] } } });
  });

  test('leaf: the trusted cluster, token from a sensitive variable', () => {
    const tc = leaf.resource.teleport_trusted_cluster.rootcluster;
    expect(tc.version).toBe('v2');
    expect(tc.metadata).toEqual({ name: 'rootcluster.example.com' });
    expect(tc.spec).toEqual({
      enabled: true,
      token: '${var.root_join_token}',
      tunnel_addr: 'rootcluster.example.com:443',
      web_proxy_addr: 'rootcluster.example.com:443',
      role_map: [{ remote: 'access', local: ['visitor'] }],
    });
    expect(tc.depends_on).toEqual(['teleport_role.visitor']);
    expect(leaf.variable.root_join_token).toMatchObject({ type: 'string', sensitive: true });
    expect(leaf.variable.root_join_token.default).toBeUndefined();
  });

  test('leaf: provider points at the leaf with an identity file path', () => {
    expect(leaf.provider.teleport).toEqual([{ addr: 'leafcluster.example.com:443', identity_file_path: 'terraform-identity/leaf' }]);
  });

  test('root: a Trusted_cluster token with a short expiry and a generated (sensitive) name', () => {
    const token = root.resource.teleport_provision_token.leaf_join_token;
    expect(token.version).toBe('v2');
    expect(token.spec).toEqual({ roles: ['Trusted_cluster'] });
    expect(token.metadata.expires).toBe('${timeadd(timestamp(), "15m")}');
    expect(token.metadata.name).toBeUndefined();
    expect(root.output.leaf_join_token_name).toEqual({
      value: '${teleport_provision_token.leaf_join_token.metadata.name}',
      sensitive: true,
      description: 'Pass this to the leaf stack as root_join_token',
    });
  });

  test.each(['seed-l1-leaf', 'seed-l1-root'])('%s passes the offline check', (name) => {
    expect(checkConfig(readStack(outdir, name)).filter((f) => f.severity === 'error')).toEqual([]);
  });

  test('no file of the output holds a secret-looking literal', () => {
    for (const f of filesBelow(outdir)) {
      const text = fs.readFileSync(`${outdir}/${f}`, 'utf8');
      expect(text).not.toMatch(/"token":\s*"(?!\$\{)/);
      expect(text).not.toMatch(/"identity_file":/);
    }
  });
});
