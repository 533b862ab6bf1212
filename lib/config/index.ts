// One reader of Terraform JSON (cdk.tf.json, hand-written *.tf.json) and `terraform show -json` plans
// into one typed model, shared by check, validate and the review tools (internal API).
export { loadConfigs } from './load-configs';
export type { LoadedConfig, LoadedFile } from './load-configs';
export { loadInput } from './load';
export { objectsOf, referencedAddresses, stackFromConfig, stackFromConfigs } from './config-input';
export { isPlan, stackFromPlan } from './plan-input';
export type { TfInput, TfProviderConfig, TfResource, TfResourceChange, TfStack } from './model';
export { InputError } from './input-error';
export { DEFAULT_INPUT_LIMITS, currentInputLimits, formatSize, parseSize, withInputLimits } from './input-limits';
export type { InputLimits } from './input-limits';
export { parseJsonText, readInputText, readJsonFile } from './read-input';
export { REDACTED_VALUE, isRedacted } from './redacted';
export { conformBody, defineOwn, isPlainObject, isTemplate } from './shape';
