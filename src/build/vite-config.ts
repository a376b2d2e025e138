/** The Vite configuration for one module's SCO, shared by vite.config.ts and the build script. */
import type { UserConfig } from 'vite';
import { frontline } from './vite-plugin.js';

export function frontlineViteConfig(root: string, module: string): UserConfig {
  return {
    root,
    base: './',
    configFile: false,
    plugins: [frontline({ root, module })],
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
