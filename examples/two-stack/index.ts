// The seed guide as two stacks (root and leaf), as teams with one state per cluster run it, in two
// phases. Bootstrap: the root stack creates the Trusted_cluster token and exports it; the leaf stack
// takes it from a sensitive variable (set TF_VAR_root_join_token from the root's sensitive output at
// apply time). Joined (flip `joined` to true once the leaf has joined): the root drops the token and
// the leaf drops the variable and spec.token, so no later plan needs the secret.
import { Construct } from 'constructs';
import { TerraformOutput, TerraformStack, TerraformVariable } from 'cdktf';
import { Guardrails, JoinToken, ProviderAuth, ProvisionToken, Role, RoleVersion, TeleportProvider, TrustedCluster } from '../../lib';
import { SEED_GUIDE_EVERY_NODE } from '../acknowledgements';

/** Which phase the trust relationship is in. */
export interface TwoStackProps {
  /** True once the leaf has joined: no token on the root, none in the leaf's configuration. */
  readonly joined?: boolean;
}

export class TwoStackRoot extends TerraformStack {
  constructor(scope: Construct, id: string, props: TwoStackProps = {}) {
    super(scope, id);
    new TeleportProvider(this, 'teleport', { addr: 'rootcluster.example.com:443', auth: ProviderAuth.identityFilePath('identity/root') });
    if (props.joined) return;
    const token = ProvisionToken.forTrustedCluster(this, 'LeafJoinToken', { ttl: '15m', description: 'Join token for leafcluster.example.com' });
    new TerraformOutput(this, 'leaf_join_token', {
      value: token.tokenName,
      sensitive: true,
      description: 'TF_VAR_root_join_token for the leaf stack',
    });
  }
}

export class TwoStackLeaf extends TerraformStack {
  constructor(scope: Construct, id: string, props: TwoStackProps = {}) {
    super(scope, id);
    new TeleportProvider(this, 'teleport', { addr: 'leafcluster.example.com:443', auth: ProviderAuth.identityFilePath('identity/leaf') });
    const token = props.joined
      ? JoinToken.alreadyJoined()
      : JoinToken.fromVariable(
          new TerraformVariable(this, 'root_join_token', { type: 'string', sensitive: true, description: 'The root stack output leaf_join_token' }),
        );
    const visitor = new Role(this, 'Visitor', { name: 'visitor', version: RoleVersion.V7 });
    visitor.allowLogins('visitor');
    visitor.allowNodeLabels('*', '*');
    Guardrails.acknowledge(visitor, 'TG102', SEED_GUIDE_EVERY_NODE);
    new TrustedCluster(this, 'Root', {
      name: 'rootcluster.example.com',
      webProxyAddr: 'rootcluster.example.com:443',
      token,
      roleMap: [{ remote: 'access', local: [visitor] }],
    });
  }
}
