// The facts the guardrails added to the access model: always-true label expressions, what
// "every resource" means with labels and an expression together, and provision token facts.
import { AccessMap } from '../../lib/access';
import { isAlwaysTrue } from '../../lib/access/label-expression';
import { tokenFacts } from '../../lib/access/tokens';
import { inputFromConfigs } from '../../lib/guardrails/findings';
import { ROOT, leafStack, role, stack, token } from './support';

describe('isAlwaysTrue', () => {
  test.each([
    ['true'],
    ['  true  '],
    ['!false'],
    ['(true)'],
    ['true || labels["env"] == "prod"'],
    ['labels["env"] == "prod" || true'],
    ['"a" == "a"'],
    ['"a" != "b"'],
    ['!(false && labels["x"] == "y")'],
    ['contains(user.spec.traits["teams"], labels["team"]) || !false'],
  ])('%s is always true', (expr) => {
    expect(isAlwaysTrue(expr)).toBe(true);
  });

  test.each([
    ['labels["env"] == "prod"'],
    ['true && labels["env"] == "prod"'],
    ['false'],
    ['"a" == "b"'],
    ['labels["env"] != "production"'],
    ['true ||'],
    ['(true'],
    ['"unterminated'],
    ['${var.expr}'],
    [''],
    ['regexp.match(labels["team"], "dev-team-\\\\d+$")'],
  ])('%s is not', (expr) => {
    expect(isAlwaysTrue(expr)).toBe(false);
  });

  test('hostile input ends, false: deep nesting and a megabyte', () => {
    expect(isAlwaysTrue(`${'('.repeat(5000)}true${')'.repeat(5000)}`)).toBe(false);
    expect(isAlwaysTrue(`true${' || true'.repeat(200_000)}`)).toBe(false);
  });
});

describe('everyResource: labels and expression as Teleport matches them', () => {
  const grantOf = (allow: Record<string, unknown>, deny: Record<string, unknown> = {}) => {
    const map = AccessMap.fromConfig([{ name: 'leaf', config: leafStack([role('visitor', { allow: { logins: ['visitor'], ...allow }, deny })]) }]);
    const grants = map.trusts[0].leafRoles.find((r) => r.name === 'visitor')!.grants;
    return { allow: grants.allow.find((g) => g.kind === 'ssh'), deny: grants.deny.find((g) => g.kind === 'ssh') };
  };

  test.each([
    [{ node_labels: { '*': ['*'] } }, true],
    [{ node_labels_expression: 'true' }, true],
    [{ node_labels: { '*': ['*'] }, node_labels_expression: 'true' }, true],
    [{ node_labels: { '*': ['*'] }, node_labels_expression: 'labels["env"] == "dev"' }, false],
    [{ node_labels: { env: ['dev'] }, node_labels_expression: 'true' }, false],
    [{ node_labels: { env: ['*'] } }, false],
  ])('allow %j: every node %s', (allow, every) => {
    expect(grantOf(allow).allow?.everyResource).toBe(every);
  });

  test('a deny matches on either: labels env=dev with an always-true expression denies every node', () => {
    expect(grantOf({ node_labels: { env: ['dev'] } }, { node_labels: { env: ['dev'] }, node_labels_expression: 'true' }).deny?.everyResource).toBe(
      true,
    );
    expect(grantOf({ node_labels: { env: ['dev'] } }, { node_labels: { env: ['dev'] } }).deny?.everyResource).toBe(false);
  });
});

describe('tokenFacts', () => {
  test('role spelling, join method defaults, name kinds and expiry kinds', () => {
    const config = stack(
      [{ addr: `${ROOT}:443` }],
      [
        token('a', { name: 'literal-secret', expires: '${timeadd(plantimestamp(), "15m")}' }, { roles: ['trustedcluster'] }),
        token('b', { expires: '2031-02-03T04:05:06Z' }, { roles: ['Node'], allow: [{ aws_account: '1' }] }),
        token('c', { name: '${var.n}', expires: '${var.e}' }, { roles: ['Bot'], bot_name: 'ci', join_method: 'github' }),
        token('d', {}, { roles: ['Trusted_cluster'], join_method: '${var.m}' }),
      ],
    );
    const facts = tokenFacts(inputFromConfigs([{ name: 'root', config }]));
    expect(facts.map(({ location, ...f }) => ({ address: location.address, ...f }))).toEqual([
      {
        address: 'teleport_provision_token.a',
        roles: ['trustedcluster'],
        trustedCluster: true,
        joinMethod: 'token',
        name: 'literal',
        expiry: { kind: 'ttl', text: '${timeadd(plantimestamp(), "15m")}', ms: 900_000, duration: '15m' },
      },
      {
        address: 'teleport_provision_token.b',
        roles: ['Node'],
        trustedCluster: false,
        joinMethod: 'ec2',
        name: 'generated',
        expiry: { kind: 'absolute', text: '2031-02-03T04:05:06Z', ms: Date.parse('2031-02-03T04:05:06Z') },
      },
      {
        address: 'teleport_provision_token.c',
        roles: ['Bot'],
        trustedCluster: false,
        joinMethod: 'github',
        name: 'reference',
        expiry: { kind: 'at-apply', text: '${var.e}' },
      },
      {
        address: 'teleport_provision_token.d',
        roles: ['Trusted_cluster'],
        trustedCluster: true,
        joinMethod: 'at-apply',
        name: 'generated',
        expiry: { kind: 'none' },
      },
    ]);
  });
});
