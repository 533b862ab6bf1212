import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/** A fresh temporary directory, removed by the returned cleanup. */
export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** Every file below `dir`, relative, sorted. */
export function filesBelow(dir: string, base = dir): string[] {
  if (!fs.existsSync(dir)) return [];
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...filesBelow(full, base));
    else out.push(path.relative(base, full));
  }
  return out.sort();
}

/** Reads a synthesized stack's cdk.tf.json from an outdir. */
export function readStack(outdir: string, stack: string): any {
  return JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', stack, 'cdk.tf.json'), 'utf8'));
}
