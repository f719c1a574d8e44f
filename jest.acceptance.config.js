/**
 * `npm run test:acceptance`: every example applied, re-planned and destroyed
 * by the real oracle/oci provider against the HTTPS fake OCI. Files are named
 * *.acceptance.ts so the quick `npm test` tier never picks them up. One
 * worker: each scenario already runs terraform (and the provider) in parallel.
 */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test/acceptance'],
  testMatch: ['**/*.acceptance.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.jest.json' }] },
  testTimeout: 300000,
  maxWorkers: 1,
  globalSetup: '<rootDir>/scripts/acceptance-setup.js',
  globalTeardown: '<rootDir>/scripts/acceptance-report.js',
};
