// TctlResources on hostile YAML (issue 10, items 9, 10 and 11): an alias bomb and tags are clear
// errors with the construct path, file, document and line; names that are JavaScript builtins are
// plain names; only regular files are read.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { TctlResources } from '../../lib';
import { newStack, resourceOf, synthJson } from '../support/constructs';
import { tempDir } from '../support/synth';

const ROLE = (name: string) => `kind: role\nversion: v7\nmetadata:\n  name: ${JSON.stringify(name)}\nspec:\n  allow:\n    logins: [visitor]\n`;
const TC = (locals: string[]) =>
  `kind: trusted_cluster\nversion: v2\nmetadata:\n  name: root.example.com\nspec:\n  web_proxy_addr: root.example.com:443\n  tunnel_addr: root.example.com:443\n  role_map:\n    - remote: access\n      local: ${JSON.stringify(locals)}\n`;

let dir: string;
beforeAll(() => (dir = tempDir('tctl-hardening-')));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function errorOf(build: () => unknown): Error {
  try {
    build();
  } catch (e) {
    return e as Error;
  }
  throw new Error('no error');
}

describe('an alias bomb', () => {
  const bomb = [
    'kind: role',
    'version: v7',
    'metadata:',
    '  name: x',
    '  labels:',
    '    a: &a [x, x, x, x, x, x, x, x, x]',
    '    b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]',
    '    c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]',
    '    d: [*c, *c, *c, *c, *c, *c, *c, *c, *c]',
    'spec: {}',
    '',
  ].join('\n');

  test('is an error with the construct path and the document, not a raw ReferenceError', () => {
    const e = errorOf(() => TctlResources.fromYaml(newStack(), 'Bomb', bomb));
    expect(e).not.toBeInstanceOf(ReferenceError);
    expect(e.message).toBe(
      'stack/Bomb: inline YAML, document 1: its aliases (*name) expand to too many values: refused as a resource-exhaustion attack ("billion laughs"). Fix: write the values out instead of nesting aliases.',
    );
  });

  test('from files: the file name and the construct path (the files are parsed inside the construct)', () => {
    fs.writeFileSync(path.join(dir, 'bomb.yaml'), `${ROLE('ok')}---\n${bomb}`);
    const e = errorOf(() => TctlResources.fromFiles(newStack(), 'Files', [path.join(dir, 'bomb.yaml')]));
    expect(e.message).toMatch(/^stack\/Files: bomb\.yaml, document 2: its aliases \(\*name\) expand to too many values/);
  });
});

describe('tags are rejected with file, document and line', () => {
  test.each([
    ['!!js/function', 'name: !!js/function "function () { return 1 }"', '!!js/function'],
    ['a custom tag', 'name: !env ROLE_NAME', '!env'],
    ['!!set', 'name: !!set {a, b}', '!!set'],
    ['!!binary', 'name: !!binary aGVsbG8=', '!!binary'],
    ['!!timestamp', 'expires: !!timestamp 2030-01-01', '!!timestamp'],
  ])('%s', (_what, line, tag) => {
    const yaml = `${ROLE('first')}---\nkind: role\nversion: v7\nmetadata:\n  ${line}\nspec: {}\n`;
    fs.writeFileSync(path.join(dir, 'tagged.yaml'), yaml);
    const e = errorOf(() => TctlResources.fromFile(newStack(), 'Tagged', path.join(dir, 'tagged.yaml')));
    expect(e.message).toBe(
      `stack/Tagged: tagged.yaml, document 2: the tag ${tag} at line 12 is not supported: tctl resources are plain YAML (mappings, lists, strings, numbers, booleans), and a tagged value would silently become something else. Fix: remove the tag.`,
    );
  });

  test('the core tags say nothing more than the plain value, and are accepted', () => {
    const stack = newStack();
    const yaml = TctlResources.fromYaml(
      stack,
      'Core',
      `kind: !!str role\nversion: v7\nmetadata: !!map\n  name: !!str 123\nspec:\n  allow:\n    logins: !!seq [visitor]\n`,
    );
    expect(resourceOf(synthJson(stack), yaml.role('123')!.resource).metadata).toEqual({ name: '123' });
  });
});

describe('names that are JavaScript builtins', () => {
  test('roles named __proto__, constructor and toString are in roles, and role_map finds them', () => {
    const stack = newStack();
    const names = ['__proto__', 'constructor', 'toString'];
    const yaml = TctlResources.fromYaml(stack, 'Builtins', [...names.map(ROLE), TC(names)].join('---\n'));
    expect(Object.keys(yaml.roles)).toEqual(names);
    for (const n of names) {
      expect(yaml.roles[n]).toBe(yaml.role(n));
      expect(yaml.role(n)!.roleName).toBe(n);
    }
    expect(yaml.role('hasOwnProperty')).toBeUndefined();
    expect(yaml.roles.hasOwnProperty).toBeUndefined(); // no prototype: nothing answers for a role that is not there
    const json = synthJson(stack);
    const tc = resourceOf(json, yaml.trustedCluster('root.example.com')!.resource);
    expect(tc.spec.role_map).toEqual([{ remote: 'access', local: names }]);
    // The roles of the same YAML are created first (depends_on), as for any other name.
    expect(tc.depends_on).toHaveLength(3);
  });

  test('a role_map local role named constructor that is not in the YAML is an existing role, not a TypeError', () => {
    const stack = newStack();
    const yaml = TctlResources.fromYaml(stack, 'Existing', TC(['constructor']));
    expect(resourceOf(synthJson(stack), yaml.trustedClusters['root.example.com'].resource).spec.role_map).toEqual([
      { remote: 'access', local: ['constructor'] },
    ]);
  });

  test('a metadata or spec field named constructor or __proto__ is an unknown field, not a silent pass', () => {
    for (const field of ['constructor', '__proto__', 'toString']) {
      const e = errorOf(() => TctlResources.fromYaml(newStack(), 'F', `kind: role\nversion: v7\nmetadata:\n  name: x\n  ${field}: y\nspec: {}\n`));
      expect(e.message).toMatch(new RegExp(`field "metadata\\.${field.replace(/_/g, '_')}" is not an attribute of the Teleport provider`));
    }
  });
});

describe('files', () => {
  test('a FIFO is refused at once with the construct path', () => {
    const fifo = path.join(dir, 'roles.yaml');
    execFileSync('mkfifo', [fifo]);
    const e = errorOf(() => TctlResources.fromFile(newStack(), 'Fifo', fifo));
    expect(e.message).toBe(
      `stack/Fifo: cannot read ${fifo}: it is a FIFO (named pipe); only regular files are read. Fix: pass the file itself (a symbolic link may point at a regular file).`,
    );
  });

  test('YAML nested far too deeply is a clear error, not a stack overflow', () => {
    const e = errorOf(() =>
      TctlResources.fromYaml(
        newStack(),
        'Deep',
        `kind: role\nversion: v7\nmetadata:\n  name: x\n  labels: ${'['.repeat(50_000)}${']'.repeat(50_000)}\n`,
      ),
    );
    expect(e).not.toBeInstanceOf(RangeError);
    expect(e.message).toMatch(/^stack\/Deep: inline YAML, document 1: /);
  });
});
