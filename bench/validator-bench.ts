// The validator against many clusters: a config naming 50 clusters, 50 local HTTPS servers with
// 20 ms of injected latency (in a child process), checked concurrently (pool size from
// lib/validation/live/pool.ts), alternating with the floors. The target: against the raw-HTTPS
// floor to the same 50 servers. Reported beside it: against one cluster's check (on 2 cores that also host the 50 servers, the
// floor alone is several times one cluster, so no target fits that ratio here), and the same
// requests through undici (the validator's HTTP client) to show where the rest goes. Medians of 9
// runs after a warm-up.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { POOL_SIZE } from '../lib/validation/live/pool';
import { runValidate } from '../lib/validation/run';
import { spawn } from 'child_process';
import * as https from 'https';
import * as tls from 'tls';
import { Agent, request } from 'undici';
import { Figure, Target, atMost, figure, median, round } from './stats';

const CLUSTERS = 50;
const LATENCY_MS = 20;
const RUNS = 9;

interface Timed {
  readonly ms: number;
  readonly cpuMs: number;
}

/** Wall time and this process's CPU time of one run. */
async function timed(run: () => Promise<unknown>): Promise<Timed> {
  const cpu = process.cpuUsage();
  const t = process.hrtime.bigint();
  await run();
  const used = process.cpuUsage(cpu);
  return { ms: Number(process.hrtime.bigint() - t) / 1e6, cpuMs: (used.user + used.system) / 1000 };
}

function configWith(dir: string, n: number): string {
  const file = path.join(dir, `clusters-${n}`, 'cdk.tf.json');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const providers = Array.from({ length: n }, (_, i) => ({ alias: `c${i}`, addr: `c${i}.example.com:443` }));
  fs.writeFileSync(file, JSON.stringify({ provider: { teleport: providers } }));
  return file;
}

export async function validatorBench(): Promise<{ targets: Target[]; figures: Figure[]; details: Record<string, unknown> }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'validator-bench-'));
  const caFile = path.join(dir, 'ca.pem');
  const child = spawn(process.execPath, [path.join(__dirname, 'fake-proxies.js'), String(CLUSTERS), String(LATENCY_MS), caFile], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
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
    const one = configWith(dir, 1);
    const many = configWith(dir, CLUSTERS);
    // The floor: plain https.get of /webapi/find to all the servers at once, nothing else. On a
    // 2-core machine that hosts the servers too, TLS handshakes (both sides) dominate.
    const context = tls.createSecureContext({ ca: fs.readFileSync(caFile) });
    const floor = () =>
      timed(() =>
        Promise.all(
          addresses.map(
            (a) =>
              new Promise<void>((resolve, reject) => {
                const [host, port] = a.split(':');
                https
                  .get({ host, port, path: '/webapi/find', secureContext: context, agent: false } as https.RequestOptions, (r) =>
                    r.resume().on('end', resolve),
                  )
                  .on('error', reject);
              }),
          ),
        ),
      );
    // Where the validator's time goes beyond the floor: the same requests through undici, one Agent
    // per server as lib/proxy-client's transport makes (its HTTP client), read and closed.
    const undiciFloor = () =>
      timed(() =>
        Promise.all(
          addresses.map(async (a) => {
            const agent = new Agent({ connect: { secureContext: context } });
            try {
              await (await request(`https://${a}/webapi/find`, { dispatcher: agent })).body.text();
            } finally {
              await agent.close();
            }
          }),
        ),
      );
    const validate = (file: string) =>
      timed(async () => {
        const { findings } = await runValidate(file, { proxies, caFiles: new Map([['*', [caFile]]]), timeoutMs: 10_000 });
        if (findings.some((f) => f.severity === 'error')) throw new Error(`validator bench: unexpected errors ${JSON.stringify(findings[0])}`);
      });
    await validate(one);
    await validate(many);
    await floor();
    await undiciFloor();
    // Alternating, so that a busy moment of the machine weighs on every kind alike.
    const oneRuns: Timed[] = [];
    const manyRuns: Timed[] = [];
    const floorRuns: Timed[] = [];
    const undiciRuns: Timed[] = [];
    for (let i = 0; i < RUNS; i++) {
      oneRuns.push(await validate(one));
      manyRuns.push(await validate(many));
      floorRuns.push(await floor());
      undiciRuns.push(await undiciFloor());
    }
    const wall = (runs: Timed[]) => median(runs.map((r) => r.ms));
    const cpu = (runs: Timed[]) => round(median(runs.map((r) => r.cpuMs)));
    const [oneMs, manyMs, floorMs, undiciMs] = [wall(oneRuns), wall(manyRuns), wall(floorRuns), wall(undiciRuns)];
    const ratio = manyMs / oneMs;
    return {
      // Our own cost: the same 50 clusters against plain concurrent https.get of /webapi/find to the
      // same servers (the floor; on 2 cores that also host the servers, TLS handshakes dominate it).
      targets: [atMost(`validate ${CLUSTERS} clusters / raw https to the same ${CLUSTERS} servers (the floor)`, manyMs / floorMs, 1.25, 'ratio')],
      figures: [
        figure(`validate ${CLUSTERS} clusters / 1 cluster (${LATENCY_MS} ms latency, pool ${POOL_SIZE})`, ratio, 'ratio'),
        figure(`raw https to ${CLUSTERS} servers (the floor) / validate 1 cluster`, floorMs / oneMs, 'ratio'),
        figure(`undici to ${CLUSTERS} servers, an Agent each / raw https (the floor)`, undiciMs / floorMs, 'ratio'),
        figure(`validate ${CLUSTERS} clusters / undici to the same servers`, manyMs / undiciMs, 'ratio'),
      ],
      details: {
        clusters: CLUSTERS,
        latencyMs: LATENCY_MS,
        poolSize: POOL_SIZE,
        runs: RUNS,
        oneClusterMedianMs: round(oneMs),
        manyClustersMedianMs: round(manyMs),
        rawHttpsFloorMs: round(floorMs),
        undiciFloorMs: round(undiciMs),
        floorOverOneCluster: round(floorMs / oneMs, 2),
        validatorOverFloor: round(manyMs / floorMs, 2),
        undiciOverFloor: round(undiciMs / floorMs, 2),
        validatorOverUndici: round(manyMs / undiciMs, 2),
        // CPU of this process (the client side; the servers run in another process) per run, medians.
        clientCpuMs: { validate50: cpu(manyRuns), validate1: cpu(oneRuns), rawHttps: cpu(floorRuns), undici: cpu(undiciRuns) },
      },
    };
  } finally {
    child.stdin!.end();
    child.kill();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
