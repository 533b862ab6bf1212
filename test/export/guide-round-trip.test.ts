// The guide's visitor.yaml and trusted_cluster.yaml -> TctlResources -> synth -> export: the same
// documents come back (the token aside: a placeholder naming the sensitive variable), with the role
// defaults Role writes out left out again; the operator form carries the same spec.
import * as fs from 'fs';
import * as path from 'path';
import * as YAML from 'yaml';
import { ExportFormat, TctlResources, TeleportExport } from '../../lib';
import { newStack, synthJson } from '../support/constructs';
import { documents, manifestProblems } from './support';

const YAML_DIR = path.join(__dirname, '..', '..', 'examples', 'from-yaml');
const FILES = ['visitor.yaml', 'trusted_cluster.yaml'].map((f) => path.join(YAML_DIR, f));
const GUIDE = path.resolve(
  __dirname,
  '..',
  '..',
  '..',
  'shared',
  'reference',
  'teleport',
  'docs__pages__zero-trust-access__deploy-a-cluster__trustedclusters.mdx',
);
const haveGuide = fs.existsSync(GUIDE);
if (!haveGuide && process.env.CDKTF_TELEPORT_REQUIRE_DOCS === '1') throw new Error(`CDKTF_TELEPORT_REQUIRE_DOCS=1 but ${GUIDE} does not exist`);

const guideDocs = () => FILES.map((f) => YAML.parse(fs.readFileSync(f, 'utf8')));
const withoutToken = (doc: any) => ({ ...doc, spec: Object.fromEntries(Object.entries(doc.spec).filter(([k]) => k !== 'token')) });

function synthGuide(): any {
  const stack = newStack();
  TctlResources.fromFiles(stack, 'Guide', FILES);
  return synthJson(stack);
}

(haveGuide ? test : test.skip)("our trusted_cluster.yaml is the guide page's, field for field", () => {
  const page = fs.readFileSync(GUIDE, 'utf8');
  const block = /```yaml\n(\s*kind: trusted_cluster[\s\S]*?)```/.exec(page)?.[1];
  expect(block).toBeDefined();
  expect(YAML.parse(block!.replace(/^ {3}/gm, ''))).toEqual(guideDocs()[1]);
});

test("export --to tctl gives back the guide's documents; the token is a placeholder naming the variable", () => {
  const result = TeleportExport.fromConfig([{ name: 'leaf', config: synthGuide() }], { format: ExportFormat.TCTL });
  expect(result.files).toHaveLength(1);
  const docs = documents(result.files[0].content);
  expect(docs.map(withoutToken)).toEqual(guideDocs().map(withoutToken));
  expect(docs[1].spec.token).toBe('${TF_VAR_guide_join_token}');
  expect(result.files[0].content).toContain('token: ${TF_VAR_guide_join_token} # secret: the sensitive variable guide_join_token\n');
  expect(result.files[0].content).not.toContain('(=presets.tokens.first=)');
  expect(result.placeholders).toEqual([
    expect.objectContaining({
      field: 'spec.token',
      placeholder: '${TF_VAR_guide_join_token}',
      reason: 'the sensitive variable guide_join_token',
      secret: true,
    }),
  ]);
});

test("export --to operator: the guide's role as TeleportRoleV7, the trusted cluster as TeleportTrustedClusterV2 with a secret:// token", () => {
  const result = TeleportExport.fromConfig([{ name: 'leaf', config: synthGuide() }], { format: ExportFormat.OPERATOR });
  const docs = documents(result.files[0].content);
  const [visitor, cluster] = guideDocs();
  expect(docs.map((d) => d.kind)).toEqual(['TeleportRoleV7', 'Secret', 'TeleportTrustedClusterV2']);
  expect(docs[0]).toEqual({ apiVersion: 'resources.teleport.dev/v1', kind: 'TeleportRoleV7', metadata: { name: 'visitor' }, spec: visitor.spec });
  expect(docs[2].spec).toEqual({ ...cluster.spec, token: 'secret://rootcluster.example.com-join-token/token' });
  expect(docs[1]).toEqual({
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: {
      name: 'rootcluster.example.com-join-token',
      annotations: { 'resources.teleport.dev/allow-lookup-from-cr': 'rootcluster.example.com' },
    },
    type: 'Opaque',
  });
  for (const d of docs) expect(manifestProblems(d)).toEqual([]);
});
