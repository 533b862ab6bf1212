/** Turns ajv errors into findings: one per real problem, with a Terraform-style attribute path. */
import type { ErrorObject } from 'ajv';
import { Finding } from '../report/finding';
import { closestName } from './suggest';

/** The check ids the offline schema check reports. */
export const CHECK_IDS = {
  /** A key the schema does not know, at any nesting level (error). */
  unknownAttribute: 'schema.unknown-attribute',
  /** A value of the wrong JSON type for the attribute's cty type, not a `${...}` expression (error). */
  wrongType: 'schema.wrong-type',
  /** A required attribute is missing (error). */
  missingRequired: 'schema.missing-required',
  /** A computed-only attribute is set; Terraform rejects it (error). */
  computedOnly: 'schema.computed-only',
  /** Anything else the schema rejects, and documents that are not Terraform JSON at all (error). */
  invalid: 'schema.invalid',
  /** A resource or data source type with the provider's prefix that the schema does not have (warning). */
  unknownResourceType: 'schema.unknown-resource-type',
  /** Resources or data sources of another provider: allowed, not checked (info). */
  uncheckedResourceType: 'schema.unchecked-resource-type',
} as const;

type Node = Record<string, any>;
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/** One path segment resolved against the JSON Schema and the data. */
export interface Step {
  readonly key: string;
  readonly kind: 'attr' | 'index' | 'key';
}

/** Decodes a JSON pointer (`/spec/role_map/0`) into its segments. */
export function pointerSegments(pointer: string): string[] {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** Resolves segments to attribute names, list indexes and map keys, walking the schema and the data. */
function resolveSteps(schema: Node | boolean, data: unknown, segments: string[]): Step[] {
  const steps: Step[] = [];
  let node: Node | undefined = typeof schema === 'object' ? schema : undefined;
  let value: any = data;
  for (const seg of segments) {
    if (Array.isArray(value)) {
      steps.push({ key: seg, kind: 'index' });
      const items = node?.items;
      node = Array.isArray(items) ? items[Number(seg)] : items;
    } else {
      const props = node?.properties as Node | undefined;
      const additional = node?.additionalProperties;
      if ((props && Object.prototype.hasOwnProperty.call(props, seg)) || typeof additional !== 'object') {
        steps.push({ key: seg, kind: 'attr' });
        node = props?.[seg];
      } else {
        steps.push({ key: seg, kind: 'key' });
        node = additional;
      }
    }
    value = value !== null && typeof value === 'object' ? value[seg] : undefined;
    if (typeof node !== 'object') node = undefined;
  }
  return steps;
}

/** Formats steps as an instance path: `spec.role_map[0].local`, `metadata.labels["env"]`. */
export function formatSteps(steps: readonly Step[]): string {
  let out = '';
  for (const s of steps) {
    if (s.kind === 'index') out += `[${s.key}]`;
    else if (s.kind === 'key' || !IDENTIFIER.test(s.key)) out += `[${JSON.stringify(s.key)}]`;
    else out += out ? `.${s.key}` : s.key;
  }
  return out;
}

function jsonTypeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'boolean') return 'a bool';
  return `a ${typeof value}`;
}

function article(title: string): string {
  return /^[aeiou]/.test(title) ? `an ${title}` : `a ${title}`;
}

/** Where the findings of one validated block go. */
export interface BlockContext {
  /** The Terraform address (`teleport_role.visitor`) every finding is about, unless `address` says otherwise. */
  readonly resource: string;
  /** The root JSON Schema the block was validated with. */
  readonly schema: Node | boolean;
  /** The validated value. */
  readonly data: unknown;
  /** True for provider, resource and data bodies: unknown nested keys are silently dropped there. */
  readonly silentDrop?: boolean;
  /** Splits an error's segments into an address and how many leading segments it consumes. */
  readonly address?: (segments: string[]) => { resource: string; skip: number };
}

/** Converts ajv errors of one block into findings, at most one per (resource, check, path). */
export function errorsToFindings(errors: readonly ErrorObject[] | null | undefined, ctx: BlockContext): Finding[] {
  const out: Finding[] = [];
  const seen = new Set<string>();
  for (const err of errors ?? []) {
    const f = errorToFinding(err, ctx);
    const key = `${f.resource}\u0000${f.check}\u0000${f.path ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(f);
  }
  return out;
}

function errorToFinding(err: ErrorObject, ctx: BlockContext): Finding {
  const segments = pointerSegments(err.instancePath);
  const extra =
    err.keyword === 'additionalProperties'
      ? String(err.params.additionalProperty)
      : err.keyword === 'required'
        ? String(err.params.missingProperty)
        : undefined;
  const full = extra === undefined ? segments : [...segments, extra];
  const { resource, skip } = ctx.address?.(full) ?? { resource: ctx.resource, skip: 0 };
  const steps = resolveSteps(ctx.schema, ctx.data, full).slice(skip);
  const path = formatSteps(steps) || undefined;
  const parentPath = formatSteps(steps.slice(0, extra === undefined ? steps.length : steps.length - 1)) || undefined;
  const parent = err.parentSchema as Node | undefined;
  const base = { severity: 'error' as const, resource };
  switch (err.keyword) {
    case 'additionalProperties': {
      const key = extra as string;
      const known = Object.keys((parent?.properties as Node) ?? {});
      const guess = closestName(key, known);
      const inside = parentPath ? `inside ${parentPath}${ctx.silentDrop ? '; Terraform would silently drop it' : ''}` : `in ${resource}`;
      return {
        ...base,
        check: CHECK_IDS.unknownAttribute,
        path,
        message: `Unknown attribute "${key}" ${inside}.`,
        fix: guess ? `Did you mean \`${guess}\`?` : `Remove it; known here: ${listNames(known)}.`,
      };
    }
    case 'required': {
      const key = extra as string;
      const expected = (parent?.properties as Node | undefined)?.[key]?.title;
      return {
        ...base,
        check: CHECK_IDS.missingRequired,
        path,
        message: `Required attribute "${key}" is missing${parentPath ? ` in ${parentPath}` : ''}.`,
        fix: `Set \`${key}\`${expected ? ` (${expected})` : ''}.`,
      };
    }
    case 'false schema':
      return {
        ...base,
        check: CHECK_IDS.computedOnly,
        path,
        message: `Attribute "${lastName(full)}" is computed by the provider; Terraform rejects a configured value.`,
        fix: `Remove \`${path ?? lastName(full)}\`.`,
      };
    case 'type':
    case 'pattern': {
      const title = typeof parent?.title === 'string' ? parent.title : String(err.params.type ?? 'another type');
      const got = err.keyword === 'pattern' ? `a string that is neither ${article(title)} nor a \${...} expression` : jsonTypeName(err.data);
      return {
        ...base,
        check: CHECK_IDS.wrongType,
        path,
        message: `${path ? `Attribute "${path}"` : resource} must be ${article(title)} (or a \${...} expression), got ${got}.`,
        fix: `Use ${article(title)}.`,
      };
    }
    default:
      return { ...base, check: CHECK_IDS.invalid, path, message: `${path ?? resource} ${err.message ?? 'is invalid'}.` };
  }
}

function lastName(segments: string[]): string {
  for (let i = segments.length - 1; i >= 0; i--) if (!/^\d+$/.test(segments[i])) return segments[i];
  return '';
}

function listNames(names: string[]): string {
  const shown = names.filter((n) => n !== '//').sort();
  return shown.length > 12 ? `${shown.slice(0, 12).join(', ')}, …` : shown.join(', ') || '(none)';
}
