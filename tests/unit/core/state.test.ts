import { describe, expect, it } from 'vitest';
import { END } from '../../../src/core/model.js';
import {
  correctChoices,
  decisionScore,
  initialState,
  isComplete,
  isCorrect,
  nextStep,
  objectiveScores,
  progress,
  reduce,
  scenarioById,
  score,
  shouldPick,
  type CourseState,
  type Decision,
} from '../../../src/core/state.js';
import { branchingCourse, choice, course, path, play, scenario } from './helpers.js';

const c = branchingCourse();
const decision = (scenarioId: string, ...choiceIds: string[]): Decision => ({
  scenarioId,
  choiceIds,
  at: 0,
  latencyMs: 0,
});
const started = (at = 1000): CourseState => reduce(c, initialState(), { type: 'start', at });

describe('reduce: start', () => {
  it('begins on the intro screen with nothing decided', () => {
    expect(initialState()).toEqual({
      screen: 'intro',
      current: null,
      answered: false,
      decisions: [],
      carried: {},
      shownAt: 0,
    });
  });

  it('shows the first main-path scenario and notes when it was shown', () => {
    const s = started(5000);
    expect(s.screen).toBe('scenario');
    expect(s.current).toBe('first');
    expect(s.answered).toBe(false);
    expect(s.shownAt).toBe(5000);
    expect(s.decisions).toEqual([]);
  });

  it('ignores start once the course is under way', () => {
    const s = started();
    expect(reduce(c, s, { type: 'start', at: 9999 })).toBe(s);
  });

  it('does not change the state it was given', () => {
    const before = initialState();
    const copy = structuredClone(before);
    reduce(c, before, { type: 'start', at: 1 });
    expect(before).toEqual(copy);
  });
});

describe('reduce: choose', () => {
  it('records the decision with its time and latency, and shows feedback', () => {
    const s = reduce(c, started(1000), { type: 'choose', choiceIds: ['pick-ok'], at: 4500 });
    expect(s.answered).toBe(true);
    expect(s.current).toBe('first');
    expect(s.decisions).toEqual([{ scenarioId: 'first', choiceIds: ['pick-ok'], at: 4500, latencyMs: 3500 }]);
  });

  it('never records a negative latency (clock went backwards)', () => {
    const s = reduce(c, started(10_000), { type: 'choose', choiceIds: ['pick-ok'], at: 9_000 });
    expect(s.decisions[0]!.latencyMs).toBe(0);
  });

  it.each([
    ['an unknown choice id', ['nope']],
    ['a choice id from another scenario', ['yes']],
    ['two choices in a single-choice scenario', ['pick-best', 'pick-ok']],
    ['no choice in a single-choice scenario', []],
    ['a known id together with an unknown one', ['pick-best', 'nope']],
  ])('ignores %s', (_what, choiceIds) => {
    const s = started();
    expect(reduce(c, s, { type: 'choose', choiceIds, at: 2000 })).toBe(s);
  });

  it('treats the same id twice as one pick in a single-choice scenario', () => {
    const s = reduce(c, started(), { type: 'choose', choiceIds: ['pick-best', 'pick-best'], at: 2000 });
    expect(s.decisions[0]!.choiceIds).toEqual(['pick-best']);
  });

  it('ignores choose before start, after answering, and on the results screen', () => {
    const intro = initialState();
    expect(reduce(c, intro, { type: 'choose', choiceIds: ['pick-best'], at: 1 })).toBe(intro);
    const answered = reduce(c, started(), { type: 'choose', choiceIds: ['pick-best'], at: 2000 });
    expect(reduce(c, answered, { type: 'choose', choiceIds: ['pick-ok'], at: 3000 })).toBe(answered);
    const done = play(c, [['pick-best'], ['full-marks'], ['post-a', 'post-b'], ['yes']]).state;
    expect(done.screen).toBe('results');
    expect(reduce(c, done, { type: 'choose', choiceIds: ['yes'], at: 1 })).toBe(done);
  });

  it('in a feed takes any non-empty set of items, without duplicates, in the order of the items', () => {
    const { state } = play(c, [['pick-best'], ['full-marks']]);
    expect(state).toMatchObject({ current: 'feed', answered: false });
    const s = reduce(c, state, { type: 'choose', choiceIds: ['post-c', 'post-a', 'post-c'], at: 2 });
    expect(s.decisions.at(-1)!.choiceIds).toEqual(['post-a', 'post-c']);
    // Nothing picked is refused: LMSs reject an empty response (Moodle: error 406).
    expect(reduce(c, state, { type: 'choose', choiceIds: [], at: 2 })).toBe(state);
    expect(reduce(c, state, { type: 'choose', choiceIds: ['post-a', 'nope'], at: 2 })).toBe(state);
  });
});

