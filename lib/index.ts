// cdktf-teleport: the public API. Everything exported here is jsii-compatible.
// First, before anything loads the core: is this the build for the app's core? (lib/core)
import './core/load-guard';
import './app/core-check';
// Every Teleport L1 construct adds its stack's offline schema check, in any cdktf App (also for `l1` alone).
import './app/schema-validation';
// The compiled index loads each module below when one of its names is first read (scripts/lazy-exports.js).
export * as l1 from './gen';
export * from './app/teleport-app';
export * from './constructs/provision-token';
export * from './constructs/options';
export * from './constructs/role';
export * from './constructs/trusted-cluster';
export * from './constructs/provider';
export * from './constructs/link';
export * from './constructs/yaml';
export * from './access';
export * from './guardrails';
export * from './export';
