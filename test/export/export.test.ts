// Export of hand-written Terraform JSON: secrets never in the output unless allowed, join tokens as
// commands, kinds per role version, Kubernetes names and labels, role defaults, the CLI's options.
import * as fs from 'fs';
import * as path from 'path';
import { ExportFormat, TeleportExport } from '../../lib';
import { runCli } from '../support/cli';
import { tempDir } from '../support/synth';
import { UNSAFE, documents, manifestProblems } from './support';

const LITERAL_TOKEN = 'literal-secret-token-123';
const LITERAL_NAME = 'literal-token-name-456';

function config(resources: Record<string, unknown>, extra: Record<string, unknown> = {}): any {
  return { provider: { teleport: [{ addr: 'leaf.example.com:443' }] }, resource: resources, ...extra };
}

const role = (version: string, spec: unknown, name = 'dev') => ({ version, metadata: { name }, spec });

const SECRETS = config(
  {
    teleport_trusted_cluster: {
      lit: {
        version: 'v2',
        metadata: { name: 'root.example.com' },
        spec: { token: LITERAL_TOKEN, web_proxy_addr: 'root.example.com:443', role_map: [{ remote: 'access', local: ['dev'] }] },
      },
      fromvar: { version: 'v2', metadata: { name: 'other.example.com' }, spec: { token: '${var.tok}', web_proxy_addr: 'other.example.com:443' } },
    },
    teleport_provision_token: {
      joined: {
        version: 'v2',
        metadata: { name: LITERAL_NAME, expires: '2030-01-01T00:00:00Z', labels: { 'a b': "c'd" } },
        spec: { roles: ['Node', 'Trusted_cluster'] },
      },
      gh: {
        version: 'v2',
        metadata: { name: 'gh-bot' },
        spec: { join_method: 'github', roles: ['Bot'], bot_name: 'ci', github: { allow: [{ repository: 'org/infra' }] } },
      },
    },
  },
  { variable: { tok: { type: 'string', sensitive: true } } },
);

const exportOf = (cfg: unknown, format: ExportFormat, more: Record<string, unknown> = {}) =>
  TeleportExport.fromConfig([{ name: 'leaf', config: cfg }], { format, ...more });
const allText = (r: { files: { content: string }[] }) => r.files.map((f) => f.content).join('\n');

