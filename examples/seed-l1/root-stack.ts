// The seed scenario, root side, with the raw L1 bindings: a join token for the leaf cluster with the
// `Trusted_cluster` role and a short expiry, as the guide's `tctl tokens add --type=trusted_cluster
// --ttl=15m` does. The provider generates the token's secret name; it is marked sensitive.
import { Construct } from 'constructs';
import { TerraformOutput, TerraformStack } from 'cdktf';
import { l1 } from '../../lib';

export class SeedRootStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);

    new l1.provider.TeleportProvider(this, 'teleport', {
      addr: 'rootcluster.example.com:443',
      identityFilePath: 'terraform-identity/root',
    });

    const token = new l1.provisionToken.ProvisionToken(this, 'leaf_join_token', {
      version: 'v2',
      metadata: {
        // 15 minutes from the apply that creates it, as in the seed guide.
        expires: '${timeadd(timestamp(), "15m")}',
        description: 'Join token for the leaf cluster',
      },
      spec: {
        roles: ['Trusted_cluster'],
      },
    });

    new TerraformOutput(this, 'leaf_join_token_name', {
      value: token.metadata.name,
      sensitive: true,
      description: 'Pass this to the leaf stack as root_join_token',
    });
  }
}
