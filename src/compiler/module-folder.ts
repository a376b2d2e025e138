/**
 * One module's SCO folder: the shared app bundle plus the module's own data, split so the
 * first download is small: what the first screen needs of the course (all but its scenarios)
 * goes into index.html (a JSON data block the bootstrap and the app read, so the first screen
 * waits for no request of its own); the scenarios' structure (scenarios.js) is fetched with the
 * app's code, and each scenario's text (text/<id>.js), the closing summary (summary.js) and each
 * other language (lang/<code>.js) when needed. Each other language's first screen is a data
 * block in index.html too, so a launch in that language needs no other request either.
 */
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { splitCourse } from '../core/content.js';
import type { LoadedCourse } from './course.js';
import { firstScreenPack, withFirstScreen } from './first-screen.js';
import { COURSE_DATA_ID, SCENARIOS_FILE, firstScreenDataId } from '../first-screen-controls.js';

const asModule = (data: unknown) => `export default ${JSON.stringify(data)};\n`;

/**
 * A JSON data block for the page. A data block is never run, so a strict CSP needs nothing for
 * it; `<` is escaped so no text in the course can close the element.
 */
function dataBlock(id: string, data: unknown): string {
  const json = JSON.stringify(data).replace(/</g, '\\u003c');
  return `<script type="application/json" id="${id}">${json}</script>`;
}

/** Writes dist/<module>/ from the built app folder and the loaded course. Returns the folder. */
export function writeModuleFolder(appDir: string, outDir: string, loaded: LoadedCourse): string {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  cpSync(appDir, outDir, { recursive: true });
  const { page: pageCourse, structure, scenarios, languages, summaryHtml } = splitCourse(loaded.course);
  // The introduction is in the page, as plain HTML, so it shows before the app has run; what
  // the bootstrap needs to read the launch follows it, and the first screen in each other language.
  const blocks = [
    dataBlock(COURSE_DATA_ID, pageCourse),
    ...Object.keys(languages).map((lang) => dataBlock(firstScreenDataId(lang), firstScreenPack(loaded.course, lang))),
  ];
  const page = join(outDir, 'index.html');
  writeFileSync(
    page,
    // Before the page's bootstrap (src/boot.ts), which reads it as it runs.
    withFirstScreen(readFileSync(page, 'utf8'), loaded.course).replace(
      /<script data-entry=|<\/body>/,
      (next) => `${blocks.join('\n')}\n${next}`,
    ),
  );
  writeFileSync(join(outDir, SCENARIOS_FILE), asModule(structure));
  writeFileSync(join(outDir, 'summary.js'), asModule(summaryHtml));
  mkdirSync(join(outDir, 'text'), { recursive: true });
  for (const [id, pack] of Object.entries(scenarios)) writeFileSync(join(outDir, 'text', `${id}.js`), asModule(pack));
  if (Object.keys(languages).length) mkdirSync(join(outDir, 'lang'), { recursive: true });
  for (const [lang, pack] of Object.entries(languages)) {
    writeFileSync(join(outDir, 'lang', `${lang}.js`), asModule(pack));
  }
  for (const m of loaded.media) {
    const target = join(outDir, 'media', loaded.collection, m.path.slice('media/'.length));
    mkdirSync(join(target, '..'), { recursive: true });
    cpSync(m.source, target);
  }
  return outDir;
}
