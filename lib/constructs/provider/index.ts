export * from './provider-auth';
export * from './teleport-provider';
