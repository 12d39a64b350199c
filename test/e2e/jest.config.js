/**
 * The browser suite: playwright-core driving Debian's Chromium against the built app.
 * Run with `npm run build && npx jest -c test/e2e/jest.config.js --runInBand`.
 * Kept apart from jest.config.js so `npm test` never needs a browser.
 */
const { join } = require('node:path');

const transform = { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.jest.json', diagnostics: false }] };

/** @type {import('jest').Config} */
module.exports = {
  rootDir: join(__dirname, '..', '..'),
  displayName: 'e2e',
  testEnvironment: 'node',
  roots: ['<rootDir>/test/e2e'],
  testMatch: ['**/*.e2e.ts'],
  transform,
  globalSetup: '<rootDir>/test/e2e/global-setup.ts',
  maxWorkers: 1,
  testTimeout: 120000,
  slowTestThreshold: 60,
};
