import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCourse } from '../../../src/compiler/course.js';
import { writeModuleFolder } from '../../../src/compiler/module-folder.js';
import { mergeLanguage, mergeScenario, type LanguagePack, type ScenarioPack } from '../../../src/core/content.js';
import type { Course } from '../../../src/core/model.js';

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

describe('writeModuleFolder', () => {
  it('keeps the closing summary out of course.js, in summary.js, and preloads course.js from index.html', () => {
    const { out, course } = folder('sample');
    expect(course.summaryHtml).toContain('Key points');
    expect(data<Course>(join(out, 'course.js')).summaryHtml).toBe('');
    expect(data<string>(join(out, 'summary.js'))).toBe(course.summaryHtml);
    const html = readFileSync(join(out, 'index.html'), 'utf8');
    expect(html).toMatch(/<link rel="modulepreload" href="\.\/course\.js">\s*<\/head>/);
    // The introduction is in the page, in place of the loading line.
    expect(html).toContain(`<h1 tabindex="-1">${course.title}</h1>`);
    expect(html).not.toContain('Loading the module…');
  });

  it('splits the flagship so that merging every part back gives the whole course', () => {
    const { out, course } = folder('social-media-nhs');
    const rebuilt = data<Course>(join(out, 'course.js'));
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
