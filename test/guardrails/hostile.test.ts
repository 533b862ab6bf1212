// Hostile values end, with an answer: templates and expressions a megabyte long, unbalanced braces,
// thousands of template parts. (The deadline is the test's own timeout, not a speed assertion.)
import * as fs from 'fs';
import * as path from 'path';
import { runCli } from '../support/cli';
import { tempDir } from '../support/synth';
import { leafStack, role } from './support';

const HOSTILE_LOGINS = [
  '{{'.repeat(500_000), // no closing braces: never a template
  `${'{{a}}'.repeat(20_000)}x`, // 20,000 template parts, a suffix that root does not end with
  `${'{{'.repeat(200_000)}}}`, // one template, 400,000 characters
];

test('check --guardrails strict on megabyte-long logins and expressions ends with findings', async () => {
  const leaf = leafStack(
    [
      role('visitor', { allow: { logins: HOSTILE_LOGINS, node_labels_expression: `${'('.repeat(100_000)}true${')'.repeat(100_000)}` } }),
      role('ops', {
        allow: {
          logins: ['{{'.repeat(300_000)],
          kubernetes_labels: { env: ['dev'] },
          kubernetes_groups: [`${'{{a}}'.repeat(20_000)}system:masters`],
        },
      }),
    ],
    [{ remote: 'access', local: ['visitor', 'ops'] }],
  );
  const file = path.join(tempDir('gr-hostile-'), 'main.tf.json');
  fs.writeFileSync(file, JSON.stringify(leaf));
  const run = await runCli(['check', file, '--guardrails', 'strict', '--json']);
  expect(run.code).toBe(1);
  const checks = run.report.findings.map((f: any) => `${f.check} ${f.resource}`);
  // The 400,000-character template is open and can be root; the expression is too deep to read (not "every node").
  expect(checks).toContain('TG103 teleport_role.visitor');
  expect(checks).not.toContain('TG101 teleport_role.visitor');
  // A template that ends in "system:masters" can be exactly that.
  expect(checks).toContain('TG106 teleport_role.ops');
}, 60_000);
