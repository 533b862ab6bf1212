// Which CDK core this build of the library runs on, and the build for the other one. This file is
// the only place that says which: the source tree is cdktf-teleport, and scripts/build-cdktn.js
// rewrites the `CORE` line below (and every `'cdktf'` import) to produce cdktn-teleport.

/** The two cores: CDK for Terraform and its community fork CDK Terrain. */
export type CoreName = 'cdktf' | 'cdktn';

/** One core and this library's package for it. */
export interface CoreBuild {
  /** The core's npm package. */
  readonly core: CoreName;
  /** The core's name in prose. */
  readonly title: string;
  /** This library's npm package built against that core. */
  readonly library: string;
}

const BUILDS: Record<CoreName, CoreBuild> = {
  cdktf: { core: 'cdktf', title: 'CDK for Terraform', library: 'cdktf-teleport' },
  cdktn: { core: 'cdktn', title: 'CDK Terrain', library: 'cdktn-teleport' },
};
const OTHER: Record<CoreName, CoreName> = { cdktf: 'cdktn', cdktn: 'cdktf' };

/** The core this build imports (rewritten by scripts/build-cdktn.js: keep this line as it is). */
export const CORE: CoreName = 'cdktf';

/** This build: its core and its package name. */
export const THIS_BUILD: CoreBuild = BUILDS[CORE];

/** The build for the other core. */
export const OTHER_BUILD: CoreBuild = BUILDS[OTHER[CORE]];

/** The build for `core`. */
export function buildFor(core: CoreName): CoreBuild {
  return BUILDS[core];
}

/** Whether an npm package name is one of the two cores. */
export function isCoreName(name: string): name is CoreName {
  return Object.prototype.hasOwnProperty.call(BUILDS, name);
}

/** `cdktn (CDK Terrain)` */
export function describeCore(core: CoreName): string {
  return `${core} (${BUILDS[core].title})`;
}
