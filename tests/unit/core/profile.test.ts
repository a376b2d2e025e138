import { describe, expect, it } from 'vitest';
import { loadCourse } from '../../../src/compiler/course.js';
import { decisionWrites, interactionWrites } from '../../../src/core/cmi.js';
import {
  GROUPS,
  NATIONS,
  matches,
  parseProfileResponse,
  profileResponse,
  sourceFor,
  tailorHtml,
  type Profile,
} from '../../../src/core/profile.js';
import { encode } from '../../../src/core/resume.js';
import { initialState, reduce, score, scenarioById, type CourseState } from '../../../src/core/state.js';
import { ROOT } from '../../root.js';

const WALES_NURSE: Profile = { nation: 'wales', group: 'nursing-midwifery' };
const SCOTLAND_DOCTOR: Profile = { nation: 'scotland', group: 'medical' };
const ENGLAND_OTHER: Profile = { nation: 'england', group: 'other' };
const EVERY_PROFILE: Profile[] = NATIONS.flatMap((nation) => GROUPS.map((group) => ({ nation, group })));

describe('matches', () => {
  it('takes nations as alternatives, groups as alternatives, and needs both lists to match', () => {
    expect(matches(['wales', 'scotland'], WALES_NURSE)).toBe(true);
    expect(matches(['wales', 'scotland'], ENGLAND_OTHER)).toBe(false);
    expect(matches(['medical'], SCOTLAND_DOCTOR)).toBe(true);
    expect(matches(['medical', 'pharmacy'], WALES_NURSE)).toBe(false);
    expect(matches(['medical', 'scotland'], SCOTLAND_DOCTOR)).toBe(true);
    expect(matches(['medical', 'scotland'], { nation: 'wales', group: 'medical' })).toBe(false);
    expect(matches(['medical', 'scotland'], { nation: 'scotland', group: 'pharmacy' })).toBe(false);
  });

  it('an empty list (the fallback) matches everyone, a profile or none; a list needs a profile', () => {
    expect(matches([], WALES_NURSE)).toBe(true);
    expect(matches([], undefined)).toBe(true);
    expect(matches(['wales'], undefined)).toBe(false);
  });
});

const RUN =
  '<p>Raise it.</p><fl-variants><fl-when for="wales">W</fl-when><fl-when for="medical scotland">SD</fl-when>' +
  '<fl-when for="scotland">S</fl-when><fl-when for="">F</fl-when></fl-variants><p>After.</p>';

describe('tailorHtml', () => {
  it('keeps the first variant that matches, and the words around the run', () => {
    expect(tailorHtml(RUN, WALES_NURSE)).toBe('<p>Raise it.</p>W<p>After.</p>');
    expect(tailorHtml(RUN, SCOTLAND_DOCTOR)).toBe('<p>Raise it.</p>SD<p>After.</p>');
    expect(tailorHtml(RUN, { nation: 'scotland', group: 'pharmacy' })).toBe('<p>Raise it.</p>S<p>After.</p>');
  });

  it('falls back when nothing matches or there is no profile yet', () => {
    expect(tailorHtml(RUN, ENGLAND_OTHER)).toBe('<p>Raise it.</p>F<p>After.</p>');
    expect(tailorHtml(RUN, undefined)).toBe('<p>Raise it.</p>F<p>After.</p>');
  });

  it('tailors each run of a field apart, and leaves HTML without variants as it is', () => {
    expect(tailorHtml(`${RUN}${RUN}`, WALES_NURSE)).toBe(
      '<p>Raise it.</p>W<p>After.</p><p>Raise it.</p>W<p>After.</p>',
    );
    expect(tailorHtml('<p>Plain</p>', WALES_NURSE)).toBe('<p>Plain</p>');
  });
});

describe('sourceFor', () => {
  const choice = {
    source: 'Employer policy',
    sources: [
      { for: ['nursing-midwifery'], text: 'NMC Code, section 16' },
      { for: ['medical', 'scotland'], text: 'GMC, in Scotland' },
      { for: ['medical'], text: 'GMC, Good medical practice' },
    ],
  };

  it('gives the first tailored source that matches, else the fallback', () => {
    expect(sourceFor(choice, WALES_NURSE)).toBe('NMC Code, section 16');
    expect(sourceFor(choice, SCOTLAND_DOCTOR)).toBe('GMC, in Scotland');
    expect(sourceFor(choice, { nation: 'wales', group: 'medical' })).toBe('GMC, Good medical practice');
    expect(sourceFor(choice, ENGLAND_OTHER)).toBe('Employer policy');
    expect(sourceFor(choice, undefined)).toBe('Employer policy');
    expect(sourceFor({ source: 'Only one' }, WALES_NURSE)).toBe('Only one');
  });
});

describe('the learner-profile response', () => {
  it('keeps to letters, digits, _ and . and reads back as the same profile, for every profile', () => {
    for (const profile of EVERY_PROFILE) {
      const response = profileResponse(profile);
      expect(response).toMatch(/^[a-z_]+\.[a-z_]+$/);
      expect(parseProfileResponse(response)).toEqual(profile);
    }
    expect(profileResponse({ nation: 'northern-ireland', group: 'allied-health' })).toBe(
      'northern_ireland.allied_health',
    );
  });
});

describe('scoring never depends on the profile (the flagship)', () => {
  const { course } = loadCourse(ROOT, 'social-media-nhs');

  /** Plays the same answers (the first choice everywhere, every feed item) under a profile. */
  function play(profile: Profile | undefined): CourseState {
    let state = reduce(course, initialState(), { type: 'start', at: 1000, ...(profile ? { profile } : {}) });
    for (let i = 0; state.screen === 'scenario' && i < 40; i++) {
      const s = scenarioById(course, state.current!);
      const ids = s.select === 'many' ? s.choices.map((c) => c.id) : [s.choices[i % s.choices.length]!.id];
      state = reduce(course, state, { type: 'choose', choiceIds: ids, at: 2000 + i });
      state = reduce(course, state, { type: 'continue', at: 3000 + i });
    }
    return state;
  }

  it('offers profiles, so the comparison means something', () => {
    expect(course.profiles?.nations).toEqual([...NATIONS]);
    expect(course.profiles?.groups).toEqual([...GROUPS]);
  });

  it('gives the same score, interaction ids and responses under every profile as with none', () => {
    const plain = play(undefined);
    expect(plain.screen).toBe('results');
    const reported = (state: CourseState, version: '1.2' | '2004') =>
      state.decisions.flatMap((d, n) =>
        interactionWrites(course, d, n, version).filter(([el]) =>
          /\.(id|type|learner_response|student_response|result|weighting|correct_responses\.0\.pattern)$/.test(el),
        ),
      );
    for (const profile of EVERY_PROFILE) {
      const state = play(profile);
      expect(state.profile).toEqual(profile);
      expect(score(course, state.decisions)).toEqual(score(course, plain.decisions));
      expect(state.decisions.map((d) => [d.scenarioId, d.choiceIds])).toEqual(
        plain.decisions.map((d) => [d.scenarioId, d.choiceIds]),
      );
      for (const version of ['1.2', '2004'] as const) {
        expect(reported(state, version)).toEqual(reported(plain, version));
        // Score, statuses and objectives: the same writes, less the resume data that carries the profile.
        const results = (s: CourseState) =>
          decisionWrites(course, s, version, 0).filter(([el]) => !/suspend_data|interactions/.test(el));
        expect(results(state)).toEqual(results(plain));
      }
      expect(encode(course, state).split(':')[3]).toBe(encode(course, plain).split(':')[3]);
    }
  });
});
