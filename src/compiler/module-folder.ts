/**
 * One module's SCO folder: the shared app bundle plus the module's own data, split so the
 * first download is small: the course's structure goes into index.html (a JSON data block the
 * app reads at boot, so the first screen waits for no request of its own), and each scenario's
 * text (text/<id>.js), the closing summary (summary.js) and each other language (lang/<code>.js)
 * are fetched when needed. Each other language's first screen (lang/<code>-first.js) is fetched
 * by the bootstrap when a launch opens in it.
 */
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { splitCourse } from '../core/content.js';
import type { LoadedCourse } from './course.js';
import { firstScreenPack, withFirstScreen } from './first-screen.js';
import { COURSE_DATA_ID, firstScreenFile } from '../first-screen-controls.js';

const asModule = (data: unknown) => `export default ${JSON.stringify(data)};\n`;

/**
 * The structure as a JSON data block. A data block is never run, so a strict CSP needs nothing
 * for it; `<` is escaped so no text in the course can close the element.
 */
function courseData(structure: unknown): string {
  const json = JSON.stringify(structure).replace(/</g, '\\u003c');
  return `<script type="application/json" id="${COURSE_DATA_ID}">${json}</script>`;
}

/** Writes dist/<module>/ from the built app folder and the loaded course. Returns the folder. */
export function writeModuleFolder(appDir: string, outDir: string, loaded: LoadedCourse): string {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  cpSync(appDir, outDir, { recursive: true });
  const { structure, scenarios, languages, summaryHtml } = splitCourse(loaded.course);
  // The introduction is in the page, as plain HTML, so it shows before the app has run; the
  // structure the app needs to read the launch follows it.
  const page = join(outDir, 'index.html');
  writeFileSync(
    page,
    // Before the page's bootstrap (src/boot.ts), which reads it as it runs.
    withFirstScreen(readFileSync(page, 'utf8'), loaded.course).replace(
      /<script data-entry=|<\/body>/,
      (next) => `${courseData(structure)}\n${next}`,
    ),
  );
  writeFileSync(join(outDir, 'summary.js'), asModule(summaryHtml));
  mkdirSync(join(outDir, 'text'), { recursive: true });
  for (const [id, pack] of Object.entries(scenarios)) writeFileSync(join(outDir, 'text', `${id}.js`), asModule(pack));
  if (Object.keys(languages).length) mkdirSync(join(outDir, 'lang'), { recursive: true });
  for (const [lang, pack] of Object.entries(languages)) {
    writeFileSync(join(outDir, 'lang', `${lang}.js`), asModule(pack));
    writeFileSync(join(outDir, firstScreenFile(lang)), asModule(firstScreenPack(loaded.course, lang)));
  }
  for (const m of loaded.media) {
    const target = join(outDir, 'media', loaded.collection, m.path.slice('media/'.length));
    mkdirSync(join(target, '..'), { recursive: true });
    cpSync(m.source, target);
  }
  return outDir;
}
