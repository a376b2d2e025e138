import { describe, expect, it } from 'vitest';
import { loadCourse } from '../../../src/compiler/course.js';
import { ROOT } from '../../root.js';
import {
  TABLE,
  decisionWrites,
  describe as describeScenario,
  exitWrites,
  interactionWrites,
  launchWrites,
  progressWrites,
  real,
  resumeWrites,
  type CmiWrite,
} from '../../../src/core/cmi.js';
import type { Course } from '../../../src/core/model.js';
import type { ScormVersion } from '../../../src/core/scorm-names.js';
import { duration2004, time12, timespan12, timestamp2004 } from '../../../src/core/scorm-time.js';
import { encode } from '../../../src/core/resume.js';
import { initialState, reduce, scenarioById, type Decision } from '../../../src/core/state.js';
import { checkValue } from '../../../scorm/strict.js';
import { branchingCourse, play, scenario, choice, type Step } from './helpers.js';

const c = branchingCourse();
const VERSIONS: ScormVersion[] = ['1.2', '2004'];
const asMap = (writes: readonly CmiWrite[]) => new Map(writes.map(([k, v]) => [k, v]));
const AT = Date.UTC(2025, 2, 4, 13, 5, 9, 870); // 2025-03-04T13:05:09.870Z
const decision = (scenarioId: string, choiceIds: string[], latencyMs = 12_340): Decision => ({
  scenarioId,
  choiceIds,
  at: AT,
  latencyMs,
});

/** Every write a whole run makes: launch, after each choice, and on exit. */
function runWrites(target: Course, steps: Step[], version: ScormVersion): CmiWrite[] {
  const { state, afterChoose } = play(target, steps);
  return [
    ...launchWrites(target, initialState(), version),
    ...afterChoose.flatMap((s, n) => decisionWrites(target, s, version, n)),
    ...exitWrites(target, state, version, 754_321),
  ];
}

describe('the version table', () => {
  it('names the SCORM 2004 elements', () => {
    const t = TABLE['2004'];
    expect([
      t.location,
      t.suspendData,
      t.exit,
      t.sessionTime,
      t.entry,
      t.mode,
      t.learnerName,
      t.scoreRaw,
      t.scoreMin,
      t.scoreMax,
      t.scoreScaled,
      t.progressMeasure,
    ]).toEqual([
      'cmi.location',
      'cmi.suspend_data',
      'cmi.exit',
      'cmi.session_time',
      'cmi.entry',
      'cmi.mode',
      'cmi.learner_name',
      'cmi.score.raw',
      'cmi.score.min',
      'cmi.score.max',
      'cmi.score.scaled',
      'cmi.progress_measure',
    ]);
    expect(t.learnerId).toBe('cmi.learner_id');
    expect([t.exitSuspend, t.exitFinished]).toEqual(['suspend', 'normal']);
  });

  it.each([
    ['2004', { 'cmi.completion_status': 'completed', 'cmi.success_status': 'passed' }, 'passed'],
    ['2004', { 'cmi.completion_status': 'completed', 'cmi.success_status': 'failed' }, 'failed'],
    ['2004', { 'cmi.completion_status': 'completed', 'cmi.success_status': 'unknown' }, 'completed'],
    ['2004', { 'cmi.completion_status': 'incomplete', 'cmi.success_status': 'passed' }, null],
    ['2004', { 'cmi.completion_status': 'unknown', 'cmi.success_status': 'unknown' }, null],
    ['1.2', { 'cmi.core.lesson_status': 'passed' }, 'passed'],
    ['1.2', { 'cmi.core.lesson_status': 'failed' }, 'failed'],
    ['1.2', { 'cmi.core.lesson_status': 'completed' }, 'completed'],
    ['1.2', { 'cmi.core.lesson_status': 'incomplete' }, null],
    ['1.2', { 'cmi.core.lesson_status': 'not attempted' }, null],
  ] as [ScormVersion, Record<string, string>, string | null][])(
    'reads a stored result (SCORM %s, %j) as %s',
    (version, data, expected) => {
      expect(TABLE[version].readFinished((el) => data[el] ?? '')).toBe(expected);
    },
  );

  it('names the SCORM 1.2 elements, with no scaled score or progress measure', () => {
    const t = TABLE['1.2'];
    expect([
      t.location,
      t.suspendData,
      t.exit,
      t.sessionTime,
      t.entry,
      t.mode,
      t.learnerName,
      t.scoreRaw,
      t.scoreMin,
      t.scoreMax,
    ]).toEqual([
      'cmi.core.lesson_location',
      'cmi.suspend_data',
      'cmi.core.exit',
      'cmi.core.session_time',
      'cmi.core.entry',
      'cmi.core.lesson_mode',
      'cmi.core.student_name',
      'cmi.core.score.raw',
      'cmi.core.score.min',
      'cmi.core.score.max',
    ]);
    expect(t.scoreScaled).toBeNull();
    expect(t.progressMeasure).toBeNull();
    expect(t.learnerId).toBe('cmi.core.student_id');
    expect([t.exitSuspend, t.exitFinished]).toEqual(['suspend', '']);
  });
});

