// The thin, read-only Auth Service client (internal API: not exported from lib/index.ts).
export * from './allow-list';
export * from './client';
export * from './credentials';
export * from './dial';
export * from './errors';
export * from './identity';
export * from './identity-file';
export * from './messages';
export * from './var-values';
export * from './identity-flags';