describe('reduce: continue and branching', () => {
  it('ignores continue before the current scenario is answered', () => {
    const s = started();
    expect(reduce(c, s, { type: 'continue', at: 2 })).toBe(s);
    const intro = initialState();
    expect(reduce(c, intro, { type: 'continue', at: 2 })).toBe(intro);
  });

  it('moves along the main path and resets answered and shownAt', () => {
    const answered = reduce(c, started(1000), { type: 'choose', choiceIds: ['pick-best'], at: 2000 });
    const s = reduce(c, answered, { type: 'continue', at: 3000 });
    expect(s).toMatchObject({ screen: 'scenario', current: 'second', answered: false, shownAt: 3000 });
  });

  it("follows a choice's next into a follow-up, then returns to the main path after the scenario that branched", () => {
    const { state } = play(c, [['pick-bad'], ['ignore-it'], ['full-marks'], ['post-a'], ['no']]);
    expect(path(state)).toEqual(['first', 'first-follow-up', 'second', 'feed', 'last']);
    expect(state.screen).toBe('results');
    const mid = play(c, [['pick-bad']]).state;
    expect(mid.current).toBe('first-follow-up');
  });

  it('does not branch when another choice in the branching scenario is taken', () => {
    expect(play(c, [['pick-ok']]).state.current).toBe('second');
  });

  it("follows a scenario's own next whatever was chosen", () => {
    const skip = course(
      ['a', 'b', 'c', 'd'],
      [
        scenario('a', [choice('x', 'best'), choice('y', 'wrong')]),
        scenario('b', [choice('x', 'best'), choice('y', 'wrong')], { next: 'd' }),
        scenario('c', [choice('x', 'best'), choice('y', 'wrong')]),
        scenario('d', [choice('x', 'best'), choice('y', 'wrong')]),
      ],
    );
    expect(path(play(skip, [['x'], ['y'], ['x']]).state)).toEqual(['a', 'b', 'd']);
    expect(play(skip, [['x'], ['y'], ['x']]).state.screen).toBe('results');
  });

  it("a choice's next wins over its scenario's next", () => {
    const both = course(
      ['a', 'b', 'c'],
      [
        scenario('a', [choice('x', 'best', { next: 'c' }), choice('y', 'wrong')], { next: 'b' }),
        scenario('b', [choice('x', 'best'), choice('y', 'wrong')]),
        scenario('c', [choice('x', 'best'), choice('y', 'wrong')]),
      ],
    );
    expect(play(both, [['x']]).state.current).toBe('c');
    expect(play(both, [['y']]).state.current).toBe('b');
  });

  it('a follow-up with its own next goes there instead of back to the main path', () => {
    const onward = course(
      ['a', 'b', 'c'],
      [
        scenario('a', [choice('x', 'best'), choice('y', 'wrong', { next: 'f' })]),
        scenario('b', [choice('x', 'best'), choice('y', 'wrong')]),
        scenario('c', [choice('x', 'best'), choice('y', 'wrong')]),
        scenario('f', [choice('x', 'best'), choice('y', 'wrong')], { next: 'c' }),
      ],
    );
    expect(path(play(onward, [['y'], ['x'], ['x']]).state)).toEqual(['a', 'f', 'c']);
  });

  it('ends the module at "end", from a choice or from a scenario', () => {
    const early = course(
      ['a', 'b'],
      [
        scenario('a', [choice('x', 'best', { next: END }), choice('y', 'wrong')]),
        scenario('b', [choice('x', 'best'), choice('y', 'wrong')], { next: END }),
      ],
    );
    const stopped = play(early, [['x']]).state;
    expect(stopped).toMatchObject({ screen: 'results', current: null, answered: false });
    expect(isComplete(early, stopped.decisions)).toBe(true);
    expect(path(play(early, [['y'], ['y']]).state)).toEqual(['a', 'b']);
  });

  it('a follow-up reached from the last main-path scenario ends the module after it', () => {
    const tail = course(
      ['a'],
      [
        scenario('a', [choice('x', 'best'), choice('y', 'wrong', { next: 'f' })]),
        scenario('f', [choice('x', 'best'), choice('y', 'wrong')]),
      ],
    );
    expect(play(tail, [['y']]).state.current).toBe('f');
    const done = play(tail, [['y'], ['x']]).state;
    expect(done.screen).toBe('results');
    expect(path(done)).toEqual(['a', 'f']);
  });

  it('shows the results after the last scenario and then ignores every action', () => {
    const done = play(c, [['pick-best'], ['full-marks'], ['post-a', 'post-b'], ['yes']]).state;
    expect(done).toMatchObject({ screen: 'results', current: null, answered: false });
    for (const action of [
      { type: 'start', at: 1 },
      { type: 'continue', at: 1 },
    ] as const) {
      expect(reduce(c, done, action)).toBe(done);
    }
  });
});

