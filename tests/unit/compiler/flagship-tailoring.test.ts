/**
 * The flagship as each learner reads it: their own nation's speaking-up route and their own
 * professional code, in English and in Welsh. The e2e runs pin the same passage (the feedback
 * for taking the post down in "Your manager asks to talk") for three profiles; this covers all twenty.
 */
import { describe, expect, it } from 'vitest';
import { loadCourse } from '../../../src/compiler/course.js';
import type { Course } from '../../../src/core/model.js';
import {
  GROUPS,
  NATIONS,
  sourceFor,
  tailorHtml,
  type Group,
  type Nation,
  type Profile,
} from '../../../src/core/profile.js';
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

/** The GPhC regulates pharmacy in Great Britain; in Northern Ireland it is the Pharmaceutical Society (PSNI). */
const codeOf = (profile: Profile): string =>
  profile.group === 'pharmacy' && profile.nation === 'northern-ireland' ? 'PSNI' : CODE[profile.group];

const profiles = NATIONS.flatMap((nation) => GROUPS.map((group) => ({ nation, group })));
const languages = ['en-GB', 'cy'] as const;

/** Every word a learner reads in the module, in one language: each field tailored, each choice's own source. */
function everythingReadBy(profile: Profile, language: (typeof languages)[number]): string {
  const texts: string[] = [];
  const walk = (value: unknown): void => {
    if (typeof value === 'string') texts.push(tailorHtml(value, profile));
    else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object')
      for (const [key, inner] of Object.entries(value))
        if (key !== 'translations' && key !== 'source' && key !== 'sources') walk(inner);
  };
  const course_ = language === 'en-GB' ? course : course.translations.cy!;
  walk([course_.introHtml, course_.summaryHtml]);
  for (const scenario of course.scenarios) {
    const words = language === 'en-GB' ? scenario : scenario.translations!.cy!;
    walk(words);
    const choices = language === 'en-GB' ? scenario.choices : Object.values(scenario.translations!.cy!.choices);
    for (const choice of choices) texts.push(sourceFor(choice, profile));
  }
  return texts.join('\n');
}

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
        expect(sourceFor(choice, profile), `${profile.group} in ${profile.nation}`).toContain(codeOf(profile));
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

  it.each(languages)(
    'names the PSNI, never the GPhC, to a pharmacist in Northern Ireland; the GPhC in Wales (%s)',
    (lang) => {
      const niPharmacist: Profile = { nation: 'northern-ireland', group: 'pharmacy' };
      const walesPharmacist: Profile = { nation: 'wales', group: 'pharmacy' };
      const summary = lang === 'en-GB' ? course.summaryHtml : course.translations.cy!.summaryHtml;
      const choice = takeDownAndMeet(lang);
      expect(sourceFor(choice, niPharmacist)).toContain('PSNI, Code for pharmacists in Northern Ireland');
      expect(sourceFor(choice, niPharmacist)).not.toContain('GPhC');
      expect(tailorHtml(summary, niPharmacist)).toContain('(PSNI)');
      expect(tailorHtml(summary, niPharmacist)).not.toContain('GPhC');
      expect(sourceFor(choice, walesPharmacist)).toContain('GPhC');
      expect(tailorHtml(summary, walesPharmacist)).toContain('GPhC');
      expect(tailorHtml(summary, walesPharmacist)).not.toContain('PSNI');
      // Nowhere in the module: no one working in Northern Ireland reads the GPhC, no one in Great Britain the PSNI.
      for (const profile of profiles) {
        const read = everythingReadBy(profile, lang);
        const [wrong, right] = profile.nation === 'northern-ireland' ? ['GPhC', 'PSNI'] : ['PSNI', 'GPhC'];
        expect(read, `${profile.group} in ${profile.nation}`).not.toContain(wrong);
        if (profile.group === 'pharmacy') expect(read, `pharmacist in ${profile.nation}`).toContain(right);
      }
    },
  );

  it.each(languages)('never speaks of "your regulator" to staff without one (%s)', (lang) => {
    const yourRegulator = lang === 'en-GB' ? /\b(your|my) regulator\b/i : /(eich|fy|'ch) rheoleiddiwr/i;
    for (const nation of NATIONS) {
      expect(everythingReadBy({ nation, group: 'other' }, lang), nation).not.toMatch(yourRegulator);
      expect(everythingReadBy({ nation, group: 'medical' }, lang), nation).toMatch(yourRegulator);
    }
  });
});
