import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listModules, loadCourse, SUSPEND_DATA_BUDGET } from '../../../src/compiler/course.js';
import { ContentError } from '../../../src/compiler/errors.js';
import { CHOICE_KEY_LENGTH, SCENARIO_KEY_LENGTH, shortKey } from '../../../src/core/keys.js';
import { fingerprint, worstCaseLength } from '../../../src/core/resume.js';
import { issuesOf, makeProject } from './fixture.js';
import { ROOT } from '../../root.js';

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});
const project = () => {
  const root = makeProject();
  roots.push(root);
  return root;
};

/** A scenario file with the given choices (id and rating). */
function scenarioFile(
  id: string,
  choices: [string, string][],
  frontExtra = '',
  situation = 'Something happens.',
): string {
  return (
    `---\nid: ${id}\ntitle: ${id}\nobjective: privacy\n${frontExtra}---\n\n## Situation\n\n${situation}\n\n## Question\n\nWhat do you do?\n\n## Choices\n\n` +
    choices
      .map(([cid, rating]) => `### Choose ${cid}\n\n- id: ${cid}\n- rating: ${rating}\n- source: Code\n\nBecause.\n`)
      .join('\n')
  );
}

/** Two different ids of the form `${prefix}N` with the same short key. */
function clashingIds(prefix: string, length: number): [string, string] {
  const seen = new Map<string, string>();
  for (let n = 0; ; n++) {
    const id = `${prefix}${n}`;
    const key = shortKey(id, length);
    const other = seen.get(key);
    if (other) return [other, id];
    seen.set(key, id);
  }
}

describe('the sample module', () => {
  const { course, collection, files, media, warnings } = loadCourse(ROOT, 'sample');

  it('loads with no warnings', () => {
    expect(warnings).toEqual([]);
    expect(collection).toBe('sample');
    expect(media).toEqual([]);
  });

  it('has the module metadata from module.yaml', () => {
    expect(course).toMatchObject({
      id: 'sample',
      title: 'Frontline sample module',
      version: '1.0.0',
      language: 'en-GB',
      passMark: 80,
      estimatedMinutes: 5,
      reviewBy: '2027-11-30',
    });
    expect(course.objectives.map((o) => o.id)).toEqual(['confidentiality', 'boundaries']);
  });

  it('lists the main path in order and adds the follow-up reached by a branch after it', () => {
    expect(course.order).toEqual(['ward-selfie', 'friend-request', 'night-shift-post']);
    expect(course.scenarios.map((s) => s.id)).toEqual([
      'ward-selfie',
      'friend-request',
      'night-shift-post',
      'ward-selfie-manager',
    ]);
    const selfie = course.scenarios[0]!;
    expect(selfie.choices.find((c) => c.id === 'leave-it')!.next).toBe('ward-selfie-manager');
  });

  it('gives every scenario and choice its keys, LMS id, score and rendered text', () => {
    const selfie = course.scenarios[0]!;
    // Wording is left out on purpose: trainers edit the sample's text while these tests run.
    expect(selfie).toMatchObject({
      key: shortKey('ward-selfie', SCENARIO_KEY_LENGTH),
      objective: 'confidentiality',
      select: 'one',
      file: 'content/sample/ward-selfie.md',
    });
    expect(selfie.title).toEqual(expect.any(String));
    expect(selfie.question.length).toBeGreaterThan(0);
    expect(selfie.choices.map((c) => [c.id, c.responseId, c.key, c.rating, c.score])).toEqual([
      ['leave-it', 'leave_it', shortKey('leave-it', CHOICE_KEY_LENGTH), 'wrong', 0],
      ['delete-and-report', 'delete_and_report', shortKey('delete-and-report', CHOICE_KEY_LENGTH), 'best', 100],
      ['crop-photo', 'crop_photo', shortKey('crop-photo', CHOICE_KEY_LENGTH), 'acceptable', 50],
    ]);
    for (const c of selfie.choices) {
      expect(c.text).not.toMatch(/[*_<>]/);
      expect(c.source.length).toBeGreaterThan(0);
      expect(c.feedbackHtml).toMatch(/^<p>/);
    }
    expect(selfie.situation).toEqual([{ kind: 'html', html: expect.stringMatching(/^<p>/) }]);
  });

  it("has the fingerprint of its shape and a worst-case resume size within SCORM 1.2's limit", () => {
    expect(course.fingerprint).toMatch(/^[0-9a-z]{4}$/);
    expect(course.fingerprint).toBe(fingerprint(course));
    expect(worstCaseLength(course)).toBeLessThanOrEqual(SUSPEND_DATA_BUDGET);
  });

  it('names every file it was built from', () => {
    expect(files.map((f) => f.replace(`${ROOT}/`, '')).sort()).toEqual([
      'content/sample/friend-request.md',
      'content/sample/night-shift-post.md',
      'content/sample/ward-selfie-manager.md',
      'content/sample/ward-selfie.md',
      'modules/sample/introduction.md',
      'modules/sample/module.yaml',
      'modules/sample/summary.md',
    ]);
  });

  it('renders the introduction and summary', () => {
    expect(course.introHtml).toMatch(/^<p>/);
    expect(course.summaryHtml).toMatch(/^<h2>/);
  });
});

