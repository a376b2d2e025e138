/**
 * Loads the parts of a split course from the package (src/compiler/module-folder.ts writes
 * them): at boot the page's part from index.html and the scenarios' structure from
 * scenarios.js, then text/<scenario>.js, summary.js and lang/<code>.js when they are needed
 * (and soon before).
 * In the dev server the whole course comes from `virtual:course` and nothing is split.
 */
import {
  hasLanguage,
  hasText,
  mergeLanguage,
  mergeScenario,
  type LanguagePack,
  type PageCourse,
  type ScenarioPack,
} from './core/content.js';
import type { Course, Scenario } from './core/model.js';
import { COURSE_DATA_ID, SCENARIOS_FILE, bootHandoff, loadData } from './first-screen-controls.js';

/**
 * The course structure (built package: the page's part, which the bootstrap may have parsed,
 * and the scenarios', fetched beside this code) or the whole course with any content errors
 * (dev server).
 */
export async function loadCourse(): Promise<{
  course: Course | null;
  contentErrors: { file: string; line: number; col: number; message: string }[];
}> {
  if (import.meta.env.DEV) {
    const dev = await import('virtual:course');
    return { course: dev.default, contentErrors: dev.contentErrors };
  }
  // The page's bootstrap (src/boot.ts) has parsed it already, and asked for the scenarios.
  const handoff = bootHandoff();
  const scenarios = handoff?.scenarios ?? loadData<Scenario[]>(SCENARIOS_FILE);
  const page = handoff?.course ?? pageCourse();
  try {
    return { course: { ...page, scenarios: await scenarios }, contentErrors: [] };
  } catch (error) {
    // They did not arrive: the next call asks for them again.
    if (handoff?.scenarios === scenarios) handoff.scenarios = undefined;
    throw error;
  }
}

function pageCourse(): PageCourse {
  const data = document.getElementById(COURSE_DATA_ID);
  if (!data?.textContent) throw new Error(`the page has no course data (#${COURSE_DATA_ID})`);
  return JSON.parse(data.textContent) as PageCourse;
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
  return once(`text:${id}`, async () => mergeScenario(course, id, await loadData<ScenarioPack>(`text/${id}.js`)));
}

/** Makes sure the main language's closing summary (shown with the results) is in the course. */
export function ensureSummary(course: Course): Promise<void> {
  return once('summary', async () => {
    course.summaryHtml = await loadData<string>('summary.js');
  });
}

/** Makes sure a language's words are in the course. */
export function ensureLanguage(course: Course, language: string): Promise<void> {
  if (hasLanguage(course, language)) return Promise.resolve();
  return once(`lang:${language}`, async () =>
    mergeLanguage(course, language, await loadData<LanguagePack>(`lang/${language}.js`)),
  );
}
