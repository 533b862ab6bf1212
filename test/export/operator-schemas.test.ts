// schemas/operator/: derived from the operator's CRD reference pages by scripts/build-operator-schemas.js.
// Rebuilt from the pages where the workspace has them (CDKTF_TELEPORT_REQUIRE_DOCS=1: they must be
// there) and compared byte for byte; without them the committed files are checked for form.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.join(__dirname, '..', '..');
const SCRIPT = path.join(ROOT, 'scripts', 'build-operator-schemas.js');
const DOCS = path.resolve(ROOT, '..', 'shared', 'reference', 'teleport');
const haveDocs = fs.existsSync(DOCS);
if (!haveDocs) {
  if (process.env.CDKTF_TELEPORT_REQUIRE_DOCS === '1') throw new Error(`CDKTF_TELEPORT_REQUIRE_DOCS=1 but ${DOCS} does not exist`);
  console.warn(`SKIPPED: the rebuild of schemas/operator from the operator pages (no ${DOCS}); the committed files are checked for form only`);
}
const withDocs = haveDocs ? test : test.skip;

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { build, schemaOf } = require(SCRIPT) as { build(dir: string): Record<string, string>; schemaOf(text: string, page: string): any };

function run(args: string[]) {
  const r = spawnSync('node', [SCRIPT, ...args], { cwd: ROOT, encoding: 'utf8' });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

withDocs('the committed schemas are what the pages give (--docs DIR --check)', () => {
  expect(run(['--docs', DOCS, '--check'])).toEqual({ status: 0, out: '' });
  const files = build(DOCS);
  for (const [name, text] of Object.entries(files)) expect(fs.readFileSync(path.join(ROOT, 'schemas', 'operator', name), 'utf8')).toBe(text);
});

withDocs('--check notices a page that changed', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'operator-pages-'));
  try {
    for (const f of fs.readdirSync(DOCS)) fs.copyFileSync(path.join(DOCS, f), path.join(dir, f));
    const page = path.join(dir, 'docs__pages__reference__infrastructure-as-code__operator-resources__resources-teleport-dev-trustedclustersv2.mdx');
    fs.writeFileSync(page, fs.readFileSync(page, 'utf8').replace('|enabled|boolean|', '|enabled|string|'));
    const r = run(['--docs', dir, '--check']);
    expect(r.status).toBe(1);
    expect(r.out).toContain('schemas/operator/TeleportTrustedClusterV2.schema.json is stale');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('without pages, --check checks the committed files: each fixes its kind and sources.json lists it', () => {
  expect(run(['--check'])).toEqual({ status: 0, out: '' });
  const sources = JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas', 'operator', 'sources.json'), 'utf8'));
  expect(Object.keys(sources.kinds).sort()).toEqual(['TeleportProvisionToken', 'TeleportRoleV7', 'TeleportRoleV8', 'TeleportTrustedClusterV2']);
  expect(sources.kinds.TeleportTrustedClusterV2).toMatchObject({ apiVersion: 'resources.teleport.dev/v1', specFields: 7 });
  expect(sources.kinds.TeleportProvisionToken.apiVersion).toBe('resources.teleport.dev/v2');
});

test('the parser: tables become closed objects; label maps take a string or a list; unknown types fail', () => {
  const page = [
    'title: TeleportThingV1',
    '**apiVersion:** resources.teleport.dev/v1',
    '### spec',
    '|Field|Type|Description|',
    '|---|---|---|',
    '|node_labels|object|labels|',
    '|items|[][object](#specitems-items)|x|',
    '|mode|string or integer|x|',
    '### spec.items items',
    '|name|string||',
  ].join('\n');
  const schema = schemaOf(page, 'page');
  expect(schema.properties.kind).toEqual({ const: 'TeleportThingV1' });
  expect(schema.properties.spec).toEqual({
    type: 'object',
    additionalProperties: false,
    properties: {
      items: { type: 'array', items: { type: 'object', additionalProperties: false, properties: { name: { type: 'string' } } } },
      mode: { type: ['string', 'integer'] },
      node_labels: { type: 'object', additionalProperties: { anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] } },
    },
  });
  expect(() => schemaOf(page.replace('|name|string||', '|name|duration||'), 'page')).toThrow('page: spec.items[].name: unknown type "duration"');
});

test('schemas/operator holds derived JSON only, no page text (no descriptions)', () => {
  for (const f of fs.readdirSync(path.join(ROOT, 'schemas', 'operator'))) {
    expect(f).toMatch(/\.json$/);
    // A "description" keyword holds text; a field named description is a schema object.
    const texts: string[] = [];
    JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas', 'operator', f), 'utf8'), (key, value) => {
      if (key === 'description' && typeof value === 'string') texts.push(value);
      return value;
    });
    expect(texts).toEqual([]);
  }
});
