import { describe, expect, it } from 'vitest';
import { loadCourse } from '../../../src/compiler/course.js';
import { ROOT } from '../../root.js';
import type { Course } from '../../../src/core/model.js';
import { decode, encode, fingerprint, FORMAT_VERSION, worstCaseLength } from '../../../src/core/resume.js';
import { initialState, nextStep, reduce, scenarioById, type CourseState } from '../../../src/core/state.js';
import { branchingCourse, choice, course, path, play, scenario, type Step } from './helpers.js';

const c = branchingCourse();
const FULL_BRANCH: Step[] = [['pick-bad'], ['ignore-it'], ['some-marks'], ['post-a', 'post-c'], ['no']];

/** A small seeded PRNG (mulberry32), so a failing fuzz case can be replayed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Checks a decoded state is one the reducer could have reached: decisions follow the path. */
function expectConsistent(target: Course, state: CourseState): void {
  expect(['intro', 'results']).toContain(state.screen);
  state.decisions.forEach((d, i) => {
    expect(nextStep(target, state.decisions.slice(0, i))).toBe(d.scenarioId);
    const s = scenarioById(target, d.scenarioId);
    for (const id of d.choiceIds) expect(s.choices.map((x) => x.id)).toContain(id);
    if (s.select === 'one') expect(d.choiceIds).toHaveLength(1);
  });
}

describe('encode', () => {
  it('writes the format version, the fingerprint and one short item per decision', () => {
    const { state } = play(c, [['pick-best'], ['some-marks']]);
    const data = encode(c, state);
    expect(data).toMatch(new RegExp(`^${FORMAT_VERSION}:${c.fingerprint}::[0-9a-z]{5},[0-9a-z]{5}$`));
    const first = scenarioById(c, 'first');
    expect(data.split(':')[3]!.split(',')[0]).toBe(first.key + first.choices.find((x) => x.id === 'pick-best')!.key);
  });

  it('writes an empty body before any decision', () => {
    expect(encode(c, initialState())).toBe(`2:${c.fingerprint}::`);
  });

  it('writes a feed item with every key picked, in the order of the items', () => {
    const feed = scenarioById(c, 'feed');
    const picked = play(c, [['pick-best'], ['full-marks'], ['post-b', 'post-a']]).state;
    expect(encode(c, picked).split(',')[2]).toBe(feed.key + feed.choices[0]!.key + feed.choices[1]!.key);
  });
});

describe('decode: round trip', () => {
  it.each([
    ['one decision', [['pick-ok']]],
    ['a branch, part way', [['pick-bad'], ['fix-it']]],
    ['a whole run through the branch', FULL_BRANCH],
    ['a whole run on the main path', [['pick-best'], ['full-marks'], ['post-a', 'post-b'], ['yes']]],
  ] as [string, Step[]][])('restores %s', (_what, steps) => {
    const { state } = play(c, steps);
    const result = decode(c, encode(c, state));
    expect(result.status).toBe('resumed');
    expect(result.reason).toBeUndefined();
    expect(result.state.decisions).toEqual(state.decisions.map((d) => ({ ...d, at: 0, latencyMs: 0 })));
    expect(result.state.screen).toBe(state.screen === 'results' ? 'results' : 'intro');
    expect(encode(c, result.state)).toBe(encode(c, state));
  });

  it('continues from the next unanswered scenario after start', () => {
    const { state } = play(c, [['pick-bad']]);
    const resumed = decode(c, encode(c, state)).state;
    const s = reduce(c, resumed, { type: 'start', at: 50 });
    expect(s).toMatchObject({ screen: 'scenario', current: 'first-follow-up', answered: false, shownAt: 50 });
    expect(path(play(c, [['fix-it'], ['full-marks'], ['post-a'], ['yes']], resumed).state)).toEqual([
      'first',
      'first-follow-up',
      'second',
      'feed',
      'last',
    ]);
  });

  it('round-trips every answer of the sample module', () => {
    const { course: sample } = loadCourse(ROOT, 'sample');
    const { state } = play(sample, [['leave-it'], ['be-open'], ['decline-and-signpost'], ['friends-only']]);
    expect(state.screen).toBe('results');
    const result = decode(sample, encode(sample, state));
    expect(result.status).toBe('resumed');
    expect(path(result.state)).toEqual(['ward-selfie', 'ward-selfie-manager', 'friend-request', 'night-shift-post']);
    expect(result.state.screen).toBe('results');
  });
});

