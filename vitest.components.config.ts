import { defineConfig, type Plugin } from 'vitest/config';
import { playwright } from '@vitest/browser-playwright';
import { chromiumLaunchOptions } from './tests/chromium.js';

/**
 * The NHS.UK styles are compiled by the build (sass, then PurgeCSS); the elements' markup,
 * names and events do not depend on them, so component tests get empty sheets and start fast.
 */
function emptyNhsukCss(): Plugin {
  const ids = new Set(['virtual:nhsuk-css', 'virtual:nhsuk-forms-css']);
  return {
    name: 'frontline-empty-nhsuk-css',
    resolveId: (id) => (ids.has(id) ? `\0${id}` : null),
    load: (id) => (id.startsWith('\0virtual:nhsuk') ? 'export default "";' : null),
  };
}

/** Lit elements rendered in a real Chromium (`npm run test:components`). */
export default defineConfig({
  plugins: [emptyNhsukCss()],
  test: {
    include: ['tests/components/**/*.test.ts'],
    browser: {
      enabled: true,
      headless: true,
      provider: playwright({ launchOptions: chromiumLaunchOptions }),
      instances: [{ browser: 'chromium' }],
      screenshotFailures: false,
    },
  },
});