describe('the base fixture module', () => {
  const root = project();
  const { course, media } = loadCourse(root, 'base');
  const byId = (id: string) => course.scenarios.find((s) => s.id === id)!;

  it('is listed as a module', () => {
    expect(listModules(root)).toEqual(['base']);
  });

  it('renders links to open safely in a new window and serves images from the collection', () => {
    const html = byId('alpha')
      .situation.map((p) => (p.kind === 'html' ? p.html : ''))
      .join('');
    expect(html).toContain(
      '<a href="https://example.org/policy" target="_blank" rel="noopener noreferrer">social media policy',
    );
    expect(html).toContain('<img src="media/base/corridor.svg" alt="A hospital corridor">');
    expect(media).toEqual([{ path: 'media/corridor.svg', source: join(root, 'content/base/media/corridor.svg') }]);
  });

  it('turns a score field into a rating', () => {
    expect(byId('alpha').choices.find((c) => c.id === 'post-it')).toMatchObject({ score: 0, rating: 'wrong' });
  });

  it('parses social media blocks and choices that act on them', () => {
    const social = byId('social');
    expect(social.situation.map((p) => p.kind)).toEqual(['html', 'post', 'request']);
    expect(social.situation[1]).toMatchObject({
      kind: 'post',
      id: 'sam-post',
      author: 'Sam Jones',
      handle: 'samj',
      time: '2h',
      replies: 3,
      thread: [],
    });
    expect(social.situation[2]).toMatchObject({ kind: 'request', id: 'pat-request', from: 'Pat Smith', mutual: 2 });
    expect(social.choices.map((c) => [c.id, c.action, c.target])).toEqual([
      ['reply-to-sam', 'reply', 'sam-post'],
      ['decline-pat', 'decline', 'pat-request'],
      ['tell-comms', undefined, undefined],
    ]);
  });

  it('parses what happens next after a choice: prose and social blocks, kept apart from the feedback', () => {
    const [reply, decline] = byId('social').choices;
    expect(reply!.feedbackHtml).toBe('<p>Replying shares information about the clinic.</p>');
    expect(reply!.consequence?.map((p) => p.kind)).toEqual(['html', 'post']);
    expect(reply!.consequence?.[0]).toEqual({ kind: 'html', html: '<p>Sam answers within a minute.</p>' });
    expect(reply!.consequence?.[1]).toMatchObject({ kind: 'post', id: 'sam-reply', author: 'Sam Jones', time: '1m' });
    expect(decline!.consequence).toBeUndefined();
  });

  it('parses a feed with items that stand for blocks', () => {
    const feed = byId('feed');
    expect(feed.select).toBe('many');
    expect(feed.situation.map((p) => p.kind)).toEqual(['html', 'message', 'chat']);
    expect(feed.situation[1]).toMatchObject({
      kind: 'message',
      messageKind: 'email',
      subject: 'Bed list',
      time: '09:00',
    });
    expect(feed.situation[2]).toMatchObject({ kind: 'chat', group: 'Ward 7 team', members: ['Ali', 'Bea'] });
    expect(feed.choices.map((c) => [c.id, c.target, c.rating])).toEqual([
      ['pick-email', 'email-one', 'best'],
      ['pick-chat', 'ward-chat', 'wrong'],
    ]);
  });
});

