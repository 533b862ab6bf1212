// The access model's public API (exported from lib/index.ts).
export * from './access-map';
export * from './model';
