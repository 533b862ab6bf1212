// One known token through every input path: a variable default, a literal opt-in, tctl YAML, an
// import ID and identity file content. It must appear in no byte of cdktf.out/**, stdout, stderr or
// thrown errors, except in cdk.tf.json where the user explicitly opted into a literal.
import * as fs from 'fs';
import * as path from 'path';
import { TerraformStack, TerraformVariable } from 'cdktf';
import { Guardrails, JoinToken, ProviderAuth, ProvisionToken, Role, TctlResources, TeleportApp, TeleportProvider, TrustedCluster } from '../../lib';
import { FROM_YAML_DIR, FromYamlLeaf } from '../../examples/from-yaml';
import { main } from '../../lib/cli/main';
import { clearSecrets } from '../../lib/report/redact';
import { filesBelow, tempDir } from '../support/synth';

const SECRET = 'Zq7-known-join-token-3e1f9a-leak-canary';

const scratch: string[] = [];
afterAll(() => scratch.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

function scratchDir(prefix: string): string {
  const dir = tempDir(prefix);
  scratch.push(dir);
  return dir;
}

interface Outcome {
  files: Record<string, string>;
  error: string;
  stdout: string;
  stderr: string;
}

/** Builds one stack with `build`, synthesizes into a fresh outdir, captures everything that leaves. */
function run(build: (stack: TerraformStack) => void): Outcome {
  const outdir = path.join(scratchDir('leak-'), 'cdktf.out');
  const writes = { stdout: '', stderr: '' };
  const out = jest.spyOn(process.stdout, 'write').mockImplementation((c: any) => ((writes.stdout += String(c)), true));
  const err = jest.spyOn(process.stderr, 'write').mockImplementation((c: any) => ((writes.stderr += String(c)), true));
  const log = jest.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void (writes.stdout += a.join(' ')));
  let error = '';
  try {
    const app = new TeleportApp({ outdir });
    const stack = new TerraformStack(app, 'leaky');
    build(stack);
    app.synth();
  } catch (e) {
    error = `${(e as Error).message}\n${(e as Error).stack ?? ''}`;
  } finally {
    out.mockRestore();
    err.mockRestore();
    log.mockRestore();
  }
  const files = Object.fromEntries(filesBelow(outdir).map((f) => [f, fs.readFileSync(path.join(outdir, f), 'utf8')]));
  return { files, error, ...writes };
}

const provider = (s: TerraformStack) =>
  new TeleportProvider(s, 'teleport', { addr: 'leaf.example.com:443', auth: ProviderAuth.identityFilePath('id') });
const tcProps = (s: TerraformStack) => ({
  name: 'root.example.com',
  webProxyAddr: 'root.example.com:443',
  roleMap: [{ remote: 'access', local: [Role.fromName(s, 'V', 'visitor')] }],
});

// [input path, build, opted in to a literal?]
const PATHS: [string, (s: TerraformStack) => void, boolean][] = [
  [
    'variable default',
    (s) => {
      provider(s);
      new TrustedCluster(s, 'Tc', {
        ...tcProps(s),
        token: JoinToken.fromVariable(new TerraformVariable(s, 't', { type: 'string', sensitive: true, default: SECRET })),
      });
    },
    false,
  ],
  [
    'literal opt-in (unsafePlainText)',
    (s) => {
      provider(s);
      new TrustedCluster(s, 'Tc', { ...tcProps(s), token: JoinToken.unsafePlainText(SECRET) });
    },
    true,
  ],
  [
    'literal without opt-in (fromReference)',
    (s) => {
      provider(s);
      new TrustedCluster(s, 'Tc', { ...tcProps(s), token: JoinToken.fromReference(SECRET) });
    },
    false,
  ],
  [
    'tctl YAML with a literal token',
    (s) => {
      provider(s);
      TctlResources.fromYaml(
        s,
        'Yaml',
        `kind: trusted_cluster\nversion: v2\nmetadata: {name: root.example.com}\nspec:\n  token: ${SECRET}\n  web_proxy_addr: root.example.com:443\n  tunnel_addr: root.example.com:443\n  role_map: [{remote: access, local: [visitor]}]\n`,
      );
    },
    false,
  ],
  [
    'tctl YAML token document with a literal name',
    (s) => {
      provider(s);
      TctlResources.fromYaml(s, 'Yaml', `kind: token\nversion: v2\nmetadata: {name: ${SECRET}}\nspec: {roles: [Trusted_cluster]}\n`);
    },
    false,
  ],
  [
    'provision token literal name without opt-in',
    (s) => {
      provider(s);
      ProvisionToken.forTrustedCluster(s, 'Token', { name: SECRET });
    },
    false,
  ],
  [
    'provision token literal name with opt-in',
    (s) => {
      provider(s);
      const token = ProvisionToken.forTrustedCluster(s, 'Token', { name: SECRET, allowLiteralSecret: true });
      // The recommended guardrails refuse a literal token secret too (TG202): the opt-in is acknowledged.
      Guardrails.acknowledge(token, 'TG202', 'This test writes the literal on purpose, to prove where it may appear.');
    },
    true,
  ],
  [
    'import ID literal',
    (s) => {
      provider(s);
      ProvisionToken.forTrustedCluster(s, 'Token').importFrom(SECRET);
    },
    false,
  ],
  [
    'import ID from a sensitive variable',
    (s) => {
      provider(s);
      ProvisionToken.forTrustedCluster(s, 'Token').importFrom(new TerraformVariable(s, 'id', { type: 'string', sensitive: true }).stringValue);
    },
    false,
  ],
  [
    'identity file content literal',
    (s) => {
      new TeleportProvider(s, 'teleport', { addr: 'leaf.example.com:443', auth: ProviderAuth.identityFile(SECRET) });
    },
    false,
  ],
  [
    'identity file content, literal opt-in',
    (s) => {
      new TeleportProvider(s, 'teleport', { addr: 'leaf.example.com:443', auth: ProviderAuth.unsafeIdentityFilePlainText(SECRET) });
    },
    true,
  ],
];

