// The "done when": `validate <one-stack> --identity leaf=... --identity root=...` against a
// fake root and leaf (each a web API and an Auth Service behind TLS routing) reports a missing
// mapped role, an expired join token and a replaced trusted cluster as errors with their fixes,
// and passes on the good pair; the Auth Services only ever see reads.
import * as fs from 'fs';
import * as path from 'path';
import { buildExamples } from '../../examples/main';
import { clearSecrets } from '../../lib/report/redact';
import { runCli } from '../support/cli';
import {
  IdentityClusters,
  LEAF_NAME,
  ONE_STACK_TC,
  ONE_STACK_TOKEN,
  ROOT_NAME,
  change,
  nonReads,
  oneStackPlan,
  planned,
  startIdentityClusters,
} from '../support/fake-auth-clusters';

const TOKEN_ADDRESS = ONE_STACK_TOKEN;
const TC_ADDRESS = ONE_STACK_TC;
const JOIN_TOKEN = '4f9c2b1d7e3a8f6c0b5d9e2a1c7f3b8e'; // what the root generated on an earlier apply

let env: IdentityClusters;
let oneStack: string;

beforeAll(async () => {
  env = await startIdentityClusters('validate-identity-e2e-');
  const out = path.join(env.dir, 'cdktf.out');
  buildExamples(out).synth();
  oneStack = path.join(out, 'stacks', 'one-stack');
});
afterAll(async () => {
  await env.close();
  expect(env.calls.length).toBeGreaterThan(0);
  expect(nonReads(env.calls)).toEqual([]);
});
beforeEach(() => env.reset());
afterEach(() => clearSecrets());

const validate = (target: string) =>
  runCli([
    'validate',
    target,
    '--identity',
    `leaf=${env.leaf.identityFile}`,
    '--identity',
    `root=${env.root.identityFile}`,
    ...env.proxyArgs,
    '--json',
  ]);
const errors = (report: any) => report.findings.filter((f: any) => f.severity === 'error');

const planVariant = (name: string, edit: (plan: any) => void) => oneStackPlan(env.dir, name, edit);

test('the good pair: exit 0, nothing above info; each Auth Service was pinged with its own identity', async () => {
  env.root.auth.faults = { '/teleport.presence.v1.PresenceService/GetRemoteCluster': 'permission-denied' }; // the terraform-provider preset role
  const since = env.calls.length;
  const r = await validate(oneStack);
  expect(r.code).toBe(0);
  expect(r.report.findings.filter((f: any) => f.severity !== 'info')).toEqual([]);
  expect(r.report.findings).toContainEqual(
    expect.objectContaining({
      check: 'validate.trusted-cluster-state',
      resource: TC_ADDRESS,
      stack: 'one-stack',
      message: expect.stringContaining('does not exist on the leaf yet'),
    }),
  );
  expect(r.report.findings).toContainEqual(
    expect.objectContaining({
      check: 'validate.not-checked',
      resource: TC_ADDRESS,
      message: expect.stringMatching(/remote cluster "leafcluster.example.com" was not checked: no permission/),
    }),
  );
  const calls = env.calls
    .slice(since)
    .map((c) => `${c.server === env.root.auth.address ? 'root' : 'leaf'} ${c.method} ${c.user}`)
    .sort();
  expect(calls).toEqual([
    'leaf /proto.AuthService/GetTrustedCluster bot-terraform',
    'leaf /proto.AuthService/Ping bot-terraform',
    'root /proto.AuthService/Ping bot-terraform',
    'root /teleport.presence.v1.PresenceService/GetRemoteCluster bot-terraform',
  ]);
  expect(env.leaf.front.routed.at(-1)).toEqual({
    alpn: [`teleport-auth@${Buffer.from(LEAF_NAME).toString('hex')}.teleport.cluster.local`, 'h2'],
    to: 'auth',
  });
});

test('a mapped role the leaf lacks: an error naming the role, with the fix; the offline warning is settled', async () => {
  const config = JSON.parse(fs.readFileSync(path.join(oneStack, 'cdk.tf.json'), 'utf8'));
  config.resource.teleport_trusted_cluster.RootToLeaf_TrustedCluster_D855BD21.spec.role_map.push({ remote: 'editor', local: ['ops'] });
  const dir = path.join(env.dir, 'missing-role');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'cdk.tf.json'), JSON.stringify(config));
  const r = await validate(dir);
  expect(r.code).toBe(1);
  expect(errors(r.report)).toEqual([
    {
      severity: 'error',
      check: 'validate.role-exists',
      stack: 'missing-role',
      resource: TC_ADDRESS,
      path: 'spec.role_map[1].local',
      message: 'role "ops" does not exist on the leaf: Teleport rejects the trusted cluster.',
      fix: 'create the role on the leaf first (a Role on the leaf provider), or map to an existing role.',
    },
  ]);
  expect(r.report.findings.filter((f: any) => f.check === 'validate.role-map-role')).toEqual([]);
});