describe('module-wide checks', () => {
  it('refuses an unknown module', () => {
    expect(() => loadCourse(project(), 'nope')).toThrow(ContentError);
    expect(issuesOf(project(), 'nope')).toEqual([
      expect.objectContaining({
        file: 'modules/nope/module.yaml',
        line: 1,
        col: 1,
        message: expect.stringContaining('no module "nope"'),
      }),
    ]);
  });

  it('refuses two scenario ids with the same resume key', () => {
    const root = project();
    const [a, b] = clashingIds('clash-', SCENARIO_KEY_LENGTH);
    for (const id of [a, b])
      writeFileSync(
        join(root, `content/base/${id}.md`),
        scenarioFile(id, [
          ['right', 'best'],
          ['wrong', 'wrong'],
        ]),
      );
    const yaml = join(root, 'modules/base/module.yaml');
    writeFileSync(yaml, `${readFileSync(yaml, 'utf8')}  - ${a}\n  - ${b}\n`);
    expect(issuesOf(root)).toContainEqual(
      expect.objectContaining({
        file: `content/base/${b}.md`,
        line: 2,
        col: 1,
        message: `the scenario id "${b}" has the same resume key as "${a}"; rename one of them`,
      }),
    );
  });

  it('refuses two choice ids in a scenario with the same resume key', () => {
    const root = project();
    const [a, b] = clashingIds('option-', CHOICE_KEY_LENGTH);
    const text = scenarioFile('alpha', [
      [a, 'best'],
      [b, 'wrong'],
    ]);
    writeFileSync(join(root, 'content/base/alpha.md'), text);
    const line = text.slice(0, text.indexOf(`- id: ${b}`)).split('\n').length;
    expect(issuesOf(root)).toContainEqual(
      expect.objectContaining({
        file: 'content/base/alpha.md',
        line,
        col: 7,
        message: `the choice id "${b}" has the same resume key as "${a}" in this scenario; rename one of them`,
      }),
    );
  });

  it("refuses a module whose worst-case resume data is over SCORM 1.2's limit", () => {
    const root = project();
    const ids: string[] = [];
    const keys = new Set(
      ['alpha', 'beta', 'social', 'feed', 'beta-follow-up'].map((id) => shortKey(id, SCENARIO_KEY_LENGTH)),
    );
    for (let n = 0; ids.length < 220; n++) {
      const id = `feed-${n}`;
      const key = shortKey(id, SCENARIO_KEY_LENGTH);
      if (keys.has(key)) continue;
      keys.add(key);
      ids.push(id);
    }
    const items: [string, string][] = Array.from({ length: 8 }, (_, i) => [`item-${i}`, i === 0 ? 'best' : 'wrong']);
    for (const id of ids) writeFileSync(join(root, `content/base/${id}.md`), scenarioFile(id, items, 'select: many\n'));
    const yaml = join(root, 'modules/base/module.yaml');
    writeFileSync(yaml, `${readFileSync(yaml, 'utf8')}${ids.map((id) => `  - ${id}\n`).join('')}`);
    const issues = issuesOf(root);
    expect(issues).toEqual([
      expect.objectContaining({
        file: 'modules/base/module.yaml',
        line: 1,
        col: 1,
        message: expect.stringMatching(
          /^the worst-case resume data for this module is \d+ characters, over the budget of 4000/,
        ),
      }),
    ]);
  });

  it('accepts a follow-up file that no module lists, and leaves an unreachable one out of the course', () => {
    const root = project();
    writeFileSync(
      join(root, 'content/base/orphan.md'),
      scenarioFile('orphan', [
        ['right', 'best'],
        ['wrong', 'wrong'],
      ]),
    );
    const { course } = loadCourse(root, 'base');
    expect(course.scenarios.map((s) => s.id)).not.toContain('orphan');
  });

  it('checks scenarios in the collection that this module does not use', () => {
    const root = project();
    writeFileSync(
      join(root, 'content/base/orphan.md'),
      scenarioFile('orphan', [
        ['right', 'acceptable'],
        ['wrong', 'wrong'],
      ]),
    );
    expect(issuesOf(root)).toContainEqual(
      expect.objectContaining({
        file: 'content/base/orphan.md',
        message: expect.stringContaining('no choice is rated "best"'),
      }),
    );
  });

  it('rejects a branch back to an earlier scenario, naming the loop, at the next field', () => {
    const root = project();
    const path = join(root, 'content/base/alpha.md');
    const text = readFileSync(path, 'utf8').replace('- score: 0\n', '- score: 0\n- next: alpha\n');
    writeFileSync(path, text);
    const line = text.split('\n').findIndex((l) => l === '- next: alpha') + 1;
    let issues: { file: string; line: number; col: number; message: string }[] = [];
    try {
      loadCourse(root, 'base');
    } catch (error) {
      issues = (error as { issues: typeof issues }).issues;
    }
    expect(issues).toContainEqual(
      expect.objectContaining({
        file: 'content/base/alpha.md',
        line,
        col: 9,
        message: expect.stringContaining('go round a loop (alpha → alpha)'),
      }),
    );
  });

  it('drops HTML comments, which are notes for authors, instead of shipping them', () => {
    const root = project();
    const path = join(root, 'content/base/alpha.md');
    writeFileSync(
      path,
      readFileSync(path, 'utf8').replace('on their phone.\n', 'on their phone.\n\n<!-- reviewed by the IG team -->\n'),
    );
    const alpha = loadCourse(root, 'base').course.scenarios.find((s) => s.id === 'alpha')!;
    expect(JSON.stringify(alpha.situation)).not.toContain('IG team');
  });

  it('skips Welsh translations (*.cy.md) when reading scenarios', () => {
    const root = project();
    writeFileSync(join(root, 'content/base/alpha.cy.md'), 'not a scenario at all');
    expect(loadCourse(root, 'base').course.scenarios.map((s) => s.id)).toContain('alpha');
  });
});
