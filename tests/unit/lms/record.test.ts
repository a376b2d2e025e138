/**
 * The LMS record is exact: a session run against the preview player's Moodle profile
 * (scorm/player/moodle.ts, what Moodle 4.5 was seen to do) stores every value, every objective
 * under its own id, the right completion, and the time; and a value an LMS refuses is
 * never taken for saved.
 */
import { ROOT } from '../../root.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadCourse } from '../../../src/compiler/course.js';
import { ELEMENTS, METHODS, type ScormVersion } from '../../../src/core/scorm-names.js';
import { parseSpan } from '../../../src/core/scorm-time.js';
import { objectiveScores } from '../../../src/core/state.js';
import type { LmsSession, RecordIncompleteEvent, RefusedEvent } from '../../../src/lms/session.js';
import { checkCalls } from '../../../scorm/strict.js';
import {
  MoodleSession,
  emptyAttempt,
  launchData,
  moodleApi,
  type ApiMethods,
  type Mode,
} from '../../../scorm/player/moodle.js';
import { Harness, driverOver, makeApi, moodleLaunch, newSession, playSession, type AnyApi } from './helpers.js';

const { course } = loadCourse(ROOT, 'sample');
const VERSIONS: ScormVersion[] = ['2004', '1.2'];
const PRIMARY = `${course.id}-passed`;
const BEST = [['delete-and-report'], ['decline-and-signpost'], ['debrief-instead']];
const WORST = [['leave-it'], ['say-nothing'], ['accept-no-advice'], ['friends-only']];

afterEach(() => vi.restoreAllMocks());

/** A whole attempt in one session, ended by Terminate. */
function attemptWith(version: ScormVersion, steps: string[][], attempt = emptyAttempt(), h = new Harness()) {
  const { session, launch } = moodleLaunch(course, version, attempt, h);
  const state = playSession(course, session, h, launch.state, steps);
  h.tick(60_000);
  session.terminate(state);
  return { attempt, session, state, h };
}

const refusedCalls = (session: LmsSession) => session.calls.filter((c) => c.error !== '0' || c.result === 'false');

/** The slot holding an objective id in the stored data. */
function slotOf(cmi: Record<string, string>, id: string): number {
  const key = Object.keys(cmi).find((k) => /^cmi\.objectives\.\d+\.id$/.test(k) && cmi[k] === id);
  return key ? Number(key.split('.')[2]) : -1;
}

