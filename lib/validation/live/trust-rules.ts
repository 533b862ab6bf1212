// The rules that need a cluster's own answers, whichever credential read them (a web session or
// an identity; cluster-facts.ts): mapped roles exist on the leaf, the join token on the root, the
// trusted cluster's state on the leaf, the root's remote cluster for the leaf.
import { plainServerText } from '../../report/sanitize';
import { sameAddress } from '../../common/host-port';
import { isTrustedClusterRole } from '../../common/system-roles';
import { Finding } from '../../report/finding';
import { isLiteral, isUnknownAt, isUnset } from '../rules/context';
import { ClusterFacts, Lookup, Unavailable } from './cluster-facts';
import { LiveContext, notChecked } from './context';
import { ClusterRef, TrustedClusterTarget } from './targets';
import { effectiveTunnel } from './trusted-cluster-checks';

export interface TrustInput {
  readonly trusted: readonly TrustedClusterTarget[];
  /** Facts by cluster key (the dialled address). */
  readonly facts: ReadonlyMap<string, ClusterFacts>;
  /** The cluster key of a ref: its dialled web address, or its Auth address. */
  readonly keyOf: (ref: ClusterRef | undefined) => string | undefined;
  readonly now: Date;
}

export function trustFindings(input: TrustInput, ctx: LiveContext): Finding[] {
  return input.trusted.flatMap((t) => {
    const leafKey = input.keyOf(t.leaf?.ref);
    const rootKey = input.keyOf(t.root);
    const leaf = leafKey ? input.facts.get(leafKey) : undefined;
    const root = rootKey ? input.facts.get(rootKey) : undefined;
    const names = {
      leaf: leaf?.clusterName ?? (leafKey ? ctx.infos.get(leafKey)?.clusterName : undefined),
      root: root?.clusterName ?? (rootKey ? ctx.infos.get(rootKey)?.clusterName : undefined),
    };
    return [
      ...leafRoleFindings(t, leaf),
      ...rootTokenFindings(t, input.now, root),
      ...trustedClusterStateFindings(t, leaf, names.root),
      ...remoteClusterFindings(t, root, leaf, names),
    ];
  });
}

const where = (t: TrustedClusterTarget) => ({ stack: t.stack.name, resource: t.resource.address });

/** "not checked" when a read was refused or is not implemented, else nothing. */
function unavailable(t: TrustedClusterTarget, facts: ClusterFacts | undefined, kind: Unavailable, what: string, path?: string): Finding[] {
  const why = facts?.unavailable?.get(kind);
  return why ? [notChecked(t.stack.name, t.resource.address, `${what} was not checked: ${why}.`, undefined, path)] : [];
}

/** The mapped local roles a leaf must already have (literal, not `$1` expansions, not created by this configuration). */
export function mappedLocalRoles(t: TrustedClusterTarget): { role: string; path: string; managedHere: boolean }[] {
  return (t.resource.values.spec?.role_map ?? []).flatMap((m: { local?: unknown[] }, i: number) =>
    (m.local ?? [])
      .filter((l): l is string => isLiteral(l) && !l.includes('$'))
      .map((role) => ({
        role,
        path: `spec.role_map[${i}].local`,
        managedHere: t.stack.resources.some(
          (r) => r.type === 'teleport_role' && r.providerKey === t.resource.providerKey && r.values.metadata?.name === role,
        ),
      })),
  );
}

function leafRoleFindings(t: TrustedClusterTarget, leaf: ClusterFacts | undefined): Finding[] {
  const out: Finding[] = [];
  for (const { role, path, managedHere } of mappedLocalRoles(t)) {
    const exists = leaf?.role?.(role);
    if (exists) {
      out.push({ ...where(t), severity: 'info', check: 'validate.role-exists', path, message: `role "${role}" exists on the leaf.` });
    } else if (exists === null && !managedHere) {
      // a role this configuration creates is created before the trusted cluster
      out.push({
        ...where(t),
        severity: 'error',
        check: 'validate.role-exists',
        path,
        message: `role "${role}" does not exist on the leaf: Teleport rejects the trusted cluster.`,
        fix: 'create the role on the leaf first (a Role on the leaf provider), or map to an existing role.',
      });
    } else if (exists === undefined && !managedHere) {
      out.push(...unavailable(t, leaf, 'roles', `role "${role}" on the leaf`, path));
    }
  }
  return out;
}

