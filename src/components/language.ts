/** Which language a launch opens in: the learner's earlier choice here, else the LMS's preference, else the module's. */
import type { PageCourse } from '../core/content.js';

const key = (course: PageCourse) => `frontline:language:${course.id}`;

/** The language the learner chose for this module on this computer, or ''. */
export function storedLanguage(course: PageCourse): string {
  try {
    return localStorage.getItem(key(course)) ?? '';
  } catch {
    return '';
  }
}

/** Remembers the learner's choice of language for this module (for this visit only where storage is blocked). */
export function storeLanguage(course: PageCourse, language: string): void {
  try {
    localStorage.setItem(key(course), language);
  } catch {
    /* the choice lasts for this visit */
  }
}

/**
 * The language to open in: one the learner chose here, else the LMS's preferred language
 * (cmi.learner_preference.language) when the module has it and nothing was chosen, else the
 * module's own.
 */
export function launchLanguage(course: PageCourse, preferredLanguage: string): string {
  const stored = storedLanguage(course);
  if (course.languages.includes(stored)) return stored;
  const preferred = preferredLanguage
    ? course.languages.find((l) => l.slice(0, 2) === preferredLanguage.slice(0, 2))
    : undefined;
  return !stored && preferred ? preferred : course.language;
}
