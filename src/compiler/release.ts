/** `npm run release`: records the module's current version in its published.yaml. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCourse } from './course.js';
import { addRelease, parseLock, PUBLISHED_FILE, releaseOf } from './published.js';
import { Reporter } from './errors.js';

/**
 * Records the module's version as released, after the build's own checks (so a changed
 * released version, or a lost published id, is refused before anything is written).
 * Returns what happened, in words for the terminal.
 */
export function releaseModule(root: string, moduleId: string, today: string): string {
  const { course } = loadCourse(root, moduleId);
  const path = join(root, 'modules', moduleId, PUBLISHED_FILE);
  const text = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
  const lock = text === undefined ? undefined : parseLock(text, new Reporter(PUBLISHED_FILE, text));
  if (lock?.versions.some((v) => v.version === course.version))
    return `modules/${moduleId}/${PUBLISHED_FILE}: version ${course.version} is already released, unchanged`;
  writeFileSync(path, addRelease(text, releaseOf(course, today)));
  const scenarios = course.scenarios.length;
  const choices = course.scenarios.reduce((n, s) => n + s.choices.length, 0);
  return `modules/${moduleId}/${PUBLISHED_FILE}: released version ${course.version} (${scenarios} scenarios, ${choices} choices). Commit this file with the content.`;
}
