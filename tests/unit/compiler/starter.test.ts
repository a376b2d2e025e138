/** `npm run new`: what it writes passes the check, and it never overwrites a trainer's work. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkContent } from '../../../src/compiler/check.js';
import { formatIssue } from '../../../src/compiler/errors.js';
import { newModule, newScenario } from '../../../src/compiler/starter.js';

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});
function emptyProject(): string {
  const root = mkdtempSync(join(tmpdir(), 'frontline-new-'));
  roots.push(root);
  return root;
}

/**
 * Issues other than the cueing check's (guessers who pick by length or position): its own tests
 * cover it, and a fixture or starter with one or two scenarios cannot vary its options enough.
 */
function besideCueing<T extends { message: string }>(issues: T[]): T[] {
  return issues.filter((i) => !/always picks the|by a clear margin|the only one outside the post/.test(i.message));
}
describe('npm run new', () => {
  it('starts a module that passes the check with no warnings', () => {
    const root = emptyProject();
    expect(newModule(root, 'infection-control')).toEqual([
      'modules/infection-control/module.yaml',
      'modules/infection-control/introduction.md',
      'modules/infection-control/summary.md',
      'content/infection-control/first-scenario.md',
    ]);
    const result = checkContent(root);
    expect(besideCueing(result.issues).map(formatIssue)).toEqual([]);
    expect(result.modules[0]).toMatchObject({ id: 'infection-control', scenarios: 1 });
  });

  it('starts a scenario, with comments for the author, that a module can list', () => {
    const root = emptyProject();
    newModule(root, 'infection-control');
    newScenario(root, 'infection-control', 'hand-gel', 'first-objective');
    const text = readFileSync(join(root, 'content/infection-control/hand-gel.md'), 'utf8');
    expect(text).toContain('<!--');
    const result = checkContent(root);
    expect(result.errors).toBe(0);
    expect(besideCueing(result.issues).map((i) => i.message)).toEqual([
      expect.stringContaining('no module reaches the scenario "hand-gel"'),
    ]);
  });

  it('refuses to overwrite a module or a scenario that exists', () => {
    const root = emptyProject();
    newModule(root, 'infection-control');
    expect(() => newModule(root, 'infection-control')).toThrow('modules/infection-control already exists');
    expect(() => newScenario(root, 'infection-control', 'first-scenario')).toThrow(
      'content/infection-control/first-scenario.md already exists',
    );
  });
});
