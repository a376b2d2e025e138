/** Read before you act: prose below a block that carries the answer buttons stops the build, with its line. */
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCourse } from '../../../src/compiler/course.js';
import { ContentError, formatIssue } from '../../../src/compiler/errors.js';
import { POST, cueProject, scenarioFile, type TestChoice } from './cue-project.js';

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

const acting: TestChoice[] = [
  { id: 'reply', text: 'Reply to Sam', rating: 'wrong', action: 'reply', target: 'the-post' },
  { id: 'tell', text: 'Tell the team', rating: 'best' },
];

/** The build's issues for a one-scenario module, as "file:line:col message" ("" when it builds). */
function issues(situation: string, choices = acting, front = ''): string[] {
  const root = cueProject(['act'], { 'act.md': scenarioFile('act', situation, choices, front) });
  roots.push(root);
  try {
    loadCourse(root, 'cue');
    return [];
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    return error.issues.map(formatIssue);
  }
}

describe('the reading order of a situation', () => {
  it('refuses a fact placed below the post that carries the buttons, naming its line', () => {
    const found = issues(`You are on shift.\n\n${POST()}\n\nYou remember her father.`);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(
      /^content\/cue\/act\.md:19:1: error: this text comes after a post that carries the answer buttons/,
    );
  });

  it('accepts everything the learner needs above the first block with actions', () => {
    expect(issues(`You are on shift. You remember her father.\n\n${POST()}`)).toEqual([]);
  });

  it('accepts prose between a block without actions and the one with them, and blocks after it', () => {
    const first = POST('first-post');
    expect(issues(`${first}\n\nThen this arrives.\n\n${POST()}\n\n${POST('later-post')}`)).toEqual([]);
  });

  it('leaves scenarios without actions alone, however the prose falls', () => {
    const plain: TestChoice[] = [
      { id: 'tell', text: 'Tell the team', rating: 'best' },
      { id: 'ignore', text: 'Ignore it', rating: 'wrong' },
    ];
    expect(issues(`${POST()}\n\nYou remember her father.`, plain)).toEqual([]);
  });
});
