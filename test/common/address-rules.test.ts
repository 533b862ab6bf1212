// One address rule: the same inputs through the three entry points that read addresses (the
// constructs at synth, validate's offline rules on Terraform JSON, the proxy client before it
// builds anything) give the same verdict, with the same message.
import * as fs from 'fs';
import * as path from 'path';
import { TerraformStack, Testing } from 'cdktf';
import { addressProblem } from '../../lib/common/address-rules';
import { canonicalAddress, parseHostPort, sameAddress, splitListenAddress } from '../../lib/common/host-port';
import { loadInput } from '../../lib/config/load';
import { TeleportProvider } from '../../lib/constructs/provider';
import { Role } from '../../lib/constructs/role';
import { JoinToken, TrustedCluster } from '../../lib/constructs/trusted-cluster';
import { ProxyClient, ProxyClientError } from '../../lib/proxy-client';
import { Finding } from '../../lib/report/finding';
import { runOfflineChecks } from '../../lib/validation/rules';
import { tempDir } from '../support/synth';

const GOOD = 'root.example.com:443';

// [input, a valid host:port, a valid tunnel_addr]
const TABLE: [string, boolean, boolean][] = [
  ['root.example.com:443', true, true],
  ['Root.Example.com:3080', true, true],
  ['root_1.example.com:3024', true, true],
  ['10.0.0.1:3024', true, true],
  ['[::1]:443', true, true],
  ['[fd00::1]:3024', true, true],
  ['root.example.com:3023', true, false],
  ['root.example.com:3025', true, false],
  ['a@b:443', false, false],
  ['user:pw@root.example.com:443', false, false],
  ['root.example.com', false, false],
  ['https://root.example.com:443', false, false],
  ['root.example.com:443/webapi/find', false, false],
  ['root.example.com:443?x=1', false, false],
  ['root.example.com:443#x', false, false],
  ['root.example.com:0', false, false],
  ['root.example.com:65536', false, false],
  ['root.example.com:+443', false, false],
  ['root..example.com:443', false, false],
  ['-root.example.com:443', false, false],
  [' root.example.com:443', false, false],
  ['root.example.com :443', false, false],
  ['[::1]', false, false],
  ['::1:443', false, false],
  ['', false, false],
];

let dir: string;
beforeAll(() => {
  dir = tempDir('address-rules-');
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The synth error of a trusted cluster (and a provider) with these addresses, or '' when synth passes. */
function synthError(web: string, tunnel: string, providerAddr: string): string {
  const stack = new TerraformStack(Testing.app(), 'stack');
  new TeleportProvider(stack, 'teleport', { addr: providerAddr });
  new TrustedCluster(stack, 'Root', {
    name: 'root.example.com',
    webProxyAddr: web,
    tunnelAddr: tunnel,
    token: JoinToken.alreadyJoined(),
    roleMap: [{ remote: 'access', local: [Role.fromName(stack, 'Visitor', 'visitor')] }],
  });
  try {
    Testing.synth(stack, true);
    return '';
  } catch (e) {
    return (e as Error).message;
  }
}

/** validate's offline address findings for a cdk.tf.json with these addresses. */
function offlineFindings(web: string, tunnel: string, providerAddr: string): Finding[] {
  const file = path.join(dir, `c${Math.random().toString(36).slice(2)}`, 'cdk.tf.json');
  fs.mkdirSync(path.dirname(file));
  fs.writeFileSync(
    file,
    JSON.stringify({
      provider: { teleport: [{ addr: providerAddr }] },
      resource: {
        teleport_trusted_cluster: {
          root: {
            version: 'v2',
            metadata: { name: 'root.example.com' },
            spec: { web_proxy_addr: web, tunnel_addr: tunnel, role_map: [{ remote: 'access', local: ['visitor'] }] },
          },
        },
      },
    }),
  );
  return runOfflineChecks(loadInput(file)).filter((f) => f.check === 'validate.address-port');
}

function clientVerdict(address: string): string {
  try {
    new ProxyClient({ address }).close().catch(() => undefined);
    return 'accepted';
  } catch (e) {
    expect(e).toBeInstanceOf(ProxyClientError);
    return (e as ProxyClientError).kind;
  }
}

describe.each(TABLE)('%j', (input, valid, tunnelOk) => {
  test('the parser', () => {
    expect(parseHostPort(input) !== undefined).toBe(valid);
  });

  test('as web_proxy_addr and provider addr: constructs, validate and the client agree', () => {
    const synth = synthError(input, GOOD, input);
    const offline = offlineFindings(input, GOOD, input);
    const expected = addressProblem('web_proxy_addr', input);
    expect(expected === undefined).toBe(valid);
    expect(clientVerdict(input)).toBe(valid ? 'accepted' : 'not-allowed');
    if (valid) {
      expect(synth).toBe('');
      expect(offline).toEqual([]);
      return;
    }
    const provider = addressProblem('provider_addr', input)!;
    expect(synth).toContain(`field "spec.web_proxy_addr": ${expected!.message} Fix: ${expected!.fix}`);
    expect(synth).toContain(`field "addr": ${provider.message} Fix: ${provider.fix}`);
    expect(offline.map((f) => [f.resource, f.path, f.severity, f.message, f.fix])).toEqual([
      ['teleport_trusted_cluster.root', 'spec.web_proxy_addr', 'error', expected!.message, expected!.fix],
      ['provider.teleport', 'addr', 'error', provider.message, provider.fix],
    ]);
  });

  test('as tunnel_addr: constructs and validate agree', () => {
    const synth = synthError(GOOD, input, GOOD);
    const offline = offlineFindings(GOOD, input, GOOD);
    const expected = addressProblem('tunnel_addr', input);
    expect(expected === undefined).toBe(tunnelOk);
    if (tunnelOk) {
      expect(synth).toBe('');
      expect(offline).toEqual([]);
      return;
    }
    expect(synth).toContain(`[stack/Root] field "spec.tunnel_addr": ${expected!.message} Fix: ${expected!.fix}`);
    expect(offline.map((f) => [f.path, f.severity, f.message, f.fix])).toEqual([['spec.tunnel_addr', 'error', expected!.message, expected!.fix]]);
  });
});

test('the messages name what is wrong and where the tunnel is', () => {
  expect(addressProblem('web_proxy_addr', 'a@b:443')!.message).toBe(
    '"a@b:443" is not host:port (a host and a port only: no scheme, path, query or user). Teleport dials the web proxy exactly as written and adds no default port.',
  );
  expect(addressProblem('tunnel_addr', 'r:3023')).toEqual({
    message: '"r:3023" is the Proxy Service\'s SSH port (3023), not the reverse tunnel: the leaf\'s tunnel would never come up.',
    fix: expect.stringContaining('usually port 3024'),
  });
  expect(addressProblem('web_proxy_addr', 'r:3023')).toBeUndefined();
});

test('canonical form, comparison, and listener addresses as a server reports them', () => {
  expect(canonicalAddress('Root.Example.COM:443')).toBe('root.example.com:443');
  expect(sameAddress('ROOT.example.com:443', 'root.example.com:443')).toBe(true);
  expect(sameAddress('root.example.com:443', 'root.example.com:3080')).toBe(false);
  expect(sameAddress('a@b:443', 'a@b:443')).toBe(false);
  expect(splitListenAddress('0.0.0.0:3080')).toEqual({ host: '0.0.0.0', port: '3080' });
  expect(splitListenAddress(':3024')).toEqual({ host: '', port: '3024' });
  expect(splitListenAddress('[::]:443')).toEqual({ host: '[::]', port: '443' });
});
