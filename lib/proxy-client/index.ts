// The thin Teleport proxy client (internal API: not exported from lib/index.ts).
export * from './allow-list';
export * from './ca-files';
export * from './client';
export * from './errors';
export * from './ping';
export * from './retry';
export * from './tcp-probe';
