import { ITerraformDependable, TerraformProvider, TerraformResourceLifecycle } from 'cdktf';

/** What every Teleport construct accepts and passes to its underlying L1 resource. */
export interface TeleportResourceOptions {
  /**
   * The Teleport provider to manage this resource with (an aliased provider in multi-cluster stacks).
   * @default the stack's default `teleport` provider
   */
  readonly provider?: TerraformProvider;
  /**
   * Resources this one must be created after.
   * @default no extra dependencies
   */
  readonly dependsOn?: ITerraformDependable[];
  /**
   * Terraform lifecycle settings. Constructs that must ignore some changes (a trusted cluster's token,
   * a token's expiry) merge their own `ignoreChanges` with these.
   * @default none beyond what the construct itself needs
   */
  readonly lifecycle?: TerraformResourceLifecycle;
}
