/** The interface's words and the content's words in the learner's language. */
import type { Course, Scenario } from '../core/model.js';
import { en, type Strings } from './strings.js';

const STRINGS: Record<string, Strings> = { en };
/** Other languages' interface words, fetched only when a learner chooses the language. */
const LOADERS: Record<string, () => Promise<Strings>> = {
  cy: async () => (await import('./strings-cy.js')).cy,
};
/** Each language's name in itself, for the language switch (before its words are loaded). */
export const LANGUAGE_NAMES: Record<string, string> = { en: 'English', cy: 'Cymraeg' };

/** Whether a language's interface words are here (English always is). */
export function hasStrings(language: string): boolean {
  const code = language.slice(0, 2).toLowerCase();
  return !!STRINGS[code] || !LOADERS[code];
}

/** Fetches a language's interface words if they are not here yet. */
export async function loadStrings(language: string): Promise<void> {
  const code = language.slice(0, 2).toLowerCase();
  if (!STRINGS[code] && LOADERS[code]) STRINGS[code] = await LOADERS[code]();
}

/** The interface's words for a language tag ('cy', 'en-GB'); English when there are none. */
export function stringsFor(language: string): Strings {
  return STRINGS[language.slice(0, 2).toLowerCase()] ?? en;
}

/**
 * A scenario in the learner's language, and the language its words are really in: when a
 * scenario has no translation it stays in the module's language, marked so with `lang`.
 */
export function localScenario(
  course: Course,
  scenario: Scenario,
  language: string,
): { scenario: Scenario; contentLang: string } {
  if (language === course.language) return { scenario, contentLang: '' };
  const t = scenario.translations?.[language];
  if (!t) return { scenario, contentLang: course.language };
  return {
    scenario: {
      ...scenario,
      title: t.title,
      situation: t.situation,
      question: t.question,
      choices: scenario.choices.map((c) => ({ ...c, ...t.choices[c.id] })),
    },
    contentLang: '',
  };
}

/** The module's title, introduction, summary and objectives in the learner's language. */
export function localCourse(course: Course, language: string) {
  const t = language === course.language ? undefined : course.translations[language];
  return {
    title: t?.title ?? course.title,
    introHtml: t?.introHtml ?? course.introHtml,
    summaryHtml: t?.summaryHtml ?? course.summaryHtml,
    objective: (id: string) => t?.objectives[id] ?? course.objectives.find((o) => o.id === id)?.title ?? id,
  };
}

/**
 * A date as "4 December 2026" in the interface's language (browsers lack Welsh date
 * formats). Takes a time in ms, or a YYYY-MM-DD date, which is read as that calendar day.
 */
export function formatDate(date: number | string, t: Strings): string {
  const [year, month, day] =
    typeof date === 'string'
      ? date.split('-').map(Number)
      : [new Date(date).getFullYear(), new Date(date).getMonth() + 1, new Date(date).getDate()];
  return `${day} ${t.months[(month ?? 1) - 1]} ${year}`;
}