describe('secrets', () => {
  test('tctl: literal secrets and sensitive variables become placeholders; the secret-named token a tctl tokens add command', () => {
    const r = exportOf(SECRETS, ExportFormat.TCTL);
    const text = allText(r);
    expect(text).not.toContain(LITERAL_TOKEN);
    expect(text).not.toContain(LITERAL_NAME);
    const docs = documents(text);
    expect(docs.map((d) => `${d.kind}/${d.metadata.name}`)).toEqual([
      'token/gh-bot',
      'trusted_cluster/other.example.com',
      'trusted_cluster/root.example.com',
    ]);
    expect(docs[1].spec.token).toBe('${TF_VAR_tok}');
    expect(text).toContain('token: ${TF_VAR_tok} # secret: the sensitive variable tok\n');
    expect(docs[2].spec.token).toBe('${LIT_SPEC_TOKEN}');
    expect(r.placeholders.map((p) => [p.resource, p.field, p.reason])).toEqual([
      ['teleport_trusted_cluster.fromvar', 'spec.token', 'the sensitive variable tok'],
      ['teleport_trusted_cluster.lit', 'spec.token', 'a literal secret, left out (pass --allow-literal-secrets to export it)'],
    ]);
    expect(r.commands).toEqual([
      {
        stack: 'leaf',
        provider: 'teleport',
        resource: 'teleport_provision_token.joined',
        command: "tctl tokens add --type=node,trusted_cluster '--labels=a b=c'\\''d'",
      },
    ]);
    expect(text).toContain('#   tctl tokens add --type=node,trusted_cluster');
    expect(r.notes.map((n) => n.message)).toEqual([
      'tctl tokens add: it expires at 2030-01-01T00:00:00Z: pick --ttl so that it does',
      'tctl tokens add: its name (the secret) is a literal in the input: it is left out here (pass --allow-literal-secrets to write it as --value)',
    ]);
  });

  test('tctl with allowLiteralSecrets: the literals are written, and say so', () => {
    const r = exportOf(SECRETS, ExportFormat.TCTL, { allowLiteralSecrets: true });
    const text = allText(r);
    expect(text).toContain(`token: ${LITERAL_TOKEN} # secret: a literal, exported because literal secrets were allowed\n`);
    expect(r.commands[0].command).toBe(`tctl tokens add --type=node,trusted_cluster '--labels=a b=c'\\''d' --value=${LITERAL_NAME}`);
  });

  test('operator: the token is a secret:// lookup of a Secret without a value (unless allowed); no resource for the secret-named token', () => {
    const r = exportOf(SECRETS, ExportFormat.OPERATOR);
    const text = allText(r);
    expect(text).not.toContain(LITERAL_TOKEN);
    expect(text).not.toContain(LITERAL_NAME);
    const docs = documents(text);
    expect(docs.map((d) => `${d.kind}/${d.metadata.name}`)).toEqual([
      'TeleportProvisionToken/gh-bot',
      'Secret/other.example.com-join-token',
      'TeleportTrustedClusterV2/other.example.com',
      'Secret/root.example.com-join-token',
      'TeleportTrustedClusterV2/root.example.com',
    ]);
    for (const d of docs) expect(manifestProblems(d)).toEqual([]);
    expect(docs[0].spec).toEqual({ join_method: 'github', roles: ['Bot'], bot_name: 'ci', github: { allow: [{ repository: 'org/infra' }] } });
    expect(r.notes).toEqual([
      expect.objectContaining({
        severity: 'warning',
        resource: 'teleport_provision_token.joined',
        message: expect.stringContaining("the token's name is its secret"),
      }),
    ]);
    const withLiterals = documents(allText(exportOf(SECRETS, ExportFormat.OPERATOR, { allowLiteralSecrets: true })));
    expect(withLiterals.find((d) => d.metadata.name === 'root.example.com-join-token').stringData).toEqual({ token: LITERAL_TOKEN });
    expect(withLiterals.find((d) => d.metadata.name === 'other.example.com-join-token').stringData).toBeUndefined();
  });
});

describe('operator kinds, names and labels', () => {
  const roles = config({
    teleport_role: {
      v5: role('v5', {}, 'five'),
      v6: role('v6', { allow: { logins: ['a'] } }, 'six'),
      v8: role('v8', { options: { idp: { saml: { enabled: true } }, max_session_ttl: '8h', cert_format: 'standard' } }, 'eight'),
      v9: role('v9', {}, 'nine'),
      bad: role('v7', {}, 'Bad_Name'),
      label: { version: 'v7', metadata: { name: 'labelled', labels: { team: 'a b', ok: 'yes' } }, spec: {} },
    },
  });

  test('v6 and v9 have their kinds; v5, a name that is not a Kubernetes name and a label that is not a Kubernetes label are errors', () => {
    const r = exportOf(roles, ExportFormat.OPERATOR);
    const docs = documents(allText(r));
    expect(docs.map((d) => `${d.kind}/${d.metadata.name}`)).toEqual([
      'TeleportRoleV7/labelled',
      'TeleportRoleV6/six',
      'TeleportRoleV8/eight',
      'TeleportRoleV9/nine',
    ]);
    for (const d of docs) expect(manifestProblems(d)).toEqual([]);
    expect(docs[0].metadata.labels).toEqual({ ok: 'yes' });
    expect(r.notes.filter((n) => n.severity === 'error').map((n) => [n.resource, n.field, n.message])).toEqual([
      ['teleport_role.bad', 'metadata.name', 'the name is not a Kubernetes object name (lowercase letters, digits, - and ., at most 253 characters)'],
      ['teleport_role.label', 'metadata.labels["team"]', 'the label cannot be a Kubernetes label: its value is not a Kubernetes label value'],
      ['teleport_role.v5', 'version', 'teleport_role version "v5" has no operator custom resource here (exported: v6, v7, v8, v9)'],
    ]);
  });

  test("role defaults equal to the server's for the version are left out, others kept (idp only up to v7)", () => {
    const docs = documents(allText(exportOf(roles, ExportFormat.TCTL)));
    expect(docs.find((d) => d.metadata.name === 'eight').spec).toEqual({ options: { idp: { saml: { enabled: true } }, max_session_ttl: '8h' } });
    const v7 = config({ teleport_role: { r: role('v7', { options: { idp: { saml: { enabled: true } }, ssh_file_copy: false }, deny: {} }) } });
    expect(documents(allText(exportOf(v7, ExportFormat.TCTL)))[0].spec).toEqual({ options: { ssh_file_copy: false } });
  });
});