test('an expired join token (a plan that reuses the token an earlier apply created): an error with the fix', async () => {
  const past = new Date(Date.now() - 3_600_000);
  const file = planVariant('expired-token', (plan) => {
    const token = change(plan, TOKEN_ADDRESS);
    token.actions = ['no-op'];
    token.after.metadata.name = JOIN_TOKEN;
    token.after.metadata.expires = past.toISOString();
    token.before = token.after;
    Object.assign(planned(plan, TOKEN_ADDRESS).metadata, { name: JOIN_TOKEN, expires: past.toISOString() });
    const tc = change(plan, TC_ADDRESS);
    tc.after.spec.token = JOIN_TOKEN;
    delete tc.after_unknown.spec.token;
    planned(plan, TC_ADDRESS).spec.token = JOIN_TOKEN;
  });
  env.root.auth.fixtures = { ...env.root.auth.fixtures, tokens: [{ name: JOIN_TOKEN, roles: ['Trusted_cluster'], expires: past }] };
  const r = await validate(file);
  expect(r.code).toBe(1);
  expect(errors(r.report).filter((f: any) => f.check === 'validate.join-token-live')).toEqual([
    {
      severity: 'error',
      check: 'validate.join-token-live',
      stack: 'expired-token',
      resource: TC_ADDRESS,
      path: 'spec.token',
      message: `the join token expired at ${past.toISOString()}.`,
      fix: 'create a fresh Trusted_cluster token on the root.',
    },
  ]);
  // Gone from the root (what a real backend does once it expires): missing, same fix direction.
  env.root.auth.fixtures = { ...env.root.auth.fixtures, tokens: [] };
  const gone = await validate(file);
  expect(errors(gone.report).filter((f: any) => f.check === 'validate.join-token-live')).toEqual([
    expect.objectContaining({
      message: 'the join token does not exist on the root (never created, or expired and deleted).',
      fix: expect.stringContaining('create a Trusted_cluster token on the root'),
    }),
  ]);
  for (const out of [r.stdout, r.stderr, gone.stdout, gone.stderr]) expect(out).not.toContain(JOIN_TOKEN);
});

test('a plan that replaces the trusted cluster the leaf has: an error with the fix', async () => {
  const file = planVariant('replaced', (plan) => {
    const tc = change(plan, TC_ADDRESS);
    tc.actions = ['delete', 'create'];
    tc.before = { ...tc.after, metadata: { ...tc.after.metadata }, spec: { ...tc.after.spec, enabled: false } };
    tc.replace_paths = [['spec', 'enabled']];
  });
  env.leaf.auth.fixtures = {
    ...env.leaf.auth.fixtures,
    trustedClusters: [
      { name: ROOT_NAME, proxyAddress: `${ROOT_NAME}:443`, tunnelAddress: `${ROOT_NAME}:443`, token: 'old-join-token-kept-by-the-leaf' },
    ],
  };
  const r = await validate(file);
  expect(r.code).toBe(1);
  expect(errors(r.report)).toEqual([
    expect.objectContaining({
      check: 'validate.trusted-cluster-state',
      stack: 'replaced',
      resource: TC_ADDRESS,
      message: expect.stringContaining('the plan replaces the trusted cluster, which exists on the leaf'),
      fix: expect.stringContaining('find what forces the replacement'),
    }),
  ]);
  expect(r.stdout).not.toContain('old-join-token-kept-by-the-leaf');
});

test('no key material, certificate serial or token in any output, human or --json', async () => {
  const human = await runCli([
    'validate',
    oneStack,
    '--identity',
    `leaf=${env.leaf.identityFile}`,
    '--identity',
    `root=${env.root.identityFile}`,
    ...env.proxyArgs,
  ]);
  const json = await validate(oneStack);
  for (const out of [human.stdout, human.stderr, json.stdout, json.stderr])
    for (const secret of [...env.root.secrets, ...env.leaf.secrets]) expect(out).not.toContain(secret);
  expect(human.stdout).toContain('OK: 1 stack(s) validated');
});
