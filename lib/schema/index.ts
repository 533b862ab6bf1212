// The provider schema and the JSON Schemas derived from it (internal API: not exported from lib/index.ts).
export * from './provider-schema';
export * from './json-schema';
