/**
 * `npm run build [-- <module> ...]`: checks every module's content, then writes
 * dist/<module>-scorm12.zip and dist/<module>-scorm2004.zip for each, with dist/<module>/ (the SCO),
 * dist/<module>.json (what the local LMS lists) and dist/<module>.report.json (what its reports need).
 * Content errors are printed as file:line:col and stop the build; no package is written.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { listModules, loadCourse, type LoadedCourse } from '../src/compiler/course.js';
import { ContentError, formatIssue } from '../src/compiler/errors.js';
import { frontlineViteConfig } from '../src/compiler/vite-config.js';
import { writeModuleFolder } from '../src/compiler/module-folder.js';
import { reportData } from '../src/core/report-data.js';
import { worstCaseLength } from '../src/core/resume.js';
import { manifestInputOf, writePackage } from '../scorm/package.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const requested = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const modules = requested.length ? requested : listModules(root);
if (modules.length === 0) {
  console.error('No modules found: expected modules/<id>/module.yaml');
  process.exit(1);
}

const zipPath = (id: string, v: '1.2' | '2004') => join(root, 'dist', `${id}-scorm${v === '1.2' ? '12' : '2004'}.zip`);

// Check all content first, so every error in every module is reported at once.
const loaded = new Map<string, LoadedCourse>();
let failed = false;
for (const id of modules) {
  try {
    const result = loadCourse(root, id);
    loaded.set(id, result);
    for (const w of result.warnings) console.warn(formatIssue(w));
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    failed = true;
    for (const issue of error.issues) console.error(formatIssue(issue));
    for (const v of ['1.2', '2004'] as const) rmSync(zipPath(id, v), { force: true });
  }
}
if (failed) {
  console.error('\nThe build stopped: fix the errors above. No package was written.');
  process.exit(1);
}

// One app bundle serves every module and both SCORM versions; each module adds its data.
const appStarted = performance.now();
await build({ ...frontlineViteConfig(root), logLevel: 'warn' });
console.log(`app bundle built in ${Math.round(performance.now() - appStarted)} ms`);

for (const [id, result] of loaded) {
  const { course } = result;
  const started = performance.now();
  writeModuleFolder(join(root, 'dist', '.app'), join(root, 'dist', id), result);
  // Both packages at once: each manifest is validated in its own worker thread.
  const written = await Promise.all(
    (['1.2', '2004'] as const).map(async (version) => {
      const out = zipPath(id, version);
      const { bytes, files } = await writePackage({
        dir: join(root, 'dist', id),
        outFile: out,
        version,
        input: manifestInputOf(course),
      });
      return `${out.slice(root.length)}  ${(bytes / 1024).toFixed(1)} KB, ${files.length} files`;
    }),
  );
  for (const line of written) console.log(line);
  writeFileSync(
    join(root, 'dist', `${id}.json`),
    JSON.stringify(
      {
        id,
        title: course.title,
        version: course.version,
        passMark: course.passMark,
        worstCaseSuspendData: worstCaseLength(course),
        scenarios: course.scenarios.map((s) => ({ id: s.id, title: s.title })),
      },
      null,
      2,
    ),
  );
  // What the LMS's reports know of this version: it keeps a copy of each build it meets.
  writeFileSync(join(root, 'dist', `${id}.report.json`), JSON.stringify(reportData(course)));
  console.log(
    `  ${course.title} ${course.version}: ${course.scenarios.length} scenarios, worst-case suspend_data ${worstCaseLength(course)} characters, built in ${Math.round(performance.now() - started)} ms`,
  );
}
