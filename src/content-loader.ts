/**
 * Loads the parts of a split course from the package: the structure from index.html at boot
 * (src/compiler/module-folder.ts writes it there), then
 * text/<scenario>.js, summary.js and lang/<code>.js when they are needed (and soon before).
 * In the dev server the whole course comes from `virtual:course` and nothing is split.
 */
import {
  hasLanguage,
  hasText,
  mergeLanguage,
  mergeScenario,
  type LanguagePack,
  type ScenarioPack,
} from './core/content.js';
import type { Course } from './core/model.js';
import { COURSE_DATA_ID, bootHandoff } from './first-screen-controls.js';

async function load<T>(path: string): Promise<T> {
  // Relative to the page, so the package works wherever the LMS serves it.
  const module = (await import(/* @vite-ignore */ new URL(path, document.baseURI).href)) as { default: T };
  return module.default;
}

/** The course structure (built package) or the whole course with any content errors (dev server). */
export async function loadCourse(): Promise<{
  course: Course | null;
  contentErrors: { file: string; line: number; col: number; message: string }[];
}> {
  if (import.meta.env.DEV) {
    const dev = await import('virtual:course');
    return { course: dev.default, contentErrors: dev.contentErrors };
  }
  // The page's bootstrap (src/boot.ts) has parsed it already.
  const parsed = bootHandoff()?.course;
  if (parsed) return { course: parsed, contentErrors: [] };
  const data = document.getElementById(COURSE_DATA_ID);
  if (!data?.textContent) throw new Error(`the page has no course data (#${COURSE_DATA_ID})`);
  return { course: JSON.parse(data.textContent) as Course, contentErrors: [] };
}

const pending = new Map<string, Promise<void>>();

function once(key: string, job: () => Promise<void>): Promise<void> {
  let p = pending.get(key);
  if (!p) {
    p = job().catch((error: unknown) => {
      pending.delete(key);
      throw error;
    });
    pending.set(key, p);
  }
  return p;
}

/** Makes sure a scenario's longer text is in the course. */
export function ensureScenario(course: Course, id: string): Promise<void> {
  if (hasText(course, id)) return Promise.resolve();
  return once(`text:${id}`, async () => mergeScenario(course, id, await load<ScenarioPack>(`text/${id}.js`)));
}

/** Makes sure the main language's closing summary (shown with the results) is in the course. */
export function ensureSummary(course: Course): Promise<void> {
  return once('summary', async () => {
    course.summaryHtml = await load<string>('summary.js');
  });
}

/** Makes sure a language's words are in the course. */
export function ensureLanguage(course: Course, language: string): Promise<void> {
  if (hasLanguage(course, language)) return Promise.resolve();
  return once(`lang:${language}`, async () =>
    mergeLanguage(course, language, await load<LanguagePack>(`lang/${language}.js`)),
  );
}
