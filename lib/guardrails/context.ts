// What the rules read: the access map of the whole configuration, its provision tokens, the pack's
// thresholds, and the leaf roles the root reaches (grouped per role, with every path to it).
import { AccessMapData, AccessPath, ConfigLocation, LeafRole, LoginGrant, TrustEdge } from '../access/model';
import { escapeUnsafe } from '../report/sanitize';
import { TokenFact } from '../access/tokens';
import { loginReaches } from '../access/words';
import type { RuleHit } from './rule-hit';

/** The pack's thresholds, resolved. */
export interface Thresholds {
  /** `max_session_ttl` above this is reported (Go duration text, and milliseconds). */
  readonly maxSessionTtl: string;
  readonly maxSessionTtlMs: number;
  /** A `Trusted_cluster` token living longer than this is reported. */
  readonly maxTrustedClusterTokenTtl: string;
  readonly maxTrustedClusterTokenTtlMs: number;
  /** Now, in epoch milliseconds (absolute token expiries are measured from it). */
  readonly now: number;
}

/** One way the root reaches a leaf role: the trust and the root role's path. */
export interface Reach {
  readonly trust: TrustEdge;
  readonly path: AccessPath;
}

/** A leaf role that root users reach, with every path to it. */
export interface ReachedRole {
  readonly name: string;
  readonly role: LeafRole;
  /** The role's resource, or (a preset) the trusted cluster whose role_map names it. */
  readonly location: ConfigLocation;
  readonly reaches: readonly Reach[];
  /** Who reaches it, in words: `root rootcluster.example.com (role access)`. */
  readonly from: string;
  /** The attribute path for a role field (`allow.logins` -> `spec.allow.logins`), or the role_map entry for a preset. */
  field(attribute: string): string;
}

/** Quoted for a message, without control characters. */
export const q = (text: string): string => `"${escapeUnsafe(text)}"`;

/** True when a trust may grant something: enabled, or `enabled` known only at apply. */
export const isLive = (t: TrustEdge): boolean => t.enabled || t.enabledAtApply;

function describeRoot(r: Reach): string {
  return r.path.rootKind === 'pattern' ? `roles matching ${q(r.path.root)}` : `role ${q(r.path.root)}`;
}

function fromText(reaches: readonly Reach[]): string {
  const byRoot = new Map<string, Set<string>>();
  for (const r of reaches) {
    const set = byRoot.get(r.trust.root) ?? new Set<string>();
    set.add(describeRoot(r));
    byRoot.set(r.trust.root, set);
  }
  return [...byRoot].map(([root, roles]) => `root ${q(root)} (${[...roles].join(', ')})`).join(' and ');
}

function presetField(trust: TrustEdge, name: string): string {
  const entry = trust.roleMap.find((e) => e.local.includes(name));
  return entry ? `spec.role_map[${entry.index}].local` : 'spec.role_map';
}

/** The leaf roles of live trusts that some root role or pattern maps to, configured or preset. */
function reachedRoles(map: AccessMapData): ReachedRole[] {
  const groups = new Map<string, { role: LeafRole; location: ConfigLocation; trust: TrustEdge; reaches: Reach[] }>();
  for (const trust of map.trusts) {
    if (!isLive(trust)) continue;
    const roles = new Map(trust.leafRoles.map((r) => [r.name, r]));
    for (const path of trust.paths) {
      for (const name of path.leafRoles) {
        const role = roles.get(name);
        if (!role || (role.source !== 'config' && role.source !== 'preset')) continue;
        const location = role.location ?? trust.location;
        const key = role.location ? `${location.stack}\u0000${location.address}` : `${trust.key}\u0000${name}`;
        let group = groups.get(key);
        if (!group) groups.set(key, (group = { role, location, trust, reaches: [] }));
        group.reaches.push({ trust, path });
      }
    }
  }
  return [...groups.values()].map((g) => ({
    name: g.role.name,
    role: g.role,
    location: g.location,
    reaches: g.reaches,
    from: fromText(g.reaches),
    field: (attribute: string) => (g.role.location ? `spec.${attribute}` : presetField(g.trust, g.role.name)),
  }));
}

/** A login of a reached role that root users can use: issued by the root side and not denied. */
export interface ReachedLogin {
  readonly login: LoginGrant;
  readonly reach: Reach;
}

/** Every login a reached role grants across its paths (the model's effective logins, denied and never-issued ones left out). */
export function loginsOf(role: ReachedRole): ReachedLogin[] {
  return role.reaches.flatMap((reach) => reach.path.logins.filter((l) => l.role === role.name && loginReaches(l)).map((login) => ({ login, reach })));
}

/** A role's description for messages: `leaf role "visitor"`, or `preset role "access" on the leaf`. */
export function roleText(role: ReachedRole): string {
  return role.role.source === 'preset' ? `Teleport's preset role ${q(role.name)} on the leaf` : `leaf role ${q(role.name)}`;
}

/** A finding on a reached role's field (on a preset: its role_map entry, with the preset's fix). */
export function roleHit(role: ReachedRole, attribute: string, message: string): RuleHit {
  return { location: role.location, path: role.field(attribute), message, ...(role.role.source === 'preset' ? { preset: role.name } : {}) };
}

/** What the rules read. */
export class RuleContext {
  private reachedCache?: ReachedRole[];

  constructor(
    public readonly map: AccessMapData,
    public readonly tokens: readonly TokenFact[],
    public readonly thresholds: Thresholds,
  ) {}

  /** The leaf roles root users reach through live trusts. */
  get reached(): ReachedRole[] {
    return (this.reachedCache ??= reachedRoles(this.map));
  }
}
