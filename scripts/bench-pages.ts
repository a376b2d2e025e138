/**
 * The pages the benchmarks measure a module's first screen against, written into a dist/ folder
 * beside the modules so the preview server serves them in the module's place: the floor, and a
 * module's own first screen by hand (scripts/bench.ts, scripts/bench-first-screen.ts).
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The floor: a hand-written SCO, as small and direct as one can be. One HTML file (no other
 * request) holding an h1 and a Start button, with an inline script at the end of the body that
 * finds the API the way the module does (2004, then 1.2; up the parents, then the opener), makes
 * the reads a new attempt's launch makes, and enables Start. No framework, no styles, no
 * content. The preview server allows its inline script by its hash (scorm/csp.ts), as it does
 * the module's inline stylesheet. The module's time above this is what the module can still win.
 */
export const FLOOR = 'bench-floor';
const FLOOR_SCRIPT = `(function () {
  var find = function (w) {
    for (var n = 0; w && n < 10; n++) {
      try { if (w.API_1484_11) return { v: '2004', api: w.API_1484_11 }; if (w.API) return { v: '1.2', api: w.API }; } catch (e) { return null; }
      if (w.parent === w) break;
      w = w.parent;
    }
    return null;
  };
  var found = find(window) || (window.opener ? find(window.opener) : null);
  if (found) {
    var api = found.api;
    var names = found.v === '2004'
      ? ['cmi.entry', 'cmi.mode', 'cmi.learner_name', 'cmi.learner_id', 'cmi.completion_status', 'cmi.total_time', 'cmi.learner_preference.language', 'cmi.interactions._count', 'cmi.objectives._count']
      : ['cmi.core.entry', 'cmi.core.lesson_mode', 'cmi.core.student_name', 'cmi.core.student_id', 'cmi.core.lesson_status', 'cmi.core.total_time', 'cmi.student_preference.language', 'cmi.suspend_data', 'cmi.interactions._count', 'cmi.objectives._count'];
    var get = found.v === '2004' ? 'GetValue' : 'LMSGetValue';
    api[found.v === '2004' ? 'Initialize' : 'LMSInitialize']('');
    for (var i = 0; i < names.length; i++) api[get](names[i]);
    if (found.v === '2004' && api.GetValue('cmi.entry') === 'resume') api.GetValue('cmi.suspend_data');
  }
  var h1 = document.querySelector('h1');
  var start = document.querySelector('button');
  start.addEventListener('click', function () { h1.textContent = 'Floor scenario'; });
  start.disabled = false;
})();`;
/** The floor's page: what a hand-written SCO would be. */
export const FLOOR_PAGE = `<!doctype html>
<html lang="en-GB">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Bench floor</title>
</head>
<body>
  <h1>Bench floor</h1>
  <button disabled>Start</button>
  <script>${FLOOR_SCRIPT}</script>
</body>
</html>
`;
/**
 * A module's first screen by hand: its built index.html as it is (the same HTML, styles and
 * course data) with the floor's script in place of the module's bootstrap. What the module takes
 * over this page is what its own code costs; what this page takes over the floor is the cost of
 * showing that first screen at all.
 */
export const byHandId = (id: string) => `bench-by-hand-${id}`;
/** Null for a page without an inline bootstrap (a tree from before it, measured with --tree). */
export function byHandPage(moduleHtml: string): string | null {
  const boot = /<script data-entry="[^"]*">[\s\S]*?<\/script>/;
  if (!boot.test(moduleHtml)) return null;
  const script = FLOOR_SCRIPT.replace("document.querySelector('button')", "document.querySelector('[data-start]')");
  return moduleHtml.replace(boot, () => `<script>${script}</script>`);
}

/**
 * Writes pages (id to HTML) into `dist` as modules of one index.html each, with the listing the
 * preview server reads; returns their removal.
 */
export function writePages(dist: string, pages: ReadonlyMap<string, string>): () => void {
  for (const [id, html] of pages) {
    mkdirSync(join(dist, id), { recursive: true });
    writeFileSync(join(dist, id, 'index.html'), html);
    writeFileSync(join(dist, `${id}.json`), JSON.stringify({ id, title: id, version: '0', scenarios: [] }));
  }
  return () => {
    for (const id of pages.keys()) {
      rmSync(join(dist, id), { recursive: true, force: true });
      rmSync(join(dist, `${id}.json`), { force: true });
    }
  };
}
