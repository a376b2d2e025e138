import { defineConfig, devices } from '@playwright/test';
import { chromiumLaunchOptions as launchOptions } from './tests/chromium.js';

const PORT = Number(process.env.E2E_PORT ?? 4318);
const BASE_URL = `http://127.0.0.1:${PORT}`;

/** End-to-end runs of the built modules (run `npm run build` first) inside the local LMS page. */
export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: false,
  workers: 2,
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list', { printSteps: false }]],
  use: {
    baseURL: BASE_URL,
    trace: 'retain-on-failure',
    launchOptions,
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], launchOptions } }],
  webServer: {
    command: 'npx tsx scripts/serve.ts',
    env: { PORT: String(PORT), HOST: '127.0.0.1' },
    url: `${BASE_URL}/api/modules`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
