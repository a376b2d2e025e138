/**
 * NHS.UK frontend's styles for the SCO, in two parts so the introduction parses only what it
 * shows: `virtual:nhsuk-css` (buttons, hidden text: every screen) from
 * src/components/nhsuk.scss, and `virtual:nhsuk-forms-css` (radios, checkboxes, inset text,
 * tags: the scenario screen, loaded with it) from src/components/nhsuk-forms.scss. Each is
 * compiled with sass, then cut to the selectors the components use (PurgeCSS). The result
 * is cached on disk (node_modules/.cache/frontline), keyed by the sources and the versions.
 * In a build, index.html gets the first screen's stylesheet inline (src/page.css, then the same
 * NHS.UK part with the shell's rules, minified), so the introduction is styled by the page itself
 * with no request before it: one <style>, allowed by its hash under a strict CSP (scorm/csp.ts).
 * Also collapses the whitespace in the bundle's template literals (Lit's html and css
 * templates), where line breaks and indentation mean nothing.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { transform } from 'esbuild';
import type { Plugin } from 'vite';
import { firstScreenCss } from '../components/shell-css.js';

const PARTS: Record<string, string> = {
  'virtual:nhsuk-css': 'src/components/nhsuk.scss',
  'virtual:nhsuk-forms-css': 'src/components/nhsuk-forms.scss',
};
// Class names the templates build from parts: nhsuk-radios__item, nhsuk-tag--green...
const SAFELIST = [/^nhsuk-(radios|checkboxes)__/, /^nhsuk-tag--/];

function version(root: string, pkg: string): string {
  try {
    return (JSON.parse(readFileSync(join(root, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string })
      .version;
  } catch {
    return '?';
  }
}

/** What the compiled CSS depends on: the part's scss, the components it is purged against, the tools' versions. */
function cacheKey(root: string, scss: string): string {
  const hash = createHash('sha256');
  hash.update(`${scss}\0${SAFELIST.join(',')}\0`);
  for (const pkg of ['nhsuk-frontend', 'sass', 'purgecss']) hash.update(`${pkg}@${version(root, pkg)}\0`);
  hash.update(readFileSync(join(root, scss)));
  const components = join(root, 'src/components');
  for (const f of readdirSync(components)
    .filter((x) => x.endsWith('.ts'))
    .sort())
    hash.update(`${f}\0`).update(readFileSync(join(components, f)));
  return hash.digest('hex').slice(0, 16);
}

async function compile(root: string, scss: string): Promise<string> {
  const [sass, { PurgeCSS }] = await Promise.all([import('sass'), import('purgecss')]);
  const full = sass.compile(join(root, scss), { loadPaths: [join(root, 'node_modules')], style: 'compressed' }).css;
  const [purged] = await new PurgeCSS().purge({
    content: [join(root, 'src/components/*.ts')],
    css: [{ raw: full }],
    safelist: { greedy: SAFELIST },
  });
  return purged!.css;
}

/** The compiled part, from the disk cache when nothing it depends on has changed. */
export async function nhsukPartCss(root: string, scss: string): Promise<string> {
  const dir = join(root, 'node_modules', '.cache', 'frontline');
  const file = join(dir, `nhsuk-${cacheKey(root, scss)}.css`);
  try {
    return readFileSync(file, 'utf8');
  } catch {
    /* not cached yet */
  }
  const css = await compile(root, scss);
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, css);
  } catch {
    /* a read-only node_modules: compile each time */
  }
  return css;
}

/** The page's own rules and the first screen's, as one minified stylesheet for index.html. */
export async function firstScreenStyle(root: string): Promise<string> {
  const page = readFileSync(join(root, 'src/page.css'), 'utf8');
  const shell = firstScreenCss(await nhsukPartCss(root, PARTS['virtual:nhsuk-css']!));
  const { code } = await transform(`${page}\n${shell}`, { loader: 'css', minify: true });
  if (code.includes('</')) throw new Error('the first screen stylesheet cannot go inline: it holds "</"');
  return code.trim();
}

export function nhsukCss(root: string): Plugin {
  const compiled = new Map<string, Promise<string>>();
  let minify: unknown = true;
  return {
    name: 'frontline-nhsuk-css',
    configResolved(config) {
      minify = config.build.minify;
    },
    resolveId: (id) => (PARTS[id] ? `\0${id}` : null),
    async load(id) {
      const scss = id.startsWith('\0') ? PARTS[id.slice(1)] : undefined;
      if (!scss) return null;
      let css = compiled.get(scss);
      if (!css) compiled.set(scss, (css = nhsukPartCss(root, scss)));
      return `export default ${JSON.stringify(await css)};`;
    },
    transformIndexHtml: {
      order: 'pre',
      async handler(html, ctx) {
        // The dev server keeps the page's link (it has no first screen); a build puts the styles inline.
        if (ctx.server) return html;
        const link = /[ \t]*<link rel="stylesheet" href="\/src\/page\.css" \/>\n?/;
        if (!link.test(html)) throw new Error('index.html has no link to /src/page.css to put inline');
        const css = await firstScreenStyle(root);
        return html.replace(link, '').replace('</head>', `  <style>${css}</style>\n  </head>`);
      },
    },
    generateBundle(_options, bundle) {
      // After minifying, line breaks are left only inside template literals. Without minifying
      // (a debugging build) there are comments and line-sensitive code: leave it alone.
      if (minify === false) return;
      for (const chunk of Object.values(bundle)) {
        if (chunk.type === 'chunk') chunk.code = chunk.code.replace(/\n[ \t]*/g, ' ').replace(/ {2,}/g, ' ');
      }
    },
  };
}
