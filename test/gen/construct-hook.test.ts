// Stacks made only of L1 bindings get the offline schema check in a plain cdktf App: every generated
// constructor calls lib/gen/construct-hook, and lib/app (loaded by the library's index) registers the
// handler that adds the stack's schema validation.
import * as fs from 'fs';
import * as path from 'path';
import { App, TerraformStack } from 'cdktf';
import { l1 } from '../../lib';
import { filesBelow, readStack, tempDir } from '../support/synth';

const GEN = path.join(__dirname, '..', '..', 'lib', 'gen');

function l1Stack(app: App, typo: boolean) {
  const stack = new TerraformStack(app, 'leaf');
  new l1.provider.TeleportProvider(stack, 'teleport', { addr: 'leaf.example.com:443' });
  const role = new l1.role.Role(stack, 'visitor', { version: 'v7', metadata: { name: 'visitor' }, spec: { allow: { logins: ['visitor'] } } });
  if (typo) role.addOverride('spec.allow.loginz', ['root']);
  return stack;
}

describe('the L1 construct hook', () => {
  let outdir: string;
  beforeEach(() => {
    outdir = tempDir('hook-');
  });
  afterEach(() => fs.rmSync(outdir, { recursive: true, force: true }));

  test('plain App with only L1 bindings: a typo in an override fails synth naming construct path, field and fix', () => {
    const app = new App({ outdir });
    l1Stack(app, true);
    let message = '';
    try {
      app.synth();
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toContain('[leaf/visitor]');
    expect(message).toContain('spec.allow.loginz');
    expect(message).toContain('Did you mean `logins`?');
    expect(filesBelow(outdir)).not.toContain(path.join('stacks', 'leaf', 'cdk.tf.json'));
  });

  test('plain App with only L1 bindings and no typo synthesizes', () => {
    const app = new App({ outdir });
    l1Stack(app, false);
    app.synth();
    expect(readStack(outdir, 'leaf').resource.teleport_role.visitor.spec.allow.logins).toEqual(['visitor']);
  });

  test('a data source alone also brings the check', () => {
    const app = new App({ outdir });
    const stack = new TerraformStack(app, 'only-data');
    const role = new l1.dataTeleportRole.DataTeleportRole(stack, 'existing', { version: 'v7', metadata: { name: 'existing' } });
    role.addOverride('metadata.nmae', 'x');
    expect(() => app.synth()).toThrow(/metadata\.nmae/);
  });

  test('lib/gen imports nothing above it: only cdktf, constructs and its own modules', () => {
    const imports = new Set<string>();
    for (const f of filesBelow(GEN)) {
      for (const m of fs.readFileSync(path.join(GEN, f), 'utf8').matchAll(/^(?:import|export)\b[^'"\n]*from '([^']+)'/gm)) imports.add(m[1]);
    }
    expect([...imports].filter((m) => !['cdktf', 'constructs'].includes(m) && !/^\.\.?\/[\w-]+$/.test(m) && m !== '../construct-hook')).toEqual([]);
    expect(imports).toContain('../construct-hook');
  });

  test('every generated provider, resource and data source constructor calls the hook once, right after super', () => {
    const modules = filesBelow(GEN).filter((f) => f.endsWith(`${path.sep}index.ts`));
    expect(modules).toHaveLength(7);
    for (const f of modules) {
      const text = fs.readFileSync(path.join(GEN, f), 'utf8');
      expect(text.match(/notifyConstructCreated\(this\);/g)).toHaveLength(1);
      expect(text).toMatch(/\n {4}\}\);\n {4}notifyConstructCreated\(this\);\n/);
    }
  });
});
