/**
 * `npm run test:package`: packs the package (the prepack build included),
 * installs the tarball into an empty project and checks what a user gets.
 * Slow (jsii compile, esbuild, npm install), so it is its own tier: files are
 * named *.package.ts and the quick `npm test` never picks them up.
 */
module.exports = {
  rootDir: '../..',
  testEnvironment: 'node',
  roots: ['<rootDir>/test/package'],
  testMatch: ['**/*.package.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.jest.json' }] },
  testTimeout: 600000,
  maxWorkers: 1,
};
