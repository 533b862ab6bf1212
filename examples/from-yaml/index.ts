// The leaf side of the seed guide from the guide's own tctl YAML files: visitor.yaml becomes a
// Role, trusted_cluster.yaml a TrustedCluster mapping root "access" to that role (created first).
// The YAML has the guide's token line; the loader replaces that literal with a sensitive variable.
import * as fs from 'fs';
import * as path from 'path';
import { Construct } from 'constructs';
import { TerraformStack } from 'cdktf';
import { Guardrails, ProviderAuth, TctlResources, TeleportProvider } from '../../lib';
import { SEED_GUIDE_EVERY_NODE } from '../acknowledgements';

/** Where the YAML files are: beside this file when run from source, in the repository's examples/ when compiled to dist/. */
export const FROM_YAML_DIR = fs.existsSync(path.join(__dirname, 'visitor.yaml'))
  ? __dirname
  : path.resolve(__dirname, '..', '..', '..', 'examples', 'from-yaml');

export class FromYamlLeaf extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new TeleportProvider(this, 'teleport', { addr: 'leafcluster.example.com:443', auth: ProviderAuth.identityFilePath('identity/leaf') });
    const guide = TctlResources.fromFiles(
      this,
      'Guide',
      ['visitor.yaml', 'trusted_cluster.yaml'].map((f) => path.join(FROM_YAML_DIR, f)),
    );
    // The guide's files as they are: visitor.yaml selects every node.
    Guardrails.acknowledge(guide, 'TG102', SEED_GUIDE_EVERY_NODE);
  }
}
