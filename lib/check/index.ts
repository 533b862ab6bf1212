// The offline schema check (internal API: not exported from lib/index.ts).
export { CHECK_IDS } from './ajv-findings';
export { checkConfig } from './schema-check';
export type { CheckOptions } from './schema-check';
export { closestName, levenshtein } from './suggest';
