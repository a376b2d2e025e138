/**
 * The learner's profile in the flagship (issue 20): a nurse in Wales (in Welsh), a doctor in
 * Scotland and an admin worker in England each read their own speaking-up route and code in
 * the manager-meeting feedback and on the certificate, in both SCORM versions; a change of
 * profile half way keeps every answer; the LMS is told the profile as `learner-profile`, never
 * as a decision; the question and the change form are accessible.
 */
import type { FrameLocator } from '@playwright/test';
import type { Choice, Course } from '../../src/core/model.js';
import type { Profile } from '../../src/core/profile.js';
import {
  VERSIONS,
  deepFocus,
  expect,
  expectCleanLog,
  interactions,
  launch,
  profileResponses,
  readCmi,
  test,
} from './helpers.js';
import {
  answerIn,
  continueIn,
  cy,
  en,
  expectNoAxeViolations,
  feedbackIn,
  h1,
  openSco,
  startIn,
  type Scope,
  type Strings,
} from './a11y-helpers.js';
import { BEST, MODULE, expectedInteractions, flagship, plan, taking, type Step } from './flagship-helpers.js';

test.describe.configure({ mode: 'parallel', timeout: 240_000 });

const ANCHOR = 'missed-observations-manager';

/** Full marks, except posting publicly first, which leads to the manager's meeting, where the best choice is taken. */
function meetingPlan(course: Course): Step[] {
  return plan(course, taking(course, taking(course, BEST, 'post-publicly'), 'take-down-and-meet'));
}

interface Persona {
  name: string;
  profile: Profile;
  language: 'en' | 'cy';
  /** What the manager-meeting feedback names: the nation's route, and the group's source. */
  route: string;
  source: string;
  /** The certificate: the route's words, the professional code, and whether the NMC Code sections show. */
  certificateRoute: string;
  code: RegExp;
  nmcSections: boolean;
  cited?: string;
}

const PERSONAS: Persona[] = [
  {
    name: 'a nurse in Wales, in Welsh',
    profile: { nation: 'wales', group: 'nursing-midwifery' },
    language: 'cy',
    route: 'Speaking Up Safely',
    source: 'Cod yr NMC',
    certificateRoute: cy.speakUpRoutes.wales,
    code: /NMC/,
    nmcSections: true,
  },
  {
    name: 'a doctor in Scotland',
    profile: { nation: 'scotland', group: 'medical' },
    language: 'en',
    route: 'National Whistleblowing Standards',
    source: 'GMC',
    certificateRoute: en.speakUpRoutes.scotland,
    code: /^GMC/,
    nmcSections: false,
    cited: 'GMC, Good medical practice',
  },
  {
    name: 'an admin worker in England',
    profile: { nation: 'england', group: 'other' },
    language: 'en',
    route: 'Freedom to Speak Up Guardian',
    source: 'NHS Employers',
    certificateRoute: en.speakUpRoutes.england,
    code: /NHS Employers/,
    nmcSections: false,
  },
];

/** The words of a choice in the learner's language. */
function choiceText(step: Step, c: Choice, language: string): string {
  return language === 'en' ? c.text : (step.scenario.translations?.[language]?.choices[c.id]?.text ?? c.text);
}

/** Answers one screen as the step says, in the learner's language. */
async function answerStep(scope: Scope, step: Step, language: string, t: Strings): Promise<void> {
  const texts = step.picks.map((c) => choiceText(step, c, language));
  if (step.ui !== 'feed') return answerIn(scope, texts, t);
  for (const text of texts) await scope.getByRole('checkbox', { name: text, exact: true }).check();
  await scope.getByRole('button', { name: t.submit, exact: true }).click();
  await expect(feedbackIn(scope, t)).toBeVisible();
}

/** Chooses where the learner works and their staff group on the introduction. */
async function chooseOnIntro(scope: Scope, profile: Profile, t: Strings): Promise<void> {
  await scope.getByLabel(t.profileNation, { exact: true }).selectOption(profile.nation);
  await scope.getByLabel(t.profileGroup, { exact: true }).selectOption(profile.group);
}

