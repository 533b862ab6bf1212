// Plain JavaScript, as a user without TypeScript writes it, against the compiled library (dist/,
// built by `npm run build` before jest): the cases issue 10 reported. Each used to synthesize (the
// value silently dropped or ignored) or crash with a TypeError; each now fails when the construct is
// created, naming the construct path, the call, the field and the fix.
'use strict';
const { TerraformStack, TerraformVariable, Testing } = require('cdktf');
const lib = require('../../dist/lib');

const { JoinToken, ProvisionToken, ProviderAuth, Role, RoleVersion, TeleportApp, TeleportProvider, TrustedCluster, TrustedClusterLink } = lib;

function leafStack() {
  const stack = new TerraformStack(Testing.app(), 'leaf');
  new TeleportProvider(stack, 'teleport', { addr: 'leaf.example.com:443', auth: ProviderAuth.identityFilePath('identity') });
  return stack;
}

/** The message `build` throws; fails the test when it does not throw. */
function thrown(build) {
  try {
    build();
  } catch (e) {
    return e.message;
  }
  throw new Error('no error: the call was accepted');
}

const visitor = (stack) => Role.fromName(stack, 'Visitor', 'visitor');

describe('plain JavaScript: what TypeScript would have rejected fails at synth, with path, field and fix', () => {
  test('a string where a JoinToken belongs (it used to synthesize with the token dropped)', () => {
    const stack = leafStack();
    const message = thrown(
      () =>
        new TrustedCluster(stack, 'Root', {
          name: 'rootcluster.example.com',
          webProxyAddr: 'rootcluster.example.com:443',
          token: 'abc123-the-secret',
          roleMap: [{ remote: 'access', local: [visitor(stack)] }],
        }),
    );
    expect(message).toBe(
      '[leaf/Root] new TrustedCluster(): field "token": expected a JoinToken, got a string. Fix: pass a JoinToken: JoinToken.alreadyJoined(), JoinToken.fromProvisionToken(), JoinToken.fromReference(), JoinToken.fromVariable(), JoinToken.unsafePlainText().',
    );
    // The value itself (it may be the secret) is never printed.
    expect(message).not.toContain('abc123');
  });

  test('a missing token (it used to be a TypeError deep inside the constructor)', () => {
    const stack = leafStack();
    const message = thrown(
      () =>
        new TrustedCluster(stack, 'Root', {
          name: 'rootcluster.example.com',
          webProxyAddr: 'rootcluster.example.com:443',
          roleMap: [{ remote: 'access', local: [visitor(stack)] }],
        }),
    );
    expect(message).toMatch(
      /^\[leaf\/Root\] new TrustedCluster\(\): field "token": is missing: TrustedClusterProps requires it\. Fix: pass a JoinToken: JoinToken\.alreadyJoined\(\), /,
    );
    expect(message).not.toMatch(/TypeError|Cannot read/);
  });

  test('an unknown prop identityFilePth on the provider (it used to be ignored: the provider had no credentials)', () => {
    const stack = new TerraformStack(Testing.app(), 'leaf');
    expect(thrown(() => new TeleportProvider(stack, 'teleport', { addr: 'leaf.example.com:443', identityFilePth: 'identity' }))).toBe(
      '[leaf/teleport] new TeleportProvider(): field "identityFilePth": is not a field of TeleportProviderProps. Fix: did you mean auth: ProviderAuth.identityFilePath(...)?',
    );
  });

  test('joinMethod on forTrustedCluster (it used to be ignored)', () => {
    const stack = leafStack();
    expect(thrown(() => ProvisionToken.forTrustedCluster(stack, 'LeafJoin', { ttl: '15m', joinMethod: 'iam' }))).toBe(
      '[leaf/LeafJoin] ProvisionToken.forTrustedCluster(): field "joinMethod": is not a field of TrustedClusterTokenProps. Fix: remove it: ProvisionToken.forTrustedCluster() does not take it (new ProvisionToken() does).',
    );
  });

  test('an unknown allow-rule key repo (it used to be dropped without a word)', () => {
    const stack = leafStack();
    expect(thrown(() => ProvisionToken.github(stack, 'Ci', { roles: ['Bot'], botName: 'ci', allow: [{ repo: 'org/infra' }] }))).toBe(
      '[leaf/Ci] ProvisionToken.github(): field "allow[0].repo": is not a field of GithubAllowRule. Fix: did you mean "repository"?',
    );
  });

  test('several problems at once: each on its own line, wrong kinds named without their values', () => {
    const stack = leafStack();
    const message = thrown(
      () =>
        new TrustedClusterLink(stack, 'Link', {
          rootProvider: 'root',
          leafProvider: stack,
          rootClusterName: 'rootcluster.example.com',
          webProxyAddr: 'rootcluster.example.com:443',
          roleMap: [{ remote: 'access', local: ['visitor'] }],
          tokenTtl: 3600,
          tokenLabels: { env: ['prod'] },
        }),
    );
    expect(message.split('\n')).toEqual([
      '[leaf/Link] new TrustedClusterLink(): 5 problems',
      '  field "leafProvider": expected a TerraformProvider, got a TerraformStack. Fix: pass a TerraformProvider: new TeleportProvider().',
      '  field "roleMap[0].local[0]": expected an IRole, got a string. Fix: pass an IRole: new Role(), Role.fromName(), Role.fromPreset().',
      '  field "rootProvider": expected a TerraformProvider, got a string. Fix: pass a TerraformProvider: new TeleportProvider().',
      '  field "tokenLabels.env": expected a string, got an array. Fix: pass a string.',
      '  field "tokenTtl": expected a string, got a number. Fix: pass a string.',
    ]);
  });

  test('factories and methods too: a string for a variable, an array for a login, an extra argument', () => {
    const stack = leafStack();
    expect(thrown(() => JoinToken.fromVariable('root_join_token'))).toBe(
      'JoinToken.fromVariable(): argument "variable": expected a TerraformVariable, got a string. Fix: pass a TerraformVariable: new TerraformVariable().',
    );
    const role = new Role(stack, 'Dev', { name: 'dev', version: RoleVersion.V7 });
    expect(thrown(() => role.allowLogins(['ubuntu', 'root']))).toBe(
      '[leaf/Dev] Role#allowLogins(): argument "logins" #1: expected a string, got an array. Fix: pass a string.',
    );
    const variable = new TerraformVariable(stack, 'v', { type: 'string', sensitive: true });
    expect(thrown(() => JoinToken.fromVariable(variable, 'extra'))).toBe(
      'JoinToken.fromVariable(): argument #2: is one too many: JoinToken.fromVariable() takes 1 argument (variable). Fix: remove it.',
    );
  });

  test('an unknown key that could drive the terminal is shown escaped', () => {
    const stack = new TerraformStack(Testing.app(), 'leaf');
    const message = thrown(() => new TeleportProvider(stack, 'teleport', { addr: 'leaf.example.com:443', 'x\u001b[2J\r': 1 }));
    expect(message).toMatch(
      /^\[leaf\/teleport\] new TeleportProvider\(\): field "\["x\\u001b\[2J\\r"\]": is not a field of TeleportProviderProps\. Fix: remove it; TeleportProviderProps has /,
    );
    expect(message).not.toMatch(/\p{Cc}/u);
  });

  test('a scope that is not a construct, and an app config typo', () => {
    expect(thrown(() => new Role('leaf', 'Dev', { name: 'dev', version: 'v7' }))).toBe(
      'new Role(): argument "scope": expected a Construct, got a string. Fix: pass the stack (or another construct) to create it in.',
    );
    expect(thrown(() => new TeleportApp({ outdir: 'cdktf.out', printAnnotation: false }))).toBe(
      'new TeleportApp(): field "printAnnotation": is not a field of TeleportAppConfig. Fix: did you mean "printAnnotations"?',
    );
  });

  test('what TypeScript accepts still works: tokens where values go, string enum values, optional props left out', () => {
    const stack = leafStack();
    const logins = new TerraformVariable(stack, 'logins', { type: 'list(string)' });
    const role = new Role(stack, 'Dev', { name: 'dev', version: 'v7', allow: { logins: logins.listValue } });
    role.allowNodeLabels('env', 'dev');
    const token = ProvisionToken.forTrustedCluster(stack, 'Join');
    new TrustedCluster(stack, 'Root', {
      name: 'rootcluster.example.com',
      webProxyAddr: 'rootcluster.example.com:443',
      token: JoinToken.fromProvisionToken(token),
      roleMap: [{ remote: 'access', local: [role] }],
    });
    const json = JSON.parse(Testing.synth(stack, true));
    expect(Object.values(json.resource.teleport_trusted_cluster)[0].spec.role_map).toEqual([{ remote: 'access', local: ['dev'] }]);
    expect(Object.values(json.resource.teleport_role)[0].spec.allow.logins).toBe('${var.logins}');
  });
});

describe('plain JavaScript: enum values', () => {
  test("an enum takes its kind (strings for RoleVersion, numbers for RequireMfaType); which value is the rules' job, with the allowed values", () => {
    const stack = leafStack();
    const message = thrown(() => new Role(stack, 'Dev', { name: 'dev', version: 7, options: { requireSessionMfa: 'session' } }));
    expect(message.split('\n')).toEqual([
      '[leaf/Dev] new Role(): 2 problems',
      '  field "options.requireSessionMfa": expected a RequireMfaType, got a string. Fix: pass one of RequireMfaType.OFF, RequireMfaType.SESSION, RequireMfaType.SESSION_AND_HARDWARE_KEY, RequireMfaType.HARDWARE_KEY_TOUCH, RequireMfaType.HARDWARE_KEY_PIN, RequireMfaType.HARDWARE_KEY_TOUCH_AND_PIN.',
      '  field "version": expected a RoleVersion, got a number. Fix: pass one of RoleVersion.V3, RoleVersion.V4, RoleVersion.V5, RoleVersion.V6, RoleVersion.V7, RoleVersion.V8, ....',
    ]);
    new Role(stack, 'Ten', { name: 'ten', version: 'v10', options: { requireSessionMfa: lib.RequireMfaType.SESSION } });
    expect(thrown(() => Testing.synth(stack, true))).toContain('[leaf/Ten] field "version": "v10"');
  });
});
