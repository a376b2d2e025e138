/**
 * How the browser tests launch Chromium: Playwright cannot download its own browser on the
 * project's machines, so use Debian's when it is there, else Playwright's own (an ordinary
 * developer laptop). Shared by playwright.config.ts and vitest.components.config.ts.
 */
import { existsSync } from 'node:fs';

const SYSTEM_CHROMIUM = '/usr/bin/chromium';

export const chromiumLaunchOptions = existsSync(SYSTEM_CHROMIUM)
  ? {
      executablePath: SYSTEM_CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    }
  : {};