/** Changes the profile from the bar: focus moves into the form, and back to Change once saved. */
async function changeProfile(frame: FrameLocator, profile: Profile, t: Strings): Promise<void> {
  const change = frame.getByRole('button', { name: t.profileChangeLabel, exact: true });
  await change.click();
  const title = frame.getByRole('heading', { name: t.profileFormTitle, level: 2 });
  await expect(title).toBeFocused();
  const form = frame.getByRole('form', { name: t.profileFormTitle });
  await form.getByLabel(t.profileNation, { exact: true }).selectOption(profile.nation);
  await form.getByLabel(t.profileGroup, { exact: true }).selectOption(profile.group);
  await form.getByRole('button', { name: t.profileSave, exact: true }).click();
  await expect(form).toHaveCount(0);
  await expect(change).toBeFocused();
  await expect(frame.getByText(t.profileSaved)).toBeVisible();
  await expect(frame.locator('[data-profile-line]')).toHaveText(
    t.profileLine(t.nations[profile.nation], t.groups[profile.group]),
  );
}

for (const version of VERSIONS) {
  for (const persona of PERSONAS) {
    test(`SCORM ${version}: ${persona.name} reads their own route and code in the feedback and on the certificate`, async ({
      page,
    }) => {
      const course = flagship();
      const steps = meetingPlan(course);
      const t = persona.language === 'cy' ? cy : en;
      const frame = await launch(page, { module: MODULE, version, learner: 'Alex Morgan' });
      if (persona.language === 'cy') {
        await frame.getByRole('button', { name: 'Cymraeg', exact: true }).click();
        await expect(h1(frame)).toHaveText(course.translations.cy!.title);
        // The Welsh interface asks with Wales already chosen.
        await expect(frame.getByLabel(cy.profileNation, { exact: true })).toHaveValue('wales');
      }
      await chooseOnIntro(frame, persona.profile, t);
      await startIn(frame, t);
      for (const [i, step] of steps.entries()) {
        await answerStep(frame, step, persona.language, t);
        if (step.scenario.id === ANCHOR) {
          const feedback = frame.locator('fl-scenario .feedback__item--best');
          await expect(feedback).toContainText(persona.route);
          await expect(feedback.locator('.feedback__source')).toContainText(persona.source);
        }
        if (i < steps.length - 1) await continueIn(frame, t);
      }
      await continueIn(frame, t);
      await expect(h1(frame)).toHaveText(t.resultsTitle);
      const facts = frame.locator('fl-results [data-profile-facts]');
      await expect(facts).toContainText(persona.certificateRoute);

      await frame.getByRole('button', { name: t.certificateButton }).click();
      const certificate = frame.getByRole('region', { name: t.certificateTitle });
      await expect(certificate.locator('[data-profile-facts]')).toContainText(
        t.speakUpRouteFor(t.nations[persona.profile.nation]),
      );
      await expect(certificate.locator('[data-profile-facts]')).toContainText(persona.certificateRoute);
      await expect(certificate.locator('[data-profile-facts] dd').last()).toHaveText(persona.code);
      await expect(certificate.getByRole('heading', { name: t.certificateCode })).toHaveCount(
        persona.nmcSections ? 1 : 0,
      );
      if (persona.cited) await expect(certificate.locator('.certificate__sources')).toContainText(persona.cited);

      // The LMS: every decision as a decision, the profile apart, the same for every profile.
      const cmi = await readCmi(page);
      expect(interactions(version, cmi)).toEqual(expectedInteractions(version, steps));
      expect(profileResponses(version, cmi)).toEqual([
        `${persona.profile.nation}.${persona.profile.group}`.replace(/-/g, '_'),
      ]);
      await expectCleanLog(page, version);
    });
  }

  test(`SCORM ${version}: changing the profile half way keeps every answer and tells the LMS`, async ({ page }) => {
    const course = flagship();
    const steps = meetingPlan(course);
    const frame = await launch(page, { module: MODULE, version });
    await chooseOnIntro(frame, { nation: 'scotland', group: 'medical' }, en);
    await startIn(frame, en);
    const half = Math.floor(steps.length / 2);
    for (const [i, step] of steps.entries()) {
      await answerStep(frame, step, 'en', en);
      if (i === half) {
        // On a feedback screen: the answer and its feedback stay on screen through the change.
        await changeProfile(frame, { nation: 'wales', group: 'nursing-midwifery' }, en);
        await expect(feedbackIn(frame, en)).toBeVisible();
      }
      if (step.scenario.id === ANCHOR) await expect(frame.locator('fl-scenario')).toContainText('Speaking Up Safely');
      if (i < steps.length - 1) await continueIn(frame, en);
    }
    await continueIn(frame, en);
    await expect(h1(frame)).toHaveText(en.resultsTitle);
    await expect(frame.getByText(en.reviewShow(steps.length))).toBeVisible();
    const cmi = await readCmi(page);
    expect(interactions(version, cmi)).toEqual(expectedInteractions(version, steps));
    expect(profileResponses(version, cmi)).toEqual(
      version === '1.2' ? ['scotland.medical', 'wales.nursing_midwifery'] : ['wales.nursing_midwifery'],
    );
    expect(cmi['cmi.suspend_data']).toMatch(/^2:[0-9a-z]{4}:10:/);
    await expectCleanLog(page, version);
  });
}

