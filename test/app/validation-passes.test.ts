// TeleportApp validates every stack before it writes any; the cdktf synthesizer validates again after
// invoking the aspects. The second pass is skipped only when it cannot differ from the first: no
// aspect but the guardrails' (which stand aside while TeleportApp synthesizes), no resource move.
import * as fs from 'fs';
import * as path from 'path';
import { Aspects, IAspect, TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';
import { Role, RoleVersion, TeleportApp, TeleportProvider } from '../../lib';
import { filesBelow, tempDir } from '../support/synth';

interface Setup {
  readonly app: TeleportApp;
  readonly stack: TerraformStack;
  readonly outdir: string;
  /** How many times the counting validation ran. */
  runs(): number;
}

/** An app with one stack (provider, role) whose role carries a validation that counts its runs and fails once `broken` is set. */
function setup(state: { broken: boolean } = { broken: false }): Setup {
  const outdir = path.join(tempDir('passes-'), 'out');
  const app = new TeleportApp({ outdir });
  const stack = new TerraformStack(app, 'leaf');
  new TeleportProvider(stack, 'teleport', { addr: 'leaf.example.com:443' });
  const role = new Role(stack, 'Auditor', {
    name: 'session-reader',
    version: RoleVersion.V7,
    allow: { rules: [{ resources: ['session'], verbs: ['list'] }] },
  });
  let count = 0;
  role.node.addValidation({ validate: () => (count++, state.broken ? ['broken by an aspect'] : []) });
  return { app, stack, outdir, runs: () => count };
}

afterEach(() => jest.restoreAllMocks());

test('GIVEN only the guardrails aspect WHEN the app synthesizes THEN each validation runs once and the stack is written', () => {
  const s = setup();
  s.app.synth();
  expect(s.runs()).toBe(1);
  expect(filesBelow(s.outdir)).toContain(path.join('stacks', 'leaf', 'cdk.tf.json'));
});

test('GIVEN an aspect of the user WHEN the app synthesizes THEN the validations run again after it, and what it broke stops synth', () => {
  const state = { broken: false };
  const s = setup(state);
  const breaker: IAspect = { visit: (node: IConstruct) => void (node === s.stack && (state.broken = true)) };
  Aspects.of(s.stack).add(breaker);
  expect(() => s.app.synth()).toThrow(/\[leaf\/Auditor\] broken by an aspect/);
  expect(s.runs()).toBe(2);
  expect(fs.existsSync(s.outdir)).toBe(false);
});

test('GIVEN a harmless aspect of the user WHEN the app synthesizes THEN both passes run and the stack is written', () => {
  const s = setup();
  Aspects.of(s.app).add({ visit: () => undefined });
  s.app.synth();
  expect(s.runs()).toBe(2);
  expect(filesBelow(s.outdir)).toContain(path.join('stacks', 'leaf', 'cdk.tf.json'));
});

test('GIVEN a resource move WHEN the app synthesizes THEN the synthesizer validates again (its Terraform version check)', () => {
  const s = setup();
  const role = s.stack.node.findChild('Auditor').node.findChild('Resource') as unknown as { moveFromId(id: string): void };
  role.moveFromId('teleport_role.old');
  try {
    s.app.synth();
  } catch {
    // Without Terraform >= 1.5 on PATH the version validation fails: either way it ran.
  }
  expect(s.runs()).toBe(2);
});
