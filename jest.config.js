/**
 * One suite: unit specs (*.spec.ts, no I/O) and integration/e2e specs (*.e2e-spec.ts, real Postgres and
 * Kafka). Type checking is a separate step (npm run typecheck), so ts-jest only transpiles.
 */
module.exports = {
  rootDir: '.',
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'json'],
  testMatch: ['<rootDir>/{apps,libs,test}/**/*.spec.ts', '<rootDir>/{apps,libs,test}/**/*.e2e-spec.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.jest.json' }] },
  moduleNameMapper: {
    '^@titipan/kernel$': '<rootDir>/libs/kernel/src',
    '^@titipan/contracts$': '<rootDir>/libs/contracts/src',
    '^@titipan/platform$': '<rootDir>/libs/platform/src',
    '^@titipan/directory$': '<rootDir>/libs/directory/src',
    '^@titipan/identity$': '<rootDir>/libs/identity/src',
  },
  setupFiles: ['<rootDir>/test/support/jest-setup.ts'],
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  testTimeout: 120_000,
  maxWorkers: 2,
};
