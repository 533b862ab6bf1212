// The offline check of a 5,000-resource cdk.tf.json (the synth bench's largest constructs output):
// resources per second after load (validators loaded by one run, then three unmeasured runs for the
// JIT), median of 15 runs.
import * as fs from 'fs';
import { checkConfig } from '../lib/check';
import { Target, atLeast, median, round } from './stats';

export function checkBench(file: string): { targets: Target[]; details: Record<string, unknown> } {
  const doc = JSON.parse(fs.readFileSync(file, 'utf8'));
  const resources = Object.values(doc.resource as Record<string, object>).reduce((n, byName) => n + Object.keys(byName).length, 0);
  const loadStart = process.hrtime.bigint();
  const findings = checkConfig(doc);
  const firstMs = Number(process.hrtime.bigint() - loadStart) / 1e6;
  if (findings.some((f) => f.severity === 'error')) throw new Error(`check bench: the document has errors: ${JSON.stringify(findings[0])}`);
  for (let i = 0; i < 3; i++) checkConfig(doc); // let the JIT settle before measuring
  const rates: number[] = [];
  for (let i = 0; i < 15; i++) {
    const t = process.hrtime.bigint();
    checkConfig(doc);
    rates.push(resources / (Number(process.hrtime.bigint() - t) / 1e9));
  }
  return {
    targets: [atLeast(`offline check of ${resources} resources, after load`, median(rates), 100000, 'resources/s')],
    details: { resources, firstRunMsIncludingLoad: round(firstMs), medianResourcesPerSecond: round(median(rates), 0) },
  };
}
