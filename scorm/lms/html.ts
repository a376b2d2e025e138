/**
 * Server-rendered HTML with escaping by default: every value put into an `html` template is
 * escaped unless it is itself Html (another template, or trusted markup wrapped with
 * `trusted`, which is only ever the build's pre-sanitised content HTML).
 */
import { escapeHtml as escape } from '../../src/core/escape.js';

export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

/** Escapes text for HTML (the one escaper the project has). */
export { escape };

function render(value: unknown): string {
  if (value instanceof Html) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  if (value === null || value === undefined || value === false) return '';
  return escape(String(value));
}

export function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
  let out = strings[0]!;
  values.forEach((v, i) => {
    out += render(v) + strings[i + 1]!;
  });
  return new Html(out);
}

/** Markup that is already safe: the course's HTML, which the build sanitised. */
export function trusted(markup: string): Html {
  return new Html(markup);
}

/**
 * JSON for a `<script type="application/json">` data block: the page script reads it, the
 * browser never runs it, and `<` is escaped so no value can close the element.
 */
export function jsonBlock(id: string, data: unknown): Html {
  const json = JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
  return new Html(`<script type="application/json" id="${escape(id)}">${json}</script>`);
}
