// The thin Teleport proxy client (internal API: not exported from lib/index.ts).
export * from './allow-list';
export * from './client';
export * from './errors';
export * from './ping';
