/**
 * The course split for a small first download: what the first screen needs (the module's
 * title, languages, profiles and introduction) comes with the page; the scenarios' structure
 * (ids, scores, branches, titles, questions) comes with the app's code; each scenario's longer
 * text, and each other language, arrive as separate small files when needed. Pure functions.
 */
import type { ChoiceText, Course, CourseText, Part, Scenario, ScenarioText } from './model.js';

/** The course as its page carries it: everything but the scenarios, which the app fetches. */
export type PageCourse = Omit<Course, 'scenarios'>;

/** A scenario's longer text in the module's language. */
export interface ScenarioPack {
  situation: Part[];
  choices: Record<string, ChoiceText>;
}

/** Everything in another language: the module's words and every translated scenario's. */
export interface LanguagePack {
  course: CourseText;
  scenarios: Record<string, ScenarioText>;
}

/** The words of each choice, by id: what a language pack or a translation carries. */
export function choiceTexts(choices: readonly (ChoiceText & { id: string })[]): Record<string, ChoiceText> {
  return Object.fromEntries(
    choices.map((c) => [
      c.id,
      {
        textHtml: c.textHtml,
        text: c.text,
        feedbackHtml: c.feedbackHtml,
        source: c.source,
        ...(c.sources ? { sources: c.sources } : {}),
        consequence: c.consequence,
      },
    ]),
  );
}

/** Whether a scenario's longer text is present. */
export function hasText(course: Course, id: string): boolean {
  const s = course.scenarios.find((x) => x.id === id);
  return !!s && s.situation.length > 0;
}

/** Whether a language's words are present (the main language always is). */
export function hasLanguage(course: Course, language: string): boolean {
  return language === course.language || !!course.translations[language];
}

/**
 * Splits a full course into what its page carries, the scenarios' structure, scenario packs,
 * language packs and the summary (the main language's closing text, shown only on the results
 * screen).
 */
export function splitCourse(course: Course): {
  page: PageCourse;
  structure: Scenario[];
  scenarios: Record<string, ScenarioPack>;
  languages: Record<string, LanguagePack>;
  summaryHtml: string;
} {
  const scenarios: Record<string, ScenarioPack> = {};
  const languages: Record<string, LanguagePack> = {};
  for (const lang of course.languages.filter((l) => l !== course.language)) {
    languages[lang] = { course: course.translations[lang]!, scenarios: {} };
  }
  const { scenarios: all, ...rest } = course;
  const page: PageCourse = { ...rest, summaryHtml: '', translations: {} };
  const structure: Scenario[] = all.map((s) => {
    scenarios[s.id] = {
      situation: s.situation,
      choices: choiceTexts(s.choices),
    };
    for (const [lang, t] of Object.entries(s.translations ?? {})) languages[lang]!.scenarios[s.id] = t;
    return {
      ...s,
      situation: [],
      translations: undefined,
      file: '',
      choices: s.choices.map((c) => ({
        ...c,
        textHtml: '',
        text: '',
        feedbackHtml: '',
        source: '',
        sources: undefined,
        consequence: undefined,
      })),
    };
  });
  return { page, structure, scenarios, languages, summaryHtml: course.summaryHtml };
}

/** Puts a scenario's longer text back into the course (in place). */
export function mergeScenario(course: Course, id: string, pack: ScenarioPack): void {
  const s = course.scenarios.find((x) => x.id === id);
  if (!s) return;
  s.situation = pack.situation;
  for (const c of s.choices) Object.assign(c, pack.choices[c.id]);
}

/** Puts a language's words back into the course (in place). */
export function mergeLanguage(course: Course, language: string, pack: LanguagePack): void {
  course.translations[language] = pack.course;
  for (const [id, t] of Object.entries(pack.scenarios)) {
    const s = course.scenarios.find((x) => x.id === id);
    if (s) s.translations = { ...s.translations, [language]: t };
  }
}
