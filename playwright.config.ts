import { defineConfig } from '@playwright/test';
import { chromiumExecutablePath, chromiumLaunchArgs } from './e2e/support/chromium.ts';

const PORT = 4179;

// Journeys run against the built app (`vite build` runs first in `npm run test:e2e`), served locally.
export default defineConfig({
  testDir: 'e2e',
  testMatch: /\d\d-.*\.spec\.ts$/,
  fullyParallel: false,
  workers: 1,
  // One retry on CI, reported as "flaky" in the list: a deterministic failure still fails.
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    baseURL: `http://127.0.0.1:${PORT}/`,
    viewport: { width: 1280, height: 800 },
    locale: 'zh-CN',
    launchOptions: { executablePath: chromiumExecutablePath(), args: chromiumLaunchArgs },
    screenshot: 'only-on-failure',
    trace: 'off',
  },
  webServer: {
    command: `npx vite preview --port ${PORT} --strictPort`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
