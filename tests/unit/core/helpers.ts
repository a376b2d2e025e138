/** Small hand-built courses for the core tests, and a driver that plays a path through the reducer. */
import { CHOICE_KEY_LENGTH, SCENARIO_KEY_LENGTH, responseId, shortKey } from '../../../src/core/keys.js';
import type { Choice, Course, Rating, Scenario } from '../../../src/core/model.js';
import { fingerprint } from '../../../src/core/resume.js';
import { initialState, reduce, type CourseState } from '../../../src/core/state.js';

const RATING_SCORES: Record<Rating, number> = { best: 100, acceptable: 50, wrong: 0 };

/** A choice rated best/acceptable/wrong, or scored 0..100 (rating derived as the build does). */
export function choice(id: string, ratingOrScore: Rating | number, extra: Partial<Choice> = {}): Choice {
  const score = typeof ratingOrScore === 'number' ? ratingOrScore : RATING_SCORES[ratingOrScore];
  const rating: Rating =
    typeof ratingOrScore === 'number' ? (score === 100 ? 'best' : score > 0 ? 'acceptable' : 'wrong') : ratingOrScore;
  return {
    id,
    responseId: responseId(id),
    key: shortKey(id, CHOICE_KEY_LENGTH),
    textHtml: id,
    text: id,
    score,
    rating,
    feedbackHtml: `<p>Feedback for ${id}</p>`,
    source: 'Test guidance',
    ...extra,
  };
}

export function scenario(id: string, choices: Choice[], extra: Partial<Scenario> = {}): Scenario {
  return {
    id,
    key: shortKey(id, SCENARIO_KEY_LENGTH),
    title: `Title of ${id}`,
    objective: 'obj-a',
    select: 'one',
    situation: [{ kind: 'html', html: `<p>${id}</p>` }],
    question: 'What do you do?',
    choices,
    file: `content/test/${id}.md`,
    ...extra,
  };
}

/** A course; the fingerprint is computed the way the build computes it. */
export function course(order: string[], scenarios: Scenario[], extra: Partial<Course> = {}): Course {
  // Asserted rather than annotated so that fields the model gains later (with the build's
  // defaults) do not break every core test; the ones the core reads are all set here.
  const c = {
    id: 'test',
    title: 'Test course',
    version: '1.0.0',
    language: 'en-GB',
    languages: ['en-GB'],
    translations: {},
    passMark: 80,
    estimatedMinutes: 5,
    introHtml: '<p>Intro</p>',
    summaryHtml: '',
    objectives: [
      { id: 'obj-a', title: 'Objective A' },
      { id: 'obj-b', title: 'Objective B' },
    ],
    order,
    scenarios,
    fingerprint: '',
    ...extra,
  } as Course;
  c.fingerprint = fingerprint(c);
  return c;
}

/**
 * A course with a branch and a feed:
 *   main path: first -> second -> feed -> last
 *   first:  pick-best (best), pick-ok (acceptable), pick-bad (wrong, next: first-follow-up)
 *   first-follow-up (objective obj-b): fix-it (best), ignore-it (wrong) — no next, returns to main path
 *   second: scored choices 100 / 40 / 0, hyphenated ids
 *   feed (select many, 4 items): post-a best, post-b best, post-c wrong, post-d wrong
 *   last:   yes (best), no (wrong)
 */
export function branchingCourse(extra: Partial<Course> = {}): Course {
  return course(
    ['first', 'second', 'feed', 'last'],
    [
      scenario('first', [
        choice('pick-best', 'best'),
        choice('pick-ok', 'acceptable'),
        choice('pick-bad', 'wrong', { next: 'first-follow-up' }),
      ]),
      scenario('second', [choice('full-marks', 100), choice('some-marks', 40), choice('no-marks', 0)], {
        objective: 'obj-b',
      }),
      scenario(
        'feed',
        [choice('post-a', 'best'), choice('post-b', 'best'), choice('post-c', 'wrong'), choice('post-d', 'wrong')],
        { select: 'many' },
      ),
      scenario('last', [choice('yes', 'best'), choice('no', 'wrong')]),
      scenario('first-follow-up', [choice('fix-it', 'best'), choice('ignore-it', 'wrong')], { objective: 'obj-b' }),
    ],
    extra,
  );
}

/** A step of a run: the choice ids picked in whatever scenario is current. */
export type Step = string[];

/**
 * Plays steps through the reducer from a state (default: not started), pressing start and
 * continue as a learner would. Each step's time is 1,000 ms after the previous action.
 * Returns every state after a 'choose' and the final state.
 */
export function play(
  c: Course,
  steps: Step[],
  from: CourseState = initialState(),
  t0 = 1_700_000_000_000,
): { state: CourseState; afterChoose: CourseState[] } {
  let t = t0;
  let state = from;
  if (state.screen === 'intro') state = reduce(c, state, { type: 'start', at: (t += 1000) });
  const afterChoose: CourseState[] = [];
  for (const ids of steps) {
    if (state.screen === 'scenario' && state.answered) state = reduce(c, state, { type: 'continue', at: (t += 1000) });
    const before = state;
    state = reduce(c, state, { type: 'choose', choiceIds: ids, at: (t += 1000) });
    if (state === before) throw new Error(`step ${JSON.stringify(ids)} was refused in ${String(before.current)}`);
    afterChoose.push(state);
  }
  if (state.screen === 'scenario' && state.answered) state = reduce(c, state, { type: 'continue', at: t + 1000 });
  return { state, afterChoose };
}

/** The scenario ids visited, in order. */
export function path(state: CourseState): string[] {
  return state.decisions.map((d) => d.scenarioId);
}
