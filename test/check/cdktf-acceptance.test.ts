// Real cdktf 0.21 output, synthesized from the L1 bindings with everything cdktf emits, passes the
// offline check with zero error findings.
import * as fs from 'fs';
import * as path from 'path';
import { App, TerraformIterator, TerraformOutput, TerraformStack, TerraformVariable, Token } from 'cdktf';
import { checkConfig } from '../../lib/check';
import { loadConfigs } from '../../lib/config';
import { REDACTED, clearSecrets, redact } from '../../lib/report/redact';
import * as l1 from '../../lib/gen';
import { readStack, tempDir } from '../support/synth';

const JOIN_TOKEN = 'sensitive-join-token-default-42';

function synthesize(outdir: string): TerraformStack {
  const app = new App({ outdir });
  const stack = new TerraformStack(app, 'acceptance');
  const root = new l1.provider.TeleportProvider(stack, 'root', { addr: 'root.example.com:443', alias: 'root' });
  const leaf = new l1.provider.TeleportProvider(stack, 'leaf', { addr: 'leaf.example.com:443', alias: 'leaf' });
  const joinToken = new TerraformVariable(stack, 'join_token', { type: 'string', sensitive: true, default: JOIN_TOKEN });
  const enabled = new TerraformVariable(stack, 'enabled', { type: 'bool', default: true });
  const mode = new TerraformVariable(stack, 'host_user_mode', { type: 'number', default: 2 });
  const logins = new TerraformVariable(stack, 'logins', { type: 'list(string)', default: ['ubuntu'] });
  const spec = new TerraformVariable(stack, 'role_spec', { type: 'any', default: {} });

  const token = new l1.provisionToken.ProvisionToken(stack, 'x', {
    provider: root,
    version: 'v2',
    metadata: { name: joinToken.stringValue, expires: '2030-01-01T00:00:00Z' },
    spec: { roles: ['Trusted_cluster'] },
  });
  new l1.trustedCluster.TrustedCluster(stack, 'root_cluster', {
    provider: leaf,
    version: 'v2',
    metadata: { name: 'root', labels: { env: 'prod' } },
    spec: {
      enabled: Token.asAny(enabled.value) as unknown as boolean,
      token: `\${${token.fqn}.metadata.name}`,
      webProxyAddr: 'root.example.com:443',
      roleMap: [{ remote: 'access', local: Token.asList(logins.value) }],
    },
    dependsOn: [token],
    lifecycle: { ignoreChanges: ['spec[0].token'], createBeforeDestroy: true },
  });
  const each = TerraformIterator.fromList(logins.listValue);
  new l1.role.Role(stack, 'per_login', {
    provider: root,
    forEach: each,
    version: 'v7',
    metadata: { name: each.value },
    spec: {
      options: { maxSessionTtl: '8h', createHostUserMode: Token.asNumber(mode.value) },
      allow: { logins: [each.value], nodeLabels: { env: ['prod'] }, rules: [{ resources: ['node'], verbs: ['list', 'read'] }] },
    },
  });
  const counted = new l1.role.Role(stack, 'counted', { provider: root, count: 2, version: 'v7', metadata: { name: 'counted' } });
  counted.importFrom('counted');
  new l1.role.Role(stack, 'whole_spec', { provider: root, version: 'v7', metadata: { name: 'whole' }, spec: Token.asAny(spec.value) as any });
  const existing = new l1.dataTeleportRole.DataTeleportRole(stack, 'existing', { provider: root, version: 'v7', metadata: { name: 'editor' } });
  new TerraformOutput(stack, 'existing_id', { value: existing.id });
  new TerraformOutput(stack, 'token_name', { value: token.metadata.name, sensitive: true });
  app.synth();
  return stack;
}

describe('cdktf acceptance', () => {
  let outdir: string;
  let stack: TerraformStack;
  let config: any;
  beforeAll(() => {
    outdir = tempDir('check-acceptance-');
    stack = synthesize(outdir);
    config = readStack(outdir, 'acceptance');
  });
  afterAll(() => fs.rmSync(outdir, { recursive: true, force: true }));

  test('the synthesized document uses what the check must accept', () => {
    const text = JSON.stringify(config);
    expect(Array.isArray(config.provider.teleport)).toBe(true);
    expect(config.resource.teleport_trusted_cluster.root_cluster.spec.enabled).toBe('${var.enabled}');
    expect(config.resource.teleport_trusted_cluster.root_cluster.spec.token).toBe('${teleport_provision_token.x.metadata.name}');
    expect(config.resource.teleport_trusted_cluster.root_cluster.spec.role_map[0].local).toBe('${var.logins}');
    expect(config.resource.teleport_role.per_login.spec.options.create_host_user_mode).toBe('${var.host_user_mode}');
    expect(config.resource.teleport_role.whole_spec.spec).toBe('${var.role_spec}');
    expect(config.resource.teleport_role.per_login.for_each).toBeDefined();
    expect(config.resource.teleport_role.counted.count).toBe(2);
    expect(config.import).toEqual([{ id: 'counted', to: 'teleport_role.counted' }]);
    expect(text).toContain('"//"');
  });

  test('zero findings on cdk.tf.json', () => {
    expect(checkConfig(config)).toEqual([]);
  });

  test('zero findings on stack.toTerraform() (the synth-time validation input)', () => {
    expect(checkConfig(stack.toTerraform())).toEqual([]);
  });

  test('loadConfigs reads the cdktf.out directory', () => {
    const [loaded] = loadConfigs(outdir);
    expect(loaded.name).toBe('acceptance');
    expect(loaded.file).toBe(path.join(outdir, 'stacks', 'acceptance', 'cdk.tf.json'));
    expect(checkConfig(loaded.config)).toEqual([]);
  });

  test('the sensitive variable default is registered for redaction', () => {
    clearSecrets();
    checkConfig(config);
    expect(redact(`token=${JOIN_TOKEN}`)).toBe(`token=${REDACTED}`);
  });
});
