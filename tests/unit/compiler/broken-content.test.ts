/**
 * Every folder under tests/fixtures/broken/ is one broken case: the files that differ from
 * tests/fixtures/base/ and an expected.json naming the exact issue the build must report.
 */
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCourse } from '../../../src/compiler/course.js';
import { ContentError, formatIssue } from '../../../src/compiler/errors.js';
import { brokenCases, makeProject, issuesOf } from './fixture.js';

const roots: string[] = [];
// Over a hundred copies of the fixture: removing them outlasts the default hook timeout on a busy machine.
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
}, 60_000);
const project = (overlay?: string, remove: string[] = []) => {
  const root = makeProject(overlay, remove);
  roots.push(root);
  return root;
};

const cases = brokenCases();

describe('the base fixture', () => {
  it('is a valid module, so every broken case fails only for its own change', () => {
    const { course, warnings } = loadCourse(project(), 'base');
    expect(warnings).toEqual([]);
    expect(course.order).toEqual(['alpha', 'beta', 'social', 'feed']);
    expect(course.scenarios.map((s) => s.id)).toEqual(['alpha', 'beta', 'social', 'feed', 'beta-follow-up']);
  });

  it('has at least 40 broken cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
  });
});

describe('broken content', () => {
  for (const { name, dir, expected } of cases) {
    const test = expected.fails ? it.fails : it;
    test(`${name}: ${expected.file}:${expected.line}:${expected.col} ${expected.message}`, () => {
      const issues = issuesOf(project(dir, expected.remove));
      expect(issues.length).toBeGreaterThan(0);
      expect(issues.every((i) => i.severity === 'error')).toBe(true);
      expect(issues, issues.map(formatIssue).join('\n')).toContainEqual(
        expect.objectContaining({
          file: expected.file,
          line: expected.line,
          col: expected.col,
          message: expect.stringContaining(expected.message),
        }),
      );
      if (expected.alone) expect(issues.map(formatIssue)).toHaveLength(1);
    });
  }
});

describe('every issue of every broken case', () => {
  it('names a project-relative file that exists, and a line and column inside it', () => {
    for (const { dir, expected } of cases) {
      const root = project(dir, expected.remove);
      for (const issue of issuesOf(root)) {
        expect(issue.file).not.toMatch(/^(\/|[A-Za-z]:|\.\.)/);
        const text = readFileSync(join(root, issue.file), 'utf8');
        const lines = text.split('\n');
        expect(issue.line, formatIssue(issue)).toBeGreaterThanOrEqual(1);
        // A file ending in a newline has an empty last line editors still show.
        expect(issue.line, formatIssue(issue)).toBeLessThanOrEqual(lines.length);
        expect(issue.col, formatIssue(issue)).toBeGreaterThanOrEqual(1);
        expect(issue.col, formatIssue(issue)).toBeLessThanOrEqual(lines[issue.line - 1]!.length + 1);
      }
    }
  });

  it('is reported in the file:line:col form editors link', () => {
    const { dir } = cases.find((c) => c.name === 'unknown-choice-field')!;
    try {
      loadCourse(project(dir), 'base');
      expect.unreachable('the build produced a course');
    } catch (error) {
      expect(error).toBeInstanceOf(ContentError);
      expect((error as ContentError).message).toMatch(
        /^content\/base\/alpha\.md:\d+:\d+: error: unknown choice field "ratng"/m,
      );
    }
  });
});

describe('a scenario listed twice', () => {
  // BUG: course.ts keeps the duplicate in the module's scenario list, so the resume-key check
  // also reports the scenario as clashing with itself and tells the author to rename it.
  it('is reported once, not also as a resume key clash with itself', () => {
    const { dir } = cases.find((c) => c.name === 'scenario-listed-twice')!;
    const issues = issuesOf(project(dir));
    expect(issues.map(formatIssue)).toEqual([expect.stringContaining('the scenario "alpha" is listed twice')]);
  });
});

describe('line endings', () => {
  // BUG: front matter offsets assume "---\n" (4 characters) and marked normalises CRLF, so
  // a file saved with Windows line endings gets positions that drift by one per line.
  it('reports the same positions in a file with CRLF line endings', () => {
    const { dir, expected } = cases.find((c) => c.name === 'unknown-choice-field')!;
    const root = project(dir);
    const path = join(root, expected.file);
    const lf = readFileSync(path, 'utf8');
    writeFileSync(path, lf.replace(/\n/g, '\r\n'));
    const front = cases.find((c) => c.name === 'front-matter-unknown-field')!;
    const root2 = project(front.dir);
    const path2 = join(root2, front.expected.file);
    writeFileSync(path2, readFileSync(path2, 'utf8').replace(/\n/g, '\r\n'));
    expect(issuesOf(root)).toContainEqual(expect.objectContaining({ line: expected.line, col: expected.col }));
    expect(issuesOf(root2)).toContainEqual(
      expect.objectContaining({ line: front.expected.line, col: front.expected.col }),
    );
  });

  it('loads a file that starts with the byte order mark some Windows editors write', () => {
    const root = project();
    const path = join(root, 'content/base/alpha.md');
    writeFileSync(path, `\uFEFF${readFileSync(path, 'utf8')}`);
    expect(loadCourse(root, 'base').course.scenarios[0]!.id).toBe('alpha');
  });

  it('loads a valid module saved with CRLF line endings', () => {
    const root = project();
    for (const name of readdirSync(join(root, 'content/base')).filter((n) => n.endsWith('.md'))) {
      const path = join(root, 'content/base', name);
      writeFileSync(path, readFileSync(path, 'utf8').replace(/\n/g, '\r\n'));
    }
    const { course } = loadCourse(root, 'base');
    expect(course.scenarios.map((s) => s.id)).toContain('alpha');
    expect(course.scenarios.find((s) => s.id === 'alpha')!.choices.map((c) => c.id)).toEqual([
      'read-it',
      'ignore-it',
      'post-it',
    ]);
  });
});
