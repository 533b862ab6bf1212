// NAMEs are the user's: `constructor`, `__proto__`, `toString` are names like any other, in
// --proxy, --ca-file and provider aliases (no internal error, no function source, no silent skip).
import * as fs from 'fs';
import * as path from 'path';
import { clearSecrets } from '../../lib/report/redact';
import { runCli } from '../support/cli';
import { tempDir } from '../support/synth';
import { FakeServer, RecordedRequest, startFakeProxy, testCa } from '../support/teleport-servers';

const ca = testCa();
const seen: RecordedRequest[] = [];
let leaf: FakeServer;
let dir: string;
let caFile: string;

beforeAll(async () => {
  dir = tempDir('builtin-names-');
  caFile = path.join(dir, 'ca.pem');
  fs.writeFileSync(caFile, ca.certificatePem);
  leaf = await startFakeProxy({ clusterName: 'leafcluster.example.com', version: '18.0.2', tlsRouting: true }, ca, { log: seen });
});
afterAll(async () => {
  await leaf.close();
  fs.rmSync(dir, { recursive: true, force: true });
});
afterEach(() => clearSecrets());

function configWithAlias(alias: string, addr: string): string {
  const file = path.join(dir, `alias-${alias.replace(/\W/g, '_')}-${seen.length}`, 'cdk.tf.json');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify({ provider: { teleport: [{ alias, addr }] }, resource: { teleport_role: { r: { provider: `teleport.${alias}`, version: 'v7', metadata: { name: 'r' }, spec: {} } } } }));
  return file;
}

const NOT_OURS = /internal error|TypeError|function |\[native code\]|\n\s+at /;

describe.each(['constructor', '__proto__', 'toString', 'hasOwnProperty'])('the NAME %s', (name) => {
  test('--ca-file NAME=FILE and --proxy NAME=HOST:PORT: a plain "matches nothing" warning, never an internal error', async () => {
    const file = configWithAlias('leaf', leaf.address);
    const r = await runCli(['validate', file, '--ca-file', caFile, '--ca-file', `${name}=${caFile}`, '--proxy', `${name}=127.0.0.1:9`, '--json']);
    expect(r.code).toBe(0);
    expect(r.stdout + r.stderr).not.toMatch(NOT_OURS);
    expect(r.report.findings.filter((f: any) => f.check === 'validate.unknown-name').map((f: any) => f.resource).sort()).toEqual([`--ca-file ${name}`, `--proxy ${name}`]);
  });

  test('a provider alias NAME is checked like any other (without and with --proxy)', async () => {
    const before = seen.length;
    const direct = await runCli(['validate', configWithAlias(name, leaf.address), '--ca-file', caFile, '--json']);
    expect(direct.code).toBe(0);
    expect(direct.report.findings).toEqual([]);
    const overridden = await runCli(['validate', configWithAlias(name, 'leafcluster.example.com:443'), '--proxy', `${name}=${leaf.address}`, '--ca-file', `${name}=${caFile}`, '--json']);
    expect(overridden.code).toBe(0);
    expect(overridden.report.findings).toEqual([]);
    expect(seen.slice(before).filter((q) => q.path === '/webapi/find')).toHaveLength(2);
  });

  test('--proxy NAME given twice: the usage error quotes the two values, never a function', async () => {
    const r = await runCli(['validate', configWithAlias('leaf', leaf.address), '--proxy', `${name}=127.0.0.1:1`, '--proxy', `${name}=127.0.0.1:2`]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`cdktf-teleport: --proxy ${name} is given twice (127.0.0.1:1, 127.0.0.1:2)\n`);
  });
});
