// Diffs at the level of grants, on copies of the scenario fixtures edited one change at a time, and
// the "done when" on the examples: widening visitor's node labels is reported as widened,
// and --fail-on widened exits 1.
import * as fs from 'fs';
import * as path from 'path';
import { AccessMap } from '../../lib/access';
import { runCli } from '../support/cli';
import { tempDir } from '../support/synth';
import { SCENARIOS, copyTree, editStack, synthExamples } from './support';

process.env.CHECKPOINT_DISABLE = '1';

const TRUST = 'leaf.example.com|root.example.com';

/** The diff from the scenarios to a copy with one edit. */
function diffAfter(edit: (dir: string) => void) {
  const dir = copyTree(SCENARIOS, path.join(tempDir('access-diff-'), 'out'));
  edit(dir);
  const changes = AccessMap.fromPath(dir).diffFrom(AccessMap.fromPath(SCENARIOS));
  fs.rmSync(path.dirname(dir), { recursive: true, force: true });
  return changes;
}

const guest = (c: any) => c.resource.teleport_role.guest.spec.allow;
const tc = (c: any) => c.resource.teleport_trusted_cluster.root.spec;
const pick = (d: ReturnType<typeof diffAfter>) =>
  d.changes.filter((c) => c.trust === TRUST).map((c) => ({ change: c.change, root: c.root, grant: c.grant, before: c.before, after: c.after }));

describe('grant-level diff', () => {
  test('no change, no diff', () => {
    expect(diffAfter(() => undefined)).toEqual({ added: 0, removed: 0, widened: 0, narrowed: 0, changes: [] });
  });

  test('an added login is an added grant where the root side can issue it', () => {
    const d = diffAfter((dir) => editStack(dir, 'trust-leaf', (c) => guest(c).logins.push('extra')));
    // contractor-acme issues only "guest", so "extra" reaches nobody through it; root roles the
    // configuration does not know (the pattern) may issue it.
    expect(pick(d)).toEqual([{ change: 'added', root: 'contractor-*', grant: 'ssh login extra via guest', before: undefined, after: undefined }]);
    expect(d).toMatchObject({ added: 1, removed: 0, widened: 0, narrowed: 0 });
    const issued = diffAfter((dir) => {
      editStack(dir, 'trust-leaf', (c) => guest(c).logins.push('extra'));
      editStack(dir, 'trust-root', (c) => c.resource.teleport_role.contractor.spec.allow.logins.push('extra'));
    });
    expect(pick(issued).map((c) => `${c.change} ${c.root}: ${c.grant}`)).toEqual([
      'added contractor-*: ssh login extra via guest',
      'added contractor-acme: ssh login extra via guest',
    ]);
  });

  test('a removed role mapping removes every grant it carried', () => {
    const d = diffAfter((dir) => editStack(dir, 'trust-leaf', (c) => tc(c).role_map.splice(1, 1)));
    expect(pick(d).map((c) => `${c.change} ${c.root}: ${c.grant}`)).toEqual([
      'removed contractor-*: ssh login guest via guest',
      'removed contractor-acme: ssh login guest via guest',
    ]);
    expect(d.added).toBe(0);
  });

  test('widened node labels (env=staging -> *=*) are widened, the reverse narrowed', () => {
    const d = diffAfter((dir) => editStack(dir, 'trust-leaf', (c) => (guest(c).node_labels = { '*': ['*'] })));
    expect(pick(d)).toEqual([
      { change: 'widened', root: 'contractor-*', grant: 'ssh login guest via guest', before: 'env=staging', after: 'all' },
      { change: 'widened', root: 'contractor-acme', grant: 'ssh login guest via guest', before: 'env=staging', after: 'all' },
    ]);
    const n = diffAfter((dir) => editStack(dir, 'trust-leaf', (c) => (c.resource.teleport_role.leaf_ops.spec.allow.node_labels = { env: ['prod'] })));
    expect(pick(n)).toEqual([{ change: 'narrowed', root: 'team-ops', grant: 'ssh login ops via leaf-ops', before: 'all', after: 'env=prod' }]);
  });

  test('a new trusted cluster adds every grant it carries', () => {
    const d = diffAfter((dir) =>
      editStack(
        dir,
        'trust-leaf',
        (c) =>
          (c.resource.teleport_trusted_cluster.second = {
            ...c.resource.teleport_trusted_cluster.root,
            metadata: { name: 'other-root.example.com' },
            spec: { ...tc(c), web_proxy_addr: 'other-root.example.com:443' },
          }),
      ),
    );
    const added = d.changes.filter((c) => c.trust === 'leaf.example.com|other-root.example.com');
    expect(added.length).toBeGreaterThan(0);
    expect(added.every((c) => c.change === 'added')).toBe(true);
    expect(added.map((c) => `${c.root}: ${c.grant}`)).toContain('contractor-*: ssh login guest via guest');
    expect(d.removed + d.widened + d.narrowed).toBe(0);
  });

  test('a disabled trusted cluster removes its grants', () => {
    const d = diffAfter((dir) => editStack(dir, 'trust-leaf', (c) => (tc(c).enabled = false)));
    expect(d.added + d.widened + d.narrowed).toBe(0);
    expect(pick(d).map((c) => `${c.change} ${c.root}: ${c.grant}`)).toEqual(
      expect.arrayContaining([
        'removed team-ops: ssh login ops via leaf-ops',
        'removed team-ops: Kubernetes group system:masters via leaf-ops',
        'removed contractor-acme: ssh login guest via guest',
      ]),
    );
  });

  test('a removed deny widens, dropping session MFA and a longer TTL widen', () => {
    const d = diffAfter((dir) =>
      editStack(dir, 'leaf-rules', (c) => {
        const admin = c.resource.teleport_role.admin.spec;
        admin.deny.logins = [];
        admin.options.max_session_ttl = '12h';
        delete admin.options.require_session_mfa;
      }),
    );
    const access = d.changes.filter((c) => c.root === 'access').map((c) => ({ change: c.change, grant: c.grant, before: c.before, after: c.after }));
    expect(access).toEqual(
      expect.arrayContaining([
        { change: 'widened', grant: 'deny ssh root via admin', before: 'deny removed', after: undefined },
        { change: 'widened', grant: 'option max_session_ttl', before: '8h', after: '12h' },
        { change: 'widened', grant: 'option require_session_mfa', before: 'per-role', after: 'never' },
        { change: 'added', grant: 'ssh login root via admin', before: undefined, after: undefined },
      ]),
    );
  });
});

