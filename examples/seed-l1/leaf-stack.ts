// The seed scenario, leaf side, written with the raw L1 bindings only (the L1 reference and the
// benchmark baseline): a `visitor` role and a trusted cluster that joins rootcluster.example.com.
import { Construct } from 'constructs';
import { TerraformStack, TerraformVariable } from 'cdktf';
import { Guardrails, l1 } from '../../lib';
import { SEED_GUIDE_EVERY_NODE } from '../acknowledgements';

export class SeedLeafStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);

    new l1.provider.TeleportProvider(this, 'teleport', {
      addr: 'leafcluster.example.com:443',
      identityFilePath: 'terraform-identity/leaf',
    });

    // The join token the root cluster issued; sensitive, so it never shows in plans or logs.
    const joinToken = new TerraformVariable(this, 'root_join_token', {
      type: 'string',
      sensitive: true,
      description: 'The Trusted_cluster join token issued by the root cluster',
    });

    const visitor = new l1.role.Role(this, 'visitor', {
      version: 'v7',
      metadata: { name: 'visitor' },
      spec: {
        allow: {
          logins: ['visitor'],
          nodeLabels: { '*': ['*'] },
        },
      },
    });

    Guardrails.acknowledge(visitor, 'TG102', SEED_GUIDE_EVERY_NODE);

    new l1.trustedCluster.TrustedCluster(this, 'rootcluster', {
      version: 'v2',
      metadata: { name: 'rootcluster.example.com' },
      spec: {
        enabled: true,
        token: joinToken.stringValue,
        tunnelAddr: 'rootcluster.example.com:443',
        webProxyAddr: 'rootcluster.example.com:443',
        roleMap: [{ remote: 'access', local: ['visitor'] }],
      },
      dependsOn: [visitor],
    });
  }
}
