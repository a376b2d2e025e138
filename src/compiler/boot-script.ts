/**
 * Puts the page's bootstrap (src/boot.ts) inline in a build's index.html, in place of the
 * app's entry script, which the bootstrap loads once the first screen is usable: the first
 * screen then needs the page alone. The bootstrap is bundled on its own (esbuild, minified), so
 * it holds only what it imports; scorm/csp.ts allows it by its hash. The dev server keeps the
 * entry script as it is (it has no first screen).
 */
import { join } from 'node:path';
import { build } from 'esbuild';
import type { Plugin } from 'vite';

/** The bootstrap as one minified classic script. */
export async function bootScript(root: string): Promise<string> {
  const result = await build({
    entryPoints: [join(root, 'src/boot.ts')],
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2020',
    write: false,
    legalComments: 'none',
  });
  const code = result.outputFiles[0]!.text.trim();
  if (/<\/script|<!--/i.test(code)) throw new Error('the bootstrap cannot go inline: it holds "</script" or "<!--"');
  return code;
}

export function bootInline(root: string): Plugin {
  return {
    name: 'frontline-boot-inline',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      async handler(html) {
        const entry = /[ \t]*<script type="module" crossorigin src="([^"]+)"><\/script>\n?/;
        const src = entry.exec(html)?.[1];
        if (!src) throw new Error('index.html has no entry script for the bootstrap to load');
        const boot = await bootScript(root);
        return html.replace(entry, '').replace('</body>', `<script data-entry="${src}">${boot}</script>\n</body>`);
      },
    },
  };
}
