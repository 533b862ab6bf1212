// validate's exit 2: every transport fault, a bad option or CA file, a failed login: one clear
// line (human) or a valid --json document with `error`, never a stack trace, never a secret.
import * as fs from 'fs';
import * as path from 'path';
import { NEVER_CALLED, isAllowed } from '../../lib/proxy-client';
import { clearSecrets } from '../../lib/report/redact';
import { freePort, runCli } from '../support/cli';
import { buildExamples } from '../../examples/main';
import { tempDir } from '../support/synth';
import { FakeServer, RecordedRequest, startFakeProxy, testCa } from '../support/teleport-servers';

const PLAN = path.join(__dirname, '..', 'fixtures', 'plans', 'seed-l1-leaf.plan.json');
const ROOT_TOKEN = 'placeholder-root_join_token'; // the plan's join token
const ca = testCa();
const seen: RecordedRequest[] = [];
let root: FakeServer;
let leaf: FakeServer;
let other: FakeServer;
let dir: string;
let caFile: string;
let seed: string;

beforeAll(async () => {
  dir = tempDir('validate-errors-');
  caFile = path.join(dir, 'ca.pem');
  fs.writeFileSync(caFile, ca.certificatePem);
  buildExamples(path.join(dir, 'cdktf.out')).synth();
  seed = path.join(dir, 'cdktf.out', 'stacks', 'seed-l1-leaf');
  root = await startFakeProxy({ clusterName: 'rootcluster.example.com', version: '18.1.4', tlsRouting: true }, ca, { log: seen });
  leaf = await startFakeProxy({ clusterName: 'leafcluster.example.com', version: '18.0.2', tlsRouting: true }, ca, { log: seen });
  other = await startFakeProxy({ clusterName: 'elsewhere.example.com', version: '18.0.2', tlsRouting: true }, ca, { log: seen });
});
afterAll(async () => {
  await Promise.all([root.close(), leaf.close(), other.close()]);
  fs.rmSync(dir, { recursive: true, force: true });
  expect(seen.length).toBeGreaterThan(0);
  expect(seen.filter((q) => !isAllowed(q.method, q.url) || q.url.includes('?'))).toEqual([]);
  expect(seen.some((q) => NEVER_CALLED.includes(q.path))).toBe(false);
  expect(seen.filter((q) => q.server === other.address)).toEqual([]); // the redirect was not followed
});
beforeEach(() => {
  root.faults = {};
  leaf.faults = {};
  root.cluster = { ...root.cluster, users: undefined };
});
afterEach(() => clearSecrets());

const to = (leafAddress: string) => ['--proxy', `teleport=${leafAddress}`, '--proxy', `rootcluster.example.com=${root.address}`, '--ca-file', caFile];

type Case = [string, () => Promise<{ args: string[]; env?: Record<string, string> }>, RegExp];