describe('done when: the examples, visitor widened from env=staging to all nodes', () => {
  let head: string;
  let base: string;
  beforeAll(() => {
    head = synthExamples();
    base = copyTree(head, path.join(tempDir('access-base-'), 'cdktf.out'));
    editStack(base, 'seed-l1-leaf', (c) => (c.resource.teleport_role.visitor.spec.allow.node_labels = { env: ['staging'] }));
  }, 120000);

  test('the diff reports the widening; exit 0 without --fail-on', async () => {
    const run = await runCli(['access', head, '--base', base, '--leaf', 'leafcluster.example.com']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('changes against the base: +0 grants, \u22120 grants, 1 widened, 0 narrowed');
    expect(run.stdout).toContain(
      'WIDENED  seed-l1-leaf|leafcluster.example.com|rootcluster.example.com  access: ssh login visitor via visitor (env=staging -> all)',
    );
  });

  test('two stack directories with different names still pair up: the trust is keyed by leaf and root', async () => {
    const dir = path.join(tempDir('access-dirs-'), 'before-change');
    copyTree(path.join(base, 'stacks', 'seed-l1-leaf'), dir);
    const run = await runCli(['access', path.join(head, 'stacks', 'seed-l1-leaf'), '--base', dir, '--fail-on', 'widened']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      'WIDENED  leafcluster.example.com|rootcluster.example.com  access: ssh login visitor via visitor (env=staging -> all)',
    );
    expect(run.stdout).not.toContain('REMOVED');
  });

  test('--fail-on widened exits 1 and says why on stderr', async () => {
    const run = await runCli(['access', head, '--base', base, '--fail-on', 'widened']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('1 change(s) of a kind --fail-on names (widened)');
    const clean = await runCli(['access', head, '--base', head, '--fail-on', 'widened,added']);
    expect(clean.code).toBe(0);
  });

  test('--fail-on without --base, an unknown kind and a bad format are usage errors (exit 2)', async () => {
    expect((await runCli(['access', head, '--fail-on', 'widened'])).code).toBe(2);
    const kind = await runCli(['access', head, '--base', base, '--fail-on', 'bigger']);
    expect(kind.code).toBe(2);
    expect(kind.stderr).toContain('--fail-on takes widened, added, removed, narrowed');
    expect((await runCli(['access', head, '--format', 'html'])).code).toBe(2);
    const missing = await runCli(['access', path.join(head, 'nope'), '--json']);
    expect(missing.code).toBe(2);
    expect(missing.report).toMatchObject({ ok: false, error: expect.stringContaining('cannot read') });
  });
});
