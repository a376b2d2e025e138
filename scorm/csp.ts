/**
 * A strict Content Security Policy for a module's pages that still lets each page's own inline
 * blocks run: every `<style>` and every `<script>` without `src` (JSON data blocks are never run
 * and need nothing) is allowed by its sha256, never by 'unsafe-inline'. A built module has one
 * inline stylesheet (its first screen's: src/compiler/nhsuk-css.ts) and one inline script (its
 * bootstrap: src/compiler/boot-script.ts).
 * docs/LMS.md says what an LMS with its own CSP has to allow.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';

/** The CSP sources of a page's inline styles and scripts: `'sha256-…'`, in the page's order. */
export function inlineHashes(html: string): { style: string[]; script: string[] } {
  const hash = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
  const style = [...html.matchAll(/<style(?:\s[^>]*)?>([\s\S]*?)<\/style>/gi)].map((m) => hash(m[1]!));
  const script = [...html.matchAll(/<script(\s[^>]*)?>([\s\S]*?)<\/script>/gi)]
    .filter((m) => !/\ssrc=/i.test(m[1] ?? '') && !/\stype="application\/(ld\+)?json"/i.test(m[1] ?? ''))
    .map((m) => hash(m[2]!));
  return { style, script };
}

/** `policy` (directives separated by `;`) with the page's inline hashes added to style-src and script-src. */
export function withInlineHashes(policy: string, html: string): string {
  const { style, script } = inlineHashes(html);
  const add: Record<string, string[]> = { 'style-src': style, 'script-src': script };
  return policy
    .split(';')
    .map((d) => d.trim())
    .filter(Boolean)
    .map((d) => {
      const extra = add[d.split(/\s+/)[0]!] ?? [];
      return extra.length ? `${d} ${extra.join(' ')}` : d;
    })
    .join('; ');
}

const cache = new Map<string, { mtimeMs: number; policy: string; base: string }>();

/**
 * The policy for an HTML file on disk: `base` with the file's inline hashes, remembered until the
 * file changes (a rebuild), so serving a module's page does not re-read it each time.
 */
export function policyForFile(base: string, file: string): string {
  let mtimeMs: number;
  try {
    mtimeMs = statSync(file).mtimeMs;
  } catch {
    return base;
  }
  const known = cache.get(file);
  if (known && known.mtimeMs === mtimeMs && known.base === base) return known.policy;
  const policy = withInlineHashes(base, readFileSync(file, 'utf8'));
  cache.set(file, { mtimeMs, policy, base });
  return policy;
}
