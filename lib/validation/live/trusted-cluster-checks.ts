// What the root and leaf proxies say about a trusted cluster, without credentials: the root's
// cluster name, the tunnel address it advertises (and whether that address answers a TCP connect
// from here), root and leaf names, version skew.
import { parseHostPort, sameAddress } from '../../common/host-port';
import { advertisedTunnelAddr, major } from '../../proxy-client';
import { Finding } from '../../report/finding';
import { isLiteral, isUnknownAt, isUnset } from '../rules/context';
import { LiveContext, notChecked } from './context';
import { TrustedClusterTarget, providerName } from './targets';

/**
 * The tunnel address Teleport will dial for this trusted cluster. An unset tunnel_addr becomes
 * web_proxy_addr: Teleport's TrustedClusterV2.CheckAndSetDefaults does that, and the provider calls
 * it on create and update. (The provider page's "derived from <metadata.name>:<default reverse
 * tunnel port>" comes from a stale proto comment; the code never derives it that way.)
 */
export function effectiveTunnel(t: TrustedClusterTarget): { value?: string; derived: boolean } {
  const spec = t.resource.values.spec ?? {};
  if (isUnset(spec.tunnel_addr) && !isUnknownAt(t.resource.unknown, 'spec.tunnel_addr')) {
    return { value: isLiteral(spec.web_proxy_addr) ? spec.web_proxy_addr : undefined, derived: true };
  }
  return { value: isLiteral(spec.tunnel_addr) ? spec.tunnel_addr : undefined, derived: false };
}

export function trustedClusterFindings(t: TrustedClusterTarget, ctx: LiveContext): Finding[] {
  const stack = t.stack.name;
  const resource = t.resource.address;
  const at = (f: Omit<Finding, 'stack' | 'resource'>): Finding => ({ ...f, stack, resource });
  const out: Finding[] = [...tunnelReachFindings(t, ctx).map(at)];
  const rootAt = ctx.addresses.resolve(t.root);
  const root = rootAt.dial ? ctx.infos.get(rootAt.dial) : undefined;
  if (!root) {
    out.push(notChecked(stack, resource, `the root was not checked: ${rootAt.skipped?.why ?? 'no address'}.`, rootAt.skipped?.fix));
  } else {
    if (t.name && t.name !== root.clusterName) {
      out.push(
        at({
          severity: 'error',
          check: 'validate.cluster-name',
          path: 'metadata.name',
          message: `is "${t.name}", but the root at ${rootAt.dial} is named "${root.clusterName}": Teleport renames the resource to the root's name, so Terraform would show drift forever.`,
          fix: `set metadata.name to "${root.clusterName}".`,
        }),
      );
    }
    const tunnel = effectiveTunnel(t);
    const dialledHost = String(isLiteral(t.resource.values.spec?.web_proxy_addr) ? t.resource.values.spec.web_proxy_addr : rootAt.dial).replace(
      /:\d+$/,
      '',
    );
    const expected = advertisedTunnelAddr(root, dialledHost);
    if (tunnel.value && parseHostPort(tunnel.value) && expected && !sameAddress(tunnel.value, expected)) {
      const what = tunnel.derived ? `is not set, so Teleport uses web_proxy_addr "${tunnel.value}" as the tunnel address` : `is "${tunnel.value}"`;
      out.push(
        at({
          severity: 'error',
          check: 'validate.tunnel-addr',
          path: 'spec.tunnel_addr',
          message: `${what}, but the root advertises its reverse tunnel at "${expected}" (TLS routing ${root.tlsRoutingEnabled ? 'on: the tunnel shares the web address' : 'off: the tunnel has its own listener'}); the leaf dials tunnel_addr as written and the tunnel would never come up.`,
          fix: `set tunnel_addr to "${expected}".`,
        }),
      );
    } else if (!tunnel.value) {
      out.push(
        notChecked(
          stack,
          resource,
          'tunnel_addr is not a literal (nor is web_proxy_addr, which Teleport uses when tunnel_addr is unset): it was not compared with what the root advertises.',
          undefined,
          'spec.tunnel_addr',
        ),
      );
    }
  }
  const leafAt = t.leaf ? ctx.addresses.resolve(t.leaf.ref) : undefined;
  const leaf = leafAt?.dial ? ctx.infos.get(leafAt.dial) : undefined;
  if (!leaf) {
    const leafName = t.leaf ? `provider.${t.leaf.key}` : `provider ${providerName(t.resource.providerKey)}`;
    out.push(
      notChecked(
        stack,
        resource,
        `the leaf (${leafName}) was not checked: ${leafAt?.skipped?.why ?? 'it has no provider block'}; root and leaf names and versions were not compared.`,
        leafAt?.skipped?.fix,
      ),
    );
  } else if (root) {
    if (leaf.clusterName === root.clusterName) {
      out.push(
        at({
          severity: 'error',
          check: 'validate.same-name',
          message: `root and leaf are both named "${root.clusterName}": the handshake refuses equal names.`,
          fix: 'give the clusters distinct names.',
        }),
      );
    }
    const r = major(root.serverVersion);
    const l = major(leaf.serverVersion);
    if (r !== undefined && l !== undefined && !(l <= r && l >= r - 1)) {
      out.push(
        at({
          severity: 'error',
          check: 'validate.version-skew',
          message: `the leaf runs Teleport ${leaf.serverVersion} and the root ${root.serverVersion}: a leaf must run the root's major version or one behind, never newer.`,
          fix: l > r ? 'upgrade the root first.' : "upgrade the leaf to the root's major version (or one behind).",
        }),
      );
    }
  }
  return out;
}

/** A warning when the effective tunnel address does not take a TCP connect from this machine. */
function tunnelReachFindings(t: TrustedClusterTarget, ctx: LiveContext): Omit<Finding, 'stack' | 'resource'>[] {
  const tunnel = effectiveTunnel(t);
  if (!tunnel.value || !parseHostPort(tunnel.value)) return [];
  const dial = ctx.addresses.dialFor(tunnel.value);
  const probe = ctx.probes.get(dial);
  if (!probe || probe.reachable) return [];
  const where = sameAddress(dial, tunnel.value) ? '' : ` (dialled at ${dial})`;
  return [
    {
      severity: 'warning',
      check: 'validate.tunnel-reachable',
      path: 'spec.tunnel_addr',
      message: `${tunnel.derived ? 'the tunnel address (web_proxy_addr, as tunnel_addr is unset) ' : ''}"${tunnel.value}"${where} is not reachable from this machine (${probe.reason}); the leaf must reach it.`,
      fix: "check the address, DNS and firewalls from the leaf's network (only reachability from here was tested).",
    },
  ];
}
