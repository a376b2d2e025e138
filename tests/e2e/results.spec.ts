/**
 * The results screen: at 320 px "Finish and exit" is in the first screenful and the decision
 * review is folded away; a learner who did not pass is told how to try again where they are
 * (no LMS, an LMS, or the local LMS) and sees their results by objective, with a way to each
 * decision to look at again and why the best choice is best; the accessibility statement
 * gives its compliance status, dates and contact. axe is clean on each.
 */
import type { Page } from '@playwright/test';
import {
  SAMPLE_BEST,
  SAMPLE_WORST,
  answerIn,
  continueIn,
  expectNoAxeViolations,
  h1,
  openSco,
  startIn,
  type Scope,
} from './a11y-helpers.js';
import { expect, launch, test } from './helpers.js';

test.describe.configure({ mode: 'parallel' });

const OBJECTIVES = {
  confidentiality: "Keep patients' information confidential online",
  boundaries: 'Keep clear professional boundaries on social media',
};

/** Answers the sample module along a path and waits for the results. */
async function finishSample(scope: Scope, steps: typeof SAMPLE_BEST) {
  await startIn(scope);
  for (const step of steps) {
    await expect(h1(scope)).toHaveText(step.title);
    await answerIn(scope, step.choices);
    await continueIn(scope);
  }
  await expect(h1(scope)).toHaveText('Your results');
}

test('at 320 px the results fit Finish and exit in the first screenful, with the decisions folded away', async ({
  page,
}) => {
  await page.setViewportSize({ width: 320, height: 568 });
  await openSco(page, 'sample');
  await finishSample(page, SAMPLE_BEST);
  await expect(h1(page)).toBeFocused();
  const finish = page.getByRole('button', { name: 'Finish and exit' });
  await expect(finish).toBeInViewport({ ratio: 1 });
  await expect(page.getByRole('button', { name: 'View your certificate' })).toBeInViewport({ ratio: 1 });
  // Where the learner lands: the heading with focus and the buttons, in one screen.
  await expect(h1(page)).toBeInViewport({ ratio: 1 });

  // The review is one line until asked for.
  const show = page.getByText('Show each decision and why (3)');
  await expect(show).toBeVisible();
  await expect(page.getByRole('heading', { level: 3 })).toHaveCount(0);
  await expectNoAxeViolations(page, 'results at 320 px');
  await show.click();
  await expect(page.getByRole('heading', { level: 3 })).toHaveText(SAMPLE_BEST.map((s) => s.title));
  await expect(page.getByText('Right: this was the best choice.')).toHaveCount(3);
  await expect(page.getByText('The best choice:')).toHaveCount(0);
  await expectNoAxeViolations(page, 'results at 320 px, decisions shown');
});

test('a learner who did not pass sees how to try again, results by objective, and why the best choice is best', async ({
  page,
}) => {
  await openSco(page, 'sample');
  await finishSample(page, SAMPLE_WORST);
  await expect(page.getByText('✗ You did not pass this time.')).toBeVisible();

  // No LMS: the result is in this browser, and opening the module again starts again.
  const tryAgain = page.getByRole('region', { name: 'How to try again' });
  await expect(tryAgain.getByRole('listitem')).toHaveText([
    'Press Finish and exit.',
    'Open the module again: it starts a new attempt in this browser.',
  ]);

  // Results by objective: both missed, each with the decisions to look at again.
  const objectives = page.locator('.objective');
  await expect(objectives).toHaveCount(2);
  const confidentiality = objectives.filter({ hasText: OBJECTIVES.confidentiality });
  await expect(confidentiality).toContainText(/✗ \d+%: below the pass mark\. Look again at:/);
  await expect(confidentiality.getByRole('button')).toHaveText([
    'A selfie on the ward',
    'Your manager asks about the selfie',
    'A post after a hard shift',
  ]);
  const boundaries = objectives.filter({ hasText: OBJECTIVES.boundaries });
  await expect(boundaries.getByRole('button')).toHaveText(['A friend request from a former patient']);
  await expectNoAxeViolations(page, 'results, not passed');

  // "Look again" opens the review at that decision.
  await confidentiality.getByRole('button', { name: 'A selfie on the ward' }).click();
  const selfie = page.getByRole('heading', { name: 'A selfie on the ward', level: 3 });
  await expect(selfie).toBeFocused();
  const item = page.locator('.review__item').first();
  await expect(item).toContainText('You chose: Leave it: it will only be up for a few minutes');
  await expect(item.getByText('✗ Wrong: this was not the right choice.')).toBeVisible();
  const best = item.locator('.review__best');
  await expect(best).toContainText('The best choice: Ask Priya to delete it now and report it as an incident');
  await expect(best).toContainText('Why it is best:');
  await expect(best).toContainText('Deleting it quickly limits the harm.');
  await expect(best.getByText(/^Source: NMC Code, section 5\.1/)).toBeVisible();
  await expectNoAxeViolations(page, 'results, not passed, decisions shown');

  // The help is true: after Finish and exit, opening the module again starts a new attempt.
  await page.getByRole('button', { name: 'Finish and exit' }).click();
  await expect(h1(page)).toHaveText('You have left the module');
  await openSco(page, 'sample');
  await expect(h1(page)).toHaveText('Frontline sample module');
  await expect(page.getByRole('button', { name: 'Start', exact: true })).toBeVisible();
});

