export * from './join-token';
export * from './role-mapping';
export * from './props';
export * from './trusted-cluster';
