// The access map of a configuration: per trusted cluster, the root roles its role_map maps, the leaf
// roles they reach, and what those grant (docs/access.md has the rules and Teleport's sources).
import { TfInput, TfResource } from '../config/model';
import { ClusterIndex, locationOf } from './clusters';
import { NO_GRANTS, combineGrants, roleGrants } from './grants';
import { RootLogins, effectiveLogins } from './logins';
import { AccessMapData, AccessPath, LeafRole, ResourceGrant, RoleGrants, RoleMapEntry, RootRole, TrustEdge } from './model';
import { PRESETS } from './presets';
import { RemotePattern, isExpansion, remotePattern } from './role-map';
import { withServerDefaults } from './server-defaults';
import { compareText } from './text-order';
import { hostOf, isExpression, stringList, uniqueSorted, unknownInPlan } from './values';

/** The report format's version; bump on a breaking change of the JSON shape. */
export const ACCESS_SCHEMA_VERSION = 1;

type Spec = Record<string, any>;

/** A role as the model reads it: its grants, its raw options (to combine) and its root-side logins. */
interface ResolvedRole {
  readonly leaf: LeafRole;
  readonly options: Spec;
  readonly logins: string[];
}

function resolveValues(name: string, source: string, values: Spec, extra: Partial<LeafRole>): ResolvedRole {
  const version = typeof values.version === 'string' ? values.version : '';
  const { spec, notes } = withServerDefaults(version, values.spec);
  return {
    leaf: { name, source, ...(version ? { version } : {}), grants: roleGrants(name, spec), notes, ...extra },
    options: spec.options,
    logins: stringList(spec.allow?.logins),
  };
}

/**
 * The leaf sets the internal traits of a root user from the root certificate (lib/services/
 * access_checker.go `AccessInfoFromRemoteTLSIdentity`): `{{internal.kubernetes_groups}}` on the
 * leaf is what the root role puts in the certificate. Those are resolved here from the root role's
 * own values (which may be templates themselves); an empty root value expands to nothing.
 */
const INTERNAL_FROM_ROOT: [keyof ResourceGrant, string, RegExp][] = (
  [
    ['kubernetesGroups', 'kubernetes_groups'],
    ['kubernetesUsers', 'kubernetes_users'],
    ['databaseNames', 'db_names'],
    ['databaseUsers', 'db_users'],
  ] as const
).map(([field, attr]) => [field, attr, new RegExp(`^\\{\\{\\s*internal\\.${attr}\\s*\\}\\}$`)]);

function withRootTraits(g: ResourceGrant, rootSpec: Spec): ResourceGrant {
  let out = g;
  for (const [field, attr, internal] of INTERNAL_FROM_ROOT) {
    const values = g[field] as string[] | undefined;
    if (!values?.some((v) => internal.test(v))) continue;
    const rootValues = stringList(rootSpec.allow?.[attr]);
    const resolved = uniqueSorted(values.flatMap((v) => (internal.test(v) ? rootValues : [v])));
    out = { ...out, [field]: resolved };
  }
  return out;
}

class TrustBuilder {
  private readonly notes: string[] = [];
  private readonly resolved = new Map<string, ResolvedRole>();

  constructor(
    private readonly index: ClusterIndex,
    private readonly tc: TfResource,
  ) {}

  /** A role on the leaf: configured on the leaf's cluster, a preset, or missing. */
  private leafRole(name: string): ResolvedRole {
    let r = this.resolved.get(name);
    if (r) return r;
    const leaf = this.index.cluster(this.tc.stack, this.tc.providerKey);
    const configured = this.index.role(leaf.name, name, { stack: this.tc.stack, provider: this.tc.providerKey });
    const preset = PRESETS.get(name);
    if (configured) r = resolveValues(name, 'config', configured.resource.values, { location: configured.location });
    else if (preset) r = resolveValues(name, 'preset', preset.values, {});
    else {
      const why = isExpansion(name)
        ? 'a name expanded from the root role that matches the pattern: it must exist on the leaf for that root role'
        : 'neither configured on this leaf nor a Teleport preset: it must already exist on the leaf, and what it grants is not known here';
      r = { leaf: { name, source: isExpansion(name) ? 'expansion' : 'missing', grants: NO_GRANTS, notes: [why] }, options: {}, logins: [] };
    }
    this.resolved.set(name, r);
    return r;
  }

