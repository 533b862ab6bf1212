// docs/export.md's mapping table is what lib/export/mapping.ts generates (node scripts/export-doc.js),
// and the CLI manual names every option the command takes.
import * as fs from 'fs';
import * as path from 'path';
import { EXPORT_HELP, exportCommand } from '../../lib/cli/export-command';
import { DOC_BEGIN, DOC_END, renderMappingTable, withMappingTable } from '../../lib/export/doc';
import { FIELD_MAPPINGS, KINDS } from '../../lib/export/mapping';

const DOCS = path.join(__dirname, '..', '..', 'docs');

test('the mapping table in docs/export.md is generated from the mapping (fresh)', () => {
  const doc = fs.readFileSync(path.join(DOCS, 'export.md'), 'utf8');
  expect(doc).toBe(withMappingTable(doc));
  const generated = doc.slice(doc.indexOf(DOC_BEGIN) + DOC_BEGIN.length, doc.indexOf(DOC_END));
  expect(generated.trim()).toBe(renderMappingTable().trim());
  for (const k of KINDS) for (const t of Object.values(k.operator)) expect(generated).toContain(`\`${t.kind}\``);
  for (const m of FIELD_MAPPINGS) expect(m.source.length).toBeGreaterThan(0);
  expect(() => withMappingTable('no markers')).toThrow('docs/export.md must hold the markers');
});

test('docs/cli/export.md and the help name every option', () => {
  const manual = fs.readFileSync(path.join(DOCS, 'cli', 'export.md'), 'utf8');
  for (const option of Object.keys(exportCommand.options ?? {})) {
    expect(manual).toContain(`--${option}`);
    expect(EXPORT_HELP).toContain(`--${option}`);
  }
});
