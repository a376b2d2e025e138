/**
 * The flagship as each learner reads it: their own nation's speaking-up route and their own
 * professional code, in English and in Welsh. The e2e runs pin the same passage (the feedback
 * for taking the post down in "Your manager asks to talk") for three profiles; this covers all twenty.
 */
import { describe, expect, it } from 'vitest';
import { loadCourse } from '../../../src/compiler/course.js';
import type { Course } from '../../../src/core/model.js';
import { GROUPS, NATIONS, sourceFor, tailorHtml, type Group, type Nation } from '../../../src/core/profile.js';
import { ROOT } from '../../root.js';

const course: Course = loadCourse(ROOT, 'social-media-nhs').course;

/** Each nation's route as both languages name it (the Welsh gives the English name in brackets). */
const ROUTE: Record<Nation, string> = {
  england: 'Freedom to Speak Up Guardian',
  wales: 'Speaking Up Safely',
  scotland: 'National Whistleblowing Standards',
  'northern-ireland': 'whistleblowing',
};

const CODE: Record<Group, string> = {
  'nursing-midwifery': 'NMC',
  medical: 'GMC',
  'allied-health': 'HCPC',
  pharmacy: 'GPhC',
  other: 'NHS Employers',
};

const profiles = NATIONS.flatMap((nation) => GROUPS.map((group) => ({ nation, group })));
const languages = ['en-GB', 'cy'] as const;

function takeDownAndMeet(language: (typeof languages)[number]) {
  const scenario = course.scenarios.find((s) => s.id === 'missed-observations-manager')!;
  const choice = scenario.choices.find((c) => c.id === 'take-down-and-meet')!;
  return language === 'en-GB' ? choice : scenario.translations!.cy!.choices['take-down-and-meet']!;
}

describe('the flagship tailored to the learner', () => {
  it.each(languages)(
    'names only the learner’s own speaking-up route, and their own code as the source (%s)',
    (lang) => {
      const choice = takeDownAndMeet(lang);
      for (const profile of profiles) {
        const feedback = tailorHtml(choice.feedbackHtml, profile);
        expect(feedback, `${profile.nation}`).toContain(ROUTE[profile.nation]);
        for (const other of NATIONS.filter((n) => n !== profile.nation))
          expect(feedback, `${profile.nation} names ${other}`).not.toContain(ROUTE[other]);
        expect(sourceFor(choice, profile), profile.group).toContain(CODE[profile.group]);
      }
    },
  );

  it.each(languages)('lists the learner’s own nation’s route first under "Where to get help" (%s)', (lang) => {
    const summary = lang === 'en-GB' ? course.summaryHtml : course.translations.cy!.summaryHtml;
    const help = summary.slice(summary.search(/<h2>(Where to get help|Ble i gael help)<\/h2>/));
    for (const profile of profiles) {
      const text = tailorHtml(help, profile);
      const first = NATIONS.map((n) => ({ n, at: text.indexOf(ROUTE[n]) }))
        .filter(({ at }) => at >= 0)
        .sort((a, b) => a.at - b.at)[0];
      expect(first?.n, profile.nation).toBe(profile.nation);
    }
  });
});