/** No byte of the secret in cdktf.out/**, stdout, stderr or the error (cdk.tf.json excepted for an opt-in). */
function expectNoLeak(outcome: Outcome, optedIn: boolean): void {
  for (const [file, content] of Object.entries(outcome.files)) {
    if (optedIn && file.endsWith('cdk.tf.json')) continue;
    expect({ file, leaks: content.includes(SECRET) }).toEqual({ file, leaks: false });
  }
  expect(outcome.error).not.toContain(SECRET);
  expect(outcome.stdout).not.toContain(SECRET);
  expect(outcome.stderr).not.toContain(SECRET);
}

describe('a known token appears nowhere it was not explicitly put', () => {
  afterEach(() => clearSecrets());

  test.each(PATHS)('%s', async (_what, build, optedIn) => {
    const outcome = run(build);
    expectNoLeak(outcome, optedIn);
    if (optedIn) {
      expect(outcome.error).toBe('');
      expect(Object.values(outcome.files).some((c) => c.includes(SECRET))).toBe(true);
      // A fresh CLI process knows nothing of the app: it must still not print what it reads.
      clearSecrets();
      const io = { stdout: '', stderr: '' };
      const stackDir = path.join(scratchDir('leak-cli-'), 'stack');
      fs.mkdirSync(stackDir);
      fs.writeFileSync(path.join(stackDir, 'cdk.tf.json'), outcome.files[path.join('stacks', 'leaky', 'cdk.tf.json')]);
      for (const args of [
        ['check', stackDir],
        ['check', stackDir, '--json'],
      ]) {
        await main(args, { out: (t) => void (io.stdout += t), err: (t) => void (io.stderr += t) });
      }
      expect(io.stdout + io.stderr).not.toContain(SECRET);
    } else if (outcome.error) {
      expect(outcome.files).toEqual({}); // rejected: nothing written at all
    }
  });
});

describe("the from-yaml example: the guide's trusted_cluster.yaml with its token line", () => {
  afterEach(() => clearSecrets());

  test('its literal token is replaced by a sensitive variable and appears in no output', () => {
    const file = path.join(FROM_YAML_DIR, 'trusted_cluster.yaml');
    const token = /^\s*token:\s*(\S+)\s*$/m.exec(fs.readFileSync(file, 'utf8'))![1];
    expect(token.length).toBeGreaterThan(8);
    const outdir = path.join(scratchDir('leak-yaml-'), 'cdktf.out');
    const writes: string[] = [];
    const out = jest.spyOn(process.stdout, 'write').mockImplementation((c: any) => (writes.push(String(c)), true));
    const err = jest.spyOn(process.stderr, 'write').mockImplementation((c: any) => (writes.push(String(c)), true));
    try {
      const app = new TeleportApp({ outdir });
      new FromYamlLeaf(app, 'from-yaml-leaf');
      app.synth();
    } finally {
      out.mockRestore();
      err.mockRestore();
    }
    const files = filesBelow(outdir);
    expect(files).toContain(path.join('stacks', 'from-yaml-leaf', 'cdk.tf.json'));
    for (const f of files) expect({ f, leaks: fs.readFileSync(path.join(outdir, f), 'utf8').includes(token) }).toEqual({ f, leaks: false });
    expect(writes.join('')).not.toContain(token);
    const json = JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', 'from-yaml-leaf', 'cdk.tf.json'), 'utf8'));
    expect(json.variable.guide_join_token).toEqual({ type: 'string', sensitive: true, description: expect.any(String) });
  });
});

