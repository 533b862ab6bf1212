// Guardrails at synth: as an Aspect in a plain cdktf App, and in TeleportApp (recommended by default).
import * as fs from 'fs';
import * as path from 'path';
import { App, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import {
  GuardrailLevel,
  Guardrails,
  GuardrailsPack,
  JoinToken,
  ProviderAuth,
  RequireMfaType,
  Role,
  RoleVersion,
  TeleportApp,
  TeleportProvider,
  TrustedCluster,
  l1,
} from '../../lib';
import { filesBelow, tempDir } from '../support/synth';

const REASON = 'The demo leaf is a sandbox: every node there is meant for every visitor.';

/** A leaf stack for cluster `name` that trusts `root` and maps root `access` to a visitor role. */
class Leaf extends TerraformStack {
  public readonly visitor: Role;
  constructor(scope: Construct, id: string, props: { name?: string; root?: string; everyNode?: boolean; mfa?: boolean } = {}) {
    super(scope, id);
    const root = props.root ?? 'root.example.com';
    new TeleportProvider(this, 'teleport', { addr: `${props.name ?? 'leaf.example.com'}:443`, auth: ProviderAuth.identityFilePath('identity') });
    this.visitor = new Role(this, 'Visitor', {
      name: 'visitor',
      version: RoleVersion.V7,
      ...(props.mfa ? { options: { requireSessionMfa: RequireMfaType.SESSION, maxSessionTtl: '8h' } } : {}),
    });
    this.visitor.allowLogins('visitor');
    if (props.everyNode ?? true) this.visitor.allowNodeLabels('*', '*');
    else this.visitor.allowNodeLabels('env', 'staging');
    new TrustedCluster(this, 'Root', {
      name: root,
      webProxyAddr: `${root}:443`,
      token: JoinToken.alreadyJoined(),
      roleMap: [{ remote: 'access', local: [this.visitor] }],
    });
  }
}

/** The warning and error annotations of the manifest: level, construct path, check and address. */
const annotations = (outdir: string) => {
  const manifest = JSON.parse(fs.readFileSync(path.join(outdir, 'manifest.json'), 'utf8'));
  return Object.values<any>(manifest.stacks).flatMap((s) =>
    s.annotations.filter((a: any) => a.level !== '@cdktf/info').map((a: any) => `${a.level} ${a.constructPath} ${a.message.split(' field ')[0]}`),
  );
};

const synthError = (app: App): string => {
  try {
    app.synth();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('synth succeeded, but guardrail errors were expected');
};

describe('a plain cdktf App: Guardrails.of(app).apply(pack)', () => {
  test('an error fails synth with the construct path, the rule id, the field and the fix', () => {
    const app = new App({ outdir: tempDir('gr-plain-') });
    new Leaf(app, 'leaf');
    Guardrails.of(app).apply(Guardrails.RECOMMENDED);
    const message = synthError(app);
    expect(message).toContain('Encountered Annotations with level "ERROR"');
    expect(message).toMatch(
      /\[leaf\/Visitor\/Resource\] TG102 teleport_role\.Visitor_[0-9A-F]+ field "spec\.allow\.node_labels": leaf role "visitor" allows every node of the leaf \(as "visitor"\), and root "root\.example\.com" \(role "access"\) reaches it\. Fix: Give the leaf role `node_labels`/,
    );
  });

  test('acknowledged, it synthesizes; warnings are annotations in the manifest', () => {
    const outdir = tempDir('gr-plain-');
    const app = new App({ outdir });
    Guardrails.of(app).apply(Guardrails.RECOMMENDED); // before the stacks: they get the aspect as they are built
    const leaf = new Leaf(app, 'leaf');
    Guardrails.acknowledge(leaf.visitor, 'TG102', REASON);
    app.synth();
    expect(annotations(outdir)).toEqual([
      '@cdktf/warn leaf/Visitor/Resource TG107 teleport_role.Visitor_DBAD7CCA',
      '@cdktf/warn leaf/Visitor/Resource TG108 teleport_role.Visitor_DBAD7CCA',
    ]);
    const json = JSON.parse(fs.readFileSync(path.join(outdir, 'stacks/leaf/cdk.tf.json'), 'utf8'));
    expect(Object.values<any>(json.resource.teleport_role)[0]['//'].guardrails.acknowledged).toEqual([
      { rule: 'TG102', reason: REASON, by: 'leaf/Visitor' },
    ]);
  });

  test('a trust cycle across two stacks is found (the model is built from every stack)', () => {
    const app = new App({ outdir: tempDir('gr-plain-') });
    new Leaf(app, 'a', { name: 'a.example.com', root: 'b.example.com', everyNode: false, mfa: true });
    new Leaf(app, 'b', { name: 'b.example.com', root: 'a.example.com', everyNode: false, mfa: true });
    Guardrails.of(app).apply(Guardrails.RECOMMENDED);
    const message = synthError(app);
    expect(message).toMatch(
      /\[a\/Root\/Resource\] TG204 teleport_trusted_cluster\.Root_[0-9A-F]+ field "metadata\.name": leaf "a\.example\.com" trusts root "b\.example\.com"/,
    );
  });

  test('an L1-only stack, a custom pack (TG102 as a warning), and an unused acknowledgement warned on its construct', () => {
    const outdir = tempDir('gr-plain-');
    const app = new App({ outdir });
    const stack = new TerraformStack(app, 'l1');
    new l1.provider.TeleportProvider(stack, 'teleport', { addr: 'leaf.example.com:443' });
    const visitor = new l1.role.Role(stack, 'visitor', {
      version: 'v7',
      metadata: { name: 'visitor' },
      spec: { allow: { logins: ['visitor'], nodeLabels: { '*': ['*'] } } },
    });
    new l1.trustedCluster.TrustedCluster(stack, 'root', {
      version: 'v2',
      metadata: { name: 'root.example.com' },
      spec: { enabled: true, webProxyAddr: 'root.example.com:443', roleMap: [{ remote: 'access', local: ['visitor'] }] },
    });
    Guardrails.acknowledge(visitor, 'TG104', 'Kept from a time the role_map had a wildcard entry in it.');
    Guardrails.of(app).apply(
      GuardrailsPack.custom({
        rules: [
          { rule: 'TG102', level: GuardrailLevel.WARNING },
          { rule: 'TG104', level: GuardrailLevel.ERROR },
        ],
      }),
    );
    app.synth();
    expect(annotations(outdir)).toEqual([
      '@cdktf/warn l1/visitor TG102 teleport_role.visitor',
      '@cdktf/warn l1/visitor guardrails.unused-acknowledgement teleport_role.visitor',
    ]);
  });

  test('Guardrails.OFF (and no pack at all) checks nothing', () => {
    for (const pack of [Guardrails.OFF, undefined]) {
      const app = new App({ outdir: tempDir('gr-plain-') });
      new Leaf(app, 'leaf');
      if (pack) Guardrails.of(app).apply(pack);
      expect(() => app.synth()).not.toThrow();
    }
  });
});

describe('TeleportApp', () => {
  test('applies the recommended pack by default: an error stops synth and nothing is written', () => {
    const outdir = path.join(tempDir('gr-app-'), 'cdktf.out');
    const app = new TeleportApp({ outdir });
    new Leaf(app, 'leaf');
    expect(Guardrails.of(app).pack).toBe(Guardrails.RECOMMENDED);
    const message = synthError(app);
    expect(message).toMatch(
      /^Synthesis stopped before writing anything: 1 problem\(s\) found\n {2}\[leaf\/Visitor\/Resource\] TG102 teleport_role\.Visitor_DBAD7CCA field "spec\.allow\.node_labels": .* Fix: .*Guardrails\.acknowledge\(construct, 'TG102'/,
    );
    expect(filesBelow(outdir)).toEqual([]);
  });

  test('acknowledged: synth writes the stacks; warnings are annotations, once, in the manifest', () => {
    const outdir = path.join(tempDir('gr-app-'), 'cdktf.out');
    const app = new TeleportApp({ outdir });
    Guardrails.acknowledge(new Leaf(app, 'leaf').visitor, 'TG102', REASON);
    app.synth();
    expect(annotations(outdir)).toEqual([
      '@cdktf/warn leaf/Visitor/Resource TG107 teleport_role.Visitor_DBAD7CCA',
      '@cdktf/warn leaf/Visitor/Resource TG108 teleport_role.Visitor_DBAD7CCA',
    ]);
  });

  test('guardrails: Guardrails.OFF writes what the recommended pack refuses; STRICT turns the warnings into errors', () => {
    const off = new TeleportApp({ outdir: path.join(tempDir('gr-app-'), 'cdktf.out'), guardrails: Guardrails.OFF });
    new Leaf(off, 'leaf');
    expect(() => off.synth()).not.toThrow();

    const strict = new TeleportApp({ outdir: path.join(tempDir('gr-app-'), 'cdktf.out'), guardrails: Guardrails.STRICT });
    Guardrails.acknowledge(new Leaf(strict, 'leaf').visitor, 'TG102', REASON);
    const message = synthError(strict);
    expect(message).toContain('Synthesis stopped before writing anything: 2 problem(s) found');
    expect(message).toContain('[leaf/Visitor/Resource] TG107 teleport_role.Visitor_DBAD7CCA field "spec.options.require_session_mfa"');
    expect(message).toContain('[leaf/Visitor/Resource] TG108 teleport_role.Visitor_DBAD7CCA field "spec.options.max_session_ttl"');
  });

  test('a custom pack with a threshold, given as the prop', () => {
    const app = new TeleportApp({
      outdir: path.join(tempDir('gr-app-'), 'cdktf.out'),
      guardrails: Guardrails.STRICT.withThresholds({ maxSessionTtl: '4h' }),
    });
    new Leaf(app, 'leaf', { everyNode: false, mfa: true });
    expect(synthError(app)).toContain('leaf role "visitor" allows sessions of "8h", above "4h"');
  });
});
