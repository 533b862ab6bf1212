import { Construct } from 'constructs';
import { SeedLeafStack } from './leaf-stack';
import { SeedRootStack } from './root-stack';

/** Adds the seed scenario (root and leaf stacks, L1 bindings only) to an app. */
export function addSeedL1(scope: Construct): void {
  new SeedRootStack(scope, 'seed-l1-root');
  new SeedLeafStack(scope, 'seed-l1-leaf');
}

export { SeedLeafStack, SeedRootStack };
