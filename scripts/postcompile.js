#!/usr/bin/env node
// After every compile of lib/ into dist/ (tsc in `npm run build`, jsii, the esbuild transpile of
// `npm run synth`), in one process: remove outputs whose source is gone, make lib/gen's index lazy,
// precompile the check's validators, bundle the package's main (each step writes nothing when its
// output would not change).
'use strict';
const { bundleMain } = require('./bundle-main');
const { lazyExports } = require('./lazy-exports');
const { precompileValidators } = require('./precompile-validators');
const { pruneDist } = require('./prune-dist');
const { runStep } = require('./build-state');

async function postcompile() {
  pruneDist();
  lazyExports();
  precompileValidators();
  await bundleMain();
}

if (require.main === module) runStep('postcompile', postcompile);

module.exports = { postcompile };
