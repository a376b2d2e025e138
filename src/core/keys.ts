/** Stable short keys and LMS-safe ids derived from authors' ids. Pure. */

/** FNV-1a 32-bit hash of a string. */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/** A base-36 key of `length` characters for an id; the same id always gives the same key. */
export function shortKey(id: string, length: number): string {
  return (fnv1a(id) % 36 ** length).toString(36).padStart(length, '0');
}

export const SCENARIO_KEY_LENGTH = 3;
export const CHOICE_KEY_LENGTH = 2;

/** Ids authors may use: lower case letters and digits in words joined by single hyphens. */
export const ID_PATTERN = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

/**
 * The id as a SCORM 2004 choice response item: Moodle accepts only letters, digits, `_`
 * and `.`, so hyphens become underscores. One-to-one for ids that match ID_PATTERN.
 */
export function responseId(id: string): string {
  return id.replace(/-/g, '_');
}