describe.each(VERSIONS)('SCORM %s through the Moodle profile', (version) => {
  const el = ELEMENTS[version];

  it.each([
    ['best', BEST],
    ['worst', WORST],
  ])('the %s learner: no value refused, every objective stored under its own id', (_name, steps) => {
    const { attempt, session, state } = attemptWith(version, steps);
    expect(refusedCalls(session)).toEqual([]);
    expect(checkCalls(version, session.calls)).toEqual([]);
    const cmi = attempt.cmi;
    const scores = objectiveScores(course, state.decisions);
    for (const o of course.objectives) {
      const n = slotOf(cmi, o.id);
      expect(n, `${o.id} has a slot`).toBeGreaterThanOrEqual(0);
      expect(cmi[`cmi.objectives.${n}.score.raw`]).toBe(String(scores.get(o.id)!.raw));
    }
    if (version === '2004') {
      // Moodle's primary objective keeps slot 0; the module leaves its values to the LMS.
      expect(cmi['cmi.objectives.0.id']).toBe(PRIMARY);
      expect(Object.keys(cmi).filter((k) => k.startsWith('cmi.objectives.0.'))).toEqual(['cmi.objectives.0.id']);
      expect(course.objectives.map((o) => slotOf(cmi, o.id))).toEqual([1, 2]);
    }
  });

  it('writes each objective into the slot that already holds its id, and appends the others', () => {
    // An LMS that filled slots with one of the module's own objectives and another id.
    const attempt = emptyAttempt();
    const prefilled = { 'cmi.objectives.0.id': 'boundaries', 'cmi.objectives.1.id': 'other-objective' };
    const h = new Harness();
    const api: AnyApi = makeApi(version);
    const handed = { ...launchData(version, attempt, launchOf('normal')), ...prefilled };
    api.loadFromFlattenedJSON(handed);
    const lms = new MoodleSession(version, attempt, handed);
    const session = newSession(driverOver(version, moodleApi(api as unknown as ApiMethods, lms)), course, h);
    const state = playSession(course, session, h, session.launch().state, BEST);
    session.terminate(state);
    expect(refusedCalls(session)).toEqual([]);
    expect(slotOf(attempt.cmi, 'boundaries')).toBe(0);
    expect(slotOf(attempt.cmi, 'other-objective')).toBe(1);
    expect(slotOf(attempt.cmi, 'confidentiality')).toBe(2);
    const idWrites = session.calls.filter((c) => c.fn === METHODS[version].set && /\.id$/.test(c.args[0] ?? ''));
    expect(idWrites.filter((c) => c.args[0]!.startsWith('cmi.objectives.')).map((c) => c.args)).toEqual([
      ['cmi.objectives.2.id', 'confidentiality'],
    ]);
  });

  it('a resumed attempt writes no objective id again and keeps each in its slot', () => {
    const h = new Harness();
    const attempt = emptyAttempt();
    const first = moodleLaunch(course, version, attempt, h);
    const part = playSession(course, first.session, h, first.launch.state, BEST.slice(0, 1));
    first.session.terminate(part);
    const second = moodleLaunch(course, version, attempt, h);
    expect(second.launch.resume).toBe('resumed');
    const state = playSession(course, second.session, h, second.launch.state, BEST.slice(1));
    second.session.terminate(state);
    expect(refusedCalls(second.session)).toEqual([]);
    expect(
      second.session.calls.filter((c) => /^cmi\.objectives\.\d+\.id$/.test(c.args[0] ?? '') && c.args.length === 2),
    ).toEqual([]);
    expect(course.objectives.map((o) => slotOf(attempt.cmi, o.id))).toEqual(version === '2004' ? [1, 2] : [0, 1]);
  });

  it('adds up the total time over sessions, and a review launch leaves it and every stored value as they were', () => {
    const h = new Harness();
    const attempt = emptyAttempt();
    const first = moodleLaunch(course, version, attempt, h);
    const part = playSession(course, first.session, h, first.launch.state, BEST.slice(0, 1));
    h.tick(20_000);
    first.session.terminate(part);
    const firstMs = first.session.elapsedMs();
    const second = moodleLaunch(course, version, attempt, h);
    const done = playSession(course, second.session, h, second.launch.state, BEST.slice(1));
    h.tick(30_000);
    second.session.terminate(done);
    const total = attempt.cmi[el.totalTime]!;
    expect(parseSpan(total)).toBe(firstMs + second.session.elapsedMs());
    const before = structuredClone(attempt);

    const review = moodleLaunch(course, version, attempt, h, 'review');
    expect(review.launch.mode).toBe('review');
    review.session.recordDecision(review.launch.state);
    h.runScheduled();
    review.session.terminate(review.launch.state);
    expect(attempt).toEqual(before);
    // Reading is all it does: no value set, no commit, and no Terminate, at which Moodle would recompute the time.
    expect(review.session.calls.map((c) => c.fn).filter((fn) => fn !== METHODS[version].get)).toEqual([
      METHODS[version].init,
    ]);
  });
});

function launchOf(mode: Mode) {
  return { moduleId: course.id, mode, learnerName: 'Sam Taylor', learnerId: 'learner-1', masteryScore: 80 };
}

describe('completion under Moodle\'s "Require status" rules', () => {
  it.each([
    // 1.2: a passing learner is stored `completed` (meets the default rule) and then `passed`.
    ['1.2', BEST, { completed: true, passed: true }, 'passed'],
    ['1.2', WORST, { completed: false, passed: false }, 'failed'],
    // 2004 reports completion and success apart: every finisher has completed.
    ['2004', BEST, { completed: true, passed: true }, 'passed'],
    ['2004', WORST, { completed: true, passed: false }, 'failed'],
  ] as const)('SCORM %s, %j: complete under each rule %j, result %s', (version, steps, completion, result) => {
    const { attempt } = attemptWith(
      version,
      steps.map((s) => [...s]),
    );
    expect(attempt.completion).toEqual(completion);
    const stored = version === '1.2' ? attempt.cmi['cmi.core.lesson_status'] : attempt.cmi['cmi.success_status'];
    expect(stored).toBe(result);
  });

  it('SCORM 1.2: commits `completed` and `passed` separately, and only for a passing learner', () => {
    const statuses = (steps: string[][]) =>
      attemptWith('1.2', steps)
        .session.calls.filter((c) => c.fn === 'LMSSetValue' || c.fn === 'LMSCommit')
        .filter((c) => c.fn === 'LMSCommit' || c.args[0] === 'cmi.core.lesson_status')
        .map((c) => c.args[1] ?? 'commit')
        .join(' ')
        .replace(/( commit)+/g, ' commit');
    expect(statuses(BEST)).toMatch(/completed commit passed commit/);
    expect(statuses(WORST)).not.toMatch(/completed/);
  });

  it('SCORM 1.2: a learner who leaves half way is neither complete nor judged by the mastery score', () => {
    const h = new Harness();
    const attempt = emptyAttempt();
    const { session, launch } = moodleLaunch(course, '1.2', attempt, h);
    const state = playSession(course, session, h, launch.state, BEST.slice(0, 2));
    session.terminate(state);
    expect(attempt.cmi['cmi.core.lesson_status']).toBe('incomplete');
    expect(attempt.completion).toEqual({ completed: false, passed: false });
  });
});

