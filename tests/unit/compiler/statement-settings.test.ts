/** The accessibility statement's settings in module.yaml: defaults, and the check's warnings when they are missing. */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkContent } from '../../../src/compiler/check.js';
import { loadCourse } from '../../../src/compiler/course.js';
import { statementSettings } from '../../../src/core/statement.js';
import { makeProject } from './fixture.js';

const TODAY = '2027-01-15';
const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

/** The base fixture with `yaml` added to its module.yaml. */
function projectWith(yaml: string): string {
  const root = makeProject();
  roots.push(root);
  const file = join(root, 'modules/base/module.yaml');
  writeFileSync(file, readFileSync(file, 'utf8') + yaml);
  return root;
}

function statementIssues(root: string) {
  return checkContent(root, { modules: ['base'], today: TODAY }).issues.filter((i) => /accessibility/.test(i.message));
}

const FULL = `accessibility-statement:
  status: fully-compliant
  prepared: 2026-11-02
  reviewed: 2026-12-01
  contact:
    name: the learning team at Westmoor Community Health
    email: learning@westmoor.example
`;

describe('accessibility statement settings', () => {
  it('are carried into the course as written, and warn about nothing when complete', () => {
    const root = projectWith(FULL);
    const { course } = loadCourse(root, 'base');
    expect(course.accessibility).toEqual({
      status: 'fully-compliant',
      prepared: '2026-11-02',
      reviewed: '2026-12-01',
      contact: { name: 'the learning team at Westmoor Community Health', email: 'learning@westmoor.example' },
    });
    expect(statementIssues(root)).toEqual([]);
  });

  it('missing altogether: one warning naming the defaults learners see, and the defaults are used', () => {
    const root = projectWith('');
    const issues = statementIssues(root);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ file: 'modules/base/module.yaml', severity: 'warning' });
    expect(issues[0]!.message).toMatch(/^module.yaml has no accessibility-statement: learners see a default statement/);
    expect(issues[0]!.message).toMatch(/add status, prepared, reviewed and contact/);
    expect(checkContent(root, { modules: ['base'], today: TODAY }).errors).toBe(0);
    const { course } = loadCourse(root, 'base');
    expect(statementSettings(course)).toEqual({
      status: 'partially-compliant',
      prepared: '2026-12-04',
      reviewed: '2026-12-04',
      contact: undefined,
    });
  });

  it('partly set: the warning names each missing setting, at the line of the setting', () => {
    const root = projectWith('accessibility-statement:\n  status: not-compliant\n  prepared: 2026-10-01\n');
    const issues = statementIssues(root);
    expect(issues.map((i) => i.message)).toEqual([
      'accessibility-statement has no reviewed, contact: learners see the defaults instead; set them, because the Public Sector Bodies Accessibility Regulations 2018 require it',
    ]);
    const line = readFileSync(join(root, 'modules/base/module.yaml'), 'utf8')
      .split('\n')
      .indexOf('accessibility-statement:');
    expect(issues[0]).toMatchObject({ line: line + 1, col: 1 });
  });

  it('a contact with no email or phone, and a review more than a year old, are warned about', () => {
    const root = projectWith(
      'accessibility-statement:\n  status: fully-compliant\n  prepared: 2025-06-01\n  reviewed: 2025-12-01\n  contact:\n    name: the training team\n',
    );
    expect(statementIssues(root).map((i) => i.message)).toEqual([
      'accessibility-statement.contact has no email or phone: give learners a specific way to report a problem',
      'the accessibility statement was last reviewed on 2025-12-01, more than a year ago: check it again and set a new reviewed date',
    ]);
  });

  it('a status that is not one of the three is a build error', () => {
    const root = projectWith('accessibility-statement:\n  status: compliant\n');
    const result = checkContent(root, { modules: ['base'], today: TODAY });
    expect(result.errors).toBe(1);
    expect(result.issues[0]!.message).toMatch(/accessibility-statement\.status/);
  });
});
