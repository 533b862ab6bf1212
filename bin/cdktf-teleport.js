#!/usr/bin/env node
'use strict';
process.env.CHECKPOINT_DISABLE = '1';
require('../dist/lib/cli/main.js')
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
