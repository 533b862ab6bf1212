// cdktf 0.21 writes each stack before it validates the next; TeleportApp validates all first.
import * as fs from 'fs';
import * as path from 'path';
import { App, TerraformStack } from 'cdktf';
import { TeleportApp, l1 } from '../../lib';
import { filesBelow, tempDir } from '../support/synth';

function addStacks(app: App): void {
  const good = new TerraformStack(app, 'a-good');
  new l1.provider.TeleportProvider(good, 'teleport', {});
  new l1.role.Role(good, 'r', { version: 'v7', metadata: { name: 'r' }, spec: { allow: { logins: ['x'] } } });
  const bad = new TerraformStack(app, 'b-bad');
  new l1.provider.TeleportProvider(bad, 'teleport', {});
  const tc = new l1.trustedCluster.TrustedCluster(bad, 'tc', { version: 'v2', metadata: { name: 'root' }, spec: { enabled: true } });
  // Teleport's own doc example writes proxy_addr; Terraform would silently drop it.
  tc.addOverride('spec.proxy_addr', 'root.example.com:3080');
}

describe('no half-written cdktf.out', () => {
  let base: string;
  beforeEach(() => {
    base = tempDir('half-');
  });
  afterEach(() => fs.rmSync(base, { recursive: true, force: true }));

  test('plain cdktf App leaves the first stack behind when a later one fails (the problem)', () => {
    const outdir = path.join(base, 'plain');
    const app = new App({ outdir });
    addStacks(app);
    const bad = app.node.findChild('b-bad');
    bad.node.addValidation({ validate: () => ['broken on purpose'] });
    expect(() => app.synth()).toThrow(/broken on purpose/);
    expect(filesBelow(outdir)).toContain(path.join('stacks', 'a-good', 'cdk.tf.json'));
  });

  test('TeleportApp writes nothing when any stack fails the schema check, and names path, field and fix', () => {
    const outdir = path.join(base, 'ours');
    const app = new TeleportApp({ outdir });
    addStacks(app);
    let message = '';
    try {
      app.synth();
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/Synthesis stopped before writing anything/);
    expect(message).toContain('[b-bad/tc]');
    expect(message).toContain('spec.proxy_addr');
    expect(message).toContain('web_proxy_addr');
    expect(fs.existsSync(outdir)).toBe(false);
  });

  test('TeleportApp writes nothing when a construct validation fails', () => {
    const outdir = path.join(base, 'ours2');
    fs.mkdirSync(outdir);
    fs.writeFileSync(path.join(outdir, 'keep.txt'), 'from an earlier run');
    const app = new TeleportApp({ outdir });
    const good = new TerraformStack(app, 'a-good');
    new l1.provider.TeleportProvider(good, 'teleport', {});
    const bad = new TerraformStack(app, 'b-bad');
    bad.node.addValidation({ validate: () => ['broken on purpose'] });
    expect(() => app.synth()).toThrow(/\[b-bad\] broken on purpose/);
    expect(filesBelow(outdir)).toEqual(['keep.txt']);
  });

  test('TeleportApp writes every stack when all are valid', () => {
    const outdir = path.join(base, 'ok');
    const app = new TeleportApp({ outdir });
    const good = new TerraformStack(app, 'a-good');
    new l1.provider.TeleportProvider(good, 'teleport', {});
    app.synth();
    expect(filesBelow(outdir)).toEqual(expect.arrayContaining(['manifest.json', path.join('stacks', 'a-good', 'cdk.tf.json')]));
  });
});
