/**
 * Two projects: `unit` specs beside the code, and `integration` suites in test/ that start
 * the built server as a child process and talk to it over HTTP and socket.io.
 */
const transform = { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.jest.json', diagnostics: false }] };

/** @type {import('jest').Config} */
module.exports = {
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      roots: ['<rootDir>/src'],
      testMatch: ['**/*.spec.ts'],
      transform,
    },
    {
      displayName: 'client',
      testEnvironment: 'node',
      roots: ['<rootDir>/client/src'],
      testMatch: ['**/*.spec.ts'],
      transform,
    },
    {
      displayName: 'integration',
      testEnvironment: 'node',
      roots: ['<rootDir>/test'],
      testMatch: ['**/*.test.ts'],
      transform,
      globalSetup: '<rootDir>/test/global-setup.ts',
      slowTestThreshold: 30,
    },
  ],
  testTimeout: 60000,
};
