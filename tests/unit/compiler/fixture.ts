/** Copies the valid fixture project to a temporary folder and lays a broken case over it. */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadCourse, type LoadedCourse } from '../../../src/compiler/course.js';
import { ContentError, type ContentIssue } from '../../../src/compiler/errors.js';

export const FIXTURES = resolve(import.meta.dirname, '../../fixtures');
export const BASE = join(FIXTURES, 'base');
export const BROKEN = join(FIXTURES, 'broken');

/** What a broken case expects: one issue (message is a distinctive part), and files to remove. */
export interface Expected {
  file: string;
  line: number;
  col: number;
  message: string;
  /** Files of the base project the case deletes. */
  remove?: string[];
  /** The position or wording is doubtful; the test still pins what the build gives today. */
  note?: string;
  /** The only issue the build reports: the knock-on errors of a mistake are left out. */
  alone?: boolean;
  /** A known bug: the test states the right behaviour and is expected to fail until it is fixed. */
  fails?: string;
}

export function brokenCases(): { name: string; dir: string; expected: Expected }[] {
  return readdirSync(BROKEN, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const dir = join(BROKEN, name);
      return { name, dir, expected: JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Expected };
    });
}

/** A temporary copy of the base project, with `overlay`'s files on top and `remove` deleted. */
export function makeProject(overlay?: string, remove: string[] = []): string {
  const root = mkdtempSync(join(tmpdir(), 'frontline-build-'));
  cpSync(BASE, root, { recursive: true });
  if (overlay) cpSync(overlay, root, { recursive: true, filter: (src) => !src.endsWith('expected.json') });
  for (const file of remove) rmSync(join(root, file));
  if (existsSync(join(root, 'expected.json'))) throw new Error('expected.json leaked into the project');
  return root;
}

/** Loads a module and returns its issues; fails the test if the build produced a course. */
export function issuesOf(root: string, moduleId = 'base'): ContentIssue[] {
  let loaded: LoadedCourse | undefined;
  try {
    loaded = loadCourse(root, moduleId);
  } catch (error) {
    if (error instanceof ContentError) return error.issues;
    throw error;
  }
  throw new Error(
    `the build produced a course (${loaded.course.scenarios.length} scenarios) although the content is broken`,
  );
}
