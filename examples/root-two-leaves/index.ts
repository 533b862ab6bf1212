// One root, two leaves, one stack: a TrustedClusterLink per leaf, so each leaf gets its own
// Trusted_cluster token on the root (labelled, so the root's remote_cluster carries the labels).
import { Construct } from 'constructs';
import { TerraformStack } from 'cdktf';
import { Guardrails, PresetRole, ProviderAuth, Role, RoleVersion, TeleportProvider, TrustedClusterLink } from '../../lib';
import { SEED_GUIDE_EVERY_NODE } from '../acknowledgements';

const LEAVES = [
  { name: 'eu', addr: 'leaf-eu.example.com:443' },
  { name: 'us', addr: 'leaf-us.example.com:443' },
];

export class RootTwoLeavesExample extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    const root = new TeleportProvider(this, 'root', {
      alias: 'root',
      addr: 'rootcluster.example.com:443',
      auth: ProviderAuth.identityFilePath('identity/root'),
    });
    for (const leafCluster of LEAVES) {
      const leaf = new TeleportProvider(this, `leaf-${leafCluster.name}`, {
        alias: `leaf_${leafCluster.name}`,
        addr: leafCluster.addr,
        auth: ProviderAuth.identityFilePath(`identity/leaf-${leafCluster.name}`),
      });
      const visitor = new Role(this, `Visitor-${leafCluster.name}`, { provider: leaf, name: 'visitor', version: RoleVersion.V7 });
      visitor.allowLogins('visitor');
      visitor.allowNodeLabels('*', '*');
      Guardrails.acknowledge(visitor, 'TG102', SEED_GUIDE_EVERY_NODE);
      new TrustedClusterLink(this, `Root-${leafCluster.name}`, {
        rootProvider: root,
        leafProvider: leaf,
        rootClusterName: 'rootcluster.example.com',
        webProxyAddr: 'rootcluster.example.com:443',
        tunnelAddr: 'rootcluster.example.com:3024',
        roleMap: [
          { remote: 'access', local: [visitor] },
          { remote: 'auditor', local: [Role.fromPreset(this, `Auditor-${leafCluster.name}`, PresetRole.AUDITOR)] },
        ],
        tokenTtl: '30m',
        tokenLabels: { region: leafCluster.name },
      });
    }
  }
}
