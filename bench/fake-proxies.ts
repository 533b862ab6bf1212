// Child process of the validator benchmark: N fake Teleport proxies (test/support/teleport-servers)
// with injected latency, in their own process so their TLS work does not share the validator's
// event loop. Usage: node fake-proxies.js <count> <latencyMs> <caFile>; prints {"addresses":[...]}.
import * as fs from 'fs';
import { FakeServer, startFakeProxy, testCa } from '../test/support/teleport-servers';

async function main(): Promise<void> {
  const [count, latencyMs, caFile] = process.argv.slice(2);
  const ca = testCa();
  fs.writeFileSync(caFile, ca.certificatePem);
  const servers: FakeServer[] = [];
  for (let i = 0; i < Number(count); i++) {
    servers.push(await startFakeProxy({ clusterName: `c${i}.example.com`, version: '18.1.4', tlsRouting: true, latencyMs: Number(latencyMs) }, ca));
  }
  process.stdout.write(JSON.stringify({ addresses: servers.map((s) => s.address) }) + '\n');
  process.stdin.resume();
  process.stdin.on('end', () => Promise.all(servers.map((s) => s.close())).then(() => process.exit(0)));
}

main().catch((e) => {
  process.stderr.write(`fake-proxies: ${(e as Error).message}\n`);
  process.exit(1);
});
