/**
 * `npm run test:acceptance`: every example applied, re-planned and destroyed
 * by the real oracle/oci provider against the HTTPS fake OCI. Files are named
 * *.acceptance.ts so the quick `npm test` tier never picks them up. Two
 * workers: a scenario mostly waits (provider start, polling), so two files
 * at a time roughly halve the wall time on 2 cores. Each file has its own
 * fake OCI and temp dirs, so they never share state.
 */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test/acceptance'],
  testMatch: ['**/*.acceptance.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.jest.json' }] },
  testTimeout: 300000,
  maxWorkers: 2,
  // The per-stack console summary of every synth would drown the scenario output.
  setupFiles: ['<rootDir>/test/support/quiet-report.ts'],
  globalSetup: '<rootDir>/scripts/acceptance-setup.js',
  globalTeardown: '<rootDir>/scripts/acceptance-report.js',
};
