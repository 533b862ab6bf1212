// A resource's values made exportable: Terraform expressions (`${...}`, known only at apply) and
// secrets become placeholders `${NAME}` that name where the value comes from, literal secrets stay
// only when the caller allows them. Every placeholder is recorded with a reason for the summary.
import { TfResource } from '../config/model';
import { isPlainObject, isTemplate } from '../config/shape';
import { displayText } from '../report/sanitize';
import { ExportPlaceholder } from './model';

/** A path into a document: keys and list indexes. */
export type DocPath = readonly (string | number)[];

/** A comment to attach to the value at `path` of a document. */
export interface FieldComment {
  readonly path: DocPath;
  readonly text: string;
}

/** What exporting one resource's values collects. */
export interface ValueContext {
  readonly resource: TfResource;
  readonly allowLiteralSecrets: boolean;
  /** Sensitive variables of the resource's stack, by name. */
  readonly sensitiveVariables: ReadonlySet<string>;
  readonly placeholders: ExportPlaceholder[];
  readonly comments: FieldComment[];
}

/** A plain reference: `${resource.name.attr}`, `${data.x.y.z}`, `${local.a}` (names, dots, indexes). */
const REFERENCE = /^\$\{([A-Za-z_][A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]+|\[[0-9]+\])+)\}$/;
const VARIABLE = /^\$\{var\.([A-Za-z_][A-Za-z0-9_-]*)\}$/;
/** Longest expression quoted in a comment or a reason. */
const MAX_QUOTED = 120;

/** `a.b[0].c` for messages. */
export function pathText(path: DocPath): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

/** An environment-variable-like name: upper case letters, digits and `_`, at most 80 characters. */
function envName(text: string): string {
  const name = text
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .toUpperCase()
    .slice(0, 80);
  return /^[A-Z_]/.test(name) ? name : `V_${name}`;
}

/** The placeholder text and the reason for one value that cannot be written as is. */
function placeholderFor(ctx: ValueContext, path: DocPath, value: string | undefined, secret: boolean): { text: string; reason: string } {
  const variable = value === undefined ? undefined : VARIABLE.exec(value)?.[1];
  if (variable !== undefined) {
    const sensitive = ctx.sensitiveVariables.has(variable);
    return {
      // Terraform reads the same variable from TF_VAR_<name>: `envsubst` fills the placeholder from it.
      text: `\${TF_VAR_${variable.replace(/[^A-Za-z0-9_]/g, '_')}}`,
      reason: `the ${sensitive ? 'sensitive ' : ''}variable ${variable}`,
    };
  }
  if (value === undefined) {
    return {
      text: `\${${envName(`${ctx.resource.name}_${pathText(path)}`)}}`,
      reason: secret ? 'a secret known only at apply' : 'a value known only at apply',
    };
  }
  const joinToken = /^\$\{teleport_provision_token\.([A-Za-z0-9_-]+)\.metadata\.name\}$/.exec(value)?.[1];
  if (joinToken !== undefined) {
    return {
      text: `\${${envName(`JOIN_TOKEN_${joinToken}`)}}`,
      reason: `the join token teleport_provision_token.${joinToken} (what its tctl tokens add command prints)`,
    };
  }
  if (isTemplate(value)) {
    // A reference (`${a.b.c}`) is named and quoted; any other expression may hold a literal (a secret
    // inside `${"..."}`), so it is neither: the placeholder is named after the field.
    const reference = REFERENCE.exec(value)?.[1];
    if (reference !== undefined) return { text: `\${${envName(reference)}}`, reason: `known only at apply: ${displayText(value, MAX_QUOTED)}` };
    return { text: `\${${envName(`${ctx.resource.name}_${pathText(path)}`)}}`, reason: 'an expression known only at apply' };
  }
  return {
    text: `\${${envName(`${ctx.resource.name}_${pathText(path)}`)}}`,
    reason: 'a literal secret, left out (pass --allow-literal-secrets to export it)',
  };
}

/** Records a placeholder at `path` and returns its text. */
export function placeholder(ctx: ValueContext, path: DocPath, value: string | undefined, secret: boolean): string {
  const { text, reason } = placeholderFor(ctx, path, value, secret);
  ctx.placeholders.push({
    stack: ctx.resource.stack,
    resource: ctx.resource.address,
    field: pathText(path),
    placeholder: text,
    reason,
    secret,
  });
  ctx.comments.push({ path, text: `${secret ? 'secret' : 'placeholder'}: ${reason}` });
  return text;
}

/**
 * A value with every `${...}` string replaced by a placeholder; at a secret path (`secretPaths`, as
 * dotted paths without indexes) a literal string becomes a placeholder too, unless literals are allowed.
 */
export function exportValue(ctx: ValueContext, value: unknown, path: DocPath, secretPaths: ReadonlySet<string>): unknown {
  const dotted = path.filter((p) => typeof p === 'string').join('.');
  if (typeof value === 'string') {
    const secret = secretPaths.has(dotted);
    if (isTemplate(value)) return placeholder(ctx, path, value, secret);
    if (secret && !ctx.allowLiteralSecrets) return placeholder(ctx, path, value, true);
    if (secret) ctx.comments.push({ path, text: 'secret: a literal, exported because literal secrets were allowed' });
    return value;
  }
  if (Array.isArray(value)) return value.map((v, i) => exportValue(ctx, v, [...path, i], secretPaths));
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      const v = exportValue(ctx, value[key], [...path, key], secretPaths);
      if (v !== undefined) Object.defineProperty(out, key, { value: v, enumerable: true, writable: true, configurable: true });
    }
    return out;
  }
  return value;
}

/** What the provider schema says of an attribute: computed (the server fills it in) and its type. */
export type AttributeAt = (path: readonly string[]) => { readonly computed?: boolean; readonly type?: unknown } | undefined;

/**
 * Values the reader left out because they are known only at apply (non-string attributes given as
 * `${...}`, plan values after apply) or redacted from a plan. A computed attribute the server fills in
 * is left to the server; a string gets a placeholder in `out` (the exported `metadata` or `spec`);
 * anything else is recorded as left out.
 */
export function recordUnknown(
  ctx: ValueContext,
  under: string,
  secretPaths: ReadonlySet<string>,
  out: Record<string, any>,
  attributeAt: AttributeAt,
): void {
  const leftOut = (field: string, reason: string, secret: boolean) =>
    ctx.placeholders.push({ stack: ctx.resource.stack, resource: ctx.resource.address, field, placeholder: '(left out)', reason, secret });
  const known = (path: string[], secret: boolean) => {
    const attribute = attributeAt(path);
    if (attribute?.computed && !secret) return; // the server sets it when the configuration does not
    if (attribute?.type !== 'string') {
      leftOut(path.join('.'), secret ? 'a secret known only at apply' : 'a value known only at apply', secret);
      return;
    }
    let node = out;
    for (const key of path.slice(1, -1)) node = isPlainObject(node[key]) ? node[key] : (node[key] = {});
    node[path[path.length - 1]] = placeholder(ctx, path, undefined, secret);
  };
  const walk = (tree: unknown, path: string[]) => {
    if (tree === true) known(path, secretPaths.has(path.join('.')));
    else if (isPlainObject(tree)) for (const k of Object.keys(tree)) walk(tree[k], [...path, k]);
  };
  walk(ctx.resource.unknown?.[under], [under]);
  for (const p of ctx.resource.redacted ?? []) {
    if (p === under || p.startsWith(`${under}.`) || p.startsWith(`${under}[`)) leftOut(p, 'redacted in the plan', true);
  }
}
