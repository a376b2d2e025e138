import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inlineHashes } from '../../../scorm/csp.js';
import { loadCourse } from '../../../src/compiler/course.js';
import { writeModuleFolder } from '../../../src/compiler/module-folder.js';
import {
  mergeLanguage,
  mergeScenario,
  type LanguagePack,
  type PageCourse,
  type ScenarioPack,
} from '../../../src/core/content.js';
import type { Course, Scenario } from '../../../src/core/model.js';

const ROOT = join(import.meta.dirname, '..', '..', '..');

/** A package folder for a module, from a stand-in app folder (the real one comes from Vite). */
function folder(module: string) {
  const app = mkdtempSync(join(tmpdir(), 'frontline-app-'));
  mkdirSync(join(app, 'assets'));
  // The project's own page (Vite only changes its script tags), so a change to its placeholder fails here.
  writeFileSync(join(app, 'index.html'), readFileSync(join(ROOT, 'index.html'), 'utf8'));
  writeFileSync(join(app, 'assets', 'index.js'), '');
  const out = join(mkdtempSync(join(tmpdir(), 'frontline-module-')), module);
  const loaded = loadCourse(ROOT, module);
  writeModuleFolder(app, out, loaded);
  return { out, course: loaded.course };
}

/** Reads a data module (`export default <json>;`) the way the browser would see its value. */
function data<T>(file: string): T {
  const text = readFileSync(file, 'utf8');
  expect(text.startsWith('export default ')).toBe(true);
  return JSON.parse(text.slice('export default '.length).replace(/;\s*$/, '')) as T;
}

/** A JSON data block in the page, as the bootstrap reads it (src/boot.ts). */
function block<T>(html: string, id: string): T {
  const found = new RegExp(`<script type="application/json" id="${id}">([\\s\\S]*?)</script>`).exec(html);
  expect(found, `#${id}`).not.toBeNull();
  return JSON.parse(found![1]!) as T;
}

/** The page's part of the course. */
const pageData = (html: string) => block<PageCourse>(html, 'fl-course-data');

describe('writeModuleFolder', () => {
  it('puts what the first screen needs in index.html as a data block after the introduction, the scenarios in scenarios.js and the closing summary in summary.js', () => {
    const { out, course } = folder('sample');
    expect(course.summaryHtml).toContain('Key points');
    const html = readFileSync(join(out, 'index.html'), 'utf8');
    const page = pageData(html);
    expect(page.summaryHtml).toBe('');
    expect(page.profiles).toEqual(course.profiles);
    expect(data<string>(join(out, 'summary.js'))).toBe(course.summaryHtml);
    // The scenarios' structure is not in the page: the first screen does not need it.
    expect(page).not.toHaveProperty('scenarios');
    expect(html).not.toContain(course.scenarios[0]!.question);
    const scenarios = data<Scenario[]>(join(out, 'scenarios.js'));
    expect(scenarios.map((s) => s.id)).toEqual(course.scenarios.map((s) => s.id));
    // Nothing else to fetch before the bootstrap can read the launch.
    expect(existsSync(join(out, 'course.js'))).toBe(false);
    expect(html).not.toMatch(/<link[^>]+(modulepreload|preload)/);
    // The introduction is in the page, in place of the loading line, before the data.
    expect(html.indexOf(`<h1 tabindex="-1">${course.title}</h1>`)).toBeGreaterThan(0);
    expect(html.indexOf(`<h1 tabindex="-1">`)).toBeLessThan(html.indexOf('id="fl-course-data"'));
    expect(html).not.toContain('Loading the module…');
    // Under a strict CSP the page may hold no script that runs: the data block is not one.
    expect(inlineHashes(html).script).toEqual([]);
  });

  it('escapes "<" in the data blocks, so no words in the course can end one early', () => {
    const { out } = folder('social-media-nhs');
    const html = readFileSync(join(out, 'index.html'), 'utf8');
    const blocks = [...html.matchAll(/<script type="application\/json" id="([^"]+)">([\s\S]*?)<\/script>/g)];
    expect(blocks.map((b) => b[1])).toEqual(['fl-course-data', 'fl-first-screen-cy']);
    for (const b of blocks) expect(b[2]).not.toContain('<');
    // The HTML they carry has tags: they come back whole when a block is read.
    expect(pageData(html).introHtml).toContain('<p>');
    expect(block<{ html: string }>(html, 'fl-first-screen-cy').html).toContain('<h1 tabindex="-1">');
  });

  it("puts each other language's first screen in the page as a data block: that language's words, the same controls", () => {
    const { out, course } = folder('social-media-nhs');
    const english = readFileSync(join(out, 'index.html'), 'utf8');
    const welsh = block<{ title: string; html: string }>(english, 'fl-first-screen-cy');
    expect(existsSync(join(out, 'lang', 'cy-first.js'))).toBe(false);
    // Only the other languages: the page's own first screen is its HTML.
    expect(english).not.toContain('id="fl-first-screen-en-GB"');
    expect(welsh.title).toBe(course.translations['cy']!.title);
    expect(welsh.html.startsWith('<div class="fl-shell" id="fl-first-screen" data-language="cy"')).toBe(true);
    expect(english).toContain('id="fl-first-screen" data-language="en-GB"');
    expect(welsh.html).toContain(`<h1 tabindex="-1">${course.translations['cy']!.title.replace("'", '&#39;')}</h1>`);
    expect(welsh.html).toContain('<button class="nhsuk-button" data-start disabled>Dechrau</button>');
    // The switch offers English, and a Welsh interface starts the profile question at Wales.
    expect(welsh.html).toContain('lang="en-GB" data-language="en-GB" disabled>English</button>');
    expect(welsh.html).toContain('<option value="wales" selected>');
    expect(english).toContain('<option value="england" selected>');
    // The same controls and landmarks as the English page, so the app and the bootstrap find them.
    const ids = (html: string) => [...html.matchAll(/ (id|data-[a-z-]+)(?==| |>)/g)].map((m) => m[1]).join(' ');
    const screen = english.slice(english.indexOf('<div class="fl-shell"'), english.indexOf('</footer>'));
    expect(ids(welsh.html)).toBe(ids(screen));
    expect(welsh.html).not.toMatch(/<script|<style| style=/);
  });

  it('splits the flagship so that merging every part back gives the whole course', () => {
    const { out, course } = folder('social-media-nhs');
    const rebuilt: Course = {
      ...pageData(readFileSync(join(out, 'index.html'), 'utf8')),
      scenarios: data<Scenario[]>(join(out, 'scenarios.js')),
    };
    expect(rebuilt.scenarios.every((s) => s.situation.length === 0)).toBe(true);
    for (const file of readdirSync(join(out, 'text')))
      mergeScenario(rebuilt, file.replace(/\.js$/, ''), data<ScenarioPack>(join(out, 'text', file)));
    for (const file of readdirSync(join(out, 'lang')))
      mergeLanguage(rebuilt, file.replace(/\.js$/, ''), data<LanguagePack>(join(out, 'lang', file)));
    rebuilt.summaryHtml = data<string>(join(out, 'summary.js'));
    const plain = (c: Course) =>
      JSON.parse(JSON.stringify({ ...c, scenarios: c.scenarios.map((s) => ({ ...s, file: '' })) })) as unknown;
    expect(plain(rebuilt)).toEqual(plain(course));
  });
});
