export * from './tctl-resources';
