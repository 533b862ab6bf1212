// The seed guide in one stack: two aliased providers, the visitor role on the leaf, and one
// TrustedClusterLink that creates the root's Trusted_cluster token and the leaf's trusted_cluster,
// the token flowing by reference (sensitive end to end).
import { Construct } from 'constructs';
import { TerraformStack } from 'cdktf';
import { Guardrails, ProviderAuth, Role, RoleVersion, TeleportProvider, TrustedClusterLink } from '../../lib';
import { SEED_GUIDE_EVERY_NODE } from '../acknowledgements';

export class OneStackExample extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    const root = new TeleportProvider(this, 'root', {
      alias: 'root',
      addr: 'rootcluster.example.com:443',
      auth: ProviderAuth.identityFilePath('identity/root'),
    });
    const leaf = new TeleportProvider(this, 'leaf', {
      alias: 'leaf',
      addr: 'leafcluster.example.com:443',
      auth: ProviderAuth.identityFilePath('identity/leaf'),
    });
    const visitor = new Role(this, 'Visitor', { provider: leaf, name: 'visitor', version: RoleVersion.V7 });
    visitor.allowLogins('visitor');
    visitor.allowNodeLabels('*', '*');
    Guardrails.acknowledge(visitor, 'TG102', SEED_GUIDE_EVERY_NODE);
    new TrustedClusterLink(this, 'RootToLeaf', {
      rootProvider: root,
      leafProvider: leaf,
      rootClusterName: 'rootcluster.example.com',
      webProxyAddr: 'rootcluster.example.com:443',
      roleMap: [{ remote: 'access', local: [visitor] }],
    });
  }
}
