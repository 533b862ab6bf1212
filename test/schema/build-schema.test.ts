// scripts/build-schema.js. The project keeps the schema and the facts derived from Teleport's pages,
// not the pages: every test here runs from the committed schema and schemas/source-facts.json alone,
// except the one rebuild from the pages, which needs ../shared/reference/teleport (CI has it).
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.join(__dirname, '..', '..');
const SCRIPT = path.join(ROOT, 'scripts', 'build-schema.js');
const SOURCE = 'terraform.releases.teleport.dev/gravitational/teleport';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { parsePage, ctyType, keptSchemaProblems } = require('../../scripts/build-schema.js');

/** The Teleport documentation pages, where the workspace has them (../shared next to the repository). */
const DOCS = path.resolve(ROOT, '..', 'shared', 'reference', 'teleport');
const haveDocs = fs.existsSync(DOCS);
if (!haveDocs) {
  if (process.env.CDKTF_TELEPORT_REQUIRE_DOCS === '1') throw new Error(`CDKTF_TELEPORT_REQUIRE_DOCS=1 but ${DOCS} does not exist`);
  console.warn(`SKIPPED: the rebuild of the schema from Teleport's pages (no ${DOCS}); the schema is checked against its facts only`);
}
const withDocs = haveDocs ? test : test.skip;

function run(args: string[], cwd = ROOT) {
  const r = spawnSync('node', [SCRIPT, ...args], { cwd, encoding: 'utf8' });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

describe('scripts/build-schema.js', () => {
  test("the project keeps no copy of Teleport's pages: schemas/ holds the schema, its origin, the facts and the README", () => {
    // Only what the project wrote or derived: JSON (schemas, facts, origins) and the README, no pages.
    const files = execFileSync('git', ['ls-files', '--', 'schemas'], { cwd: ROOT, encoding: 'utf8' }).trim().split('\n');
    expect(files).toEqual(
      expect.arrayContaining([
        'schemas/README.md',
        'schemas/schema-origin.json',
        'schemas/source-facts.json',
        'schemas/teleport-provider.schema.json',
      ]),
    );
    expect(files.filter((f) => f !== 'schemas/README.md' && !f.endsWith('.json'))).toEqual([]);
    expect(files.filter((f) => f.startsWith('schemas/reference/'))).toEqual([]);
    const tracked = execFileSync('git', ['ls-files', '--', '*.mdx'], { cwd: ROOT, encoding: 'utf8' }).trim();
    expect(tracked).toBe('');
  });

  test('--check without the pages: the committed schema agrees with every source fact', () => {
    expect(run(['--check'])).toEqual({ status: 0, out: '' });
    const committed = fs.readFileSync(path.join(ROOT, 'schemas', 'teleport-provider.schema.json'), 'utf8');
    expect(keptSchemaProblems(committed, 'schema')).toEqual([]);
  });

  test.each([
    [
      'a sensitive fact lost',
      (p: any) => delete p.resource_schemas.teleport_trusted_cluster.block.attributes.spec.nested_type.attributes.token.sensitive,
      'teleport_trusted_cluster.spec.token: not sensitive, the facts say it is',
    ],
    [
      'a computed fact lost',
      (p: any) => delete p.resource_schemas.teleport_role.block.attributes.spec.nested_type.attributes.options.computed,
      'teleport_role.spec.options: not computed, the facts say it is',
    ],
    [
      'an added attribute gone',
      (p: any) => delete p.resource_schemas.teleport_provision_token.block.attributes.kind,
      'teleport_provision_token.kind: missing (source-facts "add")',
    ],
    [
      'an added attribute of another type',
      (p: any) => (p.resource_schemas.teleport_role.block.attributes.id.type = 'number'),
      'teleport_role.id: type "number", the facts say "string"',
    ],
    [
      'a data source that is not its resource',
      (p: any) => delete p.data_source_schemas.teleport_role.block.attributes.kind,
      'data source teleport_role: differs from the resource',
    ],
  ])('--check without the pages fails when the schema contradicts the facts: %s', (_name, mutate, message) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'build-schema-'));
    try {
      const doc = JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas', 'teleport-provider.schema.json'), 'utf8'));
      mutate(doc.provider_schemas[SOURCE]);
      const out = path.join(dir, 'schema.json');
      fs.writeFileSync(out, JSON.stringify(doc, null, 2) + '\n');
      const r = run(['--check', '--out', out]);
      expect(r.status).toBe(1);
      expect(r.out).toContain(message);
      expect(r.out).toContain('Rebuild it with --docs DIR');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('the old --reference option is refused with where the pages went', () => {
    const r = run(['--reference', 'schemas/reference', '--check']);
    expect(r.status).toBe(2);
    expect(r.out).toBe('build-schema: unknown argument --reference: the pages are not kept in the project; give their directory with --docs DIR\n');
  });

  test('--docs on a directory without the pages names the page and where it looked (exit 2)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'no-docs-'));
    try {
      const r = run(['--docs', dir, '--check']);
      expect(r.status).toBe(2);
      expect(r.out).toContain('no docs/pages/reference/infrastructure-as-code/terraform-provider/terraform-provider.mdx (looked for ');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  withDocs('--docs ../shared/reference/teleport: the committed schema is exactly what the pages and the source facts produce', () => {
    expect(run(['--docs', DOCS, '--check'])).toEqual({ status: 0, out: '' });
  });

  withDocs('--docs takes a Teleport checkout or its docs/ folder as well as a folder of flattened page names', () => {
    const checkout = fs.mkdtempSync(path.join(os.tmpdir(), 'teleport-checkout-'));
    try {
      for (const name of fs.readdirSync(DOCS).filter((n) => n.includes('terraform-provider'))) {
        const dest = path.join(checkout, ...name.split('__'));
        fs.mkdirSync(path.dirname(dest), { recursive: true });
        fs.copyFileSync(path.join(DOCS, name), dest);
      }
      expect(run(['--docs', checkout, '--check'])).toEqual({ status: 0, out: '' });
      expect(run(['--docs', path.join(checkout, 'docs'), '--check'])).toEqual({ status: 0, out: '' });
      // Other pages (a newer release's) are named as such, with the way to move to them.
      const role = path.join(checkout, 'docs/pages/reference/infrastructure-as-code/terraform-provider/resources/role.mdx');
      fs.appendFileSync(role, '\n- `future_field` (String) A field of a later release.\n');
      const r = run(['--docs', checkout, '--check']);
      expect(r.status).toBe(1);
      expect(r.out).toContain('resources/role.mdx differ from');
      expect(r.out).toContain(`--from-pages --docs ${checkout}`);
    } finally {
      fs.rmSync(checkout, { recursive: true, force: true });
    }
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
      '## Schema',
      '',
      '### Required',
      '',
      '- `spec` (Attributes) The spec. (see [below for nested schema](#nested-schema-for-spec))',
      '',
      '### Optional',
      '',
      '- `sub_kind` (String) Sub kind.',
      '',
      '### Nested Schema for `spec`',
      '',
      'Optional:',
      '',
      '- `token` (String, Sensitive) The token.',
      '',
    ].join('\n');
    const sections = parsePage('\n' + page, 'test.mdx');
    expect(sections[''].spec).toEqual({ label: 'Attributes', nesting: 'single', description: 'The spec.', required: true });
    expect(sections[''].sub_kind).toEqual({ label: 'String', type: 'string', description: 'Sub kind.', optional: true });
    expect(sections.spec.token).toEqual({ label: 'String', type: 'string', description: 'The token.', optional: true, sensitive: true });
  });
});
