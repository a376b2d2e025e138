/**
 * The guesser check: a learner who never reads (always the longest option, the shortest,
 * the first, the last) must not pass, and shapes that give the best answer away are flagged.
 */
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { checkContent } from '../../../src/compiler/check.js';
import { loadCourse } from '../../../src/compiler/course.js';
import { analyseCueing, displayOrder, guess } from '../../../src/compiler/cueing.js';
import { POST, cueProject, scenarioFile, type TestChoice } from './cue-project.js';

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});
function project(...args: Parameters<typeof cueProject>): string {
  const root = cueProject(...args);
  roots.push(root);
  return root;
}

/** The best option is first and by far the longest: the shape the review found. */
const giveaway = (id: string): string =>
  scenarioFile(id, 'Something happens.', [
    { id: 'best-one', text: 'Do not engage online, then tell the communications team', rating: 'best' },
    { id: 'half-one', text: 'Say nothing', rating: 'acceptable' },
    { id: 'bad-one', text: 'Reply', rating: 'wrong' },
  ]);

/** Options whose length and position say nothing: each guesser is right in one scenario and wrong in the other. */
const fair: Record<string, TestChoice[]> = {
  one: [
    { id: 'a-best', text: 'Screenshot the threats and tell your manager', rating: 'best' },
    { id: 'a-short', text: 'Like it', rating: 'wrong' },
    { id: 'a-half', text: 'Reply to say how sorry you are for her loss', rating: 'acceptable' },
    { id: 'a-last', text: 'Share it with a comment', rating: 'wrong' },
  ],
  two: [
    { id: 'b-long', text: 'Message the author to ask them to take the post down today', rating: 'wrong' },
    { id: 'b-half', text: 'Mute the thread', rating: 'acceptable' },
    { id: 'b-joke', text: 'Reply with a joke', rating: 'wrong' },
    { id: 'b-best', text: 'Report it', rating: 'best' },
  ],
};