for (const persona of [PERSONAS[0]!, PERSONAS[1]!]) {
  test(`the certificate of ${persona.name} prints on one A4 page, with their facts and a reflection`, async ({
    page,
  }) => {
    const course = flagship();
    const t = persona.language === 'cy' ? cy : en;
    await openSco(page, MODULE);
    if (persona.language === 'cy') await page.getByRole('button', { name: 'Cymraeg', exact: true }).click();
    await chooseOnIntro(page, persona.profile, t);
    await startIn(page, t);
    for (const step of meetingPlan(course)) {
      await answerStep(page, step, persona.language, t);
      await continueIn(page, t);
    }
    await page.getByRole('button', { name: t.certificateButton }).click();
    await page
      .getByRole('textbox', { name: t.reflectionHeading })
      .fill('I will raise concerns through the proper route.\nI will not post about patients.');
    await expect(page.locator('.certificate__prompts li').last()).toHaveText(
      persona.nmcSections ? /Cod/ : t.reflectiveOwnCode,
    );
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('[data-profile-facts]')).toBeVisible();
    await expect(page.locator('.profile-bar')).toBeHidden();
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? [];
    expect(pages.length, 'pages in the printed certificate').toBe(1);
  });
}

test('the question and the change form: labelled, keyboard usable, axe clean, focus moved and given back', async ({
  page,
}) => {
  await openSco(page, MODULE);
  const nation = page.getByLabel(en.profileNation, { exact: true });
  await expect(nation).toHaveValue('england');
  await expect(page.getByLabel(en.profileGroup, { exact: true })).toHaveValue('nursing-midwifery');
  await expectNoAxeViolations(page, 'the introduction with the profile question');
  // Keyboard only: focus the question, choose Scotland with the arrow keys.
  await nation.focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(nation).toHaveValue('scotland');
  await startIn(page, en);
  await expect(page.locator('[data-profile-line]')).toHaveText('Scotland · Nursing and midwifery');
  const change = page.getByRole('button', { name: en.profileChangeLabel, exact: true });
  await change.focus();
  await page.keyboard.press('Enter');
  await expect(change).toHaveAttribute('aria-expanded', 'true');
  await expect(page.getByRole('heading', { name: en.profileFormTitle, level: 2 })).toBeFocused();
  await expectNoAxeViolations(page, 'the change form');
  // Escape closes the form without a change, and focus goes back to Change.
  await page.keyboard.press('Escape');
  await expect(page.getByRole('form', { name: en.profileFormTitle })).toHaveCount(0);
  expect((await deepFocus(page as unknown as FrameLocator)).text).toBe(en.profileChange);
  await expect(page.locator('[data-profile-line]')).toHaveText('Scotland · Nursing and midwifery');
});
