/** The Vite plugin that serves `virtual:course`: the module's content, compiled and validated. */
import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';
import { loadCourse, type LoadedCourse } from './course.js';
import { ContentError } from './errors.js';

const ID = 'virtual:course';
const RESOLVED = '\0virtual:course';

export interface FrontlineOptions {
  /** Project root (holds modules/ and content/). */
  root: string;
  /** The module to build. */
  module: string;
}

/** Compiles the module into `virtual:course`; content errors stop a build and show in dev. */
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
      try {
        loaded = loadCourse(options.root, options.module);
      } catch (error) {
        if (!(error instanceof ContentError) || command === 'build') throw error;
        // In the dev server, show the errors in the page as well as the terminal.
        this.warn(error.message);
        return `throw Object.assign(new Error(${JSON.stringify(error.message)}), { contentErrors: ${JSON.stringify(error.issues)} });`;
      }
      for (const file of loaded.files) this.addWatchFile(file);
      for (const w of loaded.warnings) this.warn(`${w.file}:${w.line}:${w.col}: warning: ${w.message}`);
      return `export default ${JSON.stringify(loaded.course)};`;
    },
    generateBundle() {
      for (const m of loaded?.media ?? []) {
        this.emitFile({ type: 'asset', fileName: `media/${loaded!.collection}/${m.path.slice('media/'.length)}`, source: readFileSync(m.source) });
      }
    },
  };
}
