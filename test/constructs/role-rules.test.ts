import { TerraformVariable, Testing, Token } from 'cdktf';
import { Construct } from 'constructs';
import { CertFormat, CreateHostUserMode, EnhancedRecordingEvent, LockingMode, Role, RoleProps, RoleVersion } from '../../lib/constructs/role';
import { errorsOf, newStack } from '../support/constructs';

const role = (props: Partial<RoleProps>) => (s: Construct) => new Role(s, 'role', { name: 'dev', version: RoleVersion.V8, ...props });
const withRole = (props: Partial<RoleProps>, f: (r: Role) => void) => (s: Construct) =>
  f(new Role(s, 'role', { name: 'dev', version: RoleVersion.V8, ...props }));
const k8s = { kubernetesLabels: { env: ['dev'] } };
const tokenList = (s: Construct, id: string) => new TerraformVariable(s, id, { type: 'list(string)' }).listValue;
const tokenMap = (s: Construct) =>
  Token.asAny(new TerraformVariable(s, 'labels', { type: 'map(list(string))' }).value) as unknown as { [key: string]: string[] };

// [what, build, field, message fragment, fix fragment]
const INVALID: [string, (s: Construct) => void, string, string, string][] = [
  // name and version
  ['empty name', role({ name: '' }), 'metadata.name', 'is empty: Teleport rejects a role without a name', "set name to the role's name"],
  ['name ".."', role({ name: '..' }), 'metadata.name', 'is "..": Teleport rejects resources named "." or ".."', 'choose another name.'],
  [
    'system role name',
    role({ name: 'Trusted_cluster' }),
    'metadata.name',
    'is "Trusted_cluster", a Teleport system role name; Teleport rejects it ("reserved role")',
    'choose another name',
  ],
  [
    'preset role name without import',
    role({ name: 'access' }),
    'metadata.name',
    'is "access", a preset role Teleport creates itself',
    'Role.fromPreset()',
  ],
  [
    'version out of range',
    role({ version: 'v10' as RoleVersion }),
    'version',
    '"v10" is not a role version Teleport knows ("v3", "v4", "v5", "v6", "v7", "v8", "v9")',
    'RoleVersion.V7 if any agent runs Teleport 17 or older',
  ],
  ['metadata label key', role({ labels: { 'team name': 'x' } }), 'metadata.labels', 'key "team name" is not a valid label key', 'letters, digits'],
  ['expires not RFC 3339', role({ expires: 'next year' }), 'metadata.expires', '"next year" is not an RFC 3339 time.', '"2030-01-31T12:00:00Z"'],
  // logins and other lists
  ['empty login from a helper', withRole({}, (r) => r.allowLogins('ubuntu', '')), 'spec.allow.logins', 'entry #2 is empty', 'remove the empty entry'],
  ['empty denied login', role({ deny: { logins: [' '] } }), 'spec.deny.logins', 'entry #1 is empty', 'remove the empty entry'],
  [
    'wildcard login',
    withRole({}, (r) => r.allowLogins('*')),
    'spec.allow.logins',
    'entry #1 is "*"; Teleport rejects it ("wildcard matcher is not allowed in logins")',
    '{{internal.logins}}',
  ],
  [
    'wildcard AWS role ARN',
    role({ allow: { awsRoleArns: ['arn:aws:iam::1:role/a', '*'] } }),
    'spec.allow.aws_role_arns',
    'entry #2 is "*"; Teleport rejects it',
    'list the values explicitly',
  ],
  [
    'wildcard db role',
    role({ allow: { dbRoles: ['*'] } }),
    'spec.allow.db_roles',
    '("wildcard is not allowed in allow.database_roles")',
    'list the values explicitly',
  ],
  // helpers check their literal values also when they extend a list or map given as a token
  [
    'empty login appended to a token list',
    (s) => new Role(s, 'role', { name: 'dev', version: RoleVersion.V8, allow: { logins: tokenList(s, 'logins') } }).allowLogins('ubuntu', ''),
    'spec.allow.logins',
    'entry #3 is empty',
    'remove the empty entry',
  ],
  [
    'wildcard login appended to a token list',
    (s) => new Role(s, 'role', { name: 'dev', version: RoleVersion.V8, allow: { logins: tokenList(s, 'logins') } }).allowLogins('*'),
    'spec.allow.logins',
    'entry #2 is "*"; Teleport rejects it',
    '{{internal.logins}}',
  ],
  [
    '"*" label with a value appended to a token map',
    (s) => new Role(s, 'role', { name: 'dev', version: RoleVersion.V8, allow: { nodeLabels: tokenMap(s) } }).allowNodeLabels('*', 'dev'),
    'spec.allow.node_labels',
    'maps "*" to ["dev"]',
    '{ "*": ["*"] }',
  ],
  [
    'rule without verbs appended to a token rule list',
    (s) => new Role(s, 'role', { name: 'dev', version: RoleVersion.V8, allow: { rules: tokenList(s, 'rules') as any } }).allowRule(['role'], []),
    'spec.allow.rules',
    'rule #2 has no verbs',
    'verbs: ["list", "read"]',
  ],
  // labels
  [
    '"*" label key with a specific value',
    withRole({}, (r) => r.allowNodeLabels('*', 'dev')),
    'spec.allow.node_labels',
    'maps "*" to ["dev"]; Teleport rejects it ("selector *:<val> is not supported")',
    '{ "*": ["*"] }',
  ],
  [
    'label key with no values',
    withRole({}, (r) => r.allowAppLabels('env')),
    'spec.allow.app_labels',
    'key "env" has no values: it matches no resource.',
    'give at least one value',
  ],
  ['empty label key', role({ allow: { dbLabels: { '': ['x'] } } }), 'spec.allow.db_labels', 'has an empty key', 'name the label'],
  [
    'label key with a space',
    withRole({}, (r) => r.denyKubernetesLabels('my env', 'prod')),
    'spec.deny.kubernetes_labels',
    'key "my env" is not a valid label key, so no resource can carry it.',
    'letters, digits',
  ],
  [
    'empty label value',
    withRole({}, (r) => r.allowClusterLabels('env', '')),
    'spec.allow.cluster_labels',
    'key "env" has an empty value',
    'use "*" to match any value',
  ],
  // rules
  [
    'rule without verbs',
    withRole({}, (r) => r.allowRule(['role'], [])),
    'spec.allow.rules',
    'rule #1 has no verbs; Teleport rejects it ("missing verbs")',
    'verbs: ["list", "read"]',
  ],
  [
    'rule without resources',
    withRole({}, (r) => r.denyRule([], ['delete'])),
    'spec.deny.rules',
    'rule #1 has no resources; Teleport rejects it ("missing resources to match")',
    'resources: ["role", "user"]',
  ],
  [
    'misspelt verb',
    withRole({}, (r) => {
      r.allowRead('session');
      r.allowRule(['role'], ['list', 'raed']);
    }),
    'spec.allow.rules.verbs',
    'rule #2 has verb "raed", which Teleport does not know',
    'allowUnknownRuleVerbs: true',
  ],
  [
    'capitalised resource',
    withRole({}, (r) => r.allowRead('Role')),
    'spec.allow.rules.resources',
    'rule #1 has resource "Role", which is not a resource kind',
    'lowercase with underscores',
  ],
  // kubernetes_resources per version
  [
    'v6 kind other than pod',
    role({ version: RoleVersion.V6, allow: { ...k8s, kubernetesResources: [{ kind: 'deployment', namespace: '*', name: '*' }] } }),
    'spec.allow.kubernetes_resources.kind',
    'entry #1 has kind "deployment"; role v6 supports only "pod".',
    'RoleVersion.V7/V8',
  ],
  [
    'v5 verbs other than *',
    role({ version: RoleVersion.V5, allow: { ...k8s, kubernetesResources: [{ kind: 'pod', namespace: '*', name: '*', verbs: ['get'] }] } }),
    'spec.allow.kubernetes_resources.verbs',
    'entry #1 has verbs ["get"]; role v5 supports only ["*"].',
    'omit verbs',
  ],
  [
    'v7 api_group',
    role({ version: RoleVersion.V7, allow: { ...k8s, kubernetesResources: [{ kind: 'deployment', apiGroup: 'apps', namespace: '*', name: '*' }] } }),
    'spec.allow.kubernetes_resources.api_group',
    'entry #1 sets api_group "apps"; role v7 has no api_group (role v8+).',
    'RoleVersion.V8',
  ],
  [
    'v7 plural kind',
    role({ version: RoleVersion.V7, allow: { ...k8s, kubernetesResources: [{ kind: 'pods', namespace: '*', name: '*' }] } }),
    'spec.allow.kubernetes_resources.kind',
    'entry #1 has kind "pods", which role v7 does not know.',
    'role v7 uses singular kinds: write "pod".',
  ],
  [
    'v7 namespaced kind without namespace',
    role({ version: RoleVersion.V7, deny: { kubernetesResources: [{ kind: 'secret', name: '*' }] } }),
    'spec.deny.kubernetes_resources.namespace',
    'entry #1 (kind "secret") has no namespace',
    'set namespace',
  ],
  [
    'v8 singular kind',
    withRole({ allow: k8s }, (r) => r.allowKubernetesResources({ kind: 'deployment', namespace: '*', name: '*' })),
    'spec.allow.kubernetes_resources.kind',
    'entry #1 has kind "deployment", the role v7 spelling; role v8 uses plural resource names',
    'write kind "deployments" with apiGroup "apps".',
  ],
  [
    'v8 CRD without api_group',
    withRole({ allow: k8s }, (r) => r.allowKubernetesResources({ kind: 'certificates', namespace: '*', name: '*' })),
    'spec.allow.kubernetes_resources.api_group',
    'is missing for kind "certificates"; role v8 allows an empty api_group only for core kinds',
    'set apiGroup',
  ],
  [
    'v8 wildcard kind without api_group',
    withRole({ allow: k8s }, (r) => r.allowKubernetesResources({ kind: '*', namespace: '*', name: '*' })),
    'spec.allow.kubernetes_resources.api_group',
    'is missing for kind "*"',
    '"*" for any group',
  ],
  [
    'kubernetes resource without name',
    withRole({ allow: k8s }, (r) => r.allowKubernetesResources({ kind: 'pods', namespace: '*', name: '' })),
    'spec.allow.kubernetes_resources.name',
    'entry #1 has no name; Teleport rejects it ("KubernetesResource must include Name")',
    'set name',
  ],
  [
    'unknown kubernetes verb',
    withRole({ allow: k8s }, (r) => r.allowKubernetesResources({ kind: 'pods', namespace: '*', name: '*', verbs: ['get', 'run'] })),
    'spec.allow.kubernetes_resources.verbs',
    'entry #1 has verb "run", which Teleport rejects',
    '"portforward"',
  ],
  [
    '"*" verb combined with others',
    withRole({ allow: k8s }, (r) => r.allowKubernetesResources({ kind: 'pods', namespace: '*', name: '*', verbs: ['*', 'get'] })),
    'spec.allow.kubernetes_resources.verbs',
    'entry #1 combines "*" with other verbs',
    '["*"] alone',
  ],
  [
    'v6 request kind other than pod',
    role({ version: RoleVersion.V6, allow: { request: { roles: ['a'], kubernetesResources: [{ kind: 'namespace' }] } } }),
    'spec.allow.request.kubernetes_resources',
    'entry #1 has kind "namespace"; role v6 supports only "pod".',
    'plural kinds with apiGroup (v8+)',
  ],
  // options
  [
    'max_session_ttl with days',
    role({ options: { maxSessionTtl: '2d' } }),
    'spec.options.max_session_ttl',
    '"2d" is not a positive Go duration',
    'no days',
  ],
  [
    'unknown enhanced recording event',
    role({ options: { enhancedRecording: [EnhancedRecordingEvent.COMMAND, 'files' as EnhancedRecordingEvent] } }),
    'spec.options.enhanced_recording',
    '"files" is not an event Teleport records',
    '"command", "disk", "network"',
  ],
  [
    'unknown lock mode',
    role({ options: { lock: 'hard' as LockingMode } }),
    'spec.options.lock',
    '"hard" is not a locking mode; Teleport rejects it',
    '"strict" or "best_effort"',
  ],
  [
    'unknown cert format',
    role({ options: { certFormat: 'openssh' as CertFormat } }),
    'spec.options.cert_format',
    '"openssh" is not a certificate format.',
    '"oldssh"',
  ],
  [
    'host user mode out of range',
    role({ options: { createHostUserMode: 7 as CreateHostUserMode } }),
    'spec.options.create_host_user_mode',
    '7 is not a host user mode',
    'CreateHostUserMode.OFF',
  ],
  [
    'idp option in v8',
    role({ options: { idp: { saml: { enabled: true } } } }),
    'spec.options.idp',
    'is set, but role v8 no longer supports the idp.saml option',
    'keep RoleVersion.V7',
  ],
  // other conditions
  [
    'spiffe path without slash',
    role({ allow: { spiffe: [{ path: 'svc/foo' }] } }),
    'spec.allow.spiffe.path',
    'in entry #1 is "svc/foo"; Teleport requires a path starting with /',
    '"/svc/foo"',
  ],
  [
    'spiffe IP SAN not a CIDR',
    role({ allow: { spiffe: [{ path: '/svc', ipSans: ['10.0.0.1'] }] } }),
    'spec.allow.spiffe.ip_sans',
    'has "10.0.0.1", which is not a CIDR',
    '"10.0.0.100/32"',
  ],
  [
    'impersonate users without roles',
    role({ allow: { impersonate: { users: ['jenkins'] } } }),
    'spec.allow.impersonate.roles',
    'is empty while impersonate.users is set',
    'list the roles',
  ],
  [
    'deny impersonate with where',
    role({ deny: { impersonate: { users: ['a'], roles: ['b'], where: 'true' } } }),
    'spec.deny.impersonate.where',
    "'where' is not supported in deny.impersonate conditions",
    'allowed under allow only',
  ],
  [
    'wildcard database permission',
    role({ allow: { dbPermissions: [{ match: { object_kind: ['table'] }, permissions: ['*'] }] } }),
    'spec.allow.db_permissions.permissions',
    'entry #1 grants "*"; Teleport rejects it',
    '["SELECT", "INSERT"]',
  ],
  [
    'app_resources before v9',
    role({ allow: { appResources: [{ allowAll: true }] } }),
    'spec.allow.app_resources',
    'is set, but role v8 does not support it (role v9 and above only).',
    'RoleVersion.V9',
  ],
  [
    'app_resources with paths',
    role({ version: RoleVersion.V9, allow: { appResources: [{ paths: ['/api/**'] }] } }),
    'spec.allow.app_resources',
    'rule #1 sets fields other than allow_all',
    '{ allowAll: true } only',
  ],
  [
    'app_resources under deny',
    role({ version: RoleVersion.V9, deny: { appResources: [{ allowAll: true }] } }),
    'spec.deny.app_resources',
    'is valid only under allow',
    'move the rules to allow',
  ],
  [
    'app_resources_expressions',
    role({ version: RoleVersion.V9, allow: { appResourcesExpressions: ['true'] } }),
    'spec.allow.app_resources_expressions',
    'does not implement app_resources_expressions',
    'appResources: [{ allowAll: true }]',
  ],
];

