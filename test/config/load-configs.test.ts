import * as fs from 'fs';
import * as path from 'path';
import { loadConfigs } from '../../lib/config';
import { tempDir } from '../support/synth';

describe('loadConfigs', () => {
  let dir: string;
  const doc = (name: string) => ({ '//': { metadata: { stackName: name } } });
  const write = (file: string, content: string) => {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
  };
  beforeEach(() => (dir = tempDir('load-configs-')));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('a stack directory', () => {
    write(path.join(dir, 'one', 'cdk.tf.json'), JSON.stringify(doc('one')));
    const file = path.join(dir, 'one', 'cdk.tf.json');
    expect(loadConfigs(path.join(dir, 'one'))).toEqual([{ name: 'one', file, config: doc('one'), files: [{ file, config: doc('one') }] }]);
  });

  test('a cdk.tf.json file', () => {
    const file = path.join(dir, 'two', 'cdk.tf.json');
    write(file, JSON.stringify(doc('two')));
    expect(loadConfigs(file)).toEqual([{ name: 'two', file, config: doc('two'), files: [{ file, config: doc('two') }] }]);
  });

  test('a cdktf.out directory: every stacks/*/cdk.tf.json, sorted', () => {
    const out = path.join(dir, 'cdktf.out');
    write(path.join(out, 'manifest.json'), '{}');
    write(path.join(out, 'stacks', 'zeta', 'cdk.tf.json'), JSON.stringify(doc('zeta')));
    write(path.join(out, 'stacks', 'alpha', 'cdk.tf.json'), JSON.stringify(doc('alpha')));
    fs.mkdirSync(path.join(out, 'stacks', 'empty'));
    expect(loadConfigs(out).map((s) => [s.name, s.config])).toEqual([
      ['alpha', doc('alpha')],
      ['zeta', doc('zeta')],
    ]);
  });

  test('a missing path throws a clear error', () => {
    expect(() => loadConfigs(path.join(dir, 'nope'))).toThrow(/cannot read .*nope: no such file or directory/);
  });

  test('a directory without stacks throws a clear error', () => {
    expect(() => loadConfigs(dir)).toThrow(/no cdk\.tf\.json \(or other \*\.tf\.json\) in .*stack directory.*cdktf\.out/);
  });

  test('bad JSON names file, line and column only: never the text around the error (it can hold a secret)', () => {
    const file = path.join(dir, 'secret', 'cdk.tf.json');
    write(file, '{\n  "variable": {\n    "t": {"default": "hunter2-secret-token"}\n  },\n  "resource": }\n');
    let message = '';
    try {
      loadConfigs(file);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toBe(`${file} is not valid JSON (line 5, column 15)`);
    write(file, '{"a": "hunter2-secret-token"');
    expect(() => loadConfigs(file)).toThrow(/is not valid JSON \(unexpected end at line 1, column 29\)$/);
  });

  test('bad JSON throws a clear error naming the file', () => {
    const file = path.join(dir, 'bad', 'cdk.tf.json');
    write(file, '{"resource": {');
    expect(() => loadConfigs(file)).toThrow(new RegExp(`${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} is not valid JSON`));
    expect(() => loadConfigs(path.dirname(file))).toThrow(/is not valid JSON/);
  });
});
