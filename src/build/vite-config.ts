/** The Vite configuration for one module's SCO, shared by vite.config.ts and the build script. */
import type { InlineConfig } from 'vite';
import { frontline } from './vite-plugin.js';

/** `contentRoot` holds modules/ and content/ (the project root unless a test points elsewhere). */
export function frontlineViteConfig(root: string, module: string, contentRoot = root): InlineConfig {
  return {
    root,
    base: './',
    configFile: false,
    plugins: [frontline({ root: contentRoot, module })],
    build: {
      outDir: `dist/${module}`,
      emptyOutDir: true,
      target: 'es2020',
      modulePreload: false,
      reportCompressedSize: false,
      assetsInlineLimit: 0,
    },
  };
}
