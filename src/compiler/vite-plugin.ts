/** The Vite plugin that serves `virtual:course`: the module's content, compiled and validated. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { loadCourse, type LoadedCourse } from './course.js';
import { ContentError, formatIssue } from './errors.js';

const ID = 'virtual:course';
const RESOLVED = '\0virtual:course';

export interface FrontlineOptions {
  /** Project root (holds modules/ and content/). */
  root: string;
  /** The module to serve in the dev server; none for the shared app bundle of a build. */
  module?: string;
}

/**
 * Compiles the module into `virtual:course` (`export default course` and, in the dev
 * server, `export const contentErrors`). Content errors stop a build; in the dev server
 * they show in the page and the terminal, and any edit to content/ or modules/ reloads.
 */
export function frontline(options: FrontlineOptions): Plugin {
  let loaded: LoadedCourse | null = null;
  let command: 'build' | 'serve' = 'build';
  return {
    name: 'frontline-course',
    configResolved(config) {
      command = config.command;
    },
    resolveId(id) {
      return id === ID ? RESOLVED : null;
    },
    load(id) {
      if (id !== RESOLVED) return null;
      // The built app reads the course from its page at run time (src/content-loader.ts).
      if (!options.module) return 'export default null;\nexport const contentErrors = [];';
      try {
        loaded = loadCourse(options.root, options.module);
      } catch (error) {
        if (!(error instanceof ContentError) || command === 'build') throw error;
        for (const issue of error.issues) this.warn(formatIssue(issue));
        return `export default null;\nexport const contentErrors = ${JSON.stringify(error.issues)};`;
      }
      for (const file of loaded.files) this.addWatchFile(file);
      for (const w of loaded.warnings) this.warn(formatIssue(w));
      return `export default ${JSON.stringify(loaded.course)};\nexport const contentErrors = [];`;
    },
    configureServer(server) {
      // Watch the whole content and module folders, so new files count too.
      server.watcher.add([join(options.root, 'content'), join(options.root, 'modules')]);
      const reload = (file: string) => {
        if (!/[\\/](content|modules)[\\/]/.test(file)) return;
        const mod = server.moduleGraph.getModuleById(RESOLVED);
        if (mod) server.moduleGraph.invalidateModule(mod);
        // The page comes back to the scenario whose file was saved (src/dev-return.ts).
        const scenario = /[\\/]content[\\/][^\\/]+[\\/]([a-z][a-z0-9-]*?)(?:\.[a-z]{2})?\.md$/.exec(file)?.[1] ?? null;
        server.ws.send({ type: 'custom', event: 'frontline:edited', data: { scenario } });
        server.ws.send({ type: 'full-reload' });
      };
      server.watcher.on('change', reload);
      server.watcher.on('add', reload);
      server.watcher.on('unlink', reload);
      // Media files, as the built package has them.
      server.middlewares.use((req, res, next) => {
        const m = /^\/media\/([a-z0-9-]+)\/([A-Za-z0-9._-]+)$/.exec(req.url?.split('?')[0] ?? '');
        const file = m ? join(options.root, 'content', m[1]!, 'media', m[2]!) : '';
        if (!file || !existsSync(file)) return next();
        res.setHeader('Content-Type', file.endsWith('.svg') ? 'image/svg+xml' : 'application/octet-stream');
        res.end(readFileSync(file));
      });
    },
    handleHotUpdate({ file }) {
      // Content changes are handled above with a full reload of the module.
      if (/[\\/](content|modules)[\\/]/.test(file)) return [];
      return undefined;
    },
  };
}
