export * from './join-token';
export * from './role-mapping';
export * from './trusted-cluster';