describe('decode: nothing saved', () => {
  it.each([
    ['empty', ''],
    ['null', null],
    ['undefined', undefined],
  ])('%s data is a fresh start', (_what, data) => {
    const result = decode(c, data);
    expect(result.status).toBe('fresh');
    expect(result.reason).toBeUndefined();
    expect(result.state).toEqual(initialState());
  });
});

describe('decode: answers not on the path yet', () => {
  it('keeps an answer to a follow-up the learner has not reached as carried, not lost', () => {
    const first = scenarioById(c, 'first');
    const follow = scenarioById(c, 'first-follow-up');
    const result = decode(
      c,
      `2:${c.fingerprint}::${first.key}${first.choices[0]!.key},${follow.key}${follow.choices[0]!.key}`,
    );
    expect(result.status).toBe('resumed');
    expect(result.state.decisions.map((d) => d.scenarioId)).toEqual(['first']);
    expect(result.state.carried).toEqual({ 'first-follow-up': [follow.choices[0]!.id] });
  });
});

describe('decode: damaged, foreign or unknown data', () => {
  const valid = encode(c, play(c, [['pick-best'], ['some-marks']]).state);
  const first = scenarioById(c, 'first');

  it.each([
    ['not text', 42, /not text/],
    ['plain text', 'hello world', /not in a format/],
    ['JSON from another SCO', '{"page":3,"answers":[1,2]}', /not in a format/],
    ['an upper-case fingerprint', valid.toUpperCase(), /damaged/],
    ['an unknown format version', `7:${c.fingerprint}:`, /unknown format version "7"/],
    ['a later format version', `3:${c.fingerprint}::${valid.split(':')[3]}`, /unknown format version "3"/],
    ['too few parts', `1:${c.fingerprint}`, /damaged/],
    ['too many parts', `${valid}:extra`, /damaged/],
    ['a bad fingerprint', `1:ab:${valid.split(':')[3]}`, /damaged/],
    ['a bad fingerprint (format 2)', `2:ab::${valid.split(':')[3]}`, /damaged/],
    ['a profile of one digit', `2:${c.fingerprint}:1:${valid.split(':')[3]}`, /damaged/],
    ['a profile of letters', `2:${c.fingerprint}:ab:${valid.split(':')[3]}`, /damaged/],
    ['format 1 with too many parts', `1:${c.fingerprint}::${valid.split(':')[3]}`, /damaged/],
    ['a truncated item', valid.slice(0, -1), /damaged/],
    ['an unknown choice key', `1:${c.fingerprint}:${first.key}zz`, /damaged/],
    ['an unknown scenario key', `1:${c.fingerprint}:!!!${first.choices[0]!.key}`, /damaged/],
    [
      'two choices in a single-choice scenario',
      `1:${c.fingerprint}:${first.key}${first.choices[0]!.key}${first.choices[1]!.key}`,
      /damaged/,
    ],
    ['no choice in a single-choice scenario', `1:${c.fingerprint}:${first.key}`, /damaged/],
    ['an empty item', `${valid},`, /damaged/],
  ])('%s is reset with a reason', (_what, data, reason) => {
    const result = decode(c, data as string);
    expect(result.status).toBe('reset');
    expect(result.reason).toMatch(reason);
    expect(result.state).toEqual(initialState());
  });

  it('never throws on a few hundred random strings, and resets any that are not in the format', () => {
    const random = prng(20240611);
    const alphabets = ['0123456789abcdefghijklmnopqrstuvwxyz:,', 'abc:,1', '\u0000\uffff\ud800é✓ \n\t:,{}"[]', '1:,'];
    let resets = 0;
    for (let i = 0; i < 400; i++) {
      const alphabet = alphabets[i % alphabets.length]!;
      const length = Math.floor(random() * 60);
      let text = Array.from({ length }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
      if (i % 5 === 0) text = `1:${c.fingerprint}:${text}`;
      let result: ReturnType<typeof decode> | undefined;
      expect(() => {
        result = decode(c, text);
      }, JSON.stringify(text)).not.toThrow();
      expect(['fresh', 'resumed', 'migrated', 'reset']).toContain(result!.status);
      expectConsistent(c, result!.state);
      if (text !== '' && !/^(1:[0-9a-z]{4}:|2:[0-9a-z]{4}:(\d\d)?:)[0-9a-z,]*$/.test(text)) {
        expect(result!.status, JSON.stringify(text)).toBe('reset');
        expect(result!.reason).toEqual(expect.any(String));
        expect(result!.state).toEqual(initialState());
        resets++;
      }
    }
    expect(resets).toBeGreaterThan(250);
  });

  it('never throws on a few hundred mutations of real saved data, and any state it returns is consistent', () => {
    const random = prng(7);
    const saved = encode(c, play(c, FULL_BRANCH).state);
    const chars = '0123456789abcdefghijklmnopqrstuvwxyz:,';
    const statuses = new Set<string>();
    for (let i = 0; i < 400; i++) {
      const chars2 = [...saved];
      const edits = 1 + Math.floor(random() * 3);
      for (let e = 0; e < edits; e++) {
        const at = Math.floor(random() * (chars2.length + 1));
        const ch = chars[Math.floor(random() * chars.length)]!;
        const op = Math.floor(random() * 3);
        if (op === 0) chars2.splice(at, 1);
        else if (op === 1) chars2.splice(at, 0, ch);
        else chars2[Math.min(at, chars2.length - 1)] = ch;
      }
      const text = chars2.join('');
      let result: ReturnType<typeof decode> | undefined;
      expect(() => {
        result = decode(c, text);
      }, JSON.stringify(text)).not.toThrow();
      statuses.add(result!.status);
      expectConsistent(c, result!.state);
      if (result!.status === 'reset') expect(result!.state).toEqual(initialState());
      if (result!.status !== 'resumed' && result!.status !== 'fresh')
        expect(result!.reason).toEqual(expect.any(String));
    }
    expect(statuses).toContain('reset');
  });

  it("keeps nothing from another module's data", () => {
    const other = course(
      ['x', 'y'],
      [
        scenario('x', [choice('p', 'best'), choice('q', 'wrong')]),
        scenario('y', [choice('p', 'best'), choice('q', 'wrong')]),
      ],
    );
    const foreign = encode(other, play(other, [['p'], ['q']]).state);
    const result = decode(c, foreign);
    expect(result.state.decisions).toEqual([]);
    expect(result.state.carried).toEqual({});
    expect(result.reason).toMatch(/dropped 2/);
    expect(result.changes).toEqual({ kept: 0, redo: [], removed: 2 });
  });

  it('has nothing to tell the learner when every answer is carried', () => {
    const saved = encode(c, play(c, [['pick-best']]).state);
    expect(decode(c, saved).changes).toBeUndefined();
  });
});

describe('decode: content changed between versions', () => {
  const v1 = c;
  const saved = encode(v1, play(v1, [['pick-best'], ['some-marks'], ['post-a']]).state);

  it('keeps answers to scenarios that still exist and drops the removed ones', () => {
    const v2 = course(
      ['first', 'feed', 'new-one', 'last'],
      [
        ...v1.scenarios.filter((s) => s.id !== 'second'),
        scenario('new-one', [choice('a', 'best'), choice('b', 'wrong')]),
      ],
    );
    expect(v2.fingerprint).not.toBe(v1.fingerprint);
    const result = decode(v2, saved);
    expect(result.status).toBe('migrated');
    expect(result.reason).toMatch(/kept 2 answer\(s\), dropped 1/);
    // The learner is told: one answer was to a scenario taken out, nothing to redo.
    expect(result.changes).toEqual({ kept: 2, redo: [], removed: 1 });
    expect(result.state.decisions.map((d) => [d.scenarioId, d.choiceIds])).toEqual([
      ['first', ['pick-best']],
      ['feed', ['post-a']],
    ]);
    const s = reduce(v2, result.state, { type: 'start', at: 1 });
    expect(s.current).toBe('new-one');
    expect(encode(v2, s)).toMatch(new RegExp(`^2:${v2.fingerprint}::`));
  });

  it('drops an answer whose choice was removed, and carries later answers until the learner reaches them', () => {
    const first = scenarioById(v1, 'first');
    const v2 = course(
      v1.order,
      v1.scenarios.map((s) =>
        s.id === 'second' ? { ...s, choices: s.choices.filter((x) => x.id !== 'some-marks') } : s,
      ),
    );
    expect(first.choices.map((x) => x.id)).toContain('pick-best');
    const result = decode(v2, saved);
    expect(result.status).toBe('migrated');
    expect(result.reason).toMatch(/dropped 1/);
    // The learner is told which scenario to answer again.
    expect(result.changes).toEqual({ kept: 2, redo: ['second'], removed: 0 });
    expect(path(result.state)).toEqual(['first']);
    expect(result.state.carried).toEqual({ feed: ['post-a'] });
    // The learner answers 'second' again; the carried feed answer is applied when they reach it.
    const { state } = play(v2, [['full-marks']], result.state);
    expect(path(state)).toEqual(['first', 'second', 'feed']);
    expect(state.decisions[2]).toMatchObject({ scenarioId: 'feed', choiceIds: ['post-a'], at: 0 });
    expect(state.carried).toEqual({});
    expect(state.current).toBe('last');
  });

  it('carries answers across a reordered main path', () => {
    const v2 = course(['first', 'last', 'second', 'feed'], v1.scenarios);
    const result = decode(v2, saved);
    expect(result.status).toBe('migrated');
    expect(path(result.state)).toEqual(['first']);
    expect(Object.keys(result.state.carried).sort()).toEqual(['feed', 'second']);
    const done = play(v2, [['yes']], result.state).state;
    expect(done.screen).toBe('results');
    expect(path(done)).toEqual(['first', 'last', 'second', 'feed']);
  });

  // BUG: after a migration, encode writes the carried answers under the NEW fingerprint. When a
  // carried answer is not next on the path, the next decode sees same-content data whose answers
  // "do not follow a path" and resets everything, losing every answer the learner gave.
  it('keeps carried answers (and the new ones) across a later save and relaunch on the new version', () => {
    const v2 = course(
      ['first', 'new-one', 'second', 'new-two', 'feed', 'last'],
      [
        ...v1.scenarios,
        scenario('new-one', [choice('a', 'best'), choice('b', 'wrong')]),
        scenario('new-two', [choice('a', 'best'), choice('b', 'wrong')]),
      ],
    );
    const migrated = decode(v2, saved);
    expect(migrated.status).toBe('migrated');
    expect(migrated.state.carried).toEqual({ second: ['some-marks'], feed: ['post-a'] });
    // The learner answers the new scenario; the session saves right after the choice.
    const { afterChoose } = play(v2, [['a']], migrated.state);
    const relaunch = decode(v2, encode(v2, afterChoose[0]!));
    expect(relaunch.status).not.toBe('reset');
    expect(path(relaunch.state)).toEqual(['first', 'new-one', 'second']);
    expect(relaunch.state.carried).toEqual({ feed: ['post-a'] });
  });

  it('changes the fingerprint when ids, order or branches change, and not for wording', () => {
    const reworded = course(
      v1.order,
      v1.scenarios.map((s) => ({ ...s, title: `${s.title}!`, question: 'Why?' })),
    );
    expect(reworded.fingerprint).toBe(v1.fingerprint);
    expect(fingerprint({ order: [...v1.order].reverse(), scenarios: v1.scenarios })).not.toBe(v1.fingerprint);
    const rebranched = v1.scenarios.map((s) => (s.id === 'first' ? { ...s, next: 'last' } : s));
    expect(fingerprint({ order: v1.order, scenarios: rebranched })).not.toBe(v1.fingerprint);
  });
});

describe('worstCaseLength', () => {
  /** Every full run through a course: every choice in each scenario, every subset in a feed. */
  function allRuns(target: Course): CourseState[] {
    const done: CourseState[] = [];
    const walk = (state: CourseState) => {
      if (state.screen === 'results') {
        done.push(state);
        return;
      }
      const s = scenarioById(target, state.current!);
      const options =
        s.select === 'one'
          ? s.choices.map((x) => [x.id])
          : Array.from({ length: 2 ** s.choices.length - 1 }, (_, m) =>
              s.choices.filter((_, i) => (m + 1) & (1 << i)).map((x) => x.id),
            );
      for (const ids of options) {
        const answered = reduce(target, state, { type: 'choose', choiceIds: ids, at: 1 });
        walk(reduce(target, answered, { type: 'continue', at: 2 }));
      }
    };
    walk(reduce(target, initialState(), { type: 'start', at: 0 }));
    return done;
  }

  it('is the longest data encode produces over every full run (hand-built course)', () => {
    const runs = allRuns(c);
    // first: 2 choices straight on + 1 branching into a follow-up with 2 choices; then 3 x 15 non-empty feed subsets x 2.
    expect(runs.length).toBe((2 + 2) * 3 * 15 * 2);
    const longest = Math.max(...runs.map((s) => encode(c, s).length));
    expect(longest).toBe(worstCaseLength(c));
  });

  it('is the longest data encode produces over every full run (sample module)', () => {
    const { course: sample } = loadCourse(ROOT, 'sample');
    const longest = Math.max(...allRuns(sample).map((s) => encode(sample, s).length));
    expect(longest).toBe(worstCaseLength(sample));
  });

  it.fails('bounds the data even when a branch leads back to an earlier scenario (the build allows such loops)', () => {
    const loop = course(
      ['a', 'b'],
      [
        scenario('a', [choice('right', 'best'), choice('again', 'wrong', { next: 'a' })]),
        scenario('b', [choice('right', 'best'), choice('wrong', 'wrong')]),
      ],
    );
    const { state } = play(loop, [['again'], ['again'], ['again'], ['right'], ['right']]);
    expect(state.screen).toBe('results');
    expect(encode(loop, state).length).toBeLessThanOrEqual(worstCaseLength(loop));
  });
});

describe('the profile in the saved data (format 2)', () => {
  const offered = {
    ...c,
    profiles: { nations: ['england', 'wales'], groups: ['nursing-midwifery', 'other'] },
  } as Course;
  const wales = { nation: 'wales', group: 'other' } as const;

  it('keeps the profile with the answers, in two characters', () => {
    const started = reduce(offered, initialState(), { type: 'start', at: 0, profile: wales });
    const answered = reduce(offered, started, { type: 'choose', choiceIds: ['pick-best'], at: 1 });
    const data = encode(offered, answered);
    expect(data.split(':')[2]).toBe('14');
    const result = decode(offered, data);
    expect(result.status).toBe('resumed');
    expect(result.state.profile).toEqual(wales);
    expect(result.state.decisions.map((d) => d.choiceIds)).toEqual([['pick-best']]);
  });

  it('loads format 1 data (saved before profiles) with every answer and no profile: the learner is asked', () => {
    const { state } = play(c, FULL_BRANCH);
    const v1 = `1:${c.fingerprint}:${encode(c, state).split(':')[3]}`;
    const result = decode(offered, v1);
    expect(result.status).toBe('migrated');
    expect(result.reason).toBeUndefined();
    expect(result.state.profile).toBeUndefined();
    expect(result.state.decisions).toEqual(decode(c, encode(c, state)).state.decisions);
    expect(encode(offered, result.state)).toBe(encode(c, state));
  });

  it('drops a saved profile the module no longer offers and keeps the answers', () => {
    const first = scenarioById(c, 'first');
    const result = decode(offered, `2:${c.fingerprint}:23:${first.key}${first.choices[0]!.key}`);
    expect(result.status).toBe('resumed');
    expect(result.state.profile).toBeUndefined();
    expect(result.state.decisions).toHaveLength(1);
  });

  it('counts the profile in the worst case only for a module that offers profiles', () => {
    expect(worstCaseLength(offered)).toBe(worstCaseLength(c) + 2);
    const { state } = play(c, FULL_BRANCH);
    expect(encode(offered, reduce(offered, state, { type: 'profile', profile: wales })).length).toBeLessThanOrEqual(
      worstCaseLength(offered),
    );
  });
});
