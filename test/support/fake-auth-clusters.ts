// A root and a leaf as validate sees them with identities: each a fake web API (/webapi/find,
// TLS routing on) and a fake Auth Service behind a fake TLS-routing front (the address validate
// dials), the web CA in a file, and an identity file per cluster written in Teleport's layout
// (the root's with an RSA PKCS#1 key, the leaf's with RSA PKCS#8).
import * as fs from 'fs';
import * as path from 'path';
import { ALLOWED_METHODS } from '../../lib/auth-client';
import { tempDir } from './synth';
import { AuthCall, AuthFixtures, FakeAuth, startFakeAuth } from './fake-auth';
import { TestCluster, testCluster, testIdentity } from './fake-auth-identity';
import { TlsRouter, startTlsRouter } from './fake-auth-proxy';
import { FakeCluster, FakeServer, startFakeProxy, testCa } from './teleport-servers';

export const ROOT_NAME = 'rootcluster.example.com';
export const LEAF_NAME = 'leafcluster.example.com';

export interface Side {
  readonly cluster: TestCluster;
  readonly web: FakeServer;
  readonly auth: FakeAuth;
  readonly front: TlsRouter;
  /** The identity file for this cluster. */
  readonly identityFile: string;
  /** Its content's secrets: the key PEM and the certificate serial. */
  readonly secrets: readonly string[];
}

export interface IdentityClusters {
  readonly dir: string;
  readonly caFile: string;
  readonly root: Side;
  readonly leaf: Side;
  /** Every method both Auth Services received, for the whole run. */
  readonly calls: AuthCall[];
  /** --proxy and --ca-file for both clusters, by provider alias. */
  readonly proxyArgs: string[];
  reset(): void;
  close(): Promise<void>;
}

export const rootFixtures = (): AuthFixtures => ({ clusterName: ROOT_NAME, version: '18.1.4', roles: ['access', 'editor', 'auditor'] });
export const leafFixtures = (): AuthFixtures => ({ clusterName: LEAF_NAME, version: '18.1.4', roles: ['access', 'editor', 'auditor'] });
const web = (name: string): FakeCluster => ({ clusterName: name, version: '18.1.4', tlsRouting: true });

export async function startIdentityClusters(prefix: string): Promise<IdentityClusters> {
  const dir = tempDir(prefix);
  const ca = testCa();
  const caFile = path.join(dir, 'web-ca.pem');
  fs.writeFileSync(caFile, ca.certificatePem);
  const calls: AuthCall[] = [];
  const side = async (name: string, fixtures: AuthFixtures, key: 'rsa-pkcs1' | 'rsa-pkcs8'): Promise<Side> => {
    const cluster = testCluster(name);
    const webServer = await startFakeProxy(web(name), ca);
    const auth = await startFakeAuth(cluster, fixtures, { log: calls });
    const front = await startTlsRouter({ clusterName: name, web: webServer.address, auth: auth.address });
    const id = testIdentity(cluster, { key });
    const identityFile = path.join(dir, `identity-${name.split('.')[0]}`);
    fs.writeFileSync(identityFile, id.text, { mode: 0o600 });
    return { cluster, web: webServer, auth, front, identityFile, secrets: [id.keyPem.split('\n')[1], id.serial] };
  };
  const root = await side(ROOT_NAME, rootFixtures(), 'rsa-pkcs1');
  const leaf = await side(LEAF_NAME, leafFixtures(), 'rsa-pkcs8');
  return {
    dir,
    caFile,
    root,
    leaf,
    calls,
    proxyArgs: ['--proxy', `root=${root.front.address}`, '--proxy', `leaf=${leaf.front.address}`, '--ca-file', caFile],
    reset() {
      root.auth.fixtures = rootFixtures();
      leaf.auth.fixtures = leafFixtures();
      root.auth.faults = {};
      leaf.auth.faults = {};
      root.web.cluster = web(ROOT_NAME);
      leaf.web.cluster = web(LEAF_NAME);
    },
    async close() {
      for (const s of [root, leaf]) await Promise.all([s.front.close(), s.auth.close(), s.web.close()]);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const ONE_STACK_PLAN = path.join(__dirname, '..', 'fixtures', 'plans', 'one-stack.plan.json');
export const ONE_STACK_TOKEN = 'teleport_provision_token.RootToLeaf_JoinToken_9E6806E5';
export const ONE_STACK_TC = 'teleport_trusted_cluster.RootToLeaf_TrustedCluster_D855BD21';

/** A resource's change and planned values in a plan document. */
export const change = (plan: any, address: string) => plan.resource_changes.find((c: any) => c.address === address).change;
export const planned = (plan: any, address: string) => plan.planned_values.root_module.resources.find((r: any) => r.address === address).values;

/**
 * The one-stack plan (terraform-check's fixture) with `edit` applied, written to `dir`; its token's
 * expiry is moved an hour ahead, as it was on plan day (the fixture's literal date has passed).
 */
export function oneStackPlan(dir: string, name: string, edit: (plan: any) => void = () => undefined): string {
  const plan = JSON.parse(fs.readFileSync(ONE_STACK_PLAN, 'utf8'));
  const inAnHour = new Date(Date.now() + 3_600_000).toISOString();
  change(plan, ONE_STACK_TOKEN).after.metadata.expires = inAnHour;
  planned(plan, ONE_STACK_TOKEN).metadata.expires = inAnHour;
  edit(plan);
  const file = path.join(dir, `${name}.plan.json`);
  fs.writeFileSync(file, JSON.stringify(plan));
  return file;
}

/** Methods in `calls` that are not reads on the allow-list (what a test asserts is empty). */
export function nonReads(calls: readonly AuthCall[]): string[] {
  return calls.map((c) => c.method).filter((m) => !ALLOWED_METHODS.has(m) || /\/(Create|Update|Upsert|Delete|Generate)/.test(m));
}
