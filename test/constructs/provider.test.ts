import { TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { ProviderAuth, TeleportProvider, TeleportProviderProps } from '../../lib/constructs/provider';

const IDENTITY = '-----BEGIN IDENTITY provider-test-literal-7f3a-----';

function providerJson(build: (stack: TerraformStack) => TeleportProviderProps): any {
  const stack = new TerraformStack(Testing.app(), 'stack');
  new TeleportProvider(stack, 'teleport', build(stack));
  return JSON.parse(Testing.synth(stack, true));
}

function providerError(build: (stack: TerraformStack) => TeleportProviderProps): string {
  try {
    providerJson(build);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('synth succeeded, but a validation error was expected');
}

const secretVar = (s: TerraformStack, id: string) => new TerraformVariable(s, id, { type: 'string', sensitive: true }).stringValue;

describe('TeleportProvider auth methods', () => {
  test.each<[string, (s: TerraformStack) => ProviderAuth, Record<string, string>]>([
    ['identity file path', () => ProviderAuth.identityFilePath('/var/lib/tbot/identity'), { identity_file_path: '/var/lib/tbot/identity' }],
    [
      'identity file content from a sensitive variable',
      (s) => ProviderAuth.identityFile(secretVar(s, 'identity')),
      { identity_file: '${var.identity}' },
    ],
    [
      'identity file base64 from a sensitive variable',
      (s) => ProviderAuth.identityFileBase64(secretVar(s, 'identity64')),
      { identity_file_base64: '${var.identity64}' },
    ],
    [
      'Machine ID join',
      () => ProviderAuth.machineId({ joinMethod: 'github', joinToken: 'terraform-bot' }),
      { join_method: 'github', join_token: 'terraform-bot' },
    ],
    [
      'Machine ID join with audience tag',
      () => ProviderAuth.machineId({ joinMethod: 'terraform_cloud', joinToken: 'tfc-bot', audienceTag: 'teleport' }),
      { join_method: 'terraform_cloud', join_token: 'tfc-bot', audience_tag: 'teleport' },
    ],
    [
      'tsh profile',
      () => ProviderAuth.profile({ profileName: 'leaf.example.com', profileDir: '/home/ci/.tsh' }),
      { profile_name: 'leaf.example.com', profile_dir: '/home/ci/.tsh' },
    ],
    [
      'certificate files',
      () => ProviderAuth.certificateFiles({ certPath: 'c.pem', keyPath: 'k.pem', rootCaPath: 'ca.pem' }),
      { cert_path: 'c.pem', key_path: 'k.pem', root_ca_path: 'ca.pem' },
    ],
    [
      'base64 certificates, key from a variable',
      (s) => ProviderAuth.certificateBase64({ certBase64: 'Y2VydA==', keyBase64: secretVar(s, 'key'), rootCaBase64: 'Y2E=' }),
      { cert_base64: 'Y2VydA==', key_base64: '${var.key}', root_ca_base64: 'Y2E=' },
    ],
    ['environment only', () => ProviderAuth.fromEnvironment(), {}],
  ])('%s', (_what, auth, expected) => {
    const json = providerJson((s) => ({ addr: 'leaf.example.com:443', auth: auth(s) }));
    expect(json.provider.teleport).toEqual([{ addr: 'leaf.example.com:443', ...expected }]);
    expect(json.terraform.required_providers.teleport).toEqual({
      source: 'terraform.releases.teleport.dev/gravitational/teleport',
      version: '~> 18.0',
    });
  });

  test('alias, insecure and retry settings', () => {
    const json = providerJson(() => ({
      alias: 'leaf',
      addr: 'leaf.example.com:3080',
      insecure: true,
      retryMaxTries: '5',
      retryBaseDuration: '1s',
      dialTimeoutDuration: '30s',
    }));
    expect(json.provider.teleport).toEqual([
      { alias: 'leaf', addr: 'leaf.example.com:3080', insecure: true, retry_max_tries: '5', retry_base_duration: '1s', dial_timeout_duration: '30s' },
    ]);
  });

  test('a literal identity file only through unsafeIdentityFilePlainText', () => {
    const json = providerJson(() => ({ auth: ProviderAuth.unsafeIdentityFilePlainText(IDENTITY) }));
    expect(json.provider.teleport[0].identity_file).toBe(IDENTITY);
  });
});

describe('TeleportProvider rejects at synth', () => {
  test.each<[string, (s: TerraformStack) => TeleportProviderProps, string, string, string]>([
    ['addr without port', () => ({ addr: 'leaf.example.com' }), 'addr', '"leaf.example.com" is not host:port', 'teleport.example.com:443'],
    [
      'a literal identity file',
      () => ({ auth: ProviderAuth.identityFile(IDENTITY) }),
      'identity_file',
      'is a literal secret',
      'unsafeIdentityFilePlainText',
    ],
    [
      'a literal base64 identity file',
      () => ({ auth: ProviderAuth.identityFileBase64('aWRlbnRpdHk=') }),
      'identity_file_base64',
      'is a literal secret',
      'sensitive TerraformVariable',
    ],
    ['a bad duration', () => ({ retryCapDuration: '5 minutes' }), 'retry_cap_duration', '"5 minutes" is not a Go duration', '"1h30m"'],
    ['retry_max_tries not a number', () => ({ retryMaxTries: 'ten' }), 'retry_max_tries', '"ten" is not a whole number', '"10"'],
    [
      'identity file content from a variable with a default',
      (s) => ({
        auth: ProviderAuth.identityFile(new TerraformVariable(s, 'id', { type: 'string', sensitive: true, default: IDENTITY }).stringValue),
      }),
      'identity_file',
      'comes from variable "id", which has a default',
      'or use ProviderAuth.unsafeIdentityFilePlainText() to accept the plaintext value',
    ],
    [
      'base64 identity file from a non-sensitive variable',
      (s) => ({ auth: ProviderAuth.identityFileBase64(new TerraformVariable(s, 'id64', { type: 'string' }).stringValue) }),
      'identity_file_base64',
      'comes from variable "id64", which is not sensitive',
      'sensitive: true',
    ],
    [
      'base64 key from a variable with a default',
      (s) => ({
        auth: ProviderAuth.certificateBase64({
          certBase64: 'Y2VydA==',
          keyBase64: new TerraformVariable(s, 'key', { type: 'string', sensitive: true, default: IDENTITY }).stringValue,
          rootCaBase64: 'Y2E=',
        }),
      }),
      'key_base64',
      'comes from variable "key", which has a default',
      'remove the default and pass the value at plan time (TF_VAR_key or -var).',
    ],
    [
      'a join method that is not delegated',
      () => ({ auth: ProviderAuth.machineId({ joinMethod: 'token', joinToken: 'x' }) }),
      'join_method',
      '"token" is not a delegated join method',
      'identityFilePath',
    ],
  ])('%s', (_what, build, field, message, fix) => {
    const errors = providerError(build);
    const line = errors.split('\n').find((l) => l.includes(`[stack/teleport] field "${field}": `) && l.includes(message));
    if (line === undefined) throw new Error(`no "${field}" message containing ${JSON.stringify(message)} in:\n${errors}`);
    expect(line.slice(line.indexOf(' Fix: '))).toContain(fix);
    expect(errors).not.toContain(IDENTITY);
  });
});
