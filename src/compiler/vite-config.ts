/**
 * The Vite configuration of the SCO app. With a module it serves that module in the dev
 * server; without one it builds the app bundle that every module's package shares.
 */
import type { InlineConfig } from 'vite';
import { frontline } from './vite-plugin.js';
import { nhsukCss } from './nhsuk-css.js';
import { bootInline } from './boot-script.js';

/** `contentRoot` holds modules/ and content/ (the project root unless a test points elsewhere). */
export function frontlineViteConfig(root: string, module?: string, contentRoot = root): InlineConfig {
  return {
    root,
    base: './',
    configFile: false,
    plugins: [frontline({ root: contentRoot, module }), nhsukCss(root), bootInline(root)],
    build: {
      outDir: module ? `dist/${module}` : 'dist/.app',
      emptyOutDir: true,
      target: 'es2020',
      modulePreload: false,
      reportCompressedSize: false,
      assetsInlineLimit: 0,
      // The app's code in one file, without chunks. A browser may keep a module that failed to
      // arrive failed for the page's life (Chromium 150 does), and a chunk's importers ask for it
      // at its one address, so a chunk lost to a dropped connection could never load again in
      // that page. One file has no importers: "Try again" asks for it under a new address
      // (retryAddress in src/first-screen-controls.ts), as it does for the data modules.
      rollupOptions: { output: { inlineDynamicImports: true } },
    },
  };
}
