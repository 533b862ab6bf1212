// Property-based fuzzing (issue 10, item 4): the example stacks and the plan fixtures, mutated (types
// swapped, nulls, deep nesting, huge strings, JavaScript builtin names as keys and values, Terraform's
// array form), must make `check` and `validate --offline` end with exit 0, 1 or 2, never an
// "internal error" and never a stack trace; tctl YAML mutated the same way must make TctlResources
// either build or fail with an error that names the construct, never a TypeError or the like.
// Seeded and bounded in count and time; run in-process through the CLI's main() for speed.
import * as fs from 'fs';
import * as path from 'path';
import * as fc from 'fast-check';
import { Testing } from 'cdktf';
import * as YAML from 'yaml';
import { buildExamples } from '../../examples/main';
import { TctlResources } from '../../lib';
import { main } from '../../lib/cli/main';
import { clearSecrets } from '../../lib/report/redact';
import { newStack } from '../support/constructs';
import { tempDir } from '../support/synth';
import { BUILTINS, mutate, mutationsArb, serialize } from './mutate';

const SEED = 20251202;
const TIME_LIMIT_MS = 90_000;
const PLANS = path.join(__dirname, '..', 'fixtures', 'plans');
const YAML_DIR = path.join(__dirname, '..', '..', 'examples', 'from-yaml');
const STACK_TRACE = /\n\s+at .+[:(]\d+:\d+|internal error/;

let dir: string;
const stacks = new Map<string, unknown>();
const plans = new Map<string, unknown>();
beforeAll(() => {
  dir = tempDir('fuzz-');
  const out = path.join(dir, 'cdktf.out');
  buildExamples(out).synth();
  for (const name of fs.readdirSync(path.join(out, 'stacks')).sort())
    stacks.set(name, JSON.parse(fs.readFileSync(path.join(out, 'stacks', name, 'cdk.tf.json'), 'utf8')));
  for (const f of fs.readdirSync(PLANS).sort()) plans.set(f, JSON.parse(fs.readFileSync(path.join(PLANS, f), 'utf8')));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

let n = 0;
async function run(args: string[]): Promise<{ code: number; out: string }> {
  const io = { text: '', out: (t: string) => void (io.text += t), err: (t: string) => void (io.text += t) };
  try {
    const code = await main(args, io);
    return { code, out: io.text };
  } finally {
    clearSecrets();
  }
}

/** Runs a command on a mutated file; returns a description of what went wrong, or undefined. */
async function judge(command: string[], file: string): Promise<string | undefined> {
  const { code, out } = await run([...command, file, '--json']);
  if (![0, 1, 2].includes(code)) return `${command.join(' ')}: exit ${code}`;
  if (STACK_TRACE.test(out)) return `${command.join(' ')}: ${out.slice(0, 2000)}`;
  const report = JSON.parse(out.slice(0, out.lastIndexOf('}') + 1));
  if (report.schemaVersion !== 1) return `${command.join(' ')}: no report`;
  return undefined;
}

function writeCase(name: string, text: string): string {
  const d = path.join(dir, `case-${n++}`);
  fs.mkdirSync(d);
  fs.writeFileSync(path.join(d, name), text);
  return path.join(d, name);
}

const options = (numRuns: number) => ({ seed: SEED, numRuns, interruptAfterTimeLimit: TIME_LIMIT_MS, endOnFailure: true });

test('mutated example stacks: check and validate --offline end with 0, 1 or 2, never an internal error', async () => {
  const names = [...stacks.keys()];
  await fc.assert(
    fc.asyncProperty(fc.constantFrom(...names), mutationsArb, async (name, mutations) => {
      const file = writeCase('cdk.tf.json', serialize(mutate(stacks.get(name), mutations)));
      for (const command of [['check'], ['validate', '--offline']]) {
        const problem = await judge(command, file);
        if (problem) throw new Error(`${name} ${JSON.stringify(mutations)}: ${problem}`);
      }
      fs.rmSync(path.dirname(file), { recursive: true, force: true });
    }),
    options(150),
  );
});

test('mutated plans: validate --offline (and check) end with 0, 1 or 2, never an internal error', async () => {
  const names = [...plans.keys()];
  await fc.assert(
    fc.asyncProperty(fc.constantFrom(...names), mutationsArb, async (name, mutations) => {
      const file = writeCase(name, serialize(mutate(plans.get(name), mutations)));
      for (const command of [['validate', '--offline'], ['check']]) {
        const problem = await judge(command, file);
        if (problem) throw new Error(`${name} ${JSON.stringify(mutations)}: ${problem}`);
      }
      fs.rmSync(path.dirname(file), { recursive: true, force: true });
    }),
    options(150),
  );
});

const INTERNAL = [TypeError, RangeError, ReferenceError, SyntaxError];

test('mutated tctl YAML: TctlResources builds, or fails naming the construct; never a TypeError or the like', () => {
  const docs = ['visitor.yaml', 'trusted_cluster.yaml'].map((f) => YAML.parse(fs.readFileSync(path.join(YAML_DIR, f), 'utf8')));
  const tags = ['!!js/function', '!custom', '!!set', '!!binary', '!!str', '!!timestamp'];
  fc.assert(
    fc.property(
      fc.constantFrom(0, 1),
      mutationsArb,
      fc.option(fc.constantFrom(...tags)),
      fc.option(fc.constantFrom(...BUILTINS)),
      (which, mutations, tag, roleName) => {
        const mutated = mutate(
          docs[which],
          mutations.filter((m) => m.op !== 'deep' && m.op !== 'huge'),
        );
        let text = [YAML.stringify(docs[1 - which]), YAML.stringify(mutated)].join('---\n');
        if (tag) text = text.replace(/: (\w+)\n/, `: ${tag} $1\n`);
        // The guide's role, defined in one document and mapped in the other, named like a builtin.
        if (roleName) text = text.replace(/\bvisitor\b/g, roleName);
        const stack = newStack();
        try {
          TctlResources.fromYaml(stack, 'Fuzz', text);
          Testing.synth(stack, true);
        } catch (e) {
          const err = e as Error;
          if (INTERNAL.some((k) => err instanceof k) || !/stack\/Fuzz|\[stack\/Fuzz/.test(err.message)) {
            throw new Error(
              `${JSON.stringify(mutations)} ${tag ?? ''} ${roleName ?? ''}: ${err.constructor.name}: ${err.message.slice(0, 500)}\n${text.slice(0, 1500)}`,
              { cause: e },
            );
          }
        }
      },
    ),
    options(120),
  );
});

test('the mutator makes what it promises: builtin keys stay own keys through serialization', () => {
  const doc = mutate({ a: { b: 1 } }, [{ at: 2, op: 'builtin-key', key: '__proto__', scalar: null, depth: 0 }]);
  expect(serialize(doc)).toBe('{"a":{"__proto__":1}}');
  expect(BUILTINS).toContain('constructor');
  expect(serialize(mutate({ a: 1 }, [{ at: 1, op: 'deep', key: 'x', scalar: null, depth: 3 }]))).toBe('{"a":[[["x"]]]}');
});
