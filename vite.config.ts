import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';
import { frontlineViteConfig } from './src/compiler/vite-config.js';

// `FRONTLINE_MODULE=<id> npx vite` previews one module; `npm run build` builds them all.
const root = fileURLToPath(new URL('.', import.meta.url));
export default defineConfig(frontlineViteConfig(root, process.env.FRONTLINE_MODULE ?? 'sample'));
