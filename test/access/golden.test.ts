// Golden tests: the text report of the examples and of the scenario fixtures, compared with the
// reviewed files in test/access/golden/, plus the facts each golden must show, asserted one by one.
import * as path from 'path';
import { runCli } from '../support/cli';
import { SCENARIOS, golden, synthExamples } from './support';

process.env.CHECKPOINT_DISABLE = '1';

let out: string;
beforeAll(() => {
  out = synthExamples();
}, 120000);

const stackDir = (name: string) => path.join(out, 'stacks', name);

describe('the examples', () => {
  test('seed guide: root role access reaches leaf role visitor, login visitor on all nodes for users whose logins trait holds it', async () => {
    const run = await runCli(['access', stackDir('seed-l1-leaf')]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(golden('seed-l1-leaf.txt', run.stdout));
    const row = run.stdout.split('\n').find((l) => l.includes('ssh login visitor'))!;
    expect(row).toMatch(/^\s+access \(preset\)\s+visitor\s+ssh login visitor\s+nodes: all\s+root users whose "logins" trait holds it$/);
    expect(run.stdout).toContain('leaf leafcluster.example.com trusts root rootcluster.example.com (enabled)');
    expect(run.stdout).toContain('role_map[0]: access -> visitor');
    expect(run.stdout).toContain('hint: root users reach login "visitor" only with "visitor" in their "logins" trait on the root');
    expect(run.stdout).toContain('teleport_trusted_cluster.rootcluster in stack seed-l1-leaf, provider teleport (seed-l1-leaf/rootcluster)');
  });

  test('root with two leaves: each leaf maps access -> visitor and auditor -> the auditor preset', async () => {
    const run = await runCli(['access', stackDir('root-two-leaves')]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(golden('root-two-leaves.txt', run.stdout));
    expect(run.stdout).toContain('2 trusted clusters on 2 leaves, 4 root role paths');
    for (const leaf of ['leaf-eu.example.com', 'leaf-us.example.com'])
      expect(run.stdout).toContain(`leaf ${leaf} trusts root rootcluster.example.com (enabled)`);
    // The auditor preset grants rules only: no SSH login reaches the leaf through it.
    const auditorRows = run.stdout.split('\n').filter((l) => /^\s+auditor \(preset\)/.test(l));
    expect(
      auditorRows.some((l) =>
        l.includes('rule list,read on session, event, session_tracker, cluster_alert, instance, bot_instance, notification (via auditor)'),
      ),
    ).toBe(true);
    expect(auditorRows.some((l) => l.includes('ssh login'))).toBe(false);
  });

  test('the whole cdktf.out: every leaf stack of the examples, one trust each (root stacks have none)', async () => {
    const run = await runCli(['access', out, '--format', 'json']);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.map.trusts.map((t: any) => `${t.location.stack}:${t.leaf.name}`)).toEqual([
      'root-two-leaves:leaf-eu.example.com',
      'root-two-leaves:leaf-us.example.com',
      'from-yaml-leaf:leafcluster.example.com',
      'one-stack:leafcluster.example.com',
      'seed-l1-leaf:leafcluster.example.com',
      'two-stack-leaf:leafcluster.example.com',
    ]);
    for (const t of report.map.trusts) {
      const access = t.paths.find((p: any) => p.root === 'access');
      expect(access.leafRoles).toEqual(['visitor']);
      expect(access.logins).toEqual([
        expect.objectContaining({
          login: 'visitor',
          role: 'visitor',
          everyNode: true,
          condition: 'trait',
          traits: ['logins'],
          rootValue: '{{internal.logins}}',
        }),
      ]);
    }
  });
});

describe('scenarios', () => {
  test('regex role_map with $1, a glob, root roles from another stack, templates on both sides', async () => {
    const run = await runCli(['access', path.join(SCENARIOS, 'stacks', 'trust-leaf')]);
    // One stack alone: the root stack is not given, so its roles are unknown and the patterns stay patterns.
    expect(run.stdout).toContain("note: the root's roles are not in this configuration");
    const both = await runCli(['access', SCENARIOS, '--leaf', 'leaf.example.com']);
    expect(both.code).toBe(0);
    expect(both.stdout).toBe(golden('scenario-trust.txt', both.stdout));
    const rows = both.stdout.split('\n');
    const row = (root: string, access: string) => rows.find((l) => new RegExp(`^\\s+${root}\\s`).test(l) && l.includes(access));
    // ^team-(.*)$ -> leaf-$1: team-dev reaches leaf-dev, whose {{internal.logins}} are team-dev's own logins.
    expect(row('team-dev', 'ssh login dev')).toMatch(/leaf-dev\s+ssh login dev\s+nodes: env=dev\s+every user of the root role/);
    expect(row('team-dev', 'ssh login {{external.unix_user}}')).toMatch(/root users whose "unix_user" trait holds it/);
    // team-ops reaches leaf-ops: "ops" is issued by the root role, "root" is not (no access).
    expect(row('team-ops', 'ssh login ops')).toMatch(/nodes: all\s+every user of the root role/);
    expect(row('team-ops', 'ssh login root')).toMatch(/nobody: the root role never issues this login/);
    // leaf-ops's {{internal.kubernetes_groups}} is what team-ops puts in the certificate: system:masters.
    expect(row('team-ops', 'kubernetes groups')).toContain('kubernetes groups system:masters; resources * in */* (verbs *) (via leaf-ops)');
    // The glob contractor-* maps the configured contractor-acme to guest.
    expect(row('contractor-acme', 'ssh login guest')).toMatch(/guest\s+ssh login guest\s+nodes: env=staging\s+every user of the root role/);
    expect(row('pattern \\^team-\\(\\.\\*\\)\\$', 'leaf-\\$1')).toBeUndefined(); // patterns show no expansion as a grant
    expect(both.stdout).toContain('role_map[0]: ^team-(.*)$ -> leaf-$1');
    expect(both.stdout).toContain('note (leaf role leaf-$1): a name expanded from the root role that matches the pattern');
  });

  test('deny rules, server defaults (v3 wildcards, v6 no Kubernetes default), presets on the leaf, unknown references, a glob that maps every root role', async () => {
    const run = await runCli(['access', SCENARIOS, '--leaf', 'rules-leaf.example.com']);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(golden('scenario-rules.txt', run.stdout));
    const rows = run.stdout.split('\n');
    expect(run.stdout).toContain('role_map[2]: * -> base (maps EVERY root role)');
    // deny logins root: the login is listed and nobody gets it; deny labels subtract prod nodes.
    expect(rows.find((l) => l.includes('ssh login root') && l.includes('admin, base, editor'))).toMatch(/nobody: a deny rule removes it/);
    expect(rows.some((l) => l.includes('DENY ssh root (via admin)') && l.includes('nodes: env=prod'))).toBe(true);
    expect(rows.some((l) => l.includes('DENY rule update on user (via admin)'))).toBe(true);
    // ${var.extra_login} is known only at apply.
    expect(rows.some((l) => l.includes('ssh login ${var.extra_login}') && l.includes('known at apply'))).toBe(true);
    // v3 "base": wildcard labels for nodes (it has logins), apps, Kubernetes (default pod access) and databases.
    expect(rows.some((l) => /ssh login base\s+nodes: all/.test(l))).toBe(true);
    expect(rows.some((l) => l.includes('kubernetes resources pod in */* (verbs *) (via base)') && l.includes('Kubernetes clusters: all'))).toBe(true);
    // v6 admin with Kubernetes labels and no resources: no default (no pod access), groups still listed.
    expect(rows.some((l) => l.includes('kubernetes groups {{internal.kubernetes_groups}} (via admin)') && !l.includes('pod'))).toBe(true);
    // Unknown references: ops-admins is not a known root role, break-glass not a leaf role.
    expect(run.stdout).toContain('ops-admins (not in config)');
    expect(run.stdout).toContain('note (leaf role break-glass): neither configured on this leaf nor a Teleport preset');
    // The editor preset on the leaf: write rules on roles and trusted clusters.
    expect(rows.some((l) => /rule list,create,read,update,delete on user, role, .*trusted_cluster, .*token, .*\(via editor\)/.test(l))).toBe(true);
    // Enterprise-only presets are root roles only where the role_map names them: "*" does not list them.
    expect(run.stdout).not.toContain('require-trusted-device');
    // Options: MFA only in admin (per role), shortest TTL 8h, X11 from admin.
    expect(
      rows.some(
        (l) => /^\s+access \(preset\)\s+admin, base, editor\s+options\s+max_session_ttl 8h, session MFA per-role/.test(l) && l.includes('X11 on'),
      ),
    ).toBe(true);
  });
});
