// Helpers for the export tests: the operator schemas as ajv validators, YAML streams as documents,
// the check that output holds no character which steers a terminal.
import * as fs from 'fs';
import * as path from 'path';
import Ajv, { ValidateFunction } from 'ajv';
import * as YAML from 'yaml';
import { KINDS } from '../../lib/export/mapping';

const SCHEMAS = path.join(__dirname, '..', '..', 'schemas', 'operator');

let validators: Map<string, ValidateFunction> | undefined;
/** The validator of an operator kind (TeleportRoleV6 and V9 use the schema the mapping names for them). */
export function validatorFor(kind: string): ValidateFunction {
  if (!validators) {
    const ajv = new Ajv({ allErrors: true, strict: false });
    validators = new Map();
    for (const k of KINDS) {
      for (const target of Object.values(k.operator)) {
        const schema = JSON.parse(fs.readFileSync(path.join(SCHEMAS, `${target.schema}.schema.json`), 'utf8'));
        // The schema fixes the kind; a kind checked with a sibling's schema gets its own kind there.
        const own = { ...schema, $id: `${schema.$id}#${target.kind}`, properties: { ...schema.properties, kind: { const: target.kind } } };
        validators.set(target.kind, ajv.compile(own));
      }
    }
  }
  const v = validators.get(kind);
  if (!v) throw new Error(`no schema for ${kind}`);
  return v;
}

/** Every non-empty document of a YAML stream, parsed (throws on a YAML error). */
export function documents(text: string): any[] {
  return YAML.parseAllDocuments(text)
    .map((d) => {
      if (d.errors.length) throw new Error(`invalid YAML: ${d.errors[0].message}`);
      return d.toJS();
    })
    .filter((d) => d !== null && d !== undefined);
}

/** Characters that steer a terminal (C0 but newline and tab, DEL, C1, format and bidi characters, separators). */
export const UNSAFE = /(?![\t\n])[\p{Cc}\p{Cf}\u2028\u2029]/u;

/** Problems of an operator manifest: schema errors, or for a Secret, a value or a missing annotation. */
export function manifestProblems(doc: any): string[] {
  if (doc.kind === 'Secret') {
    const problems: string[] = [];
    if (doc.data !== undefined || doc.stringData !== undefined) problems.push('the Secret holds a value');
    if (typeof doc.metadata?.annotations?.['resources.teleport.dev/allow-lookup-from-cr'] !== 'string') problems.push('no lookup annotation');
    return problems;
  }
  const validate = validatorFor(doc.kind);
  return validate(doc) ? [] : (validate.errors ?? []).map((e) => `${doc.kind} ${e.instancePath} ${e.message}`);
}
