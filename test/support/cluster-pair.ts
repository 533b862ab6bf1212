// A root and a leaf fake proxy with one test CA, the CA in a file, a shared request log and a
// directory for configurations: what most live validate tests start from.
import * as fs from 'fs';
import * as path from 'path';
import { ProxyClientError } from '../../lib/proxy-client';
import { tempDir } from './synth';
import { FakeCluster, FakeServer, RecordedRequest, startFakeProxy, testCa } from './teleport-servers';

export const ROOT_CLUSTER: FakeCluster = {
  clusterName: 'rootcluster.example.com',
  version: '18.1.4',
  tlsRouting: true,
  publicAddr: 'rootcluster.example.com:443',
};
export const LEAF_CLUSTER: FakeCluster = { clusterName: 'leafcluster.example.com', version: '18.0.2', tlsRouting: true };

/** A leaf's configuration: its provider and a trusted cluster to the root, both by the clusters' names. */
export const LEAF_STACK = {
  provider: { teleport: [{ addr: 'leafcluster.example.com:443' }] },
  resource: {
    teleport_trusted_cluster: {
      root: {
        version: 'v2',
        metadata: { name: 'rootcluster.example.com' },
        spec: {
          web_proxy_addr: 'rootcluster.example.com:443',
          tunnel_addr: 'rootcluster.example.com:443',
          role_map: [{ remote: 'access', local: ['access'] }],
        },
      },
    },
  },
};

export interface ClusterPair {
  readonly root: FakeServer;
  readonly leaf: FakeServer;
  readonly ca: ReturnType<typeof testCa>;
  readonly caFile: string;
  /** Every request both servers received, for the whole file; never reset. */
  readonly seen: RecordedRequest[];
  /** A `cdk.tf.json` written under the pair's directory, in a directory of its own. */
  writeConfig(name: string, config: unknown): string;
  /** Back to the clusters the pair started with, no faults. */
  reset(): void;
  close(): Promise<void>;
}

export async function startClusterPair(prefix: string, rootCluster = ROOT_CLUSTER, leafCluster = LEAF_CLUSTER): Promise<ClusterPair> {
  const dir = tempDir(prefix);
  const ca = testCa();
  const caFile = path.join(dir, 'ca.pem');
  fs.writeFileSync(caFile, ca.certificatePem);
  const seen: RecordedRequest[] = [];
  const root = await startFakeProxy(rootCluster, ca, { log: seen });
  const leaf = await startFakeProxy(leafCluster, ca, { log: seen });
  return {
    root,
    leaf,
    ca,
    caFile,
    seen,
    writeConfig: (name, config) => {
      const file = path.join(dir, name, 'cdk.tf.json');
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, JSON.stringify(config));
      return file;
    },
    reset: () => {
      root.cluster = { ...rootCluster };
      leaf.cluster = { ...leafCluster };
      root.faults = {};
      leaf.faults = {};
    },
    close: async () => {
      await Promise.all([root.close(), leaf.close()]);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The ProxyClientError a promise rejects with; fails the test if it resolves or rejects with anything else. */
export async function proxyFailure(p: Promise<unknown>): Promise<ProxyClientError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(ProxyClientError);
    return e as ProxyClientError;
  }
  throw new Error('expected a ProxyClientError');
}