  build(): TrustEdge {
    const values = this.tc.values;
    const leaf = this.index.cluster(this.tc.stack, this.tc.providerKey);
    const root = typeof values.metadata?.name === 'string' ? values.metadata.name : '(unnamed)';
    const proxy = typeof values.spec?.web_proxy_addr === 'string' ? values.spec.web_proxy_addr : undefined;
    const rootCluster = hostOf(proxy) ?? hostOf(root);
    const enabledAtApply = isExpression(values.spec?.enabled) || unknownInPlan(this.tc, 'spec.enabled');
    const enabled = values.spec?.enabled === true;

    // Root roles: configured on the root's cluster (this stack's first), and Teleport's presets.
    const rootRoles = new Map<string, RootRole & { raw: Spec }>();
    const rolesFrom = new Set<string>();
    for (const name of this.index.rolesOf(rootCluster).keys()) {
      const r = this.index.role(rootCluster, name, { stack: this.tc.stack })!;
      rolesFrom.add(`${r.location.stack}/${r.location.provider}`);
      // Only its logins are needed here (the server's defaults never change allow.logins): resolving
      // every root role's grants again for every trust made the map trusts x root roles x grants.
      rootRoles.set(name, {
        name,
        source: 'config',
        location: r.location,
        logins: stringList(r.resource.values.spec?.allow?.logins),
        raw: r.resource.values,
      });
    }
    const entries = Array.isArray(values.spec?.role_map) ? (values.spec.role_map as Spec[]) : [];
    // Enterprise-only presets count as root roles only where the role_map names them.
    const named = new Set(entries.map((e) => e?.remote));
    for (const [name, p] of PRESETS) {
      if (!rootRoles.has(name) && (!p.enterprise || named.has(name)))
        rootRoles.set(name, { name, source: 'preset', logins: stringList(p.values.spec.allow?.logins), raw: p.values });
    }

    if (isExpression(values.spec?.role_map) || unknownInPlan(this.tc, 'spec.role_map'))
      this.notes.push('spec.role_map is known only at apply: no root role can be followed');
    const patterns: { entry: RoleMapEntry; pattern: RemotePattern }[] = entries.map((e, index) => {
      const pattern = remotePattern(typeof e?.remote === 'string' ? e.remote : '');
      const local = stringList(e?.local);
      if (pattern.kind === 'invalid')
        this.notes.push(
          `spec.role_map[${index}].remote "${pattern.remote}" is not a valid RE2 expression (${pattern.error}): Teleport rejects the trusted cluster`,
        );
      const matchedRootRoles = [...rootRoles.keys()].filter((r) => pattern.map(r, local) !== undefined).sort();
      return {
        entry: { index, remote: pattern.remote, kind: pattern.kind, local, matchesEveryRole: pattern.matchesEveryRole, matchedRootRoles },
        pattern,
      };
    });

    const paths: AccessPath[] = [];
    // Teleport's MapRoles for one root role name: every entry, every local name, empty expansions dropped.
    const mapRole = (name: string) => {
      const via: number[] = [];
      const locals: string[] = [];
      for (const { entry, pattern } of patterns) {
        const mapped = pattern.map(name, entry.local);
        if (!mapped) continue;
        via.push(entry.index);
        locals.push(...mapped.filter((l) => l !== ''));
      }
      return { via, locals: uniqueSorted(locals) };
    };
    const path = (
      rootName: string,
      rootKind: string,
      rootSource: string,
      via: number[],
      leafRoleNames: string[],
      rootLogins: RootLogins,
      rootSpec?: Spec,
    ) => {
      const roles = leafRoleNames.map((n) => this.leafRole(n));
      const combined: RoleGrants = combineGrants(
        roles.map((r) => r.leaf.grants),
        roles.map((r) => r.options),
      );
      const grants = rootSpec ? { ...combined, allow: combined.allow.map((g) => withRootTraits(g, rootSpec)) } : combined;
      const sshDeny = grants.deny.filter((d) => d.kind === 'ssh');
      const denied = new Set(sshDeny.flatMap((d) => d.logins ?? []));
      const denyAll = sshDeny.some((d) => d.everyResource);
      const logins = grants.allow.filter((g) => g.kind === 'ssh').flatMap((g) => effectiveLogins(g, rootLogins, denied, denyAll));
      paths.push({ root: rootName, rootKind, rootSource, via, leafRoles: leafRoleNames, logins, grants });
    };
    for (const r of rootRoles.values()) {
      const { via, locals } = mapRole(r.name);
      if (via.length) path(r.name, 'role', r.source, via, locals, { known: true, logins: r.logins }, r.raw.spec);
    }
    for (const { entry, pattern } of patterns) {
      if (pattern.kind === 'exact' && !rootRoles.has(entry.remote)) {
        const { via, locals } = mapRole(entry.remote);
        path(entry.remote, 'unknown-role', 'unknown', via, locals, { known: false, logins: [] });
      } else if (pattern.kind === 'glob' || pattern.kind === 'regex' || pattern.kind === 'at-apply') {
        // Root roles the configuration does not know may match too.
        path(entry.remote, 'pattern', 'unknown', [entry.index], uniqueSorted(entry.local), { known: false, logins: [] });
      }
    }

    if (!rolesFrom.size)
      this.notes.push(
        `the root's roles are not in this configuration (no provider with the address of ${rootCluster ?? root}): only Teleport's presets are known on the root side`,
      );
    if (!enabled)
      this.notes.push(
        enabledAtApply ? 'spec.enabled is known only at apply' : 'disabled (spec.enabled is not true): this trust grants nothing until it is enabled',
      );
    return {
      key: `${leaf.name}|${root}`,
      leaf,
      root,
      ...(proxy !== undefined ? { rootProxy: proxy } : {}),
      rootRolesFrom: [...rolesFrom].sort(),
      enabled,
      enabledAtApply,
      location: locationOf(this.tc),
      roleMap: patterns.map((p) => p.entry),
      rootRoles: [...rootRoles.values()].filter((r) => paths.some((p) => p.root === r.name && p.rootKind === 'role')).map(({ raw: _raw, ...r }) => r),
      leafRoles: [...this.resolved.values()].map((r) => r.leaf).sort((a, b) => compareText(a.name, b.name)),
      paths,
      notes: this.notes,
    };
  }
}

