/**
 * `npm run dev [-- <module>]`: the module in the local LMS page with the LMS inspector,
 * reloading on any change in content/ or modules/. Content errors show in the page too.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer, type Plugin } from 'vite';
import { listModules, loadCourse } from '../src/compiler/course.js';
import { formatIssue } from '../src/compiler/errors.js';
import { frontlineViteConfig } from '../src/compiler/vite-config.js';
import { bundlePlayerScript, PLAYER_SCRIPTS } from '../scorm/preview-server.js';

const root = fileURLToPath(new URL('..', import.meta.url));
// FRONTLINE_CONTENT_ROOT points at another folder holding modules/ and content/ (the tests use one).
const contentRoot = process.env.FRONTLINE_CONTENT_ROOT ?? root;
const module = process.argv.slice(2).find((a) => !a.startsWith('-')) ?? listModules(contentRoot)[0] ?? 'sample';
const host = process.env.HOST ?? '127.0.0.1';
const port = Number(process.env.PORT ?? 5173);

const TYPES: Record<string, string> = { '.js': 'text/javascript', '.css': 'text/css', '.html': 'text/html' };

/** Serves the LMS page, scorm-again and the module list next to the module itself. */
function devLms(): Plugin {
  const serveFile = (dir: string, rel: string, res: import('node:http').ServerResponse) => {
    const file = normalize(join(dir, rel));
    if (!file.startsWith(dir) || !existsSync(file)) return false;
    res.setHeader('Content-Type', TYPES[file.slice(file.lastIndexOf('.'))] ?? 'application/octet-stream');
    res.end(readFileSync(file));
    return true;
  };
  return {
    name: 'frontline-dev-lms',
    configureServer(server) {
      server.middlewares.use(async (req, res, next) => {
        const url = (req.url ?? '/').split('?')[0]!;
        if (url === '/') {
          res.statusCode = 302;
          res.setHeader('Location', `/player/?module=${module}&inspector&sco=/index.html`);
          return res.end();
        }
        const script = PLAYER_SCRIPTS.find((name) => url === `/player/${name}.js`);
        if (script) {
          res.setHeader('Content-Type', 'text/javascript');
          return res.end(await bundlePlayerScript(root, script));
        }
        if (url === '/api/modules') {
          let info: object = { id: module, title: module, version: 'dev', scenarios: [] };
          try {
            const { course, warnings } = loadCourse(contentRoot, module);
            info = {
              id: course.id,
              title: course.title,
              version: course.version,
              passMark: course.passMark,
              scenarios: course.scenarios.map((s) => ({ id: s.id, title: s.title })),
              // The inspector lists them, so the trainer sees them beside the module, not only in the terminal.
              warnings: warnings.map(formatIssue),
            };
          } catch {
            /* content errors show in the module's page */
          }
          res.setHeader('Content-Type', 'application/json');
          return res.end(JSON.stringify([info]));
        }
        if (
          url.startsWith('/player/') &&
          serveFile(join(root, 'scorm', 'player'), url.slice('/player/'.length) || 'index.html', res)
        )
          return;
        if (
          url.startsWith('/vendor/scorm-again/') &&
          serveFile(
            join(root, 'node_modules', 'scorm-again', 'dist', 'esm'),
            url.slice('/vendor/scorm-again/'.length),
            res,
          )
        )
          return;
        next();
      });
    },
  };
}

const config = frontlineViteConfig(root, module, contentRoot);
const server = await createServer({
  ...config,
  plugins: [...(config.plugins ?? []), devLms()],
  server: { host, port, strictPort: true },
});
await server.listen();
console.log(
  `Frontline dev preview of "${module}": http://${host}:${port}/  (edit content/ or modules/ and the page reloads)`,
);
