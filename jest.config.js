/** Jest in native ESM mode with the swc transform (type-checking is a separate `tsc --noEmit` step). */
export default {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript' },
          target: 'es2022',
          experimental: { keepImportAttributes: true },
        },
        module: { type: 'es6' },
      },
    ],
  },
  globalSetup: '<rootDir>/test/support/pg-global-setup.ts',
  globalTeardown: '<rootDir>/test/support/pg-global-teardown.ts',
  testTimeout: 30000,
  reporters: ['default', '<rootDir>/test/support/plain-summary-reporter.cjs'],
};