describe('nextStep, isComplete and scenarioById', () => {
  it('starts at the first main-path scenario, or END for an empty path', () => {
    expect(nextStep(c, [])).toBe('first');
    expect(nextStep(course([], []), [])).toBe(END);
  });

  it('is not complete before any decision or part way; complete at the end', () => {
    expect(isComplete(c, [])).toBe(false);
    expect(isComplete(c, [decision('first', 'pick-best')])).toBe(false);
    expect(
      isComplete(c, [
        decision('first', 'pick-best'),
        decision('second', 'no-marks'),
        decision('feed'),
        decision('last', 'no'),
      ]),
    ).toBe(true);
  });

  it('throws on an unknown scenario id', () => {
    expect(() => scenarioById(c, 'nope')).toThrow(/nope/);
  });
});

describe('scoring', () => {
  const first = scenarioById(c, 'first');
  const second = scenarioById(c, 'second');
  const feed = scenarioById(c, 'feed');

  it('scores best 1, acceptable 0.5, wrong 0', () => {
    expect(decisionScore(first, decision('first', 'pick-best'))).toBe(1);
    expect(decisionScore(first, decision('first', 'pick-ok'))).toBe(0.5);
    expect(decisionScore(first, decision('first', 'pick-bad'))).toBe(0);
  });

  it('scores a choice with a score field against the best available', () => {
    expect(decisionScore(second, decision('second', 'some-marks'))).toBe(0.4);
    expect(decisionScore(second, decision('second', 'full-marks'))).toBe(1);
    const capped = scenario('capped', [choice('top', 80), choice('half', 40)]);
    expect(decisionScore(capped, decision('capped', 'half'))).toBe(0.5);
    expect(decisionScore(capped, decision('capped', 'top'))).toBe(1);
  });

  it('scores a feed per item classified correctly', () => {
    expect(decisionScore(feed, decision('feed', 'post-a', 'post-b'))).toBe(1);
    expect(decisionScore(feed, decision('feed', 'post-a'))).toBe(0.75);
    expect(decisionScore(feed, decision('feed', 'post-a', 'post-c'))).toBe(0.5);
    expect(decisionScore(feed, decision('feed'))).toBe(0.5);
    expect(decisionScore(feed, decision('feed', 'post-a', 'post-b', 'post-c', 'post-d'))).toBe(0.5);
    expect(decisionScore(feed, decision('feed', 'post-c', 'post-d'))).toBe(0);
  });

  it('counts a decision correct only with full marks', () => {
    expect(isCorrect(first, decision('first', 'pick-best'))).toBe(true);
    expect(isCorrect(first, decision('first', 'pick-ok'))).toBe(false);
    expect(isCorrect(feed, decision('feed', 'post-b', 'post-a'))).toBe(true);
    expect(isCorrect(feed, decision('feed', 'post-a'))).toBe(false);
  });

  it('names the correct responses: the best choices, or every item to pick in a feed', () => {
    expect(correctChoices(first).map((x) => x.id)).toEqual(['pick-best']);
    expect(correctChoices(feed).map((x) => x.id)).toEqual(['post-a', 'post-b']);
    const twoBest = scenario('two', [choice('a', 'best'), choice('b', 'best'), choice('c', 'wrong')]);
    expect(correctChoices(twoBest).map((x) => x.id)).toEqual(['a', 'b']);
    expect(shouldPick(choice('p', 'best'))).toBe(true);
    expect(shouldPick(choice('q', 'wrong'))).toBe(false);
  });

  it('averages the decisions made, with raw a whole number 0..100 and scaled 0..1', () => {
    expect(score(c, [])).toEqual({ scaled: 0, raw: 0, passed: false });
    const ds = [decision('first', 'pick-ok'), decision('second', 'some-marks'), decision('feed', 'post-a')];
    // (0.5 + 0.4 + 0.75) / 3 = 0.55
    expect(score(c, ds)).toEqual({ scaled: 0.55, raw: 55, passed: false });
    const thirds = [
      decision('first', 'pick-best'),
      decision('first-follow-up', 'fix-it'),
      decision('second', 'no-marks'),
    ];
    expect(score(c, thirds)).toEqual({ scaled: 0.6667, raw: 67, passed: false });
  });

  it('passes at exactly the pass mark and fails one below it', () => {
    // (0.5 + 1) / 2 = 0.75 -> raw 75
    const ds = [decision('first', 'pick-ok'), decision('second', 'full-marks')];
    expect(score(branchingCourse({ passMark: 75 }), ds)).toMatchObject({ raw: 75, passed: true });
    expect(score(branchingCourse({ passMark: 76 }), ds)).toMatchObject({ raw: 75, passed: false });
    // The sample's own 80: four best and one wrong is exactly 80.
    const eighty = [
      decision('first', 'pick-bad'),
      decision('first-follow-up', 'fix-it'),
      decision('second', 'full-marks'),
      decision('feed', 'post-a', 'post-b'),
      decision('last', 'yes'),
    ];
    expect(score(c, eighty)).toEqual({ scaled: 0.8, raw: 80, passed: true });
    expect(score(branchingCourse({ passMark: 100 }), [decision('first', 'pick-best')])).toMatchObject({
      raw: 100,
      passed: true,
    });
  });

  it('counts a follow-up decision in the average like any other', () => {
    const { state } = play(c, [['pick-bad'], ['fix-it'], ['full-marks'], ['post-a', 'post-b'], ['yes']]);
    expect(score(c, state.decisions)).toEqual({ scaled: 0.8, raw: 80, passed: true });
  });

  it('scores each objective over its own decisions and leaves out objectives not met', () => {
    const ds = [decision('first', 'pick-ok'), decision('second', 'some-marks')];
    const byObjective = objectiveScores(c, ds);
    expect([...byObjective.keys()].sort()).toEqual(['obj-a', 'obj-b']);
    expect(byObjective.get('obj-a')).toEqual({ scaled: 0.5, raw: 50, passed: false });
    expect(byObjective.get('obj-b')).toEqual({ scaled: 0.4, raw: 40, passed: false });
    expect(objectiveScores(c, [decision('first', 'pick-best')]).has('obj-b')).toBe(false);
  });
});

