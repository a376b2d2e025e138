/**
 * The learner's profile reaches the LMS as the `learner-profile` interaction, through the
 * Moodle profile (scorm/player/moodle.ts): written with the first commit after the start and
 * after each change, never counted as a decision, and never written in review.
 */
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../root.js';
import { loadCourse } from '../../../src/compiler/course.js';
import type { Course } from '../../../src/core/model.js';
import { GROUPS, NATIONS, PROFILE_INTERACTION, type Profile } from '../../../src/core/profile.js';
import type { ScormVersion } from '../../../src/core/scorm-names.js';
import { reduce, type CourseState } from '../../../src/core/state.js';
import { checkCalls, checkFinished } from '../../../scorm/strict.js';
import { emptyAttempt } from '../../../scorm/player/moodle.js';
import { Harness, moodleLaunch, playSession } from './helpers.js';

const sample = loadCourse(ROOT, 'sample').course;
const course: Course = { ...sample, profiles: { nations: [...NATIONS], groups: [...GROUPS] } };
const VERSIONS: ScormVersion[] = ['2004', '1.2'];
const BEST = [['delete-and-report'], ['decline-and-signpost'], ['debrief-instead']];
const WALES_NURSE: Profile = { nation: 'wales', group: 'nursing-midwifery' };
const SCOTLAND_DOCTOR: Profile = { nation: 'scotland', group: 'medical' };
const response = (v: ScormVersion) => (v === '2004' ? 'learner_response' : 'student_response');

/** The interactions stored, by slot: [id, response]. */
function interactions(version: ScormVersion, cmi: Record<string, string>): [string, string][] {
  const out: [string, string][] = [];
  for (let n = 0; cmi[`cmi.interactions.${n}.id`] !== undefined; n++)
    out.push([cmi[`cmi.interactions.${n}.id`]!, cmi[`cmi.interactions.${n}.${response(version)}`] ?? '']);
  return out;
}

