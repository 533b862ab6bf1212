#!/usr/bin/env node
// After every compile of lib/ into dist/ (tsc in `npm run build`, jsii, the esbuild transpile of
// `npm run synth`), in one process: remove outputs whose source is gone, make lib/gen's index lazy,
// precompile the check's validators (each step does nothing when its inputs are unchanged).
'use strict';
const { lazyExports } = require('./lazy-exports');
const { precompileValidators } = require('./precompile-validators');
const { pruneDist } = require('./prune-dist');
const { runStep } = require('./build-state');

function postcompile() {
  pruneDist();
  lazyExports();
  precompileValidators();
}

if (require.main === module) runStep('postcompile', postcompile);

module.exports = { postcompile };