describe('output safety', () => {
  test('names and labels with characters that steer a terminal are escaped in YAML and read back exactly', () => {
    const name = 'dev\u001b[31m\u202eevil\u0085';
    const cfg = config({
      teleport_role: { r: { version: 'v7', metadata: { name, labels: { 'k\u0007': 'v\u2028' } }, spec: { allow: { logins: ['x\u009b'] } } } },
    });
    const r = exportOf(cfg, ExportFormat.TCTL);
    expect(r.files[0].content).not.toMatch(UNSAFE);
    const [doc] = documents(r.files[0].content);
    expect(doc.metadata).toEqual({ name, labels: { 'k\u0007': 'v\u2028' } });
    expect(doc.spec.allow.logins).toEqual(['x\u009b']);
  });

  test('an expression that is not a plain reference is neither quoted nor named after (it may hold a literal secret)', () => {
    const cfg = config({
      teleport_trusted_cluster: { t: { version: 'v2', metadata: { name: 'r.example.com' }, spec: { token: '${"hunter2-secret"}' } } },
    });
    for (const format of [ExportFormat.TCTL, ExportFormat.OPERATOR]) {
      const r = exportOf(cfg, format);
      expect(allText(r).toLowerCase()).not.toContain('hunter2');
      expect(JSON.stringify(r.placeholders).toLowerCase()).not.toContain('hunter2');
    }
  });

  test('an expression in a comment is quoted without line breaks', () => {
    const cfg = config({ teleport_role: { r: role('v7', { allow: { logins: ['${var.a}\n# injected: true'] } }) } });
    const text = exportOf(cfg, ExportFormat.TCTL).files[0].content;
    expect(text).not.toContain('\n# injected');
    expect(documents(text)[0].spec.allow.logins).toEqual(['${R_SPEC_ALLOW_LOGINS_0}']);
  });
});

describe('files', () => {
  test('one file per provider configuration when a stack configures several clusters; names stay file names', () => {
    const cfg = {
      provider: { teleport: [{ alias: 'root' }, { alias: '../leaf' }] },
      resource: {
        teleport_role: { a: { ...role('v7', {}, 'a'), provider: 'teleport.root' }, b: { ...role('v7', {}, 'b'), provider: 'teleport.../leaf' } },
      },
    };
    const r = TeleportExport.fromConfig([{ name: '../x y', config: cfg }], { format: ExportFormat.TCTL });
    expect(r.files.map((f) => [f.name, f.provider, f.documents])).toEqual([
      ['__x_y-root.yaml', 'teleport.root', 1],
      ['__x_y-__leaf.yaml', 'teleport.../leaf', 1],
    ]);
  });

  test('an unknown stack, a namespace for tctl or an invalid namespace are refused', () => {
    expect(() => exportOf(SECRETS, ExportFormat.TCTL, { stack: 'nope' })).toThrow('no stack "nope" in the input (stacks: leaf)');
    expect(() => exportOf(SECRETS, ExportFormat.TCTL, { namespace: 'a' })).toThrow('a namespace applies to operator manifests only (--to operator)');
    expect(() => exportOf(SECRETS, ExportFormat.OPERATOR, { namespace: 'Not_OK' })).toThrow('namespace "Not_OK" is not a Kubernetes namespace name');
  });
});

