// Guardrails' public API (exported from lib/index.ts): the Guardrails entry point and packs.
export { Guardrails } from './guardrails';
export * from './pack';
