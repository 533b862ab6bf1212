/** Type checking happens in `npm run build` (tsc); jest only transpiles, which keeps the suite fast. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.dev.json', diagnostics: false }],
  },
  testTimeout: 120000,
  setupFiles: ['<rootDir>/test/support/env.js'],
};
