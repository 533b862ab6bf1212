// Hostile input through `export`: mutated example stacks (test/fuzz/mutate.ts) end with exit 0, 1 or
// 2, never an internal error, and print nothing that steers a terminal; any string in a name, a label
// or a login comes out of the YAML exactly as it went in (or as a placeholder), escaped where unsafe.
// Seeded and bounded in count and time; run in-process through the CLI's main().
import * as fs from 'fs';
import * as path from 'path';
import * as fc from 'fast-check';
import { buildExamples } from '../../examples/main';
import { ExportFormat, TeleportExport } from '../../lib';
import { main } from '../../lib/cli/main';
import { clearSecrets } from '../../lib/report/redact';
import { mutate, mutationsArb, serialize } from '../fuzz/mutate';
import { tempDir } from '../support/synth';
import { UNSAFE, documents } from './support';

const SEED = 20261202;
const TIME_LIMIT_MS = 60_000;
const STACK_TRACE = /\n\s+at .+[:(]\d+:\d+|internal error/;
const options = (numRuns: number) => ({ seed: SEED, numRuns, interruptAfterTimeLimit: TIME_LIMIT_MS, endOnFailure: true });

let dir: string;
const stacks = new Map<string, unknown>();
beforeAll(() => {
  process.env.CDKTF_TELEPORT_QUIET = '1';
  dir = tempDir('export-fuzz-');
  const out = path.join(dir, 'cdktf.out');
  buildExamples(out).synth();
  for (const name of fs.readdirSync(path.join(out, 'stacks')).sort())
    stacks.set(name, JSON.parse(fs.readFileSync(path.join(out, 'stacks', name, 'cdk.tf.json'), 'utf8')));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const io = { stdout: '', stderr: '', out: (t: string) => void (io.stdout += t), err: (t: string) => void (io.stderr += t) };
  try {
    return { code: await main(args, io), stdout: io.stdout, stderr: io.stderr };
  } finally {
    clearSecrets();
  }
}

let n = 0;
test('mutated example stacks: export ends with 0, 1 or 2, never an internal error; the output is safe and parses', async () => {
  await fc.assert(
    fc.asyncProperty(fc.constantFrom(...stacks.keys()), mutationsArb, fc.constantFrom('tctl', 'operator'), async (name, mutations, to) => {
      const d = path.join(dir, `case-${n++}`);
      fs.mkdirSync(d);
      const file = path.join(d, 'cdk.tf.json');
      fs.writeFileSync(file, serialize(mutate(stacks.get(name), mutations)));
      const { code, stdout, stderr } = await run(['export', file, '--to', to]);
      const where = `${name} ${to} ${JSON.stringify(mutations)}`;
      if (![0, 1, 2].includes(code)) throw new Error(`${where}: exit ${code}`);
      if (STACK_TRACE.test(stdout + stderr)) throw new Error(`${where}: ${(stdout + stderr).slice(0, 2000)}`);
      if (UNSAFE.test(stdout + stderr)) throw new Error(`${where}: unsafe output`);
      if (code === 0) documents(stdout);
      fs.rmSync(d, { recursive: true, force: true });
    }),
    options(300),
  );
});

test('any string in a name, a label or a login comes back exactly from the tctl YAML (or as a placeholder)', () => {
  const text = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 30 }),
    fc.constantFrom('\u001b[2J', '\u202e', '\r\n# x: y', "'", '"', '- a', '&a *a', '${var.x}', '%{ if x }', ''),
  );
  fc.assert(
    fc.property(text, text, text, text, (name, key, value, login) => {
      const config = {
        resource: {
          teleport_role: { r: { version: 'v7', metadata: { name, labels: { [key]: value } }, spec: { allow: { logins: [login] } } } },
          teleport_trusted_cluster: { t: { version: 'v2', metadata: { name }, spec: { token: value, web_proxy_addr: login } } },
        },
      };
      for (const format of [ExportFormat.TCTL, ExportFormat.OPERATOR]) {
        const result = TeleportExport.fromConfig([{ name: key, config }], { format });
        const all = result.files.map((f) => f.content).join('\n');
        if (UNSAFE.test(result.files.map((f) => f.content).join('')))
          throw new Error(`${format}: unsafe output for ${JSON.stringify([name, key, value, login])}`);
        if (format !== ExportFormat.TCTL) {
          const docs = result.files.flatMap((f) => documents(f.content));
          if (docs.some((d) => d.kind === 'Secret' && d.stringData !== undefined)) throw new Error(`the literal token is in a Secret: ${all}`);
          continue;
        }
        const [role, cluster] = documents(result.files[0].content);
        if (!/^\$\{[A-Za-z0-9_]+\}$/.test(cluster.spec.token))
          throw new Error(`the token is not a placeholder: ${JSON.stringify(cluster.spec.token)}`);
        const same = (got: unknown, want: string) =>
          got === want || (typeof got === 'string' && /\$\{|%\{/.test(want) && /^\$\{[A-Za-z0-9_]+\}$/.test(got));
        if (
          !same(role.metadata.name, name) ||
          !same(role.spec.allow.logins[0], login) ||
          !same(role.metadata.labels[key], value) ||
          !same(cluster.spec.web_proxy_addr, login)
        ) {
          throw new Error(`changed on the way: ${JSON.stringify([name, key, value, login])} -> ${JSON.stringify([role, cluster])}`);
        }
      }
    }),
    options(300),
  );
});
