/** npm run release and the published-id lock, on a copy of the base fixture. */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCourse } from '../../../src/compiler/course.js';
import { formatIssue } from '../../../src/compiler/errors.js';
import { releaseModule } from '../../../src/compiler/release.js';
import { issuesOf, makeProject } from './fixture.js';

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});
/** A copy of the base fixture with version 1.0.0 released. */
function released(): string {
  const root = makeProject();
  roots.push(root);
  releaseModule(root, 'base', '2026-12-01');
  return root;
}
function edit(root: string, file: string, change: (text: string) => string): void {
  writeFileSync(join(root, file), change(readFileSync(join(root, file), 'utf8')));
}
const setVersion = (root: string, version: string) =>
  edit(root, 'modules/base/module.yaml', (t) => t.replace(/^version: .*$/m, `version: ${version}`));
const dropChoice = (root: string) =>
  edit(
    root,
    'content/base/alpha.md',
    (t) => t.slice(0, t.indexOf('### Ignore it')) + t.slice(t.indexOf('### Post it')),
  );
const messages = (root: string) => issuesOf(root).map(formatIssue);

describe('npm run release', () => {
  it('records the version with every scenario and choice id, beside module.yaml', () => {
    const root = released();
    const text = readFileSync(join(root, 'modules/base/published.yaml'), 'utf8');
    expect(text).toContain('  - version: 1.0.0\n    released: 2026-12-01\n');
    expect(text).toContain('      alpha: [ read-it, ignore-it, post-it ]\n');
    expect(text).toContain('      beta-follow-up: [ signpost, answer ]\n');
    expect(loadCourse(root, 'base').warnings).toEqual([]);
    expect(releaseModule(root, 'base', '2026-12-02')).toContain('version 1.0.0 is already released, unchanged');
    expect(readFileSync(join(root, 'modules/base/published.yaml'), 'utf8')).toBe(text);
  });

  it('refuses to release content with errors, and writes nothing', () => {
    const root = makeProject();
    roots.push(root);
    edit(root, 'modules/base/module.yaml', (t) => t.replace('pass-mark: 80', 'pass-mark: 0'));
    expect(() => releaseModule(root, 'base', '2026-12-01')).toThrow('"pass-mark" must be at least 1');
    expect(existsSync(join(root, 'modules/base/published.yaml'))).toBe(false);
  });
});

describe('a released version', () => {
  it('cannot change its words without a patch version', () => {
    const root = released();
    edit(root, 'content/base/alpha.md', (t) => t.replace('Reading the policy is right.', 'Reading it is right.'));
    expect(messages(root)).toEqual([
      expect.stringMatching(
        /^modules\/base\/module\.yaml:4:1: error: version 1\.0\.0 is published and its content has changed: set version: 1\.0\.1, a patch/,
      ),
    ]);
    setVersion(root, '1.0.1');
    expect(loadCourse(root, 'base').course.version).toBe('1.0.1');
  });

  it('needs a minor version when a score or a branch changes', () => {
    const root = released();
    edit(root, 'content/base/alpha.md', (t) => t.replace('- rating: acceptable', '- rating: wrong'));
    setVersion(root, '1.0.1');
    expect(messages(root)).toEqual([
      expect.stringMatching(
        /^modules\/base\/module\.yaml:4:1: error: the change since version 1\.0\.0 needs a minor version \(scenarios or choices added, or scores/,
      ),
    ]);
    setVersion(root, '1.1.0');
    expect(loadCourse(root, 'base').course.version).toBe('1.1.0');
  });

  it('keeps every published choice id until the trainer retires it, then needs a major version', () => {
    const root = released();
    dropChoice(root);
    setVersion(root, '1.1.0');
    expect(messages(root)).toContainEqual(
      expect.stringMatching(
        /^content\/base\/alpha\.md:2:1: error: the choice "ignore-it" of "alpha" was published in version 1\.0\.0 and is gone/,
      ),
    );
    edit(root, 'modules/base/published.yaml', (t) => t.replace('retired: {}', 'retired:\n  alpha/ignore-it: retired'));
    expect(messages(root)).toEqual([
      expect.stringMatching(
        /^modules\/base\/module\.yaml:4:1: error: .*needs a major version \(a published id retired\): set version: 2\.0\.0$/,
      ),
    ]);
    setVersion(root, '2.0.0');
    expect(loadCourse(root, 'base').course.version).toBe('2.0.0');
    releaseModule(root, 'base', '2026-12-05');
    expect(readFileSync(join(root, 'modules/base/published.yaml'), 'utf8')).toContain(
      '      alpha: [ read-it, post-it ]\n',
    );
    expect(loadCourse(root, 'base').course.version).toBe('2.0.0');
  });

  it('accepts a renamed choice retired in favour of its replacement', () => {
    const root = released();
    edit(root, 'content/base/alpha.md', (t) => t.replace('- id: ignore-it', '- id: leave-it'));
    edit(root, 'modules/base/published.yaml', (t) => t.replace('retired: {}', 'retired:\n  alpha/ignore-it: leave-it'));
    setVersion(root, '2.0.0');
    expect(loadCourse(root, 'base').course.version).toBe('2.0.0');
  });

  it('cannot go back to an earlier version number', () => {
    const root = released();
    setVersion(root, '0.9.0');
    expect(messages(root)).toEqual([
      'modules/base/module.yaml:4:1: error: version 0.9.0 is not after the latest published version 1.0.0: set a later version',
    ]);
  });
});