describe.each(VERSIONS)('the profile in SCORM %s', (version) => {
  /** Starts as a nurse in Wales, answers one scenario, becomes a doctor in Scotland, answers the rest. */
  function changeMidway(h = new Harness(), attempt = emptyAttempt()) {
    const { session, launch } = moodleLaunch(course, version, attempt, h);
    let state: CourseState = reduce(course, launch.state, { type: 'start', at: h.tick(1000), profile: WALES_NURSE });
    session.recordProfile(state);
    h.runScheduled();
    state = playSession(course, session, h, state, BEST.slice(0, 1));
    state = reduce(course, state, { type: 'profile', profile: SCOTLAND_DOCTOR });
    session.recordProfile(state);
    h.runScheduled();
    state = playSession(course, session, h, state, BEST.slice(1));
    session.terminate(state);
    return { attempt, session, state };
  }

  it('is written after the start and each change, as a fill-in with no result, and passes the strict checks', () => {
    const { attempt, session, state } = changeMidway();
    expect(session.calls.filter((c) => c.error !== '0' || c.result === 'false')).toEqual([]);
    expect(checkCalls(version, session.calls)).toEqual([]);
    expect(checkFinished(version, attempt.cmi)).toEqual([]);
    const stored = interactions(version, attempt.cmi);
    const decisions = stored.filter(([id]) => id !== PROFILE_INTERACTION);
    expect(decisions.map(([id]) => id)).toEqual(['ward-selfie', 'friend-request', 'night-shift-post']);
    const profiles = stored.filter(([id]) => id === PROFILE_INTERACTION).map(([, r]) => r);
    // 1.2 cannot rewrite an interaction: each change is a new one. 2004 rewrites its slot.
    expect(profiles).toEqual(
      version === '1.2' ? ['wales.nursing_midwifery', 'scotland.medical'] : ['scotland.medical'],
    );
    const n = stored.findIndex(([id]) => id === PROFILE_INTERACTION);
    expect(attempt.cmi[`cmi.interactions.${n}.type`]).toBe('fill-in');
    expect(attempt.cmi[`cmi.interactions.${n}.result`]).toBeUndefined();
    expect(attempt.cmi[`cmi.interactions.${n}.weighting`]).toBeUndefined();
    expect(state.decisions).toHaveLength(3);
  });

  it('goes with the next commit, never one of its own, and is kept by a learner who leaves before deciding', () => {
    const h = new Harness();
    const attempt = emptyAttempt();
    const { session, launch } = moodleLaunch(course, version, attempt, h);
    h.runScheduled();
    const commits = () => session.calls.filter((c) => /Commit/.test(c.fn)).length;
    const launched = commits();
    let state = reduce(course, launch.state, { type: 'start', at: h.tick(1000), profile: WALES_NURSE });
    session.recordProfile(state);
    state = reduce(course, state, { type: 'profile', profile: SCOTLAND_DOCTOR });
    session.recordProfile(state);
    h.runScheduled();
    expect(commits()).toBe(launched);
    session.terminate(state);
    expect(interactions(version, attempt.cmi)).toEqual([[PROFILE_INTERACTION, 'scotland.medical']]);
    expect(checkCalls(version, session.calls)).toEqual([]);
  });

  it('does not count as a decision: the score, statuses and objectives are those of the same answers with no profile', () => {
    const { attempt } = changeMidway();
    const plain = emptyAttempt();
    const h = new Harness();
    const { session, launch } = moodleLaunch(course, version, plain, h);
    session.terminate(playSession(course, session, h, launch.state, BEST));
    const result = (cmi: Record<string, string>) =>
      Object.fromEntries(
        Object.entries(cmi).filter(([k]) => /^cmi\.(core\.)?(score|\w*_status)|^cmi\.objectives\./.test(k)),
      );
    expect(Object.keys(result(attempt.cmi)).length).toBeGreaterThan(5);
    expect(result(attempt.cmi)).toEqual(result(plain.cmi));
  });

  it('resumes with the profile, and a change after resuming keeps every answer', () => {
    const h = new Harness();
    const attempt = emptyAttempt();
    const first = moodleLaunch(course, version, attempt, h);
    let state = reduce(course, first.launch.state, { type: 'start', at: h.tick(1000), profile: WALES_NURSE });
    state = playSession(course, first.session, h, state, BEST.slice(0, 1));
    first.session.terminate(state);

    const second = moodleLaunch(course, version, attempt, h);
    expect(second.launch.state.profile).toEqual(WALES_NURSE);
    expect(second.launch.state.decisions.map((d) => d.choiceIds)).toEqual([BEST[0]]);
    state = reduce(course, second.launch.state, { type: 'start', at: h.tick(1000) });
    state = reduce(course, state, { type: 'profile', profile: SCOTLAND_DOCTOR });
    second.session.recordProfile(state);
    h.runScheduled();
    state = playSession(course, second.session, h, state, BEST.slice(1));
    second.session.terminate(state);
    expect(checkCalls(version, second.session.calls)).toEqual([]);
    expect(second.session.calls.filter((c) => c.error !== '0' || c.result === 'false')).toEqual([]);
    const stored = interactions(version, attempt.cmi);
    expect(stored.filter(([id]) => id !== PROFILE_INTERACTION)).toHaveLength(3);
    expect(stored.filter(([id]) => id === PROFILE_INTERACTION).map(([, r]) => r)).toEqual(
      version === '1.2' ? ['wales.nursing_midwifery', 'scotland.medical'] : ['scotland.medical'],
    );
  });

  it('writes nothing in review', () => {
    const { attempt } = changeMidway();
    const before = { ...attempt.cmi };
    const h = new Harness();
    const review = moodleLaunch(course, version, attempt, h, 'review');
    const state = reduce(course, review.launch.state, { type: 'profile', profile: WALES_NURSE });
    review.session.recordProfile(state);
    h.runScheduled();
    review.session.terminate(state);
    expect(review.session.calls.filter((c) => /SetValue|LMSSetValue|Commit/.test(c.fn))).toEqual([]);
    expect(attempt.cmi).toEqual(before);
  });
});
