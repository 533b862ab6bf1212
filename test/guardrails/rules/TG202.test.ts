// TG202: a token-method provision token whose secret (its name) is a literal.
import { ROOT, hits, stack, token } from '../support';

const SECRET = 'abcd1234-literal-join-secret';
const root = (...tokens: ReturnType<typeof token>[]) => ({ root: stack([{ addr: `${ROOT}:443` }], tokens) });

describe('TG202 triggers', () => {
  test('join_method token with a literal name; the message never holds the secret', () => {
    const found = hits(root(token('node', { name: SECRET }, { roles: ['Node'], join_method: 'token' })), 'TG202');
    expect(found).toEqual([
      {
        check: 'TG202',
        severity: 'error',
        stack: 'root',
        resource: 'teleport_provision_token.node',
        path: 'metadata.name',
        message: 'this token joins with the `token` method and its secret name is a literal in the configuration.',
      },
    ]);
    expect(JSON.stringify(found)).not.toContain(SECRET);
  });

  test('no join_method and no allow rules: Teleport defaults to token', () => {
    expect(hits(root(token('tc', { name: SECRET }, { roles: ['Trusted_cluster'] })), 'TG202')).toHaveLength(1);
  });
});

describe('TG202 does not trigger', () => {
  test.each([
    ['a generated name', {}, { roles: ['Node'] }],
    ['a name from a sensitive variable', { name: '${var.token}' }, { roles: ['Node'] }],
    [
      'a delegated join method',
      { name: 'github-bot' },
      { roles: ['Bot'], bot_name: 'ci', join_method: 'github', github: { allow: [{ repository: 'org/infra' }] } },
    ],
    [
      'no join_method with allow rules (Teleport defaults to ec2)',
      { name: 'ec2-nodes' },
      { roles: ['Node'], allow: [{ aws_account: '123456789012' }] },
    ],
  ])('%s', (_what, metadata, spec) => {
    expect(hits(root(token('t', metadata, spec)), 'TG202')).toEqual([]);
  });
});
