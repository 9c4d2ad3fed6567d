/** Jest runs in native ESM mode (NestJS 12 ships as ES modules only); see package.json "test". */
export default {
  testEnvironment: 'node',
  rootDir: '.',
  roots: ['<rootDir>/src', '<rootDir>/test', '<rootDir>/web/src'],
  // Suites start a whole app on a real database and Redis, often several side by side on two cores;
  // a guard against a hung test, not a speed check (speed is measured by the benchmarks).
  testTimeout: 60_000,
  testRegex: '.*\\.(spec|e2e-spec)\\.ts$',
  extensionsToTreatAsEsm: ['.ts'],
  globalSetup: '<rootDir>/test/setup/global-setup.js',
  globalTeardown: '<rootDir>/test/setup/global-teardown.js',
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    // The web app's own logic is tested here too, compiled as the web app compiles it.
    '^.+/web/src/.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'web/tsconfig.json' }],
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }],
  },
};