const CASES: Case[] = [
  [
    'an unreachable leaf',
    async () => ({ args: [seed, ...to(`127.0.0.1:${await freePort()}`)] }),
    /^cannot validate against the cluster: 127\.0\.0\.1:\d+: cannot connect \(ECONNREFUSED\)/,
  ],
  [
    'a wrong CA',
    async () => {
      const wrong = path.join(dir, 'wrong.pem');
      fs.writeFileSync(wrong, testCa().certificatePem);
      return { args: [seed, '--proxy', `teleport=${leaf.address}`, '--proxy', `rootcluster.example.com=${root.address}`, '--ca-file', wrong] };
    },
    /^cannot validate against the cluster: 127\.0\.0\.1:\d+: TLS verification failed/,
  ],
  [
    'a malformed answer',
    async () => {
      root.faults = { '/webapi/find': 'malformed' };
      return { args: [seed, ...to(leaf.address)] };
    },
    /: \/webapi\/find answered with something that is not JSON/,
  ],
  [
    'an error body that echoes a token',
    async () => {
      root.faults = { '/webapi/find': { status: 403, body: { error: { message: `token ${ROOT_TOKEN} is not valid` } } } };
      return { args: [PLAN, ...to(leaf.address)] };
    },
    /: GET \/webapi\/find answered HTTP 403: token \*\*\*REDACTED\*\*\* is not valid\.$/,
  ],
  [
    'a stall past --timeout',
    async () => {
      leaf.faults = { '/webapi/find': 'stall' };
      return { args: [seed, ...to(leaf.address), '--timeout', '1'] };
    },
    /: \/webapi\/find did not answer in time .*--timeout\.$/,
  ],
  [
    'a huge body',
    async () => {
      leaf.faults = { '/webapi/find': 'huge' };
      return { args: [seed, ...to(leaf.address)] };
    },
    /: \/webapi\/find answered with more than 4194304 bytes; refusing to read it\.$/,
  ],
  [
    'a redirect to another host',
    async () => {
      leaf.faults = { '/webapi/find': { redirect: `https://${other.address}/webapi/find` } };
      return { args: [seed, ...to(leaf.address)] };
    },
    /: \/webapi\/find redirects to another host \(127\.0\.0\.1:\d+\); redirects are not followed/,
  ],
  [
    '5xx until the retries are spent',
    async () => {
      root.faults = { '/webapi/find': '500-always' };
      return { args: [seed, ...to(leaf.address)] };
    },
    /: GET \/webapi\/find answered HTTP 500 \(4 attempts\): internal error\.$/,
  ],
  [
    'a connection reset',
    async () => {
      leaf.faults = { '/webapi/find': 'reset' };
      return { args: [seed, ...to(leaf.address)] };
    },
    /: the connection was closed before an answer to \/webapi\/find/,
  ],
  [
    'a failed login',
    async () => {
      root.cluster = { ...root.cluster, users: { ci: { password: 'right-pw-6c1', otp: '424242' } } };
      return {
        args: [seed, ...to(leaf.address)],
        env: {
          TELEPORT_ROOTCLUSTER_EXAMPLE_COM_USER: 'ci',
          TELEPORT_ROOTCLUSTER_EXAMPLE_COM_PASSWORD: 'wrong-pw-7d2',
          TELEPORT_ROOTCLUSTER_EXAMPLE_COM_OTP: '999999',
        },
      };
    },
    /: login as ci failed \(HTTP 403\): invalid credentials\. Only local users/,
  ],
  [
    'a CA file that is not PEM',
    async () => {
      const junk = path.join(dir, 'junk.pem');
      fs.writeFileSync(junk, 'hello');
      return { args: [seed, '--proxy', `teleport=${leaf.address}`, '--ca-file', junk] };
    },
    /^--ca-file: .*junk\.pem is not a PEM certificate$/,
  ],
  [
    'a --proxy that is not host:port',
    async () => ({ args: [seed, '--proxy', 'teleport=https://leaf.example.com:443'] }),
    /^--proxy teleport: "https:\/\/leaf\.example\.com:443" is not a plain host:port/,
  ],
  [
    'a plan file that is not valid JSON (its text holds an unquoted token)',
    async () => {
      const broken = path.join(dir, 'broken.plan.json');
      fs.writeFileSync(broken, `{\n  "format_version": "1.2",\n  "token": ${ROOT_TOKEN}\n}\n`);
      return { args: [broken] };
    },
    /broken\.plan\.json is not valid JSON \(line 3, column 12\)$/,
  ],
];

describe.each(CASES)('%s: exit 2', (_what, setup, pattern) => {
  test('--json: the document with the error, no finding, no stack trace, no secret', async () => {
    const { args, env } = await setup();
    const r = await runCli(['validate', ...args, '--json'], env);
    expect(r.code).toBe(2);
    expect(r.report).toEqual({ schemaVersion: 1, ok: false, findings: [], error: expect.stringMatching(pattern) });
    expect(r.report.error).not.toContain('\n');
    expect(r.stdout + r.stderr).not.toMatch(/\n\s+at /);
    for (const secret of [ROOT_TOKEN, 'wrong-pw-7d2', '999999']) expect(r.stdout + r.stderr).not.toContain(secret);
  });

  test('human: one line on stderr, nothing on stdout', async () => {
    const { args, env } = await setup();
    const r = await runCli(['validate', ...args], env);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const lines = r.stderr.split('\n').filter((l) => l !== '' && !l.startsWith('validate: checking') && !l.startsWith('  '));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^cdktf-teleport: /);
    expect(lines[0].replace(/^cdktf-teleport: /, '')).toMatch(pattern);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    for (const secret of [ROOT_TOKEN, 'wrong-pw-7d2', '999999']) expect(r.stderr).not.toContain(secret);
  });
});