/** scorm-again, refusing SetValue of one element with an error code (or throwing, as a vanished LMS does). */
function refusingApi(version: ScormVersion, refuse: (element: string) => string | 'throw' | null): ApiMethods {
  const api = makeApi(version) as unknown as ApiMethods;
  const m = METHODS[version];
  let forced: string | null = null;
  return {
    ...api,
    ...Object.fromEntries(
      Object.values(m).map((fn) => [
        fn,
        (...args: string[]) => {
          forced = null;
          return api[fn]!.apply(api, args);
        },
      ]),
    ),
    [m.set]: (element = '', value = '') => {
      forced = null;
      const code = refuse(element);
      if (code === 'throw') throw new Error('the learning system has gone');
      if (code) {
        forced = code;
        return 'false';
      }
      return api[m.set]!.call(api, element, value);
    },
    [m.error]: () => forced ?? api[m.error]!.call(api),
  };
}

describe.each(VERSIONS)('SCORM %s: a value the LMS refuses', (version) => {
  const m = METHODS[version];
  const el = ELEMENTS[version];
  const setsOf = (session: LmsSession, element: string) =>
    session.calls.filter((c) => c.fn === m.set && c.args[0] === element);

  function run(refuse: (element: string) => string | 'throw' | null) {
    const h = new Harness();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const session = newSession(driverOver(version, refusingApi(version, refuse)), course, h);
    const refused: RefusedEvent[] = [];
    const incomplete: RecordIncompleteEvent[] = [];
    session.addEventListener('refused', (e) => refused.push(e));
    session.addEventListener('recordincomplete', (e) => incomplete.push(e));
    return { h, session, refused, incomplete, warn, journal: () => h.options().journal!.read() };
  }

  it('part of the result (a decision): not taken for saved, logged, told once, not retried, kept in the journal', () => {
    const t = run((element) => (element === 'cmi.interactions.0.result' ? '406' : null));
    const state = playSession(course, t.session, t.h, t.session.launch().state, BEST);
    t.session.terminate(state);
    expect(setsOf(t.session, 'cmi.interactions.0.result')).toHaveLength(1);
    expect(t.session.resultRefusals).toEqual([{ element: 'cmi.interactions.0.result', value: 'correct', code: '406' }]);
    expect(t.refused.map((e) => [e.refusal.element, e.affectsResult])).toEqual([['cmi.interactions.0.result', true]]);
    expect(t.incomplete).toHaveLength(1);
    expect(t.warn).toHaveBeenCalledWith(
      expect.stringMatching(/cmi\.interactions\.0\.result = "correct" \(error 406\)/),
    );
    expect(t.journal()).toMatchObject({ decisions: BEST.length, acknowledged: false, finished: true });
    // The other values were saved: the commits succeeded.
    expect(t.session.saveStatus).toBe('saved');
  });

  it('not part of the result (the location): logged, but the record is whole and the journal acknowledged', () => {
    const t = run((element) => (element === el.location ? (version === '2004' ? '406' : '405') : null));
    const state = playSession(course, t.session, t.h, t.session.launch().state, BEST);
    t.session.terminate(state);
    expect(t.refused.length).toBeGreaterThan(0);
    expect(new Set(t.refused.map((e) => `${e.refusal.element} ${e.affectsResult}`))).toEqual(
      new Set([`${el.location} false`]),
    );
    expect(t.incomplete).toEqual([]);
    expect(t.session.resultRefusals).toEqual([]);
    expect(t.journal()).toMatchObject({ acknowledged: true });
    // Each new location is tried once; the refused one is not repeated.
    const tried = setsOf(t.session, el.location).map((c) => c.args[1]);
    expect(new Set(tried).size).toBe(tried.length);
  });

  it('a call that threw is not a refusal: the value is written again at the next save', () => {
    let fail = true;
    const t = run((element) => (element === 'cmi.suspend_data' && fail ? 'throw' : null));
    let state = playSession(course, t.session, t.h, t.session.launch().state, BEST.slice(0, 1));
    expect(t.refused).toEqual([]);
    fail = false;
    const data = setsOf(t.session, 'cmi.suspend_data').at(-1)!.args[1];
    t.session.retryNow();
    expect(setsOf(t.session, 'cmi.suspend_data').at(-1)!.args[1]).toBe(data);
    expect(setsOf(t.session, 'cmi.suspend_data').at(-1)!.result).toBe('true');
    state = playSession(course, t.session, t.h, state, []);
    t.session.terminate(state);
  });
});