describe('invalid roles are rejected at synth with the construct path, the field and the fix', () => {
  test.each(INVALID)('%s', (_what, build, field, message, fix) => {
    const errors = errorsOf(build);
    const line = errors.split('\n').find((l) => l.includes(`[stack/role] field "${field}": `) && l.includes(message));
    if (line === undefined) throw new Error(`no "${field}" message containing ${JSON.stringify(message)} in:\n${errors}`);
    expect(line).toContain(' Fix: ');
    expect(line.slice(line.indexOf(' Fix: '))).toContain(fix);
  });

  test.each(INVALID)('%s: one message, about its own field (rules do not cascade)', (_what, build, field) => {
    const lines = errorsOf(build)
      .split('\n')
      .filter((l) => /^ *\[stack\//.test(l) && l.includes(' field "'));
    expect(lines.map((l) => /field "([^"]+)"/.exec(l)![1])).toEqual([field]);
  });

  test('one mistake yields one message', () => {
    const errors = errorsOf(withRole({}, (r) => r.allowLogins('ubuntu', '*')));
    expect(errors.split('\n').filter((l) => l.includes('[stack/role]'))).toEqual([
      expect.stringContaining('field "spec.allow.logins": entry #2 is "*"'),
    ]);
  });

  test('a preset name is fine once importFrom() (or resource.importFrom()) adopts it; unknown verbs pass with the opt-in', () => {
    const stack = newStack();
    new Role(stack, 'access', { name: 'access', version: RoleVersion.V7 }).importFrom();
    new Role(stack, 'editor', { name: 'editor', version: RoleVersion.V7 }).resource.importFrom('editor');
    const r = new Role(stack, 'future', { name: 'future', version: RoleVersion.V8, allowUnknownRuleVerbs: true });
    r.allowRule(['workload_identity'], ['issue']);
    expect(() => Testing.synth(stack, true)).not.toThrow();
  });

  test('every value of the option enums passes the rules, and is written as given', () => {
    const stack = newStack();
    const roles = Object.values(LockingMode).flatMap((lock) =>
      Object.values(CertFormat).map(
        (certFormat, i) =>
          new Role(stack, `${lock}-${i}`, {
            name: `${lock}-${i}`,
            version: RoleVersion.V8,
            options: { lock, certFormat, enhancedRecording: Object.values(EnhancedRecordingEvent) },
          }),
      ),
    );
    const json = JSON.parse(Testing.synth(stack, true));
    const options = roles.map((r) => json.resource.teleport_role[r.resource.friendlyUniqueId].spec.options);
    expect(options.map((o) => [o.lock, o.cert_format])).toEqual([
      ['strict', 'standard'],
      ['strict', 'oldssh'],
      ['best_effort', 'standard'],
      ['best_effort', 'oldssh'],
    ]);
    expect(options[0].enhanced_recording).toEqual(['command', 'disk', 'network']);
  });

  test("valid roles of every version, as in Teleport's reference, pass", () => {
    const stack = newStack();
    new Role(stack, 'v6', {
      name: 'v6',
      version: RoleVersion.V6,
      allow: { ...k8s, kubernetesResources: [{ kind: 'pod', namespace: 'foo', name: '*' }] },
    });
    new Role(stack, 'v7', {
      name: 'v7',
      version: RoleVersion.V7,
      allow: {
        ...k8s,
        kubernetesResources: [
          { kind: 'namespace', name: 'foo' },
          { kind: '*', namespace: 'foo', name: '*' },
        ],
      },
    });
    new Role(stack, 'v8', {
      name: 'v8',
      version: RoleVersion.V8,
      allow: {
        ...k8s,
        kubernetesResources: [
          { kind: 'pods', namespace: 'foo', name: '*' },
          { kind: 'deployments', apiGroup: 'apps', namespace: 'foo', name: '*' },
        ],
      },
    });
    new Role(stack, 'v9', {
      name: 'v9',
      version: RoleVersion.V9,
      allow: { appResources: [{ allowAll: true }], spiffe: [{ path: '^/svc/.*$', ipSans: ['2001:db8::/32'] }] },
    });
    expect(() => Testing.synth(stack, true)).not.toThrow();
  });
});
