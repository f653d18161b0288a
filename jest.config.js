// ESM all the way: the @actions/* packages are ESM-only, so tests run under
// node --experimental-vm-modules with ts-jest's ESM mode.
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }]
  },
  testMatch: ['**/__tests__/**/*.test.ts'],
  // The graph reader loads its position-keeping YAML parser through the composition root's loader.
  setupFiles: ['<rootDir>/__tests__/helpers/position-parser.ts'],
  testTimeout: 120000,
  // Integration tests start real servers and builders; two cores, so keep it modest.
  maxWorkers: 2
}
