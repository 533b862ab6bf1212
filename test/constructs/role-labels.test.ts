// Role: the label helpers (which servers, apps, databases, desktops and leaf clusters), on the synthesized JSON.
import { Role, RoleVersion } from '../../lib/constructs/role';
import { newStack } from '../support/constructs';
import { synthRole } from '../support/role';

describe('Role labels', () => {
  test('each allow and deny label helper lands in its map; values merge with the props per key', () => {
    // GIVEN a role that allows env=dev nodes in its props
    const r = new Role(newStack(), 'dev', { name: 'dev', version: RoleVersion.V8, allow: { nodeLabels: { env: ['dev'] } } });
    // WHEN every label helper except Kubernetes' (role-kubernetes.test.ts) is called
    r.allowNodeLabels('env', 'dev', 'staging');
    r.denyNodeLabels('env', 'prod');
    r.allowAppLabels('app', 'grafana');
    r.denyAppLabels('tier', 'secret');
    r.allowDatabaseLabels('engine', 'postgres');
    r.denyDatabaseLabels('env', 'prod');
    r.allowWindowsDesktopLabels('os', 'windows');
    r.allowClusterLabels('env', 'dev');
    r.denyClusterLabels('env', 'prod');
    // THEN
    const spec = synthRole(r).spec;
    expect(spec.allow).toEqual({
      node_labels: { env: ['dev', 'staging'] },
      app_labels: { app: ['grafana'] },
      db_labels: { engine: ['postgres'] },
      windows_desktop_labels: { os: ['windows'] },
      cluster_labels: { env: ['dev'] },
    });
    expect(spec.deny).toEqual({
      node_labels: { env: ['prod'] },
      app_labels: { tier: ['secret'] },
      db_labels: { env: ['prod'] },
      cluster_labels: { env: ['prod'] },
    });
  });

  test('a new key adds to the map; the same key again merges its values', () => {
    // GIVEN a role without conditions
    const r = new Role(newStack(), 'dev', { name: 'dev', version: RoleVersion.V8 });
    // WHEN node labels are added over three calls
    r.allowNodeLabels('env', 'dev');
    r.allowNodeLabels('team', 'platform');
    r.allowNodeLabels('env', 'dev', 'prod');
    // THEN one map, each value once
    expect(synthRole(r).spec.allow).toEqual({ node_labels: { env: ['dev', 'prod'], team: ['platform'] } });
  });
});