/** The access map of an input (a synthesized configuration or a plan). */
export function buildAccessMap(input: TfInput): AccessMapData {
  const index = new ClusterIndex(input.stacks);
  const trusts: TrustEdge[] = [];
  for (const stack of input.stacks) {
    for (const r of stack.resources) {
      if (r.type === 'teleport_trusted_cluster' && r.mode === 'managed') trusts.push(new TrustBuilder(index, r).build());
    }
  }
  // A trust is keyed by leaf and root, so that a diff matches it whatever the stack directory is
  // called; the stack is added only where several stacks hold the same leaf and root.
  const seen = new Map<string, number>();
  for (const t of trusts) seen.set(`${t.leaf.name}|${t.root}`, (seen.get(`${t.leaf.name}|${t.root}`) ?? 0) + 1);
  const keyed = trusts.map((t) => ({
    ...t,
    key: seen.get(`${t.leaf.name}|${t.root}`)! > 1 ? `${t.location.stack}|${t.leaf.name}|${t.root}` : `${t.leaf.name}|${t.root}`,
  }));
  keyed.sort((a, b) => compareText(a.leaf.name, b.leaf.name) || compareText(a.root, b.root) || compareText(a.key, b.key));
  return { schemaVersion: ACCESS_SCHEMA_VERSION, inputKind: input.kind, stacks: input.stacks.map((s) => s.name), trusts: keyed };
}
