/** Type checking happens in `npm run build` (tsc); jest only transpiles, which keeps the suite fast. */
// Marks every process this run starts (workers, terraform, the offline provider inherit it), so the
// global teardown counts only this run's leftover providers, not those of a parallel run.
process.env.CDKTF_TELEPORT_TEST_RUN = process.env.CDKTF_TELEPORT_TEST_RUN || `${process.pid}-${Date.now()}`;

const os = require('os');

module.exports = {
  testEnvironment: 'node',
  // Much of the suite waits on child processes (terraform, the offline provider, npm pack), so two
  // workers pay off even on two cores (measured here: 202 s with jest's default of one, 135 s with two).
  maxWorkers: Math.max(2, os.cpus().length - 1),
  roots: ['<rootDir>/test'],
  // *.test.js: the plain JavaScript users' view (test/plain-js/), requiring the compiled dist/ untransformed.
  testMatch: ['**/*.test.ts', '**/*.test.js'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.dev.json', diagnostics: false }],
  },
  testTimeout: 120000,
  setupFiles: ['<rootDir>/test/support/env.js'],
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
};
