/** The sign-off pack holds everything a reviewer approves, and prints on A4. */
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCourse } from '../../../src/compiler/course.js';
import { analyse } from '../../../src/compiler/graph.js';
import { toSvg } from '../../../src/compiler/map.js';
import { toSignoffHtml } from '../../../src/compiler/signoff.js';
import { makeProject } from './fixture.js';

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});
function pack(): { html: string; text: string } {
  const root = makeProject();
  roots.push(root);
  const { course } = loadCourse(root, 'base');
  const report = analyse(course);
  const html = toSignoffHtml(course, report, toSvg(course, report));
  return { html, text: html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ') };
}

describe('the sign-off pack', () => {
  it('gives every choice its rating, source, feedback and where it leads', () => {
    const { text } = pack();
    expect(text).toContain(
      'Accept it Rating wrong (0 of 100) Source Code, section 5 Then Beta follow-up (beta-follow-up) Id accept',
    );
    expect(text).toContain(
      'Decline it Rating best (100 of 100) Source Code, section 4 Then Social (social) Id decline',
    );
    expect(text).toContain('Feedback Accepting blurs the boundary.');
    expect(text).toContain('Ignore it Rating acceptable (50 of 100) Source Code, section 2');
    expect(text).toMatch(/Then:? Results/);
  });

  it('shows social media blocks as text, and a feed as items to pick', () => {
    const { text } = pack();
    expect(text).toMatch(/Friend request from Pat/);
    expect(text).toContain('Should be picked Yes');
    expect(text).toContain('Should be picked No');
  });

  it('states the module facts and has boxes for the reviewer', () => {
    const { html, text } = pack();
    expect(text).toContain('Pass mark 80%');
    expect(text).toContain('Objectives Keep information private privacy Behave professionally online conduct');
    expect(text).toContain('The module is in English only.');
    for (const box of ['Reviewer', 'Role', 'Date', 'Decision'])
      expect(html).toContain(`<tr><th scope="row">${box}</th><td>`);
    expect(html).toContain('@page { size: A4;');
    expect(html).toContain('<svg');
  });
});
