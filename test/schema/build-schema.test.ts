import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.join(__dirname, '..', '..');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { parsePage, ctyType } = require('../../scripts/build-schema.js');

describe('scripts/build-schema.js', () => {
  test('the committed schema is what the reference pages and source facts produce', () => {
    expect(() => execFileSync('node', [path.join(ROOT, 'scripts', 'build-schema.js'), '--check'], { cwd: ROOT, stdio: 'pipe' })).not.toThrow();
  });

  test('every attribute carries description_kind "plain", as terraform prints it (also `id` and the other attributes without a description)', () => {
    const doc = JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas', 'teleport-provider.schema.json'), 'utf8'));
    const missing: string[] = [];
    const walk = (attrs: Record<string, any>, at: string) => {
      for (const [name, a] of Object.entries(attrs)) {
        if (a.description_kind !== 'plain') missing.push(`${at}.${name}`);
        if (a.nested_type) walk(a.nested_type.attributes, `${at}.${name}`);
      }
    };
    const p = doc.provider_schemas['terraform.releases.teleport.dev/gravitational/teleport'];
    walk(p.provider.block.attributes, 'provider');
    for (const kind of ['resource_schemas', 'data_source_schemas']) {
      for (const [type, s] of Object.entries<any>(p[kind])) walk(s.block.attributes, `${kind}.${type}`);
    }
    expect(missing).toEqual([]);
    expect(p.resource_schemas.teleport_role.block.attributes.id).toEqual({ type: 'string', description_kind: 'plain', computed: true });
  });

  test.each([
    ['String', 'string'],
    ['Number', 'number'],
    ['Boolean', 'bool'],
    ['List of String', ['list', 'string']],
    ['Map of List of String', ['map', ['list', 'string']]],
  ])('tfplugindocs label %s -> cty %j', (label, cty) => {
    expect(ctyType(label)).toEqual(cty);
  });

  test('unknown labels fail loudly', () => {
    expect(() => ctyType('Tuple of Things')).toThrow('unknown tfplugindocs type label "Tuple of Things"');
  });

  test('parses required/optional sections, sensitivity and nested schemas', () => {
    const page = [
      '## Schema', '', '### Required', '', '- `spec` (Attributes) The spec. (see [below for nested schema](#nested-schema-for-spec))',
      '', '### Optional', '', '- `sub_kind` (String) Sub kind.', '', '### Nested Schema for `spec`', '', 'Optional:', '',
      '- `token` (String, Sensitive) The token.', '',
    ].join('\n');
    const sections = parsePage('\n' + page, 'test.mdx');
    expect(sections[''].spec).toEqual({ label: 'Attributes', nesting: 'single', description: 'The spec.', required: true });
    expect(sections[''].sub_kind).toEqual({ label: 'String', type: 'string', description: 'Sub kind.', optional: true });
    expect(sections.spec.token).toEqual({ label: 'String', type: 'string', description: 'The token.', optional: true, sensitive: true });
  });
});
