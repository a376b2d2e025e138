/** The interface's words, and the content's words in the learner's language and tailored to their profile. */
import type { Choice, Course, Part, Scenario } from '../core/model.js';
import { sourceFor, tailorHtml, type Profile } from '../core/profile.js';
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
 * Every tailored passage and source is the one for the learner's profile (none: the fallback).
 */
export function localScenario(
  course: Course,
  scenario: Scenario,
  language: string,
  profile?: Profile,
): { scenario: Scenario; contentLang: string } {
  const t = language === course.language ? undefined : scenario.translations?.[language];
  const contentLang = language === course.language || t ? '' : course.language;
  const words = t
    ? {
        ...scenario,
        title: t.title,
        situation: t.situation,
        question: t.question,
        choices: scenario.choices.map((c) => ({ ...c, ...t.choices[c.id] })),
      }
    : scenario;
  return { scenario: course.profiles ? tailorScenario(words, profile) : words, contentLang };
}

function tailorParts(parts: readonly Part[], profile: Profile | undefined): Part[] {
  return parts.map((p) => (p.kind === 'html' ? { ...p, html: tailorHtml(p.html, profile) } : p));
}

function tailorChoice(c: Choice, profile: Profile | undefined): Choice {
  return {
    ...c,
    textHtml: tailorHtml(c.textHtml, profile),
    feedbackHtml: tailorHtml(c.feedbackHtml, profile),
    source: sourceFor(c, profile),
    ...(c.consequence ? { consequence: tailorParts(c.consequence, profile) } : {}),
  };
}

/** A scenario's words for a profile: each run of variants gives the passage that applies. */
export function tailorScenario(scenario: Scenario, profile: Profile | undefined): Scenario {
  return {
    ...scenario,
    situation: tailorParts(scenario.situation, profile),
    question: tailorHtml(scenario.question, profile),
    choices: scenario.choices.map((c) => tailorChoice(c, profile)),
  };
}

/** The module's title, introduction, summary and objectives in the learner's language, for their profile. */
export function localCourse(course: Course, language: string, profile?: Profile) {
  const t = language === course.language ? undefined : course.translations[language];
  return {
    title: t?.title ?? course.title,
    introHtml: tailorHtml(t?.introHtml ?? course.introHtml, profile),
    summaryHtml: tailorHtml(t?.summaryHtml ?? course.summaryHtml, profile),
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