describe('formats', () => {
  it('writes 2004 durations as PT#H#M#S with at most two fraction digits', () => {
    expect(duration2004(0)).toBe('PT0S');
    expect(duration2004(12_340)).toBe('PT12.34S');
    expect(duration2004(12_345.6)).toBe('PT12.35S');
    expect(duration2004(60_000)).toBe('PT1M');
    expect(duration2004(3_723_500)).toBe('PT1H2M3.5S');
    expect(duration2004(90_000_000)).toBe('PT25H');
    expect(duration2004(-5)).toBe('PT0S');
  });

  it('writes 1.2 time spans as HHHH:MM:SS.SS', () => {
    expect(timespan12(0)).toBe('00:00:00');
    expect(timespan12(12_340)).toBe('00:00:12.34');
    expect(timespan12(3_723_500)).toBe('01:02:03.50');
    expect(timespan12(360_000_000)).toBe('100:00:00');
  });

  it('writes 2004 timestamps in UTC without milliseconds, and 1.2 times of day', () => {
    expect(timestamp2004(AT)).toBe('2025-03-04T13:05:09.0Z');
    expect(time12(AT)).toBe('13:05:09');
  });

  it('writes reals with a leading digit and at most four decimals', () => {
    expect(real(0.5)).toBe('0.5');
    expect(real(1)).toBe('1');
    expect(real(0)).toBe('0');
    expect(real(2 / 3)).toBe('0.6667');
    expect(real(0.00001)).toBe('0');
  });

  it.each([...VERSIONS])('every format passes the strict checker (SCORM %s)', (version) => {
    const prefix = 'cmi.interactions.0';
    for (const ms of [0, 5, 999, 12_340, 59_999, 3_599_999, 3_723_500, 86_400_000]) {
      if (version === '2004') {
        expect(checkValue(version, 'cmi.session_time', duration2004(ms))).toBeNull();
        expect(checkValue(version, `${prefix}.latency`, duration2004(ms))).toBeNull();
      } else {
        expect(checkValue(version, 'cmi.core.session_time', timespan12(ms))).toBeNull();
        expect(checkValue(version, `${prefix}.latency`, timespan12(ms))).toBeNull();
      }
    }
    for (const at of [0, AT, Date.UTC(2038, 0, 1)]) {
      expect(
        checkValue(
          version,
          `${prefix}.${version === '2004' ? 'timestamp' : 'time'}`,
          version === '2004' ? timestamp2004(at) : time12(at),
        ),
      ).toBeNull();
    }
  });
});