describe('progress', () => {
  it('is 0 before any decision and 1 once complete', () => {
    expect(progress(c, [])).toBe(0);
    const done = play(c, [['pick-best'], ['full-marks'], ['post-a'], ['yes']]).state;
    expect(progress(c, done.decisions)).toBe(1);
  });

  it('counts decisions against decisions plus the main-path scenarios still ahead', () => {
    const { afterChoose } = play(c, [['pick-best'], ['full-marks'], ['post-a'], ['yes']]);
    expect(afterChoose.map((s) => progress(c, s.decisions))).toEqual([0.25, 0.5, 0.75, 1]);
  });

  it('never goes backwards along a branch, and stays below 1 until the end', () => {
    const { afterChoose } = play(c, [['pick-bad'], ['fix-it'], ['full-marks'], ['post-a'], ['yes']]);
    const values = afterChoose.map((s) => progress(c, s.decisions));
    expect(values).toEqual([0.25, 0.4, 0.6, 0.8, 1]);
    for (let i = 1; i < values.length; i++) expect(values[i]!).toBeGreaterThanOrEqual(values[i - 1]!);
  });
});

describe('the profile in the state', () => {
  const offered = course(['a'], [scenario('a', [choice('right', 'best'), choice('wrong', 'wrong')])], {
    profiles: { nations: ['wales', 'england'], groups: ['medical'] },
  });
  const wales = { nation: 'wales', group: 'medical' } as const;

  it('is set at the start and changed on any screen, keeping the screen and every answer', () => {
    const started = reduce(offered, initialState(), { type: 'start', at: 1, profile: wales });
    expect(started.profile).toEqual(wales);
    const answered = reduce(offered, started, { type: 'choose', choiceIds: ['right'], at: 2 });
    const changed = reduce(offered, answered, { type: 'profile', profile: { nation: 'england', group: 'medical' } });
    expect(changed).toEqual({ ...answered, profile: { nation: 'england', group: 'medical' } });
  });

  it('refuses a profile the module does not offer, or any profile in a module without profiles', () => {
    const state = initialState();
    expect(reduce(offered, state, { type: 'profile', profile: { nation: 'scotland', group: 'medical' } })).toBe(state);
    const plain = course(['a'], [scenario('a', [choice('right', 'best')])]);
    expect(reduce(plain, state, { type: 'profile', profile: wales })).toBe(state);
    expect(reduce(plain, state, { type: 'start', at: 1, profile: wales }).profile).toBeUndefined();
  });
});