function rootTokenFindings(t: TrustedClusterTarget, now: Date, root: ClusterFacts | undefined): Finding[] {
  const token = t.resource.values.spec?.token;
  if (!isLiteral(token)) return [];
  const found = root?.token?.(token);
  if (found === undefined) return unavailable(t, root, 'tokens', 'the join token on the root', 'spec.token');
  const at = { ...where(t), severity: 'error' as const, check: 'validate.join-token-live', path: 'spec.token' };
  if (!found)
    return [
      {
        ...at,
        message: 'the join token does not exist on the root (never created, or expired and deleted).',
        fix: 'create a Trusted_cluster token on the root (ProvisionToken.forTrustedCluster) and use it.',
      },
    ];
  if (!found.roles.some(isTrustedClusterRole)) {
    return [
      {
        ...at,
        message: `the join token exists on the root but its roles (${found.roles.join(', ') || 'none'}) lack Trusted_cluster: the root refuses the join ("role does not match").`,
        fix: 'use a token with the Trusted_cluster role.',
      },
    ];
  }
  if (found.expiry && !found.expiry.startsWith('0001-') && new Date(found.expiry).getTime() <= now.getTime()) {
    return [{ ...at, message: `the join token expired at ${found.expiry}.`, fix: 'create a fresh Trusted_cluster token on the root.' }];
  }
  return [];
}

/** true / false when some name was asked (found / none), undefined when none was. */
function anyFound<T>(lookup: Lookup<T> | undefined, names: readonly (string | undefined)[]): boolean | undefined {
  const answers = names.filter((n): n is string => !!n).map((n) => lookup?.(n));
  if (answers.some((a) => a)) return true;
  return answers.some((a) => a === null) ? false : undefined;
}

/**
 * The trusted cluster as the leaf has it: a plan that would replace one that exists, one that
 * exists with other addresses (which Teleport will not change in place), a create of one that
 * exists (the provider refuses), or one that does not exist and has no token to join with.
 */
function trustedClusterStateFindings(t: TrustedClusterTarget, leaf: ClusterFacts | undefined, rootName: string | undefined): Finding[] {
  const name = t.name ?? rootName;
  const current = name ? leaf?.trustedCluster?.(name) : undefined;
  const at = { ...where(t), check: 'validate.trusted-cluster-state' };
  if (current === undefined) return name ? unavailable(t, leaf, 'trustedClusters', 'the trusted cluster on the leaf') : [];
  const actions = t.change?.actions ?? [];
  const spec = t.resource.values.spec ?? {};
  if (current === null) {
    if (isUnset(spec.token) && !isUnknownAt(t.resource.unknown, 'spec.token')) {
      return [
        {
          ...at,
          severity: 'error',
          path: 'spec.token',
          message: `does not exist on the leaf and has no join token: it cannot join the root (${leaf!.via}).`,
          fix: 'give the token of a Trusted_cluster provision token on the root (JoinToken.fromProvisionToken or a sensitive variable); omit it only once the leaf has joined.',
        },
      ];
    }
    return [
      { ...at, severity: 'info', message: `does not exist on the leaf yet: the apply creates it and joins the root with the token (${leaf!.via}).` },
    ];
  }
  if (actions.includes('delete') && actions.includes('create')) {
    return [
      {
        ...at,
        severity: 'error',
        message: `the plan replaces the trusted cluster, which exists on the leaf: Terraform deletes it first (the root's users lose access to the leaf) and the new one must join the root again with a valid Trusted_cluster token.`,
        fix: `find what forces the replacement (the plan's replace_paths) and keep it as the leaf has it; if the trust must be rebuilt, give a fresh Trusted_cluster token from the root and apply in a maintenance window.`,
      },
    ];
  }
  if (actions.includes('create')) {
    return [
      {
        ...at,
        severity: 'error',
        message: `the plan creates it, but "${name}" already exists on the leaf: the provider refuses ("TrustedCluster exists in Teleport").`,
        fix: `import it (terraform import ${t.resource.address} ${name}), or remove it on the leaf first (tctl rm trusted_cluster/${name}) if it is stale.`,
      },
    ];
  }
  if (t.change?.before) return []; // an update: the plan's before/after is compared offline (immutable-changes)
  const differ: Finding[] = [];
  const compare = (field: string, configured: unknown, fromLeaf: string | undefined) => {
    if (!isLiteral(configured) || !fromLeaf || sameAddress(configured, fromLeaf)) return;
    const stored = plainServerText(fromLeaf);
    differ.push({
      ...at,
      severity: 'error',
      path: `spec.${field}`,
      message: `exists on the leaf with ${field} "${stored}", but the configuration says "${configured}": Teleport refuses to change it on an existing trusted cluster ("can not update ${field} for existing leaf cluster").`,
      fix: `set ${field} to "${stored}", or replace the trusted cluster deliberately (terraform apply -replace=${t.resource.address}) with a fresh Trusted_cluster token.`,
    });
  };
  compare('web_proxy_addr', spec.web_proxy_addr, current.proxyAddress);
  compare('tunnel_addr', effectiveTunnel(t).value, current.tunnelAddress || current.proxyAddress);
  return differ.length
    ? differ
    : [{ ...at, severity: 'info', message: `exists on the leaf${current.proxyAddress ? ' with the same addresses' : ''} (${leaf!.via}).` }];
}

