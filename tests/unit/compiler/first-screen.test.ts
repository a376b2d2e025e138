import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCourse } from '../../../src/compiler/course.js';
import { firstScreenHtml, withFirstScreen } from '../../../src/compiler/first-screen.js';
import { firstScreenStyle } from '../../../src/compiler/nhsuk-css.js';
import { BASE_CSS, PROGRESS_CSS, SHELL_CSS, TOKENS_CSS, firstScreenCss } from '../../../src/components/shell-css.js';
import type { Course } from '../../../src/core/model.js';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const PAGE =
  '<!doctype html>\n<html lang="en-GB">\n<head>\n  <title>Frontline</title>\n</head>\n<body>\n  <p>Loading the module…</p>\n</body>\n</html>\n';

function flagship(): Course {
  return loadCourse(ROOT, 'social-media-nhs').course;
}

describe('firstScreenHtml', () => {
  it('draws the introduction of a new attempt, with every control off until the app has read the LMS', () => {
    const course = flagship();
    const html = firstScreenHtml(course);
    expect(html).toContain(`<h1 tabindex="-1">${course.title}</h1>`);
    for (const o of course.objectives) expect(html).toContain(`<li>${o.title.replace(/'/g, '&#39;')}</li>`);
    expect(html).toContain(`It takes about ${course.estimatedMinutes} minutes. You need ${course.passMark}% to pass.`);
    expect(html).toContain('<button class="nhsuk-button" data-start disabled>Start</button>');
    expect(html).toContain('<button class="header__language" lang="cy" data-language="cy" disabled>Cymraeg</button>');
    expect(html).toContain('data-statement disabled>Accessibility statement</button>');
    expect(html).toContain('aria-valuenow="0"');
    // The words the app puts in once it knows the launch.
    expect(html).toContain('data-welcome="Welcome, {name}."');
    expect(html).toContain('data-continue="Continue where you left off"');
    expect(html.match(/<button/g)).toHaveLength(3);
  });

  it('asks where the learner works and their staff group, labelled, with the first offered (Wales in Welsh) selected and off until the app runs', () => {
    const course = flagship();
    const html = firstScreenHtml(course);
    expect(html).toContain('<label for="fl-nation">Where do you work?</label>');
    expect(html).toContain('<select class="fl-select" id="fl-nation" name="nation" disabled>');
    expect(html).toContain('<option value="england" selected>England</option>');
    expect(html).toContain('<label for="fl-group">Your staff group</label>');
    expect(html).toContain('<option value="nursing-midwifery" selected>Nursing and midwifery</option>');
    expect(html.match(/<option /g)).toHaveLength(course.profiles!.nations.length + course.profiles!.groups.length);
    const welsh = firstScreenHtml({ ...course, language: 'cy' });
    expect(welsh).toContain('<label for="fl-nation">Ble ydych chi&#39;n gweithio?</label>');
    expect(welsh).toContain('<option value="wales" selected>Cymru</option>');
    expect(firstScreenHtml({ ...course, profiles: undefined })).not.toContain('<select');
  });

  it('escapes what the course says, in text and in attributes', () => {
    const course = {
      ...flagship(),
      title: 'Posts & <script>"replies"</script>',
      organisation: { name: 'Fictional <b>Trust</b>' },
    };
    const html = firstScreenHtml(course);
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b>');
    expect(html).toContain('Posts &amp; &lt;script&gt;&quot;replies&quot;&lt;/script&gt;');
    expect(html).toContain('<p class="header__org">Fictional &lt;b&gt;Trust&lt;/b&gt;</p>');
  });

  it("speaks the module's own language: a Welsh module's first screen is in Welsh, with English to switch to", () => {
    const course: Course = { ...flagship(), language: 'cy', languages: ['cy', 'en-GB'] };
    const html = firstScreenHtml(course);
    expect(html).toContain('data-start disabled>Dechrau</button>');
    expect(html).toContain('data-welcome="Croeso, {name}."');
    expect(html).toContain('lang="en-GB" data-language="en-GB" disabled>English</button>');
  });
});

describe('withFirstScreen', () => {
  it("puts the first screen in place of the loading line, with the course's language and title", () => {
    const course = { ...flagship(), language: 'cy', title: 'Cyfryngau cymdeithasol' };
    const page = withFirstScreen(PAGE, course);
    expect(page).toContain('<html lang="cy">');
    expect(page).toContain('<title>Cyfryngau cymdeithasol</title>');
    // The stylesheet is already inline (the Vite build puts it there): nothing more to fetch.
    expect(page).not.toContain('rel="stylesheet"');
    expect(page).not.toContain('Loading the module…');
    expect(page).toContain('id="fl-first-screen"');
  });

  it('fails the build when index.html has no loading line to replace, rather than shipping a page without it', () => {
    expect(() => withFirstScreen(PAGE.replace('<p>Loading the module…</p>', ''), flagship())).toThrow(
      /Loading the module/,
    );
  });
});

describe('firstScreenCss', () => {
  it("is the elements' own rules with :host made the first screen's classes, after NHS.UK's", () => {
    const css = firstScreenCss('.nhsuk-button{color:#fff}');
    expect(css.startsWith('.nhsuk-button{color:#fff}')).toBe(true);
    expect(css).not.toMatch(/:host/);
    expect(css).toContain('.fl-shell {\n--fl-blue: #005eb8;');
    expect(css).toContain('.fl-progress { display: block; }');
    for (const part of [TOKENS_CSS, BASE_CSS, SHELL_CSS, PROGRESS_CSS]) expect(part).toContain(':host');
    // Every rule of the shell is there: count the blocks.
    const blocks = (text: string) => (text.match(/\{/g) ?? []).length;
    expect(blocks(css)).toBe(1 + blocks(TOKENS_CSS + BASE_CSS + SHELL_CSS + PROGRESS_CSS));
  });
});

describe('firstScreenStyle', () => {
  it("is the page's own rules and the first screen's, minified, safe to put in a <style> element", async () => {
    const css = await firstScreenStyle(ROOT);
    expect(css).toContain('html{background:#f0f4f5}');
    expect(css).toContain('.fl-shell{');
    expect(css).toContain('.nhsuk-button{');
    expect(css).not.toContain('</');
    expect(css).not.toMatch(/\n\s/);
  });
});