describe.each(VERSIONS)('SCORM %s writes', (version) => {
  const is2004 = version === '2004';
  const responseElement = is2004 ? 'learner_response' : 'student_response';

  it('marks a new attempt as under way, to be resumed, with the objectives named', () => {
    const w = asMap(launchWrites(c, initialState(), version));
    if (is2004) {
      expect(w.get('cmi.completion_status')).toBe('incomplete');
      expect(w.get('cmi.success_status')).toBe('unknown');
      expect(w.get('cmi.exit')).toBe('suspend');
    } else {
      expect(w.get('cmi.core.lesson_status')).toBe('incomplete');
      expect(w.get('cmi.core.exit')).toBe('suspend');
    }
    expect(w.get('cmi.objectives.0.id')).toBe('obj-a');
    expect(w.get('cmi.objectives.1.id')).toBe('obj-b');
  });

  it('reports a decision with the readable scenario id and underscore response ids', () => {
    const w = asMap(interactionWrites(c, decision('first-follow-up', ['ignore-it']), 3, version));
    const p = 'cmi.interactions.3';
    expect(w.get(`${p}.id`)).toBe('first-follow-up');
    expect(w.get(`${p}.type`)).toBe('choice');
    expect(w.get(`${p}.objectives.0.id`)).toBe('obj-b');
    expect(w.get(`${p}.${responseElement}`)).toBe('ignore_it');
    expect(w.get(`${p}.correct_responses.0.pattern`)).toBe('fix_it');
    expect(w.get(`${p}.weighting`)).toBe('1');
    expect(w.get(`${p}.result`)).toBe(is2004 ? 'incorrect' : 'wrong');
    expect(w.get(`${p}.latency`)).toBe(is2004 ? 'PT12.34S' : '00:00:12.34');
    if (is2004) {
      expect(w.get(`${p}.timestamp`)).toBe('2025-03-04T13:05:09.0Z');
      expect(w.get(`${p}.description`)).toBe('Title of first-follow-up: What do you do?');
    } else {
      expect(w.get(`${p}.time`)).toBe('13:05:09');
      expect(w.has(`${p}.description`)).toBe(false);
      expect(w.has(`${p}.timestamp`)).toBe(false);
    }
    // The id and type come before anything else (SCORM requires them first).
    const keys = interactionWrites(c, decision('first', ['pick-best']), 0, version).map(([k]) => k);
    expect(keys.slice(0, 2)).toEqual(['cmi.interactions.0.id', 'cmi.interactions.0.type']);
    expect(keys.indexOf(`cmi.interactions.0.${responseElement}`)).toBeGreaterThan(
      keys.indexOf('cmi.interactions.0.type'),
    );
  });

  it('reports a correct decision as correct', () => {
    const w = asMap(interactionWrites(c, decision('first', ['pick-best']), 0, version));
    expect(w.get(`cmi.interactions.0.${responseElement}`)).toBe('pick_best');
    expect(w.get('cmi.interactions.0.result')).toBe('correct');
    // Half marks are not "correct".
    const half = asMap(interactionWrites(c, decision('first', ['pick-ok']), 0, version));
    expect(half.get('cmi.interactions.0.result')).toBe(is2004 ? 'incorrect' : 'wrong');
  });

  it("reports a feed as one multiple-response interaction, items separated in the version's own form", () => {
    // SCORM 2004 separates the items with [,]; SCORM 1.2 with a plain comma.
    const sep = is2004 ? '[,]' : ',';
    const w = asMap(interactionWrites(c, decision('feed', ['post-a', 'post-c']), 1, version));
    expect(w.get(`cmi.interactions.1.${responseElement}`)).toBe(`post_a${sep}post_c`);
    expect(w.get('cmi.interactions.1.correct_responses.0.pattern')).toBe(`post_a${sep}post_b`);
    expect(w.get('cmi.interactions.1.result')).toBe(is2004 ? 'incorrect' : 'wrong');
    const right = asMap(interactionWrites(c, decision('feed', ['post-b', 'post-a']), 1, version));
    expect(right.get(`cmi.interactions.1.${responseElement}`)).toBe(`post_a${sep}post_b`);
    expect(right.get('cmi.interactions.1.result')).toBe('correct');
    for (const [element, value] of w) expect(checkValue(version, element, value)).toBeNull();
  });

  it("has the strict checker refuse the other version's multiple-response form", () => {
    const other = is2004 ? 'post_a,post_b' : 'post_a[,]post_b';
    expect(checkValue(version, `cmi.interactions.1.${responseElement}`, other)).toMatch(/response ids/);
    expect(checkValue(version, 'cmi.interactions.1.correct_responses.0.pattern', other)).toMatch(/response ids/);
  });

  it('never puts a hyphen in a response or pattern', () => {
    const writes = runWrites(
      c,
      [['pick-bad'], ['ignore-it'], ['some-marks'], ['post-a', 'post-b', 'post-c'], ['no']],
      version,
    );
    const responses = writes.filter(([k]) =>
      /\.(learner_response|student_response|correct_responses\.\d+\.pattern)$/.test(k),
    );
    expect(responses.length).toBe(10);
    for (const [, v] of responses) expect(v).not.toContain('-');
    expect(writes.filter(([k]) => /^cmi\.interactions\.\d+\.id$/.test(k)).map(([, v]) => v)).toEqual([
      'first',
      'first-follow-up',
      'second',
      'feed',
      'last',
    ]);
  });

  it('writes no score while under way, so an LMS cannot judge a half-finished attempt', () => {
    const { afterChoose } = play(c, [['pick-ok']]);
    const w = asMap(progressWrites(c, afterChoose[0]!, version));
    expect([...w.keys()].some((k) => /^cmi\.(core\.)?score\./.test(k))).toBe(false);
    if (is2004) {
      expect(w.get('cmi.progress_measure')).toBe('0.25');
      expect(w.get('cmi.completion_status')).toBe('incomplete');
      expect(w.get('cmi.success_status')).toBe('unknown');
    } else {
      expect([...w.keys()].some((k) => k.includes('scaled') || k.includes('progress_measure'))).toBe(false);
      expect(w.get('cmi.core.lesson_status')).toBe('incomplete');
    }
  });

  it('writes completed and passed, or failed, once the module is finished', () => {
    const pass = asMap(
      progressWrites(c, play(c, [['pick-best'], ['full-marks'], ['post-a', 'post-b'], ['yes']]).state, version),
    );
    const fail = asMap(
      progressWrites(c, play(c, [['pick-best'], ['full-marks'], ['post-a', 'post-b'], ['no']]).state, version),
    );
    if (is2004) {
      expect([pass.get('cmi.completion_status'), pass.get('cmi.success_status')]).toEqual(['completed', 'passed']);
      expect([pass.get('cmi.score.raw'), pass.get('cmi.score.scaled'), pass.get('cmi.progress_measure')]).toEqual([
        '100',
        '1',
        '1',
      ]);
      expect([fail.get('cmi.completion_status'), fail.get('cmi.success_status')]).toEqual(['completed', 'failed']);
      expect([fail.get('cmi.score.raw'), fail.get('cmi.score.scaled')]).toEqual(['75', '0.75']);
    } else {
      expect(pass.get('cmi.core.lesson_status')).toBe('passed');
      expect(pass.get('cmi.core.score.raw')).toBe('100');
      expect(fail.get('cmi.core.lesson_status')).toBe('failed'); // 75 < 80
      expect(fail.get('cmi.core.score.raw')).toBe('75');
    }
  });

  it('writes passed or failed against the pass mark once finished', () => {
    const steps: Step[] = [['pick-best'], ['full-marks'], ['post-a', 'post-b'], ['no']]; // raw 75
    const pass = asMap(progressWrites(branchingCourse({ passMark: 75 }), play(c, steps).state, version));
    const fail = asMap(progressWrites(branchingCourse({ passMark: 76 }), play(c, steps).state, version));
    if (is2004) {
      expect([pass.get('cmi.success_status'), fail.get('cmi.success_status')]).toEqual(['passed', 'failed']);
      expect([pass.get('cmi.completion_status'), fail.get('cmi.completion_status')]).toEqual([
        'completed',
        'completed',
      ]);
    } else {
      expect([pass.get('cmi.core.lesson_status'), fail.get('cmi.core.lesson_status')]).toEqual(['passed', 'failed']);
    }
  });

  it('writes each objective with its score and status', () => {
    const under = asMap(progressWrites(c, play(c, [['pick-ok']]).afterChoose[0]!, version));
    const done = asMap(
      progressWrites(c, play(c, [['pick-best'], ['no-marks'], ['post-a', 'post-b'], ['yes']]).state, version),
    );
    expect(under.get('cmi.objectives.0.id')).toBe('obj-a');
    expect(under.get('cmi.objectives.0.score.raw')).toBe('50');
    expect(done.get('cmi.objectives.1.score.raw')).toBe('0');
    if (is2004) {
      expect(under.get('cmi.objectives.0.score.scaled')).toBe('0.5');
      expect(under.get('cmi.objectives.0.completion_status')).toBe('incomplete');
      expect(under.get('cmi.objectives.1.completion_status')).toBe('not attempted');
      expect(under.get('cmi.objectives.1.success_status')).toBe('unknown');
      expect(done.get('cmi.objectives.0.success_status')).toBe('passed');
      expect(done.get('cmi.objectives.1.success_status')).toBe('failed');
    } else {
      expect(under.get('cmi.objectives.0.status')).toBe('incomplete');
      expect(under.get('cmi.objectives.1.status')).toBe('not attempted');
      expect(done.get('cmi.objectives.0.status')).toBe('passed');
      expect(done.get('cmi.objectives.1.status')).toBe('failed');
    }
  });

  it('judges no objective while the attempt is under way, even one already answered in full', () => {
    const { afterChoose } = play(c, [['pick-best'], ['full-marks'], ['post-a', 'post-b'], ['yes']]);
    for (const s of afterChoose.slice(0, -1)) {
      const w = asMap(progressWrites(c, s, version));
      for (const n of [0, 1]) {
        if (is2004) expect(w.get(`cmi.objectives.${n}.success_status`), `objective ${n}`).toBe('unknown');
        else expect(w.get(`cmi.objectives.${n}.status`), `objective ${n}`).toMatch(/^(incomplete|not attempted)$/);
      }
    }
    // obj-a had full marks from the first decision: only the end judges it.
    const end = asMap(progressWrites(c, afterChoose.at(-1)!, version));
    expect(end.get(is2004 ? 'cmi.objectives.0.success_status' : 'cmi.objectives.0.status')).toBe('passed');
  });

  it('writes suspend while unfinished and normal (2004) or "" (1.2) once finished', () => {
    const exit = TABLE[version].exit;
    const { state, afterChoose } = play(c, [['pick-best'], ['full-marks'], ['post-a', 'post-b'], ['yes']]);
    for (const s of afterChoose.slice(0, -1)) expect(asMap(decisionWrites(c, s, version, 0)).get(exit)).toBe('suspend');
    expect(asMap(decisionWrites(c, afterChoose.at(-1)!, version, 3)).get(exit)).toBe(is2004 ? 'normal' : '');
    expect(asMap(exitWrites(c, play(c, [['pick-best']]).state, version, 1000)).get(exit)).toBe('suspend');
    expect(asMap(exitWrites(c, initialState(), version, 1000)).get(exit)).toBe('suspend');
    const finished = asMap(exitWrites(c, state, version, 3_723_500));
    expect(finished.get(exit)).toBe(is2004 ? 'normal' : '');
    expect(finished.get(TABLE[version].sessionTime)).toBe(is2004 ? 'PT1H2M3.5S' : '01:02:03.50');
  });

  it('writes where to resume: the current scenario and the encoded answers', () => {
    const part = play(c, [['pick-bad']]).state;
    const w = asMap(resumeWrites(c, part, version));
    expect(w.get(TABLE[version].location)).toBe('first-follow-up');
    expect(w.get('cmi.suspend_data')).toBe(encode(c, part));
    const done = play(c, [['pick-best'], ['full-marks'], ['post-a'], ['yes']]).state;
    expect(asMap(resumeWrites(c, done, version)).get(TABLE[version].location)).toBe('results');
    expect(asMap(resumeWrites(c, initialState(), version)).get(TABLE[version].location)).toBe('intro');
  });

  it('numbers the interaction after the ones already in the LMS', () => {
    const { afterChoose } = play(c, [['pick-best']]);
    const keys = decisionWrites(c, afterChoose[0]!, version, 7)
      .map(([k]) => k)
      .filter((k) => k.startsWith('cmi.interactions.'));
    expect(keys.length).toBeGreaterThan(5);
    for (const k of keys) expect(k.startsWith('cmi.interactions.7.')).toBe(true);
  });

  it.each([
    ['a pass through the branch', [['pick-bad'], ['fix-it'], ['full-marks'], ['post-a', 'post-b'], ['yes']]],
    ['a fail', [['pick-ok'], ['no-marks'], ['post-c'], ['no']]],
    [
      'a feed with every item picked',
      [['pick-best'], ['some-marks'], ['post-a', 'post-b', 'post-c', 'post-d'], ['yes']],
    ],
  ] as [string, Step[]][])('every write in %s passes the strict checker', (_what, steps) => {
    const writes = runWrites(c, steps, version);
    expect(writes.length).toBeGreaterThan(50);
    for (const [element, value] of writes) expect(checkValue(version, element, value)).toBeNull();
  });

  it('every write in a full run of the sample module passes the strict checker', () => {
    const { course: sample } = loadCourse(ROOT, 'sample');
    for (const steps of [
      [['leave-it'], ['say-nothing'], ['accept-and-advise'], ['friends-only']],
      [['delete-and-report'], ['decline-and-signpost'], ['debrief-instead']],
    ]) {
      const writes = runWrites(sample, steps, version);
      for (const [element, value] of writes) expect(checkValue(version, element, value)).toBeNull();
    }
  });
});

// A feed answered with nothing picked would be written as learner_response "", which Moodle
// 4.5 rejects with 406: the reducer refuses an empty answer, so no run can write one.
it('a feed cannot be answered with nothing picked, so no empty learner_response is written', () => {
  const { state } = play(c, [['pick-ok'], ['no-marks']]);
  expect(state.current).toBe('feed');
  expect(reduce(c, state, { type: 'choose', choiceIds: [], at: 5 })).toBe(state);
});

describe('interaction description', () => {
  it('is one line of at most 250 characters', () => {
    const long = scenario('long', [choice('a', 'best'), choice('b', 'wrong')], {
      title: 'A\ntitle',
      question: `${'word '.repeat(80)}\nend?`,
    });
    const text = describeScenario(long);
    expect(text.length).toBe(250);
    expect(text).not.toMatch(/[\r\n]/);
    expect(text.endsWith('…')).toBe(true);
    expect(checkValue('2004', 'cmi.interactions.0.description', text)).toBeNull();
    expect(describeScenario(scenarioById(c, 'first'))).toBe('Title of first: What do you do?');
  });
});