// Every secret slot, fed a variable that must be sensitive and have no default.
const TC_YAML =
  'kind: trusted_cluster\nversion: v2\nmetadata: {name: root.example.com}\nspec:\n  web_proxy_addr: root.example.com:443\n  role_map: [{remote: access, local: [visitor]}]\n';
const SLOTS: [string, (s: TerraformStack, v: TerraformVariable) => void][] = [
  [
    'ProviderAuth.identityFile',
    (s, v) => new TeleportProvider(s, 'teleport', { addr: 'leaf.example.com:443', auth: ProviderAuth.identityFile(v.stringValue) }),
  ],
  [
    'ProviderAuth.identityFileBase64',
    (s, v) => new TeleportProvider(s, 'teleport', { addr: 'leaf.example.com:443', auth: ProviderAuth.identityFileBase64(v.stringValue) }),
  ],
  [
    'ProviderAuth.certificateBase64 keyBase64',
    (s, v) =>
      new TeleportProvider(s, 'teleport', {
        addr: 'leaf.example.com:443',
        auth: ProviderAuth.certificateBase64({ certBase64: 'Y2VydA==', keyBase64: v.stringValue, rootCaBase64: 'Y2E=' }),
      }),
  ],
  [
    'ProvisionToken.forTrustedCluster name',
    (s, v) => {
      provider(s);
      ProvisionToken.forTrustedCluster(s, 'Token', { name: v.stringValue });
    },
  ],
  [
    'ProvisionToken.token name',
    (s, v) => {
      provider(s);
      ProvisionToken.token(s, 'Token', { roles: ['Node'], name: v.stringValue });
    },
  ],
  [
    'ProvisionToken.importFrom',
    (s, v) => {
      provider(s);
      ProvisionToken.forTrustedCluster(s, 'Token').importFrom(v.stringValue);
    },
  ],
  [
    'bound keypair registrationSecret',
    (s, v) => {
      provider(s);
      ProvisionToken.boundKeypair(s, 'Token', { botName: 'b', onboarding: { registrationSecret: v.stringValue } });
    },
  ],
  [
    'JoinToken.fromVariable',
    (s, v) => {
      provider(s);
      new TrustedCluster(s, 'Tc', { ...tcProps(s), token: JoinToken.fromVariable(v) });
    },
  ],
  [
    'JoinToken.fromReference',
    (s, v) => {
      provider(s);
      new TrustedCluster(s, 'Tc', { ...tcProps(s), token: JoinToken.fromReference(v.stringValue) });
    },
  ],
  [
    'TctlResources joinTokenVariable',
    (s, v) => {
      provider(s);
      TctlResources.fromYaml(s, 'Yaml', TC_YAML, { joinTokenVariable: v });
    },
  ],
];

// [variable, its config, the error it must cause]
const BAD_VARIABLES: [string, { sensitive?: boolean }, string][] = [
  ['a sensitive variable with a default', { sensitive: true }, 'which has a default: the default is written in plaintext to cdk.tf.json.'],
  ['a non-sensitive variable (with a default)', {}, 'which is not sensitive: Terraform would print the secret in plans and logs.'],
];

describe('every secret slot rejects a defaulted or non-sensitive variable, and the default leaks nowhere', () => {
  afterEach(() => clearSecrets());

  const cases = SLOTS.flatMap(([slot, build]) => BAD_VARIABLES.map(([what, config, error]) => [slot, what, build, config, error] as const));
  test.each(cases)('%s with %s', (_slot, _what, build, config, error) => {
    const outcome = run((s) => build(s, new TerraformVariable(s, 'secret', { type: 'string', default: SECRET, ...config })));
    expect(outcome.error).toContain(`comes from variable "secret", ${error}`);
    expect(outcome.files).toEqual({});
    expectNoLeak(outcome, false);
  });

  test.each(SLOTS)('%s with a sensitive variable without a default synthesizes', (_slot, build) => {
    const outcome = run((s) => build(s, new TerraformVariable(s, 'secret', { type: 'string', sensitive: true })));
    expect(outcome.error).toBe('');
    expect(outcome.files[path.join('stacks', 'leaky', 'cdk.tf.json')]).toContain('${var.secret}');
  });
});