/**
 * A remote cluster on the root under the leaf's name blocks a join only when the leaf does not
 * (or will newly) trust the root: warn when the leaf was asked and has no trusted cluster for the
 * root, or when the plan creates this trusted cluster; otherwise it may be the working trust, and
 * then an offline one means the leaf's tunnel is down.
 */
function remoteClusterFindings(
  t: TrustedClusterTarget,
  root: ClusterFacts | undefined,
  leaf: ClusterFacts | undefined,
  names: { leaf?: string; root?: string },
): Finding[] {
  if (!names.leaf) return [];
  const remote = root?.remoteCluster?.(names.leaf);
  const leafName = plainServerText(names.leaf); // server text, for messages
  if (remote === undefined) return unavailable(t, root, 'remoteClusters', `the root's remote cluster "${leafName}"`);
  if (!remote) return [];
  const at = where(t);
  const leafTrusts = anyFound(leaf?.trustedCluster, [names.root, t.name]);
  const creates = t.change?.actions.includes('create') === true;
  if (leafTrusts === false || creates) {
    return [
      {
        ...at,
        severity: 'warning',
        check: 'validate.remote-cluster-exists',
        message: `the root already has a remote cluster "${leafName}" and ${creates ? 'the plan creates this trusted cluster' : 'the leaf has no trusted cluster for the root'}: a join under that name fails while the old remote_cluster exists.`,
        fix: `if no working leaf uses the name "${leafName}" (e.g. the leaf was rebuilt), delete the stale entry on the root (tctl rm rc/${leafName}); never while a leaf still uses it, which would break that trust.`,
      },
    ];
  }
  if (leafTrusts === true) {
    if (remote.connection !== 'offline') return [];
    return [
      {
        ...at,
        severity: 'warning',
        check: 'validate.remote-cluster-status',
        message: `the leaf trusts the root, but the root sees its remote cluster "${leafName}" offline${remote.lastHeartbeat ? ` (last heartbeat ${remote.lastHeartbeat})` : ''}: the leaf's reverse tunnel to the root is down.`,
        fix: "check that the leaf reaches the tunnel address (spec.tunnel_addr) and the leaf's proxy logs; an apply of this configuration does not bring the tunnel back.",
      },
    ];
  }
  return [
    notChecked(
      at.stack,
      at.resource,
      `the root has a remote cluster "${leafName}"; without a web session on the leaf (or an identity for it) it was not checked whether that is this leaf's working trust or a stale one that blocks a new join.`,
      'set TELEPORT_<NAME>_USER and _PASSWORD for the leaf, or give its identity (--identity NAME=FILE), to check it.',
    ),
  ];
}
