// Which files make a stack, and stacks side by side: a stack named by its file is checked once; a
// stack directory's extra *.tf.json files are strictly checked and *.tf files named; stacks with
// the same name keep their own plan JSON; one stack failing early leaves the others to finish.
import * as fs from 'fs';
import * as path from 'path';
import { runningTerraform } from '../../lib/terraform-check/run-terraform';
import { terraformCheck } from '../../lib/terraform-check/terraform-check';
import { tempDir } from '../support/synth';
import { PROVIDER, TERRAFORM, VISITOR, stackDir, terraformAvailable } from './harness';

const available = terraformAvailable();
const maybe = available ? describe : describe.skip;

let dir: string;
beforeAll(() => {
  dir = tempDir('tfstacks-');
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

maybe('stack files and several stacks', () => {
  test('stack files: one named by a file is checked once; extra *.tf.json are strictly checked and *.tf files get a warning; same-named stacks keep their own plan JSON', async () => {
    const extra = stackDir(path.join(dir, 'a'), 'leaf', {
      terraform: TERRAFORM,
      provider: PROVIDER,
      resource: { teleport_role: { visitor: VISITOR } },
    });
    fs.writeFileSync(
      path.join(extra, 'more.tf.json'),
      JSON.stringify({ resource: { teleport_role: { other: { ...VISITOR, metadata: { name: 'other', labelz: {} } } } } }),
    );
    fs.writeFileSync(path.join(extra, 'outputs.tf'), 'output "x" {\n  value = teleport_role.visitor.id\n}\n');
    // Named by its file (not cdk.tf.json), beside files that are not part of it; its directory is also called leaf.
    const byFile = path.join(dir, 'b', 'leaf');
    fs.mkdirSync(byFile, { recursive: true });
    fs.writeFileSync(
      path.join(byFile, 'role.tf.json'),
      JSON.stringify({ terraform: TERRAFORM, provider: PROVIDER, resource: { teleport_role: { twin: VISITOR } } }),
    );
    fs.writeFileSync(path.join(byFile, 'old.tf.json'), JSON.stringify({ resource: { teleport_role: { twin: VISITOR } } }));
    const plans = path.join(dir, 'twin-plans');
    const [a, b] = await terraformCheck([extra, path.join(byFile, 'role.tf.json')], { planJsonDir: plans });
    expect(a.findings).toContainEqual(
      expect.objectContaining({
        severity: 'error',
        check: 'schema.unknown-attribute',
        path: 'metadata.labelz',
        message: expect.stringContaining('(in more.tf.json)'),
      }),
    );
    expect(a.findings).toContainEqual(
      expect.objectContaining({
        severity: 'warning',
        check: 'terraform.hcl-not-strict',
        message: expect.stringContaining('outputs.tf is planned by Terraform but not strictly checked'),
      }),
    );
    expect(a.plan?.resource_changes.map((c: any) => c.address)).toEqual(['teleport_role.other', 'teleport_role.visitor']);
    expect(b.findings.filter((x) => x.severity !== 'info')).toEqual([]); // no "Duplicate resource"
    expect(b.plan?.resource_changes.map((c: any) => c.address)).toEqual(['teleport_role.twin']);
    expect([a.stack, b.stack]).toEqual(['leaf', 'leaf-2']);
    expect(fs.readdirSync(plans).sort()).toEqual(['leaf-2.plan.json', 'leaf.plan.json']);
    expect(JSON.parse(fs.readFileSync(path.join(plans, 'leaf-2.plan.json'), 'utf8')).resource_changes[0].address).toBe('teleport_role.twin');
  });

  test('a stack that fails before Terraform does not remove the workspace under a stack still running', async () => {
    const bad = stackDir(dir, 'bad-extra', { terraform: TERRAFORM, provider: PROVIDER, resource: { teleport_role: { visitor: VISITOR } } });
    fs.writeFileSync(path.join(bad, 'broken.tf.json'), '{ not json');
    const good = stackDir(dir, 'good-neighbour', { terraform: TERRAFORM, provider: PROVIDER, resource: { teleport_role: { visitor: VISITOR } } });
    await expect(terraformCheck([bad, good], { concurrency: 2 })).rejects.toThrow(/broken.tf.json is not valid JSON/);
    expect(runningTerraform.size).toBe(0); // the neighbour's terraform finished before the workspace went
  });
});
