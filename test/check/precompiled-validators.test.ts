// The build precompiles the check's ajv validators (scripts/precompile-validators.js). The compiled
// library (dist/, which `npm test` builds first) must report exactly what the run-time compiled
// validators of the sources report, on a mutation of every attribute path.
import * as fs from 'fs';
import * as path from 'path';
import { checkConfig } from '../../lib/check';
import { loadProviderSchema } from '../../lib/schema';
import { bodyAround, misspell, wrap, wrongValue } from './minimal-config';

const DIST = path.join(__dirname, '..', '..', 'dist', 'lib');
const PRECOMPILED = path.join(DIST, 'check', 'precompiled-validators');

const schema = loadProviderSchema();
const configs: Record<string, any>[] = [];
for (const { kind, type } of schema.blocks()) {
  const t = kind === 'provider' ? '' : type;
  for (const attr of schema.attributes(kind, t)) {
    const a = bodyAround(schema, kind, t, attr);
    a.holder[misspell(attr.name)] = 'x';
    configs.push(wrap(schema, kind, t, a.body).config);
    if (attr.computedOnly) continue;
    const b = bodyAround(schema, kind, t, attr);
    b.holder[attr.name] = wrongValue(attr.attribute);
    configs.push(wrap(schema, kind, t, b.body).config);
  }
}

test('the build wrote one precompiled validator per block, and the compiled check uses them', () => {
  expect(fs.existsSync(PRECOMPILED)).toBe(true); // run `npm run build` first (npm test does)
  const expected = [
    'skeleton',
    'provider',
    ...schema.resourceTypes().map((t) => `resource_${t}`),
    ...schema.dataSourceTypes().map((t) => `data_${t}`),
  ];
  expect(fs.readdirSync(PRECOMPILED).sort()).toEqual(expected.map((k) => `${k}.js`).sort());
});

test(`precompiled and run-time compiled validators agree on ${configs.length} mutated configurations`, () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const compiled: typeof checkConfig = require(path.join(DIST, 'check')).checkConfig;
  const disagreements = configs.filter((c) => JSON.stringify(compiled(c)) !== JSON.stringify(checkConfig(c)));
  expect(disagreements).toEqual([]);
  expect(configs.every((c) => checkConfig(c).some((f) => f.severity === 'error'))).toBe(true);
});
