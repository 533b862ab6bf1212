// The documented way to move to another provider release (schemas/README.md), run end to end in a
// temporary copy of the repository: a real `terraform providers schema -json` lists every provider
// of the configuration and every Teleport resource; build-schema.js --from-terraform trims it to the
// three resources, records the origin, and `--check` and `npm run gen` keep to that origin.
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.join(__dirname, '..', '..');
const SOURCE = 'terraform.releases.teleport.dev/gravitational/teleport';
const THREE = ['teleport_trusted_cluster', 'teleport_role', 'teleport_provision_token'];
// Teleport's pages, where the workspace has them; build-schema.test.ts says loudly when it does not.
const DOCS = path.resolve(ROOT, '..', 'shared', 'reference', 'teleport');
const withDocs = fs.existsSync(DOCS) ? test : test.skip;

/** What `terraform providers schema -json` prints for a configuration using Teleport and random: one line. */
function fullTerraformSchema(): string {
  const doc = JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas', 'teleport-provider.schema.json'), 'utf8'));
  const p = doc.provider_schemas[SOURCE];
  const user = {
    version: 0,
    block: { attributes: { id: { type: 'string', description_kind: 'plain', computed: true } }, description_kind: 'plain' },
  };
  p.resource_schemas.teleport_user = user;
  p.data_source_schemas.teleport_user = user;
  p.resource_schemas.teleport_trusted_cluster.block.attributes.spec.nested_type.attributes.future_knob = {
    type: 'string',
    description: 'A knob of release 19',
    description_kind: 'plain',
    optional: true,
  };
  p.provider.block.attributes.retry_max_tries = { type: 'number', description_kind: 'plain', optional: true };
  doc.provider_schemas['registry.terraform.io/hashicorp/random'] = {
    provider: { version: 0, block: { description_kind: 'plain' } },
    resource_schemas: { random_id: user },
  };
  return JSON.stringify(doc);
}

function run(cwd: string, cmd: string, args: string[]) {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_update_notifier: 'false' } });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

describe('moving to another provider release', () => {
  let repo: string;
  let full: string;
  const schemaFile = () => path.join(repo, 'schemas', 'teleport-provider.schema.json');
  const readSchema = () => JSON.parse(fs.readFileSync(schemaFile(), 'utf8'));

  beforeAll(() => {
    repo = fs.mkdtempSync(path.join(os.tmpdir(), 'another-release-'));
    for (const dir of ['scripts', 'schemas']) fs.cpSync(path.join(ROOT, dir), path.join(repo, dir), { recursive: true });
    fs.copyFileSync(path.join(ROOT, 'package.json'), path.join(repo, 'package.json'));
    fs.symlinkSync(fs.realpathSync(path.join(ROOT, 'node_modules')), path.join(repo, 'node_modules'));
    full = path.join(repo, 'teleport-19.json');
    fs.writeFileSync(full, fullTerraformSchema());
  });
  afterAll(() => fs.rmSync(repo, { recursive: true, force: true }));

  test('copying a terraform schema over the pages-built one fails --check with the way to do it', () => {
    const committed = fs.readFileSync(schemaFile(), 'utf8');
    fs.copyFileSync(full, schemaFile());
    const r = run(repo, 'node', ['scripts/build-schema.js', '--check']);
    fs.writeFileSync(schemaFile(), committed);
    expect(r.status).toBe(1);
    expect(r.out).toContain('is not in its committed form (two-space JSON, only the provider and the three resources and data sources)');
    expect(r.out).toContain('--from-terraform FILE --version CONSTRAINT');
  });

  test('--from-terraform needs the version constraint to pin', () => {
    const r = run(repo, 'node', ['scripts/build-schema.js', '--from-terraform', full]);
    expect(r.status).toBe(2);
    expect(r.out).toMatch(/^build-schema: --from-terraform needs --version CONSTRAINT/);
  });

  test('--from-terraform trims to the provider and the three resources and data sources, and records the origin', () => {
    const r = run(repo, 'node', ['scripts/build-schema.js', '--from-terraform', full, '--version', '~> 19.0']);
    expect(r.status).toBe(0);
    const doc = readSchema();
    expect(Object.keys(doc.provider_schemas)).toEqual([SOURCE]);
    const p = doc.provider_schemas[SOURCE];
    expect(Object.keys(p).sort()).toEqual(['data_source_schemas', 'provider', 'resource_schemas']);
    expect(Object.keys(p.resource_schemas)).toEqual(THREE);
    expect(Object.keys(p.data_source_schemas)).toEqual(THREE);
    expect(p.resource_schemas.teleport_trusted_cluster.block.attributes.spec.nested_type.attributes.future_knob).toMatchObject({
      type: 'string',
      optional: true,
    });
    expect(p.provider.block.attributes.retry_max_tries.type).toBe('number');
    expect(JSON.parse(fs.readFileSync(path.join(repo, 'schemas', 'schema-origin.json'), 'utf8'))).toMatchObject({
      origin: 'terraform',
      providerVersion: '~> 19.0',
    });
  });

  test('--check then passes: re-trimming the trimmed schema is idempotent', () => {
    const r = run(repo, 'node', ['scripts/build-schema.js', '--check']);
    expect(r.out).toBe('');
    expect(r.status).toBe(0);
  });

  test('npm run gen keeps the terraform schema and generates only the three resources, pinning ~> 19.0', () => {
    const before = fs.readFileSync(schemaFile(), 'utf8');
    const r = run(repo, 'npm', ['run', '--silent', 'gen']);
    expect(r.status).toBe(0);
    expect(fs.readFileSync(schemaFile(), 'utf8')).toBe(before);
    const gen = path.join(repo, 'lib', 'gen');
    const modules = fs
      .readdirSync(gen, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
      .sort();
    expect(modules).toEqual([
      'data-teleport-provision-token',
      'data-teleport-role',
      'data-teleport-trusted-cluster',
      'provider',
      'provision-token',
      'role',
      'trusted-cluster',
    ]);
    expect(fs.readFileSync(path.join(gen, 'provider', 'index.ts'), 'utf8')).toContain("providerVersionConstraint: '~> 19.0'");
    expect(fs.readFileSync(path.join(gen, 'trusted-cluster', 'index.ts'), 'utf8')).toContain('readonly futureKnob?: string;');
    expect(run(repo, 'node', ['scripts/build-schema.js', '--check']).status).toBe(0);
    expect(run(repo, 'node', ['scripts/generate-bindings.js', '--check']).status).toBe(0);
  });

  test('--from-pages needs the pages: --docs DIR (the project keeps none)', () => {
    const r = run(repo, 'node', ['scripts/build-schema.js', '--from-pages']);
    expect(r.status).toBe(2);
    expect(r.out).toMatch(/^build-schema: --from-pages needs --docs DIR/);
  });

  withDocs('--from-pages --docs goes back to the pages: the schema and origin are byte-identical to the committed ones', () => {
    const r = run(repo, 'node', ['scripts/build-schema.js', '--from-pages', '--docs', DOCS]);
    expect(r.status).toBe(0);
    expect(fs.readFileSync(schemaFile(), 'utf8')).toBe(fs.readFileSync(path.join(ROOT, 'schemas', 'teleport-provider.schema.json'), 'utf8'));
    expect(fs.readFileSync(path.join(repo, 'schemas', 'schema-origin.json'), 'utf8')).toBe(
      fs.readFileSync(path.join(ROOT, 'schemas', 'schema-origin.json'), 'utf8'),
    );
    expect(() => execFileSync('node', ['scripts/build-schema.js', '--check'], { cwd: repo, stdio: 'pipe' })).not.toThrow();
  });
});
