// How the report words a selector, a login's root-side condition and an option.
import { LoginGrant, ResourceGrant } from './model';
import { isExpression } from './values';

/** A label selector and expression as the report shows them: `all`, `env=staging|dev`, `expr(...)`. */
export interface Selector {
  readonly labels?: { [key: string]: string[] };
  readonly labelsExpression?: string;
}

const atApply = (v: string) => (isExpression(v) ? `${v} (known at apply)` : v);

export function selectorText(s: Selector): string {
  const parts: string[] = [];
  const labels = s.labels ?? {};
  const wildcard = labels['*']?.length === 1 && labels['*'][0] === '*';
  if (wildcard) parts.push('all');
  else for (const [k, v] of Object.entries(labels)) parts.push(`${atApply(k)}=${v.map(atApply).join('|') || '(none)'}`);
  if (s.labelsExpression !== undefined) parts.push(`where ${s.labelsExpression.replace(/\s+/g, ' ').trim()}`);
  return parts.join(', ') || 'none';
}

const NOUN: Record<string, string> = { ssh: 'nodes', kubernetes: 'Kubernetes clusters', database: 'databases', app: 'apps', desktop: 'desktops' };

/** `nodes: all`, `databases: env=dev`. */
export const resourcesText = (g: ResourceGrant): string => `${NOUN[g.kind] ?? g.kind}: ${selectorText(g)}`;

const traitList = (traits: readonly string[]) => traits.map((t) => `"${t}"`).join(' or ');

/** Who gets a login, in words. */
export function conditionText(l: LoginGrant): string {
  switch (l.condition) {
    case 'always':
      return 'every user of the root role';
    case 'trait':
      return l.traits.length ? `root users whose ${traitList(l.traits)} trait holds it` : 'root users whose traits produce it';
    case 'root-unknown':
      return 'root users whose certificate carries it (the root role is not in this configuration)';
    case 'not-issued':
      return 'nobody: the root role never issues this login';
    case 'denied':
      return 'nobody: a deny rule removes it';
    default:
      return 'known at apply';
  }
}

/** True when a login grant gives access (not denied, issued by the root). */
export const loginReaches = (l: LoginGrant): boolean => l.condition !== 'denied' && l.condition !== 'not-issued';
