// yaml is loaded on first use, not at import: importing the library stays cheap (see bench/).
import type * as YAML from 'yaml';

/** One tctl resource document (`kind`, `version`, `metadata`, `spec`), as `tctl get` prints it. */
export interface TctlDocument {
  readonly kind: string;
  readonly version: string;
  readonly metadata: Record<string, unknown>;
  readonly spec: Record<string, unknown>;
  /** `sub_kind`, when the document has one. */
  readonly subKind?: string;
  /** Where it came from, for messages: `visitor.yaml, document 1`. */
  readonly where: string;
}

const TOP_LEVEL = ['kind', 'version', 'metadata', 'spec', 'sub_kind'];

/** Thrown for YAML that cannot become a construct; the message names the place, the field and the fix. */
export class TctlYamlError extends Error {}

/** Parses tctl YAML (one or more `---`-separated documents). Throws TctlYamlError; never echoes values. */
export function parseTctlYaml(text: string, source: string): TctlDocument[] {
  const out: TctlDocument[] = [];
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { parseAllDocuments } = require('yaml') as typeof YAML;
  parseAllDocuments(text).forEach((doc, i) => {
    const where = `${source}, document ${i + 1}`;
    if (doc.errors.length) {
      const e = doc.errors[0];
      throw new TctlYamlError(`${where}: not valid YAML (${e.code} at line ${e.linePos?.[0].line ?? '?'}). Fix: correct the YAML syntax.`);
    }
    const value = doc.toJS();
    if (value === null || value === undefined) return; // an empty document (e.g. a trailing ---)
    if (typeof value !== 'object' || Array.isArray(value)) {
      throw new TctlYamlError(`${where}: is not a mapping. Fix: write a tctl resource with kind, version, metadata and spec.`);
    }
    for (const key of Object.keys(value)) {
      if (!TOP_LEVEL.includes(key)) {
        throw new TctlYamlError(`${where}: field "${key}" is not a tctl resource field. Fix: keep only ${TOP_LEVEL.join(', ')}.`);
      }
    }
    for (const key of ['kind', 'version', 'metadata'] as const) {
      if (value[key] === undefined) throw new TctlYamlError(`${where}: field "${key}" is missing. Fix: add it (as tctl get prints it).`);
    }
    if (typeof value.kind !== 'string' || typeof value.version !== 'string') {
      throw new TctlYamlError(`${where}: fields "kind" and "version" must be strings. Fix: e.g. kind: role, version: v7.`);
    }
    if (value.sub_kind !== undefined && value.sub_kind !== null && typeof value.sub_kind !== 'string') {
      throw new TctlYamlError(`${where}: field "sub_kind" must be a string. Fix: write it as a string, or remove it.`);
    }
    for (const key of ['metadata', 'spec'] as const) {
      if (value[key] !== undefined && (typeof value[key] !== 'object' || value[key] === null || Array.isArray(value[key]))) {
        throw new TctlYamlError(`${where}: field "${key}" must be a mapping. Fix: indent its fields under "${key}:".`);
      }
    }
    const subKind = typeof value.sub_kind === 'string' && value.sub_kind !== '' ? value.sub_kind : undefined;
    out.push({ kind: value.kind, version: value.version, metadata: value.metadata, spec: value.spec ?? {}, subKind, where });
  });
  return out;
}