describe('naive guessers', () => {
  it('warn at the pass mark when always-longest and always-first pass, and name the giveaway choices', () => {
    const root = project(['s1', 's2'], { 's1.md': giveaway('s1'), 's2.md': giveaway('s2') });
    const { course } = loadCourse(root, 'cue');
    const report = analyseCueing(course, 'modules/cue/module.yaml');
    expect(report.guessers['en-GB']).toEqual({ longest: 100, shortest: 0, first: 100, last: 0 });

    const check = checkContent(root, { modules: ['cue'] });
    const messages = check.issues.map((i) => `${i.file}:${i.line} ${i.message}`);
    expect(messages).toContainEqual(
      expect.stringMatching(/^modules\/cue\/module\.yaml:5 .*always picks the longest option scores 100%/),
    );
    expect(messages).toContainEqual(
      expect.stringMatching(/^modules\/cue\/module\.yaml:5 .*always picks the first option scores 100%/),
    );
    // Never right is a cue too: a learner can rule the shortest and the last option out.
    expect(Math.abs(report.chance - 50)).toBeLessThanOrEqual(3);
    for (const g of ['shortest', 'last'])
      expect(messages).toContainEqual(
        expect.stringMatching(
          new RegExp(`always picks the ${g} option scores 0%, far below the \\d+% of picking at random`),
        ),
      );
    // The line of the best choice's id, in each scenario.
    expect(messages).toContainEqual(
      expect.stringMatching(/^content\/cue\/s1\.md:19 the best choice "best-one" is the longest by a clear margin/),
    );
    expect(check.errors).toBe(0);
    expect(check.modules[0]!.guessers).toEqual(report.guessers);
  });

  it('stay between chance and the pass mark, with no warning, when length and position carry no cue', () => {
    const root = project(['one', 'two'], {
      'one.md': scenarioFile('one', 'Something happens.', fair.one!),
      'two.md': scenarioFile('two', 'Something else happens.', fair.two!),
    });
    expect(analyseCueing(loadCourse(root, 'cue').course, 'modules/cue/module.yaml').warnings).toEqual([]);
    const check = checkContent(root, { modules: ['cue'] });
    expect(check.errors).toBe(0);
    expect(check.modules[0]!.guessers!['en-GB']).toEqual({ longest: 50, shortest: 50, first: 50, last: 50 });
    // The expectation is 37.5%; the check averages seeded random runs.
    expect(Math.abs(check.modules[0]!.chance! - 37.5)).toBeLessThanOrEqual(3);
  });

  it('follow the branch their pick takes, and count the follow-up', () => {
    const root = project(['start', 'other'], {
      'start.md': scenarioFile('start', 'It starts.', [
        { id: 'long-wrong', text: 'A very long and reasonable sounding wrong answer', rating: 'wrong', next: 'follow' },
        { id: 'short-best', text: 'Stop', rating: 'best' },
      ]),
      'follow.md': scenarioFile('follow', 'It follows.', [
        { id: 'f-long', text: 'The longest answer here, which is wrong too', rating: 'wrong' },
        { id: 'f-best', text: 'Ask', rating: 'best' },
      ]),
      'other.md': scenarioFile('other', 'Another one.', [
        { id: 'o-best', text: 'The longest answer, and the best one', rating: 'best' },
        { id: 'o-wrong', text: 'No', rating: 'wrong' },
      ]),
    });
    const { course } = loadCourse(root, 'cue');
    // longest: 0 (start) + 0 (follow) + 1 (other) over three decisions; shortest: 1 + 0 over two.
    expect(analyseCueing(course, 'm').guessers['en-GB']).toMatchObject({ longest: 33, shortest: 50 });
  });

  it('score the Welsh by the Welsh words', () => {
    const root = project(
      ['s1'],
      {
        's1.md': giveaway('s1'),
        's1.cy.md': [
          '---\nid: s1\ntitle: Senario\nmachine-translated: true\n---\n\n## Sefyllfa\n\nMae rhywbeth yn digwydd.\n\n## Cwestiwn\n\nBeth ydych chi am ei wneud?\n\n## Dewisiadau\n',
          '### Peidio\n\n- id: best-one\n- source: Cod\n\nAdborth.\n',
          '### Dweud dim o gwbl, a chadw draw o bob sgwrs ar-lein\n\n- id: half-one\n- source: Cod\n\nAdborth.\n',
          "### Ateb i'r post\n\n- id: bad-one\n- source: Cod\n\nAdborth.\n",
        ].join('\n'),
      },
      'languages: [en-GB, cy]\ntranslations:\n  cy:\n    title: Gosodiad\n    machine-translated: true\n    objectives:\n      privacy: Preifatrwydd\n',
    );
    const { course } = loadCourse(root, 'cue');
    const report = analyseCueing(course, 'm');
    expect(report.guessers['en-GB']!.longest).toBe(100);
    expect(report.guessers.cy).toMatchObject({ longest: 50, shortest: 100 });
  });
});

describe('a scenario with actions', () => {
  const choices: TestChoice[] = [
    { id: 'tell', text: 'Tell the team', rating: 'best' },
    { id: 'reply', text: 'Reply to Sam', rating: 'wrong', action: 'reply', target: 'the-post' },
    { id: 'like', text: 'Like it', rating: 'wrong', action: 'like', target: 'the-post' },
  ];

  it('is seen with the post buttons first and plain buttons after, whatever the file order', () => {
    const root = project(['act'], { 'act.md': scenarioFile('act', `Read this.\n\n${POST()}`, choices) });
    const s = loadCourse(root, 'cue').course.scenarios[0]!;
    expect(displayOrder(s).map((c) => c.id)).toEqual(['reply', 'like', 'tell']);
    expect(guess(s, 'first').id).toBe('reply');
    expect(guess(s, 'last').id).toBe('tell');
  });

  it('warns when the best choice is the only one outside the post, and not once a wrong one joins it', () => {
    const alone = project(['act'], { 'act.md': scenarioFile('act', `Read this.\n\n${POST()}`, choices) });
    const messages = checkContent(alone, { modules: ['cue'] }).issues.map((i) => `${i.file}:${i.line} ${i.message}`);
    expect(messages).toContainEqual(
      expect.stringMatching(/^content\/cue\/act\.md:23 the best choice is the only one outside the post/),
    );

    const joined = project(['act'], {
      'act.md': scenarioFile('act', `Read this.\n\n${POST()}`, [
        ...choices,
        { id: 'post-own', text: 'Post your own view', rating: 'wrong' },
      ]),
    });
    const after = checkContent(joined, { modules: ['cue'] }).issues.map((i) => i.message);
    expect(after.filter((m) => m.includes('outside the post'))).toEqual([]);
  });
});
