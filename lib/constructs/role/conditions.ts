import { Fn, Token } from 'cdktf';
import { RoleConditions } from './props';

/** A side of a role's conditions. */
export type Side = 'allow' | 'deny';

type Values<T> = { [K in keyof RoleConditions]-?: RoleConditions[K] extends T | undefined ? K : never }[keyof RoleConditions];
/** The string lists of the conditions (`logins`, `db_users`, ...). */
type ListKey = Values<string[]>;
/** The label maps of the conditions (`node_labels`, `app_labels`, ...). */
type LabelKey = Values<{ [key: string]: string[] }>;

/**
 * What one intent helper appended (`allowLogins('ubuntu')`, `denyNodeLabels('env', 'prod')`, ...).
 * A `Role` keeps these in call order and applies them to its props when it renders, at synth.
 */
export type Addition =
  | { readonly kind: 'list'; readonly key: ListKey; readonly values: string[] }
  | { readonly kind: 'items'; readonly key: 'kubernetesResources' | 'rules'; readonly values: unknown[] }
  | { readonly kind: 'label'; readonly key: LabelKey; readonly label: string; readonly values: string[] }
  | { readonly kind: 'roles'; readonly key: 'request' | 'reviewRequests'; readonly values: string[] };

/** One side of a role's conditions after the additions. */
export interface RenderedConditions {
  /** As synthesized: values appended to a list or map given as a token go in with `concat()`/`merge()`. */
  readonly spec: RoleConditions;
  /**
   * As the rules check them: like `spec`, except that the literal values appended to a list or map
   * given as a token stay visible (a list keeps the token as entry #1, then the values).
   */
  readonly checked: RoleConditions;
}

/** The conditions of one side: the given ones, then each addition in order. */
export function renderConditions(given: RoleConditions, additions: readonly Addition[]): RenderedConditions {
  let out: RenderedConditions = { spec: given, checked: given };
  for (const addition of additions) out = apply(out, addition);
  return out;
}

function apply(state: RenderedConditions, a: Addition): RenderedConditions {
  const current = state.spec[a.key];
  switch (a.kind) {
    case 'list': {
      const next = merged(current as string[] | undefined, a.values);
      return update(state, { [a.key]: next }, { [a.key]: checkedList(state, a.key, a.values, next) });
    }
    case 'items': {
      const list = current as unknown[] | undefined;
      const next = list === undefined ? [...a.values] : Token.isUnresolved(list) ? Token.asAny(Fn.concat([list, a.values])) : [...list, ...a.values];
      return update(state, { [a.key]: next }, { [a.key]: checkedList(state, a.key, a.values, next) });
    }
    case 'label':
      return withLabel(state, a.key, a.label, a.values);
    case 'roles': {
      const block = (current ?? {}) as { roles?: string[] };
      return update(state, { [a.key]: { ...block, roles: merged(block.roles, a.values) } });
    }
  }
}

function update(state: RenderedConditions, change: RoleConditions, checked: RoleConditions = change): RenderedConditions {
  return { spec: { ...state.spec, ...change }, checked: { ...state.checked, ...checked } };
}

/** The checked view of a list after appending `values`: literal, or the token as entry #1 and then the values. */
function checkedList(state: RenderedConditions, key: keyof RoleConditions, values: unknown[], next: unknown): unknown {
  if (!Token.isUnresolved(state.spec[key])) return next;
  const seen = state.checked[key];
  return [...(Token.isUnresolved(seen) ? [seen] : ((seen as unknown[] | undefined) ?? [])), ...values];
}

function withLabel(state: RenderedConditions, key: LabelKey, label: string, values: string[]): RenderedConditions {
  const current = state.spec[key] as { [k: string]: string[] } | undefined;
  if (current === undefined || !Token.isUnresolved(current)) {
    return update(state, { [key]: { ...current, [label]: merged(current?.[label], values) } });
  }
  // A token map is extended with merge(); the rules see the literal labels added so far.
  const seen = state.checked[key] as { [k: string]: string[] } | undefined;
  const literal = seen === undefined || Token.isUnresolved(seen) ? {} : seen;
  const next = Token.asAny(Fn.merge([current, { [label]: values }]));
  return update(state, { [key]: next }, { [key]: { ...literal, [label]: merged(literal[label], values) } });
}

/** `current` plus `values`, without duplicates; a token list is extended with `concat()`. */
function merged(current: string[] | undefined, values: string[]): string[] {
  if (current !== undefined && Token.isUnresolved(current)) return Token.asList(Fn.concat([current, values]));
  const out = [...(current ?? [])];
  for (const v of values) if (Token.isUnresolved(v) || !out.includes(v)) out.push(v);
  return out;
}
