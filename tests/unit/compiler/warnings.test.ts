/**
 * Every folder under tests/fixtures/warn/ is content that builds but deserves a second look:
 * the files that differ from tests/fixtures/base/ and an expected.json naming the warning.
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkContent } from '../../../src/compiler/check.js';
import { loadCourse } from '../../../src/compiler/course.js';
import { formatIssue } from '../../../src/compiler/errors.js';
import { FIXTURES, makeProject, type Expected } from './fixture.js';

const WARN = join(FIXTURES, 'warn');
const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

describe('content that builds with a warning', () => {
  for (const name of readdirSync(WARN).sort()) {
    const dir = join(WARN, name);
    const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Expected;
    it(`${name}: ${expected.file}:${expected.line}:${expected.col} ${expected.message}`, () => {
      const root = makeProject(dir);
      roots.push(root);
      const result = checkContent(root, { today: '2026-06-01' });
      // A warning never costs a scenario a choice.
      const { course } = loadCourse(root, 'base');
      expect(course.scenarios.flatMap((s) => s.choices)).toHaveLength(12);
      expect(result.errors, result.issues.map(formatIssue).join('\n')).toBe(0);
      expect(result.issues, result.issues.map(formatIssue).join('\n')).toContainEqual({
        file: expected.file,
        line: expected.line,
        col: expected.col,
        severity: 'warning',
        message: expect.stringContaining(expected.message),
      });
    });
  }
});
