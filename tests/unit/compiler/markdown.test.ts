/** Markdown rendering: the same safe links in a choice's words as everywhere else. */
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCourse } from '../../../src/compiler/course.js';
import { Reporter } from '../../../src/compiler/errors.js';
import { renderBlocks, lex, renderInline, type MarkdownContext } from '../../../src/compiler/markdown.js';
import { makeProject } from './fixture.js';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});
const context = (text: string): MarkdownContext => ({
  report: new Reporter('x.md', text),
  collectionDir: '/nowhere',
  collection: 'x',
  media: new Set(),
});
const NEW_WINDOW =
  '<a href="https://example.org/policy" target="_blank" rel="noopener noreferrer">the policy<span class="fl-visually-hidden"> (opens in a new window)</span></a>';

describe('links', () => {
  it('open in a new window, and say so, in a paragraph', () => {
    const text = 'Read [the policy](https://example.org/policy).';
    expect(renderBlocks(lex(text, 0), context(text))).toBe(`<p>Read ${NEW_WINDOW}.</p>`);
  });

  it('open in a new window, and say so, in one line of inline text', () => {
    const text = 'Read [the policy](https://example.org/policy) *first*';
    expect(renderInline(text, 0, context(text))).toBe(`Read ${NEW_WINDOW} <em>first</em>`);
  });

  it('in a choice heading do not take the module frame away', () => {
    const root = makeProject();
    roots.push(root);
    const file = join(root, 'content/base/alpha.md');
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace(
        '### Read it and thank them',
        '### Read [the policy](https://example.org/policy) and thank them',
      ),
    );
    const alpha = loadCourse(root, 'base').course.scenarios.find((s) => s.id === 'alpha')!;
    expect(alpha.choices[0]!.textHtml).toBe(`Read ${NEW_WINDOW} and thank them`);
    expect(alpha.choices[0]!.text).toBe('Read the policy and thank them');
  });
});
