/** `npm run map [-- <module> ...]`: writes dist/<module>-map.svg and dist/<module>-map.mmd for sign-off. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { listModules, loadCourse } from '../src/compiler/course.js';
import { ContentError, formatIssue } from '../src/compiler/errors.js';
import { analyse } from '../src/compiler/graph.js';
import { toMermaid, toSvg } from '../src/compiler/map.js';

const root = process.env.FRONTLINE_ROOT ?? fileURLToPath(new URL('..', import.meta.url));
const requested = process.argv.slice(2).filter((a) => !a.startsWith('-'));
let failed = false;
mkdirSync(join(root, 'dist'), { recursive: true });
for (const id of requested.length ? requested : listModules(root)) {
  try {
    const { course } = loadCourse(root, id);
    const report = analyse(course);
    writeFileSync(join(root, 'dist', `${id}-map.svg`), toSvg(course, report));
    writeFileSync(join(root, 'dist', `${id}-map.mmd`), toMermaid(course, report));
    console.log(
      `dist/${id}-map.svg and dist/${id}-map.mmd: ${course.scenarios.length} scenarios, ${report.edges.length} links`,
    );
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    failed = true;
    for (const issue of error.issues) console.error(formatIssue(issue));
  }
}
process.exit(failed ? 1 : 0);
