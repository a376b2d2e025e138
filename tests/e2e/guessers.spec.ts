/**
 * A learner who does not read must not pass the flagship. Each naive guesser (always the
 * longest option, the shortest, the first on the screen, the last) and three seeded random
 * learners play the built module to the end; the LMS must record a fail. The same guessers
 * are what `npm run check` scores, so the check and the real module are held to each other.
 */
import { test as plain } from '@playwright/test';
import { GUESSERS, analyseCueing, guess, play, type GuesserName } from '../../src/compiler/cueing.js';
import type { Choice, Scenario } from '../../src/core/model.js';
import { VERSIONS, elements, expect, expectCleanLog, finishAndExit, launch, readCmi, test } from './helpers.js';
import { MODULE, expectedRaw, flagship, plan, playPlan, type Policy } from './flagship-helpers.js';

/** Picks as `npm run check` does; in a feed, ticks only the one item its rule picks. */
function guesser(name: GuesserName): Policy {
  return { name: `always the ${name}`, pick: (s) => [guess(s, name)] };
}

/** A small seeded generator (mulberry32), so a failing run can be replayed. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Picks at random: one choice, or in a feed each item with even odds (at least one). */
function randomLearner(seed: number): Policy {
  const next = seeded(seed);
  const memo = new Map<string, Choice[]>();
  const pick = (s: Scenario): Choice[] => {
    if (s.select === 'one') return [s.choices[Math.floor(next() * s.choices.length)]!];
    const ticked = s.choices.filter(() => next() < 0.5);
    return ticked.length ? ticked : [s.choices[Math.floor(next() * s.choices.length)]!];
  };
  // plan() may ask twice about a screen; the learner answers it once.
  return {
    name: `random learner (seed ${seed})`,
    pick: (s) => memo.get(s.id) ?? memo.set(s.id, pick(s)).get(s.id)!,
  };
}

const POLICIES: readonly Policy[] = [...GUESSERS.map(guesser), ...[11, 23, 47].map(randomLearner)];

plain.describe('social-media-nhs against guessers, without a browser', () => {
  plain("the check's guesser scores are the scores the module gives, and every one fails, in English and Welsh", () => {
    const course = flagship();
    const report = analyseCueing(course, `modules/${MODULE}/module.yaml`);
    for (const name of GUESSERS) {
      const score = expectedRaw(plan(course, guesser(name)));
      expect(
        play(course, (s) => [guess(s, name)]),
        name,
      ).toBe(score);
      expect(report.guessers['en-GB']![name], name).toBe(score);
    }
    for (const [language, scores] of Object.entries(report.guessers))
      for (const [name, score] of Object.entries(scores))
        expect(score, `always the ${name} (${language})`).toBeLessThan(course.passMark);
    expect(report.chance, 'a random learner, on average').toBeLessThan(course.passMark);
  });
});

test.describe.configure({ mode: 'parallel' });

for (const version of VERSIONS) {
  test.describe(`social-media-nhs, SCORM ${version}: a learner who does not read fails`, () => {
    for (const policy of POLICIES) {
      test(policy.name, async ({ page }) => {
        test.slow(); // a whole run of about 15 screens; the machine is shared
        const course = flagship();
        const steps = plan(course, policy);
        const raw = expectedRaw(steps);
        expect(raw, `${policy.name} is planned to score below the pass mark`).toBeLessThan(course.passMark);

        const frame = await launch(page, { module: MODULE, version });
        await playPlan(course, frame, steps);
        await expect(frame.getByText(`${raw}%`, { exact: true })).toBeVisible();
        await finishAndExit(frame);

        const cmi = await readCmi(page);
        const el = elements(version);
        expect(cmi[el.raw]).toBe(String(raw));
        if (version === '2004') expect(cmi['cmi.success_status']).toBe('failed');
        else expect(cmi['cmi.core.lesson_status']).toBe('failed');
        await expectCleanLog(page, version);
      });
    }
  });
}
