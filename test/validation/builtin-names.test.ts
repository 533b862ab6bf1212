// NAMEs are the user's: `constructor`, `__proto__`, `toString` are names like any other, in
// --proxy, --ca-file and provider aliases (no internal error, no function source, no silent skip).
import { clearSecrets } from '../../lib/report/redact';
import { runCli } from '../support/cli';
import { ClusterPair, startClusterPair } from '../support/cluster-pair';
import { FakeServer } from '../support/teleport-servers';

let pair: ClusterPair;
let leaf: FakeServer;
let caFile: string;

beforeAll(async () => {
  pair = await startClusterPair('builtin-names-');
  ({ leaf, caFile } = pair);
});
afterAll(() => pair.close());
afterEach(() => clearSecrets());

function configWithAlias(alias: string, addr: string): string {
  return pair.writeConfig(`alias-${alias.replace(/\W/g, '_')}-${pair.seen.length}`, {
    provider: { teleport: [{ alias, addr }] },
    resource: { teleport_role: { r: { provider: `teleport.${alias}`, version: 'v7', metadata: { name: 'r' }, spec: {} } } },
  });
}

const NOT_OURS = /internal error|TypeError|function |\[native code\]|\n\s+at /;

describe.each(['constructor', '__proto__', 'toString', 'hasOwnProperty'])('the NAME %s', (name) => {
  test('--ca-file NAME=FILE and --proxy NAME=HOST:PORT: a plain "matches nothing" warning, never an internal error', async () => {
    const file = configWithAlias('leaf', leaf.address);
    const r = await runCli(['validate', file, '--ca-file', caFile, '--ca-file', `${name}=${caFile}`, '--proxy', `${name}=127.0.0.1:9`, '--json']);
    expect(r.code).toBe(0);
    expect(r.stdout + r.stderr).not.toMatch(NOT_OURS);
    expect(
      r.report.findings
        .filter((f: any) => f.check === 'validate.unknown-name')
        .map((f: any) => f.resource)
        .sort(),
    ).toEqual([`--ca-file ${name}`, `--proxy ${name}`]);
  });

  test('a provider alias NAME is checked like any other (without and with --proxy)', async () => {
    const before = pair.seen.length;
    const direct = await runCli(['validate', configWithAlias(name, leaf.address), '--ca-file', caFile, '--json']);
    expect(direct.code).toBe(0);
    expect(direct.report.findings).toEqual([]);
    const overridden = await runCli([
      'validate',
      configWithAlias(name, 'leafcluster.example.com:443'),
      '--proxy',
      `${name}=${leaf.address}`,
      '--ca-file',
      `${name}=${caFile}`,
      '--json',
    ]);
    expect(overridden.code).toBe(0);
    expect(overridden.report.findings).toEqual([]);
    expect(pair.seen.slice(before).filter((q) => q.path === '/webapi/find')).toHaveLength(2);
  });

  test('--proxy NAME given twice: the usage error quotes the two values, never a function', async () => {
    const r = await runCli(['validate', configWithAlias('leaf', leaf.address), '--proxy', `${name}=127.0.0.1:1`, '--proxy', `${name}=127.0.0.1:2`]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`cdktf-teleport: --proxy ${name} is given twice (127.0.0.1:1, 127.0.0.1:2)\n`);
  });
});
