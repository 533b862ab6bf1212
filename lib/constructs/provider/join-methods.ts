// Internal: the provider's native Machine ID joining accepts only delegated join methods.
/** Join methods a provider can use for native Machine ID joining (delegated methods only). */
export const DELEGATED_JOIN_METHODS = [
  'azure',
  'azure_devops',
  'bitbucket',
  'circleci',
  'ec2',
  'env0',
  'gcp',
  'github',
  'gitlab',
  'iam',
  'kubernetes',
  'oracle',
  'spacelift',
  'terraform',
  'terraform_cloud',
  'tpm',
];
