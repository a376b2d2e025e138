/** `npm run check`: what it reports across modules, beyond what a build refuses. */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkContent, fleschKincaidGrade, READING_GRADE_LIMIT } from '../../../src/compiler/check.js';
import { formatIssue } from '../../../src/compiler/errors.js';
import { makeProject } from './fixture.js';

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});
/** The base fixture with an accessibility statement, whose absence the check would warn about. */
function project(): string {
  const root = makeProject();
  roots.push(root);
  edit(
    root,
    'modules/base/module.yaml',
    (t) =>
      `${t}accessibility-statement:\n  status: partially-compliant\n  prepared: 2026-05-01\n  reviewed: 2026-05-01\n  contact:\n    name: Base training team\n    email: training@base.example\n`,
  );
  return root;
}
function edit(root: string, file: string, change: (text: string) => string): void {
  writeFileSync(join(root, file), change(readFileSync(join(root, file), 'utf8')));
}
/**
 * Issues other than the cueing check's (guessers who pick by length or position): its own tests
 * cover it, and a fixture or starter with one or two scenarios cannot vary its options enough.
 */
function besideCueing<T extends { message: string }>(issues: T[]): T[] {
  return issues.filter((i) => !/always picks the|by a clear margin|the only one outside the post/.test(i.message));
}
const TODAY = '2026-06-01';

describe('the content check', () => {
  it('passes the base fixture and sums up its module', () => {
    const result = checkContent(project(), { today: TODAY });
    expect(besideCueing(result.issues).map(formatIssue)).toEqual([]);
    expect(result.modules).toEqual([
      expect.objectContaining({ id: 'base', version: '1.0.0', scenarios: 5, fewestDecisions: 4, mostDecisions: 5 }),
    ]);
  });

  it('warns, at the field, when a review-by date has passed', () => {
    const root = project();
    const result = checkContent(root, { today: '2027-02-01' });
    expect(result.errors).toBe(0);
    expect(besideCueing(result.issues)).toEqual([
      expect.objectContaining({
        file: 'content/base/alpha.md',
        line: 5,
        col: 1,
        severity: 'warning',
        message: expect.stringContaining('the review-by date 2027-01-31 has passed'),
      }),
    ]);
  });

  it('warns about a scenario file no module reaches', () => {
    const root = project();
    edit(root, 'content/base/beta.md', (t) => t.replace('- next: beta-follow-up\n', ''));
    const result = checkContent(root, { today: TODAY });
    expect(besideCueing(result.issues)).toEqual([
      expect.objectContaining({
        file: 'content/base/beta-follow-up.md',
        severity: 'warning',
        message: expect.stringContaining('no module reaches the scenario "beta-follow-up"'),
      }),
    ]);
  });

  it('warns when a scenario reads above the NHS reading age', () => {
    const root = project();
    const hard =
      'Notwithstanding organisational confidentiality obligations, practitioners contemplating publication of identifiable photographic documentation must anticipate disciplinary investigation, regulatory referral and considerable reputational consequences.';
    expect(fleschKincaidGrade(hard)).toBeGreaterThan(READING_GRADE_LIMIT);
    edit(root, 'content/base/beta.md', (t) => t.replace('A former patient sends you a friend request.', hard));
    const result = checkContent(root, { today: TODAY });
    expect(besideCueing(result.issues)).toEqual([
      expect.objectContaining({
        file: 'content/base/beta.md',
        line: 7,
        severity: 'warning',
        message: expect.stringContaining('reading level is grade'),
      }),
    ]);
    expect(result.modules[0]!.readingGrades.beta).toBeGreaterThan(READING_GRADE_LIMIT);
  });

  it('reports a module with errors and checks only the modules named', () => {
    const root = project();
    edit(root, 'modules/base/module.yaml', (t) => t.replace('pass-mark: 80', 'pass-mark: 0'));
    const result = checkContent(root, { modules: ['base'], today: TODAY });
    expect(result.errors).toBe(1);
    expect(result.modules).toEqual([{ id: 'base', scenarios: 0, readingGrades: {} }]);
    expect(() => checkContent(root, { modules: ['no-such-module'] })).not.toThrow();
    expect(checkContent(root, { modules: ['no-such-module'] }).issues[0]!.message).toContain(
      'no module "no-such-module"',
    );
  });
});
