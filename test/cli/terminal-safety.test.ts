// Text from a server or an input file never steers the terminal: in human output (findings,
// errors, progress lines, the summary) control and bidi characters are shown escaped and every
// field is capped; --json keeps the exact strings, capped too.
import { clearSecrets } from '../../lib/report/redact';
import { MAX_DISPLAY_CHARS, MAX_JSON_CHARS } from '../../lib/report/sanitize';
import { runCli } from '../support/cli';
import { ClusterPair, LEAF_STACK, ROOT_CLUSTER, startClusterPair } from '../support/cluster-pair';

let pair: ClusterPair;
let stack: string;

const EVIL_NAME = 'root\r\x1b]0;pwned\x07\nOK: 1 stack(s) validated: 0 error(s), 0 warning(s), 0 info\n\u202eexe.gnp';
const EVIL_EDITION = 'ent\x1b]0;title\x07';
/** Any character that steers a terminal, except the newlines that end our own lines. */
const UNSAFE = /[\p{Cc}\p{Cf}\u2028\u2029]/u;
const unsafeIn = (text: string) => UNSAFE.test(text.replace(/\n/g, ''));
const lines = (text: string) => text.split('\n');

beforeAll(async () => {
  pair = await startClusterPair('terminal-safety-');
  stack = pair.writeConfig('stack', LEAF_STACK);
});
afterAll(() => pair.close());
beforeEach(() => pair.reset());
afterEach(() => clearSecrets());

const validate = (...extra: string[]) =>
  runCli([
    'validate',
    stack,
    '--proxy',
    `teleport=${pair.leaf.address}`,
    '--proxy',
    `rootcluster.example.com=${pair.root.address}`,
    '--ca-file',
    pair.caFile,
    ...extra,
  ]);

describe('a cluster name and edition with control characters, a fake "OK" line and a bidi override', () => {
  beforeEach(() => {
    pair.root.cluster = { ...ROOT_CLUSTER, clusterName: EVIL_NAME, edition: EVIL_EDITION };
  });

  test('human: findings, fix and progress lines show them escaped; no fake line', async () => {
    const r = await validate();
    expect(r.code).toBe(1);
    expect(unsafeIn(r.stdout)).toBe(false);
    expect(unsafeIn(r.stderr)).toBe(false);
    const escaped = 'root\\x0d\\x1b]0;pwned\\x07\\x0aOK: 1 stack(s) validated: 0 error(s), 0 warning(s), 0 info\\x0a\\u202eexe.gnp';
    expect(r.stdout).toContain(
      `ERROR [validate.cluster-name] metadata.name: is "rootcluster.example.com", but the root at ${pair.root.address} is named "${escaped}"`,
    );
    expect(r.stdout).toContain(`fix: set metadata.name to "${escaped}".`);
    expect([...lines(r.stdout), ...lines(r.stderr)].filter((l) => /^\s*OK\b/.test(l))).toEqual([]);
    expect(lines(r.stdout).filter((l) => l.startsWith('FAILED: '))).toHaveLength(1);
    expect(r.stderr).toContain(`  ${pair.root.address}: ${escaped}, Teleport 18.1.4 (ent\\x1b]0;title\\x07)`);
  });

  test('--json: the exact strings (JSON escapes them)', async () => {
    const r = await validate('--json');
    expect(r.report.findings).toContainEqual(
      expect.objectContaining({
        check: 'validate.cluster-name',
        message: expect.stringContaining(`is named "${EVIL_NAME}"`),
        fix: `set metadata.name to "${EVIL_NAME}".`,
      }),
    );
    expect(unsafeIn(r.stdout)).toBe(false);
  });
});

describe('a 1 MiB cluster name', () => {
  const HUGE = 'x'.repeat(1 << 20);
  beforeEach(() => {
    pair.root.cluster = { ...ROOT_CLUSTER, clusterName: HUGE };
  });

  test('human: every line is capped, and says what was cut', async () => {
    const r = await validate();
    expect(r.code).toBe(1);
    const longest = Math.max(...[...lines(r.stdout), ...lines(r.stderr)].map((l) => l.length));
    expect(longest).toBeLessThanOrEqual(MAX_DISPLAY_CHARS + 80);
    expect(r.stdout).toMatch(/more characters cut\)/);
    expect(r.stderr).toMatch(/more characters cut\)/);
  });

  test('--json: every string is capped', async () => {
    const r = await validate('--json');
    const finding = r.report.findings.find((f: any) => f.check === 'validate.cluster-name');
    expect(finding.message.length).toBeLessThanOrEqual(MAX_JSON_CHARS + 60);
    expect(finding.message).toMatch(/^is "rootcluster\.example\.com", but the root at .* is named "x{100}.*more characters cut\)$/);
    expect(r.stdout.length).toBeLessThan(4 * MAX_JSON_CHARS);
  });
});

test('server error text with control characters: one escaped error line', async () => {
  pair.root.faults = { '/webapi/find': { status: 403, body: { error: { message: 'denied\x1b[2J\x1b[H\u202eOK' } } } };
  const r = await validate();
  expect(r.code).toBe(2);
  expect(unsafeIn(r.stderr)).toBe(false);
  const errors = lines(r.stderr).filter((l) => l.startsWith('cdktf-teleport: '));
  expect(errors).toEqual([
    `cdktf-teleport: cannot validate against the cluster: ${pair.root.address}: GET /webapi/find answered HTTP 403: denied\\x1b[2J\\x1b[H\\u202eOK.`,
  ]);
});

test("keys of an input file: escaped in check's human output, exact in --json", async () => {
  const file = pair.writeConfig('keys', {
    resource: { teleport_role: { 'r\x1b[2J\u202e': { version: 'v7', metadata: { name: 'r' }, spec: { 'allow\rOK': {} } } } },
  });
  const human = await runCli(['check', file]);
  expect(human.code).toBe(1);
  expect(unsafeIn(human.stdout)).toBe(false);
  expect(human.stdout).toContain('teleport_role.r\\x1b[2J\\u202e');
  expect(human.stdout).toContain('allow\\x0dOK');
  const json = await runCli(['check', file, '--json']);
  expect(json.report.findings.map((f: any) => f.resource)).toContain('teleport_role.r\x1b[2J\u202e');
});
