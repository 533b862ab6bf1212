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

/**
 * The only tags accepted: YAML 1.2's core types, which say no more than the plain value does
 * (`!!str 123` is the string "123"). Anything else (`!!js/function`, `!!set`, `!!binary`,
 * `!!timestamp`, custom `!tags`) would be turned into a string or an object of another kind
 * without a word, so it is rejected.
 */
const CORE_TAGS = new Set(['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((t) => `tag:yaml.org,2002:${t}`));

/** Thrown for YAML that cannot become a construct; the message names the place, the field and the fix. */
export class TctlYamlError extends Error {}

/** A tag as written: `tag:yaml.org,2002:set` -> `!!set`; capped, since the text comes from the file. */
function shownTag(tag: string): string {
  const short = tag.startsWith('tag:yaml.org,2002:') ? `!!${tag.slice('tag:yaml.org,2002:'.length)}` : tag;
  return short.length > 60 ? `${short.slice(0, 60)}…` : short;
}

/** Parses tctl YAML (one or more `---`-separated documents). Throws TctlYamlError; never echoes values. */
export function parseTctlYaml(text: string, source: string): TctlDocument[] {
  const out: TctlDocument[] = [];
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const yaml = require('yaml') as typeof YAML;
  const lines = new yaml.LineCounter();
  let docs: YAML.Document.Parsed[];
  try {
    docs = yaml.parseAllDocuments(text, { lineCounter: lines }) as YAML.Document.Parsed[];
  } catch (e) {
    throw tooDeep(source, e);
  }
  docs.forEach((doc, i) => {
    const where = `${source}, document ${i + 1}`;
    if (doc.errors.length) {
      const e = doc.errors[0];
      throw new TctlYamlError(`${where}: not valid YAML (${e.code} at line ${e.linePos?.[0].line ?? '?'}). Fix: correct the YAML syntax.`);
    }
    rejectTags(yaml, doc, where, lines);
    let value: any;
    try {
      value = doc.toJS({ maxAliasCount: 100 });
    } catch (e) {
      if (e instanceof ReferenceError && /alias/i.test(e.message)) {
        throw new TctlYamlError(
          `${where}: its aliases (*name) expand to too many values: refused as a resource-exhaustion attack ("billion laughs"). Fix: write the values out instead of nesting aliases.`,
        );
      }
      throw tooDeep(where, e);
    }
    if (value === null || value === undefined) return; // an empty document (e.g. a trailing ---)
    if (typeof value !== 'object' || Array.isArray(value)) {
      throw new TctlYamlError(`${where}: is not a mapping. Fix: write a tctl resource with kind, version, metadata and spec.`);
    }
    for (const key of Object.keys(value)) {
      if (!TOP_LEVEL.includes(key)) {
        throw new TctlYamlError(
          `${where}: field ${JSON.stringify(key.slice(0, 100))} is not a tctl resource field. Fix: keep only ${TOP_LEVEL.join(', ')}.`,
        );
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

/** Throws for the first node with a tag other than the core types, naming its line. */
function rejectTags(yaml: typeof YAML, doc: YAML.Document.Parsed, where: string, lines: YAML.LineCounter): void {
  yaml.visit(doc, {
    Node(_key, node) {
      const tag = (node as { tag?: string }).tag;
      if (tag === undefined || CORE_TAGS.has(tag)) return;
      const at = node.range ? ` at line ${lines.linePos(node.range[0]).line}` : '';
      throw new TctlYamlError(
        `${where}: the tag ${shownTag(tag)}${at} is not supported: tctl resources are plain YAML (mappings, lists, strings, numbers, booleans), and a tagged value would silently become something else. Fix: remove the tag.`,
      );
    },
  });
}

/** The parser or the conversion ran out of stack: the YAML nests too deeply. Any other error is ours and propagates. */
function tooDeep(where: string, e: unknown): Error {
  if (e instanceof RangeError)
    return new TctlYamlError(`${where}: nested too deeply to read. Fix: no tctl resource nests that deep; check the file.`);
  return e as Error;
}