test('in an LMS, a learner who did not pass is told how to start a new attempt there', async ({ page }) => {
  const frame = await launch(page, { module: 'sample', version: '2004' });
  await finishSample(frame, SAMPLE_WORST);
  const tryAgain = frame.getByRole('region', { name: 'How to try again' });
  await expect(tryAgain.getByRole('listitem')).toHaveText([
    'Press Finish and exit.',
    /^On this module's page in your learning system, start a new attempt\./,
  ]);
  await expect(tryAgain.getByText('If you cannot find a way to start again, ask your training team.')).toBeVisible();
  await expect(tryAgain.getByRole('link')).toHaveCount(0);
});

test('in the local LMS, a learner who did not pass gets a link to the page with Take again', async ({
  page,
  baseURL,
}) => {
  // A stand-in for the local LMS's launch page: same origin, same address pattern.
  await page.route('**/learn/launch/*', (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: '<!doctype html><title>Launch</title><iframe id="sco" title="Module" src="/content/sample/index.html" style="width:100%;height:90vh"></iframe>',
    }),
  );
  await page.goto('/learn/launch/e2e');
  const frame = page.frameLocator('#sco');
  await expect(h1(frame)).toBeVisible();
  await finishSample(frame, SAMPLE_WORST);
  const tryAgain = frame.getByRole('region', { name: 'How to try again' });
  await expect(tryAgain.getByRole('listitem')).toHaveText([
    'Press Finish and exit.',
    'On your learning page, choose Take again for this module.',
  ]);
  const link = tryAgain.getByRole('link', { name: 'Go to your learning page' });
  await expect(link).toHaveAttribute('href', `${baseURL}/learn`);
  await expect(link, 'the link leaves the launch page, not just the module frame').toHaveAttribute('target', '_top');
});

test('the certificate passes axe, and Back from it returns focus to the certificate button', async ({ page }) => {
  await openSco(page, 'sample');
  await finishSample(page, SAMPLE_BEST);
  const button = page.getByRole('button', { name: 'View your certificate' });
  await button.click();
  await expect(h1(page)).toHaveText('Certificate of completion');
  await expect(h1(page)).toBeFocused();
  await expectNoAxeViolations(page, 'certificate');
  await page.getByRole('button', { name: 'Back to your results' }).click();
  await expect(h1(page)).toHaveText('Your results');
  await expect(button).toBeFocused();
});

/** Opens the accessibility statement from the footer. */
async function openStatement(page: Page) {
  await page.getByRole('button', { name: 'Accessibility statement' }).click();
  await expect(h1(page)).toHaveText('Accessibility statement');
}

test('the accessibility statement gives the compliance status, when it was prepared and reviewed, and a contact', async ({
  page,
}) => {
  await openSco(page, 'social-media-nhs');
  await openStatement(page);
  await expect(page.getByRole('heading', { name: 'Compliance status', level: 2 })).toBeVisible();
  await expect(
    page.getByText(
      'This module is partially compliant with the Web Content Accessibility Guidelines (WCAG) version 2.2 AA standard',
    ),
  ).toBeVisible();
  await expect(page.getByText('aims to meet')).toHaveCount(0);
  await expect(
    page.getByText('This statement was prepared on 4 December 2026. It was last reviewed on 4 December 2026.'),
  ).toBeVisible();
  const contact = page.locator('.statement__contact');
  await expect(contact.getByRole('listitem')).toHaveText([
    'E-learning team, Northshire Hospitals NHS Foundation Trust',
    'Email: elearning@northshire.example',
    'Phone: 01632 960 123',
  ]);
  await expect(contact.getByRole('link', { name: 'elearning@northshire.example' })).toHaveAttribute(
    'href',
    'mailto:elearning@northshire.example',
  );
  await expectNoAxeViolations(page, 'accessibility statement');

  // In Welsh, the same settings in Welsh words; the contact's name keeps its language.
  await page
    .getByRole('button', { name: 'Yn ôl' })
    .or(page.getByRole('button', { name: 'Back' }))
    .click();
  await page.getByRole('button', { name: 'Cymraeg' }).click();
  await page.getByRole('button', { name: 'Datganiad hygyrchedd' }).click();
  await expect(h1(page)).toHaveText('Datganiad hygyrchedd');
  await expect(page.getByText(/^Mae'r modiwl hwn yn cydymffurfio'n rhannol/)).toBeVisible();
  await expect(page.getByText('Cafodd y datganiad hwn ei baratoi ar 4 Rhagfyr 2026.', { exact: false })).toBeVisible();
  await expect(contact.getByRole('listitem').first()).toHaveAttribute('lang', 'en-GB');
  await expectNoAxeViolations(page, 'accessibility statement in Welsh');
});
