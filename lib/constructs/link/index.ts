export * from './trusted-cluster-link';
