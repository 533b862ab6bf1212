/**
 * Roles Teleport creates itself (its "preset" and system roles). Refer to them with
 * `Role.fromPreset()`; creating a `Role` with one of these names fails at apply ("already exists")
 * unless you adopt the preset with `importFrom()`. Source: gravitational/teleport `constants.go`
 * (`Preset*RoleName` and `System*RoleName`, commit 8913a96b775cf9b661e02c5a4451f0ca17da178b).
 * Teleport Enterprise creates some of them only (Access Requests, Device Trust, Okta and AWS
 * Identity Center features).
 */
export enum PresetRole {
  /** `access`: access to cluster resources (the role_map source in Teleport's trusted-cluster guide). */
  ACCESS = 'access',
  /** `editor`: edit cluster configuration. */
  EDITOR = 'editor',
  /** `auditor`: read audit events and play back recorded sessions. */
  AUDITOR = 'auditor',
  /** `reviewer`: review Access Requests. */
  REVIEWER = 'reviewer',
  /** `requester`: request access to resources. */
  REQUESTER = 'requester',
  /** `group-access`: access to all user groups. */
  GROUP_ACCESS = 'group-access',
  /** `device-admin`: administer trusted devices. */
  DEVICE_ADMIN = 'device-admin',
  /** `device-enroll`: enroll trusted devices. */
  DEVICE_ENROLL = 'device-enroll',
  /** `require-trusted-device`: basis for requiring trusted devices. */
  REQUIRE_TRUSTED_DEVICE = 'require-trusted-device',
  /** `terraform-provider`: what the Teleport Terraform provider needs. */
  TERRAFORM_PROVIDER = 'terraform-provider',
  /** `wildcard-workload-identity-issuer`: issue credentials from any workload_identity. */
  WILDCARD_WORKLOAD_IDENTITY_ISSUER = 'wildcard-workload-identity-issuer',
  /** `okta-requester` (Enterprise, Okta integration): request longer-lived access to Okta resources (`SystemOktaRequesterRoleName`). */
  OKTA_REQUESTER = 'okta-requester',
  /** `okta-access` (Enterprise, Okta integration): access to Okta resources (`SystemOktaAccessRoleName`). */
  OKTA_ACCESS = 'okta-access',
  /** `aws-ic-access` (Enterprise, AWS Identity Center): access to Identity Center resources via Access Requests (`SystemIdentityCenterAccessRoleName`). */
  AWS_IC_ACCESS = 'aws-ic-access',
  /** `@teleport-access-approver` (Enterprise): may automatically approve role Access Requests (`SystemAutomaticAccessApprovalRoleName`). */
  ACCESS_APPROVER = '@teleport-access-approver',
}

/** Every preset role name. */
export const PRESET_ROLES: readonly string[] = Object.values(PresetRole);
