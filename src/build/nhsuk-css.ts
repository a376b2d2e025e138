/**
 * NHS.UK frontend's styles for the SCO: the parts in src/components/nhsuk.scss, compiled
 * with sass, then only the selectors the components use (PurgeCSS), served to the app as
 * `virtual:nhsuk-css`. Also collapses the whitespace in the bundle's template literals
 * (Lit's html and css templates), where line breaks and indentation mean nothing.
 */
import { join } from 'node:path';
import { PurgeCSS } from 'purgecss';
import * as sass from 'sass';
import type { Plugin } from 'vite';

const ID = 'virtual:nhsuk-css';
const RESOLVED = '\0virtual:nhsuk-css';

export function nhsukCss(root: string): Plugin {
  let css: Promise<string> | null = null;
  const compile = async () => {
    const full = sass.compile(join(root, 'src/components/nhsuk.scss'), { loadPaths: [join(root, 'node_modules')], style: 'compressed' }).css;
    const [purged] = await new PurgeCSS().purge({
      content: [join(root, 'src/components/*.ts')],
      css: [{ raw: full }],
      // Class names the templates build from parts: nhsuk-radios__item, nhsuk-tag--green...
      safelist: { greedy: [/^nhsuk-(radios|checkboxes)__/, /^nhsuk-tag--/] },
    });
    return purged!.css;
  };
  return {
    name: 'frontline-nhsuk-css',
    resolveId: (id) => (id === ID ? RESOLVED : null),
    async load(id) {
      if (id !== RESOLVED) return null;
      css ??= compile();
      return `export default ${JSON.stringify(await css)};`;
    },
    generateBundle(_options, bundle) {
      // After minifying, line breaks are left only inside template literals.
      for (const chunk of Object.values(bundle)) {
        if (chunk.type === 'chunk') chunk.code = chunk.code.replace(/\n[ \t]*/g, ' ').replace(/ {2,}/g, ' ');
      }
    },
  };
}