describe('cdktf-teleport export', () => {
  let dir: string;
  let file: string;
  beforeAll(() => {
    dir = tempDir('export-cli-');
    fs.mkdirSync(path.join(dir, 'leaf'));
    file = path.join(dir, 'leaf', 'cdk.tf.json');
    fs.writeFileSync(file, JSON.stringify(SECRETS));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('the documents on stdout; placeholders and commands on stderr; exit 0', async () => {
    const run = await runCli(['export', file, '--to', 'tctl']);
    expect(run.code).toBe(0);
    expect(documents(run.stdout)).toHaveLength(3);
    expect(run.stderr).toContain(
      'Placeholders (2): fill them before applying:\n' +
        '  leaf teleport_trusted_cluster.fromvar spec.token = ${TF_VAR_tok}: the sensitive variable tok\n',
    );
    expect(run.stderr).toContain(
      "Commands to run instead of a document (1):\n  leaf (teleport): tctl tokens add --type=node,trusted_cluster '--labels=a b=c'\\''d'\n",
    );
    expect(`${run.stdout}${run.stderr}`).not.toContain(LITERAL_TOKEN);
  });

  test('--strict: every placeholder is an error, nothing is written, exit 1', async () => {
    const out = path.join(dir, 'strict');
    const run = await runCli(['export', file, '--to', 'operator', '--strict', '--out', out]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(fs.existsSync(out)).toBe(false);
    expect(run.stderr).toContain(
      'ERROR [export.placeholder] spec.token: would be written as a placeholder (secret://other.example.com-join-token/token)',
    );
    expect(run.stderr).toContain('FAILED: export --to operator (nothing written): 2 error(s)');
  });

  test('--json: the report with the files, placeholders and commands; --namespace on every manifest', async () => {
    const run = await runCli(['export', file, '--to', 'operator', '--namespace', 'teleport', '--json']);
    expect(run.code).toBe(0);
    expect(run.report).toMatchObject({ schemaVersion: 1, ok: true, commands: [{ resource: 'teleport_provision_token.joined' }] });
    expect(run.report.placeholders).toHaveLength(2);
    for (const d of documents(run.report.files[0].content)) expect(d.metadata.namespace).toBe('teleport');
  });

  test('usage errors exit 2: no --to, a wrong --to, --namespace with tctl, an input over --max-input-size, an --out that is a file', async () => {
    expect((await runCli(['export', file])).stderr).toBe('cdktf-teleport: --to takes tctl or operator\n');
    expect((await runCli(['export', file, '--to', 'helm'])).code).toBe(2);
    expect((await runCli(['export', file, '--to', 'tctl', '--namespace', 'x'])).stderr).toBe(
      'cdktf-teleport: --namespace applies to --to operator only\n',
    );
    const big = await runCli(['export', file, '--to', 'tctl', '--max-input-size', '100']);
    expect(big.code).toBe(2);
    expect(big.stderr).toContain('--max-input-size');
    const run = await runCli(['export', file, '--to', 'tctl', '--out', file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--out .*cdk\.tf\.json: cannot write \(EEXIST\)\. Fix: give a writable directory\./);
  });

  test('a plan exports too: values known only at apply are placeholders', async () => {
    const plan = path.join(__dirname, '..', 'fixtures', 'plans', 'one-stack.plan.json');
    const run = await runCli(['export', plan, '--to', 'tctl']);
    expect(run.code).toBe(0);
    expect(documents(run.stdout).map((d) => d.kind)).toEqual(['role', 'trusted_cluster']);
    // The token is known only at apply: a placeholder where tctl needs a string; computed attributes are left to the server.
    expect(run.stderr).toContain(
      'Placeholders (1): fill them before applying:\n' +
        '  one-stack teleport_trusted_cluster.RootToLeaf_TrustedCluster_D855BD21 spec.token = ${ROOTTOLEAF_TRUSTEDCLUSTER_D855BD21_SPEC_TOKEN}: ' +
        'a secret known only at apply\n',
    );
    expect(documents(run.stdout)[1].spec.token).toBe('${ROOTTOLEAF_TRUSTEDCLUSTER_D855BD21_SPEC_TOKEN}');
  });

  test('a non-string value known only at apply is left out and listed', () => {
    const cfg = config({
      teleport_trusted_cluster: { t: { version: 'v2', metadata: { name: 'r.example.com' }, spec: { enabled: '${var.on}', token: '${var.t}' } } },
    });
    const r = exportOf(cfg, ExportFormat.TCTL);
    expect(documents(r.files[0].content)[0].spec).toEqual({ token: '${TF_VAR_t}' });
    expect(r.placeholders.map((p) => [p.field, p.placeholder, p.reason])).toEqual([
      ['spec.token', '${TF_VAR_t}', 'the variable t'],
      ['spec.enabled', '(left out)', 'a value known only at apply'],
    ]);
  });
});
