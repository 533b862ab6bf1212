// The validator against many clusters: a config naming 50 clusters, 50 local HTTPS servers with
// 20 ms of injected latency (in a child process), checked concurrently (pool size from
// lib/validation/live/pool.ts), against one cluster's check. Medians of 5 runs after a warm-up.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { POOL_SIZE } from '../lib/validation/live/pool';
import { runValidate } from '../lib/validation/run';
import { spawn } from 'child_process';
import * as https from 'https';
import * as tls from 'tls';
import { Target, atMost, median, round } from './stats';

const CLUSTERS = 50;
const LATENCY_MS = 20;

function configWith(dir: string, n: number): string {
  const file = path.join(dir, `clusters-${n}`, 'cdk.tf.json');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const providers = Array.from({ length: n }, (_, i) => ({ alias: `c${i}`, addr: `c${i}.example.com:443` }));
  fs.writeFileSync(file, JSON.stringify({ provider: { teleport: providers } }));
  return file;
}

export async function validatorBench(): Promise<{ targets: Target[]; details: Record<string, unknown> }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'validator-bench-'));
  const caFile = path.join(dir, 'ca.pem');
  const child = spawn(process.execPath, [path.join(__dirname, 'fake-proxies.js'), String(CLUSTERS), String(LATENCY_MS), caFile], { stdio: ['pipe', 'pipe', 'inherit'] });
  try {
    const addresses: string[] = await new Promise((resolve, reject) => {
      let out = '';
      child.stdout!.on('data', (d) => {
        out += d;
        if (out.includes('\n')) resolve(JSON.parse(out).addresses);
      });
      child.once('exit', (code) => reject(new Error(`fake proxies exited (${code})`)));
    });
    const proxies = new Map(addresses.map((a, i) => [`c${i}`, a]));
    const time = async (file: string) => {
      const t = process.hrtime.bigint();
      const { findings } = await runValidate(file, { proxies, caFiles: new Map([['*', [caFile]]]), timeoutMs: 10_000 });
      if (findings.some((f) => f.severity === 'error')) throw new Error(`validator bench: unexpected errors ${JSON.stringify(findings[0])}`);
      return Number(process.hrtime.bigint() - t) / 1e6;
    };
    const one = configWith(dir, 1);
    const many = configWith(dir, CLUSTERS);
    await time(one);
    await time(many);
    const oneMs: number[] = [];
    const manyMs: number[] = [];
    for (let i = 0; i < 5; i++) {
      oneMs.push(await time(one));
      manyMs.push(await time(many));
    }
    // The floor: plain https.get of /webapi/find to all the servers at once, nothing else. On a
    // 2-core machine that hosts the servers too, TLS handshakes (both sides) dominate.
    const context = tls.createSecureContext({ ca: fs.readFileSync(caFile) });
    const floor = async () => {
      const t = process.hrtime.bigint();
      await Promise.all(addresses.map((a) => new Promise<void>((resolve, reject) => {
        const [host, port] = a.split(':');
        https.get({ host, port, path: '/webapi/find', secureContext: context, agent: false } as https.RequestOptions, (r) => r.resume().on('end', resolve)).on('error', reject);
      })));
      return Number(process.hrtime.bigint() - t) / 1e6;
    };
    await floor();
    const floorMs: number[] = [];
    for (let i = 0; i < 5; i++) floorMs.push(await floor());
    const ratio = median(manyMs) / median(oneMs);
    return {
      targets: [
        atMost(`validate ${CLUSTERS} clusters / 1 cluster (${LATENCY_MS} ms latency, pool ${POOL_SIZE})`, ratio, 3, 'ratio'),
        // Our own cost: the same 50 clusters against plain concurrent https.get of /webapi/find to the
        // same servers (the floor; on 2 cores that also host the servers, TLS handshakes dominate it).
        atMost(`validate ${CLUSTERS} clusters / raw https to the same ${CLUSTERS} servers (the floor)`, median(manyMs) / median(floorMs), 1.5, 'ratio'),
      ],
      details: {
        clusters: CLUSTERS,
        latencyMs: LATENCY_MS,
        poolSize: POOL_SIZE,
        oneClusterMedianMs: round(median(oneMs)),
        manyClustersMedianMs: round(median(manyMs)),
        rawHttpsFloorMs: round(median(floorMs)),
        floorOverOneCluster: round(median(floorMs) / median(oneMs), 2),
        validatorOverFloor: round(median(manyMs) / median(floorMs), 2),
      },
    };
  } finally {
    child.stdin!.end();
    child.kill();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
