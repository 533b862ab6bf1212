// Export to tctl resource YAML and Kubernetes operator manifests (issue 16; docs/export.md).
export * from './model';
export * from './teleport-export';
