// One reader of Terraform JSON (cdk.tf.json, hand-written *.tf.json) and `terraform show -json` plans
// into one typed model, shared by check, validate and the review tools (internal API).
export { loadConfigs } from './load-configs';
export type { LoadedConfig } from './load-configs';
export { loadInput } from './load';
export { referencedAddresses, stackFromConfig } from './config-input';
export { isPlan, stackFromPlan } from './plan-input';
export type { TfInput, TfProviderConfig, TfResource, TfResourceChange, TfStack } from './model';
