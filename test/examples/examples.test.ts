// The examples app: every example stack synthesizes, passes the offline check, and says what it should.
import * as fs from 'fs';
import { Testing } from 'cdktf';
import { buildExamples } from '../../examples/main';
import { TwoStackLeaf, TwoStackRoot } from '../../examples/two-stack';
import { checkConfig } from '../../lib/check';
import { readStack, tempDir } from '../support/synth';

const SOURCE = 'terraform.releases.teleport.dev/gravitational/teleport';
const STACKS = ['from-yaml-leaf', 'one-stack', 'root-two-leaves', 'seed-l1-leaf', 'seed-l1-root', 'two-stack-leaf', 'two-stack-root'];

let outdir: string;
beforeAll(() => {
  outdir = tempDir('examples-');
  buildExamples(outdir).synth();
});
afterAll(() => fs.rmSync(outdir, { recursive: true, force: true }));

const only = (o: Record<string, any>) => {
  const values = Object.values(o ?? {});
  expect(values).toHaveLength(1);
  return values[0];
};

test('the app lists every example with a unique stack name', () => {
  expect(fs.readdirSync(`${outdir}/stacks`).sort()).toEqual(STACKS);
});

test.each(STACKS)('%s: pinned provider, offline check clean', (name) => {
  const json = readStack(outdir, name);
  expect(json.terraform.required_providers.teleport).toEqual({ source: SOURCE, version: '~> 18.0' });
  expect(checkConfig(json)).toEqual([]);
});

test('two-stack: the root exports the token as a sensitive output, the leaf takes it from a sensitive variable', () => {
  const root = readStack(outdir, 'two-stack-root');
  const token = only(root.resource.teleport_provision_token);
  expect(token.spec).toEqual({ join_method: 'token', roles: ['Trusted_cluster'] });
  expect(token.metadata.expires).toBe('${timeadd(plantimestamp(), "15m")}');
  expect(root.output.leaf_join_token).toMatchObject({ sensitive: true });
  const leaf = readStack(outdir, 'two-stack-leaf');
  expect(leaf.variable.root_join_token).toMatchObject({ type: 'string', sensitive: true });
  const tc = only(leaf.resource.teleport_trusted_cluster);
  expect(tc.spec.token).toBe('${var.root_join_token}');
  expect(tc.depends_on).toEqual([`teleport_role.${Object.keys(leaf.resource.teleport_role)[0]}`]);
});

test('two-stack, joined phase: no token on the root, no variable and no spec.token on the leaf', () => {
  const app = Testing.app();
  const root = new TwoStackRoot(app, 'root', { joined: true });
  const leaf = new TwoStackLeaf(app, 'leaf', { joined: true });
  const rootJson = JSON.parse(Testing.synth(root, true));
  const leafJson = JSON.parse(Testing.synth(leaf, true));
  expect(rootJson.resource).toBeUndefined();
  expect(rootJson.output).toBeUndefined();
  expect(leafJson.variable).toBeUndefined();
  const tc = only(leafJson.resource.teleport_trusted_cluster);
  expect(tc.spec).toEqual({
    enabled: true,
    web_proxy_addr: 'rootcluster.example.com:443',
    tunnel_addr: 'rootcluster.example.com:443',
    role_map: [{ remote: 'access', local: ['visitor'] }],
  });
  expect(tc.lifecycle).toEqual({ ignore_changes: ['spec.token'] });
  // Same address as in the bootstrap phase: flipping the phase never replaces the trusted cluster.
  const bootstrap = readStack(outdir, 'two-stack-leaf');
  expect(Object.keys(leafJson.resource.teleport_trusted_cluster)).toEqual(Object.keys(bootstrap.resource.teleport_trusted_cluster));
  expect(checkConfig(leafJson)).toEqual([]);
});

test('root-two-leaves: a token per leaf on the root provider, each trusted cluster on its own leaf', () => {
  const json = readStack(outdir, 'root-two-leaves');
  const tokens = json.resource.teleport_provision_token;
  expect(Object.values(tokens).map((t: any) => [t.provider, t.metadata.labels])).toEqual([
    ['teleport.root', { region: 'eu' }],
    ['teleport.root', { region: 'us' }],
  ]);
  const clusters = Object.values(json.resource.teleport_trusted_cluster) as any[];
  expect(clusters.map((c) => c.provider)).toEqual(['teleport.leaf_eu', 'teleport.leaf_us']);
  for (const [i, c] of clusters.entries()) {
    expect(c.spec.token).toBe(`\${teleport_provision_token.${Object.keys(tokens)[i]}.metadata.name}`);
    expect(c.spec.role_map).toEqual([
      { remote: 'access', local: ['visitor'] },
      { remote: 'auditor', local: ['auditor'] },
    ]);
    expect(c.spec.tunnel_addr).toBe('rootcluster.example.com:3024');
  }
});

test("from-yaml: the guide's YAML becomes the same role and trusted cluster as the L1 seed", () => {
  const yaml = readStack(outdir, 'from-yaml-leaf');
  const seed = readStack(outdir, 'seed-l1-leaf');
  const tc = only(yaml.resource.teleport_trusted_cluster);
  const seedTc = only(seed.resource.teleport_trusted_cluster);
  expect({ ...tc.spec, token: undefined }).toEqual({ ...seedTc.spec, token: undefined });
  expect(tc.metadata).toEqual(seedTc.metadata);
  expect(only(yaml.resource.teleport_role).spec.allow).toEqual(only(seed.resource.teleport_role).spec.allow);
});
