/**
 * Accessibility of every module: axe (WCAG 2.2 AA) on every screen, a keyboard-only run
 * in the player, reflow at 320px and 200% zoom, target sizes, reduced motion, the page's
 * language, feedback that does not rely on colour, and the accessibility statement.
 *
 * Most tests open the SCO page directly (/content/<module>/index.html): with no LMS it runs
 * standalone, which is enough to reach every screen and quicker than the player.
 */
import type { Page } from '@playwright/test';
import { expect, feedbackHeading, launch, readCmi, test } from './helpers.js';
import {
  FLAGSHIP_BEST,
  FLAGSHIP_BRANCHES,
  FLAGSHIP_INTERACTIONS,
  SAMPLE_BEST,
  SAMPLE_WORST,
  answerIn,
  clippedText,
  continueIn,
  countTargets,
  en,
  expectDescribedInEnglish,
  expectNoAxeViolations,
  expectNoHorizontalScroll,
  expectVisibleFocus,
  feedbackIn,
  focusInfo,
  h1,
  isButton,
  openSco,
  reported,
  smallTargets,
  startIn,
  tabUntil,
  type FocusInfo,
  type Scope,
  type Step,
} from './a11y-helpers.js';

const FLAGSHIP = 'social-media-nhs';
const FLAGSHIP_TITLE = 'Social media and the NHS';

test.describe.configure({ mode: 'parallel', timeout: 180_000 });

type Phase = 'before' | 'after';

/**
 * Takes the steps from the first scenario, calling `check` on every scenario before and
 * after it is answered. The step's title is checked on the way.
 */
async function walk(
  scope: Scope,
  steps: readonly Pick<Step, 'title' | 'choices'>[],
  check: (screen: string, phase: Phase) => Promise<void>,
): Promise<void> {
  for (const step of steps) {
    await expect(h1(scope)).toHaveText(step.title);
    await check(`scenario "${step.title}"`, 'before');
    await answerIn(scope, step.choices);
    await check(`scenario "${step.title}" with its feedback`, 'after');
    await continueIn(scope);
  }
}

test.describe('axe finds no WCAG 2.2 AA violations', () => {
  test('sample: introduction, statement, every scenario on the best path before and after answering, results, certificate', async ({
    page,
  }) => {
    await openSco(page, 'sample');
    await expectNoAxeViolations(page, 'sample: introduction');
    await page.getByRole('button', { name: 'Accessibility statement' }).click();
    await expect(h1(page)).toHaveText('Accessibility statement');
    await expectNoAxeViolations(page, 'sample: accessibility statement');
    await page.getByRole('button', { name: 'Back', exact: true }).click();

    await startIn(page);
    await walk(page, SAMPLE_BEST, (screen) => expectNoAxeViolations(page, `sample: ${screen}`));
    await expect(h1(page)).toHaveText('Your results');
    await expectNoAxeViolations(page, 'sample: results (passed)');
    await page.getByRole('button', { name: 'View your certificate' }).click();
    await expect(h1(page)).toHaveText('Certificate of completion');
    await expectNoAxeViolations(page, 'sample: certificate');
  });

  test('sample: the follow-up on the other branch, and results when not passed', async ({ page }) => {
    await openSco(page, 'sample');
    await startIn(page);
    await walk(page, SAMPLE_WORST, async (screen) => {
      if (screen.includes('"Your manager asks about the selfie"'))
        await expectNoAxeViolations(page, `sample: ${screen}`);
    });
    await expect(h1(page)).toHaveText('Your results');
    await expect(page.getByText('✗ You did not pass this time.')).toBeVisible();
    await expectNoAxeViolations(page, 'sample: results (not passed)');
  });

  // The flagship's best path is checked in two halves that run side by side.
  const HALF = 8;

  test('social-media-nhs: introduction, statement, and the first half of the best path before and after answering', async ({
    page,
  }) => {
    await openSco(page, FLAGSHIP);
    await expectNoAxeViolations(page, 'introduction');
    await page.getByRole('button', { name: 'Accessibility statement' }).click();
    await expect(h1(page)).toHaveText('Accessibility statement');
    await expectNoAxeViolations(page, 'accessibility statement');
    await page.getByRole('button', { name: 'Back', exact: true }).click();

    await startIn(page);
    await walk(page, FLAGSHIP_BEST.slice(0, HALF), (screen) => expectNoAxeViolations(page, screen));
    await expect(h1(page)).toHaveText(FLAGSHIP_BEST[HALF]!.title);
  });

  test('social-media-nhs: the second half of the best path before and after answering, results, certificate', async ({
    page,
  }) => {
    await openSco(page, FLAGSHIP);
    await startIn(page);
    await walk(page, FLAGSHIP_BEST.slice(0, HALF), async () => {});
    await walk(page, FLAGSHIP_BEST.slice(HALF), (screen) => expectNoAxeViolations(page, screen));
    await expect(h1(page)).toHaveText('Your results');
    await expect(page.getByText('✓ You passed.')).toBeVisible();
    await expectNoAxeViolations(page, 'results');
    await page.getByRole('button', { name: 'View your certificate' }).click();
    await expect(h1(page)).toHaveText('Certificate of completion');
    await expectNoAxeViolations(page, 'certificate');
  });

  test('social-media-nhs: the follow-ups on the other branches', async ({ page }) => {
    await openSco(page, FLAGSHIP);
    await startIn(page);
    const onBestPath = new Set(FLAGSHIP_BEST.map((s) => s.id));
    const branchOnly = FLAGSHIP_BRANCHES.filter((s) => s.followUp && !onBestPath.has(s.id)).map((s) => `"${s.title}"`);
    expect(branchOnly).toEqual(['"The thread replies to you"', '"Your manager asks to talk"']);
    let checked = 0;
    await walk(page, FLAGSHIP_BRANCHES, async (screen) => {
      if (branchOnly.some((title) => screen.includes(title))) {
        await expectNoAxeViolations(page, screen);
        checked++;
      }
    });
    expect(checked, 'both follow-ups checked before and after answering').toBe(4);
  });
});

/** Whether a button, radio or checkbox's focus style has been checked yet, by kind. */
function controlKind(f: FocusInfo): string {
  if (f.tag === 'input') return f.type;
  if (f.cls.includes('social__action')) return 'social action button';
  if (f.cls.includes('header__language')) return 'language button';
  if (f.cls.includes('link-button')) return 'footer link';
  if (f.cls.includes('nhsuk-button--secondary')) return 'secondary button';
  return 'primary button';
}

/** Chooses a step's answer with the keyboard alone; checks each kind of control's focus style once. */
async function chooseByKeyboard(page: Page, scope: Scope, step: Step, seen: Set<string>): Promise<void> {
  const ring = async (f: FocusInfo) => {
    const kind = controlKind(f);
    if (seen.has(kind)) return;
    seen.add(kind);
    await expectVisibleFocus(page, scope, `a focused ${kind} ("${f.text.slice(0, 40)}")`);
  };

  if (step.choices.length > 1) {
    // Checkboxes: Tab through them, Space on the ones to tick.
    const wanted = new Set(step.choices);
    while (wanted.size) {
      const f = await tabUntil(
        page,
        scope,
        `a checkbox for one of ${[...wanted].join(' / ')}`,
        (x) => x.type === 'checkbox' && wanted.has(x.text),
      );
      await ring(f);
      await page.keyboard.press('Space');
      expect((await focusInfo(scope)).checked, `Space ticks "${f.text}"`).toBe(true);
      wanted.delete(f.text);
    }
  } else {
    const text = step.choices[0]!;
    const f = await tabUntil(
      page,
      scope,
      `the radios or the button "${text}"`,
      (x) => x.type === 'radio' || isButton(text)(x),
    );
    await ring(f);
    if (f.tag === 'button') {
      await page.keyboard.press(f.cls.includes('social__action') ? 'Space' : 'Enter');
      return;
    }
    // A radio group: Tab lands on the first radio; the arrow keys move and select.
    let current = f;
    for (let i = 0; current.text !== text && i < 8; i++) {
      await page.keyboard.press('ArrowDown');
      current = await focusInfo(scope);
    }
    expect(current.text, 'the arrow keys reach the choice').toBe(text);
    if (!current.checked) await page.keyboard.press('Space');
    expect((await focusInfo(scope)).checked, `"${text}" is selected`).toBe(true);
  }
  const submit = await tabUntil(page, scope, 'the Submit answer button', isButton('Submit answer'));
  await ring(submit);
  await page.keyboard.press('Enter');
}

test('the keyboard alone completes social-media-nhs in the player (SCORM 2004), with focus moved and visible', async ({
  page,
}) => {
  const frame = await launch(page, { module: FLAGSHIP, version: '2004' });
  const seen = new Set<string>();

  // From the player's own controls, Tab goes into the module: the language button, then Start.
  const language = await tabUntil(page, frame, 'the Cymraeg button', isButton('Cymraeg'));
  await expectVisibleFocus(page, frame, 'the language button');
  seen.add(controlKind(language));
  const startButton = await tabUntil(page, frame, 'the Start button', isButton('Start'));
  await expectVisibleFocus(page, frame, 'the Start button');
  seen.add(controlKind(startButton));
  await page.keyboard.press('Enter');

  for (const [i, step] of FLAGSHIP_BEST.entries()) {
    await expect(h1(frame)).toHaveText(step.title);
    await expect(h1(frame), `focus moves to the h1 of "${step.title}"`).toBeFocused();
    expect(await focusInfo(frame)).toMatchObject({ tag: 'h1', text: step.title });

    await chooseByKeyboard(page, frame, step, seen);
    await expect(feedbackHeading(frame), `focus moves to the Feedback heading on "${step.title}"`).toBeFocused();
    expect(await focusInfo(frame)).toMatchObject({ tag: 'h2', id: 'feedback-heading', text: 'Feedback' });
    await expect(
      frame.getByText('✓ Your answer: Best choice').or(frame.getByText(/^✓ You picked/).first()),
    ).toBeVisible();

    const next = i === FLAGSHIP_BEST.length - 1 ? 'See your results' : 'Continue';
    const f = await tabUntil(page, frame, `the ${next} button`, isButton(next));
    if (i === 0) await expectVisibleFocus(page, frame, `the ${next} button`);
    seen.add(controlKind(f));
    await page.keyboard.press('Enter');
  }

  await expect(h1(frame)).toHaveText('Your results');
  await expect(h1(frame), 'focus moves to the results heading').toBeFocused();
  await expect(frame.getByText('✓ You passed.')).toBeVisible();
  await expect(frame.getByText('100%', { exact: true })).toBeVisible();
  // Every kind of control met on the way had its focus style checked.
  expect([...seen].sort()).toEqual([
    'checkbox',
    'language button',
    'primary button',
    'radio',
    'secondary button',
    'social action button',
  ]);

  // The certificate button is reachable too.
  await tabUntil(page, frame, 'View your certificate', isButton('View your certificate'));
  await expectVisibleFocus(page, frame, 'the certificate button');

  const cmi = await readCmi(page);
  expect(cmi['cmi.success_status']).toBe('passed');
  expect(cmi['cmi.score.raw']).toBe('100');
  // This English run tells the LMS what the Welsh run in welsh.spec.ts must match.
  const r = reported(cmi);
  expect(r.interactions).toEqual(FLAGSHIP_INTERACTIONS);
  expectDescribedInEnglish(r.descriptions);
});

test.describe('reflow and zoom', () => {
  test('at 320 CSS px wide nothing scrolls sideways or is cut off, on every screen of social-media-nhs', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 320, height: 640 });
    const check = async (screen: string) => {
      await expectNoHorizontalScroll(page, `320px, ${screen}`);
      expect(await clippedText(page), `320px, ${screen}: text cut off by its box`).toEqual([]);
    };
    await openSco(page, FLAGSHIP);
    await check('introduction');
    await startIn(page);
    await walk(page, FLAGSHIP_BEST, check);
    await expect(h1(page)).toHaveText('Your results');
    await check('results');
    await page.getByRole('button', { name: 'View your certificate' }).click();
    await check('certificate');
  });

  test('at 200% zoom (640 CSS px wide) content fits and Start, Submit and Continue can be reached', async ({
    page,
  }) => {
    // A 1280 by 720 screen at 200%.
    await page.setViewportSize({ width: 640, height: 360 });
    const reachable = async (name: string | RegExp, screen: string) => {
      const button = page.getByRole('button', { name, exact: typeof name === 'string' });
      await button.scrollIntoViewIfNeeded();
      await expect(button, `${screen}: the ${String(name)} button is on screen once scrolled to`).toBeInViewport();
    };
    await openSco(page, FLAGSHIP);
    await expectNoHorizontalScroll(page, '200%, introduction');
    await reachable('Start', 'introduction');
    await startIn(page);
    for (const [i, step] of FLAGSHIP_BEST.entries()) {
      await expect(h1(page)).toHaveText(step.title);
      await expect(h1(page), `${step.title}: the focused heading is scrolled into view`).toBeInViewport();
      await expectNoHorizontalScroll(page, `200%, ${step.title}`);
      expect(await clippedText(page), `200%, ${step.title}: text cut off`).toEqual([]);
      if (step.choices.length > 1 || (await page.getByRole('radio').count()))
        await reachable('Submit answer', step.title);
      await answerIn(page, step.choices);
      await expect(
        feedbackIn(page),
        `${step.title}: the focused Feedback heading is scrolled into view`,
      ).toBeInViewport();
      await expectNoHorizontalScroll(page, `200%, ${step.title} with its feedback`);
      await reachable(i === FLAGSHIP_BEST.length - 1 ? 'See your results' : 'Continue', step.title);
      await continueIn(page);
    }
    await expect(h1(page)).toHaveText('Your results');
    await expectNoHorizontalScroll(page, '200%, results');
    await reachable('View your certificate', 'results');
    await reachable('Finish and exit', 'results');
  });
});

test('every button, radio and checkbox on every scenario of social-media-nhs is at least 24 by 24 CSS px', async ({
  page,
}) => {
  await openSco(page, FLAGSHIP);
  expect(await smallTargets(page), 'introduction').toEqual([]);
  await startIn(page);
  const measured = { button: 0, radio: 0, checkbox: 0 };
  await walk(page, FLAGSHIP_BEST, async (screen, phase) => {
    if (phase === 'after') return;
    expect(await smallTargets(page), `targets under 24x24 on ${screen}`).toEqual([]);
    const n = await countTargets(page);
    measured.button += n.button!;
    measured.radio += n.radio!;
    measured.checkbox += n.checkbox!;
  });
  // Action buttons, radios and the checkbox feed were all measured.
  expect(measured.radio).toBeGreaterThan(0);
  expect(measured.checkbox).toBe(5);
  expect(measured.button).toBeGreaterThan(40);
  await expect(h1(page)).toHaveText('Your results');
  expect(await smallTargets(page), 'results').toEqual([]);
});

test("with reduced motion a follow-up's arriving posts do not animate (and do without it)", async ({ page }) => {
  const arriving = () =>
    page.evaluate(() => {
      const found: { name: string; duration: string }[] = [];
      const walkRoot = (root: Document | ShadowRoot) => {
        for (const el of root.querySelectorAll('*')) {
          if (el.classList.contains('social--arriving')) {
            const s = getComputedStyle(el);
            found.push({ name: s.animationName, duration: s.animationDuration });
          }
          if (el.shadowRoot) walkRoot(el.shadowRoot);
        }
      };
      walkRoot(document);
      return found;
    });

  await page.emulateMedia({ reducedMotion: 'reduce' });
  await openSco(page, FLAGSHIP);
  await startIn(page);
  await answerIn(page, FLAGSHIP_BEST[0]!.choices);
  await continueIn(page);
  await expect(h1(page)).toHaveText(FLAGSHIP_BEST[1]!.title);
  await expect(page.getByText('What happens next')).toBeVisible();

  const reduced = await arriving();
  expect(reduced.length, 'the follow-up has arriving blocks (the email and the message)').toBe(2);
  for (const a of reduced)
    expect(a.name === 'none' || a.duration === '0s', `no animation with reduced motion: ${JSON.stringify(a)}`).toBe(
      true,
    );

  // Without the preference the same blocks do animate: the check above measured the right thing.
  await page.emulateMedia({ reducedMotion: 'no-preference' });
  for (const a of await arriving()) expect(a.name).toBe('fl-arrive');
});

test('the page says its language, and feedback never relies on colour alone', async ({ page }) => {
  await openSco(page, FLAGSHIP);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en-GB');
  await startIn(page);

  await answerIn(page, FLAGSHIP_BEST[0]!.choices);
  await expect(page.getByText('✓ Your answer: Best choice', { exact: true })).toBeVisible();
  await continueIn(page);

  await answerIn(page, ['Tell the reporter, off the record, how short you were']);
  await expect(page.getByText('✗ Your answer: Not the best choice', { exact: true })).toBeVisible();
  await expect(page.getByText('The best choice was:')).toBeVisible();
  // The pressed action button says so in words to assistive technology, not by colour.
  await expect(page.getByRole('button', { name: /Tell the reporter, off the record/, pressed: true })).toBeVisible();
  await continueIn(page);

  // A partly right answer is named in words too.
  await answerIn(page, ['Tell Chloe you cannot see it, and suggest she phones the clinic']);
  await expect(page.getByText('Your answer: Partly right', { exact: true })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en-GB');
});

test('the accessibility statement opens from the footer on the introduction and on a scenario, and Back returns', async ({
  page,
}) => {
  await openSco(page, FLAGSHIP);

  // By keyboard from the introduction.
  await tabUntil(page, page, 'the Accessibility statement button', isButton('Accessibility statement'));
  await expectVisibleFocus(page, page, 'the footer link');
  await page.keyboard.press('Enter');
  await expect(h1(page)).toHaveText('Accessibility statement');
  await expect(h1(page), 'focus moves to the statement heading').toBeFocused();
  await expect(page.getByRole('heading', { name: 'Compliance status', level: 2 })).toBeVisible();
  await expect(page.getByText(/WCAG\) version 2\.2 AA standard/)).toBeVisible();
  await tabUntil(page, page, 'the Back button', isButton('Back'));
  await page.keyboard.press('Enter');
  await expect(h1(page)).toHaveText(FLAGSHIP_TITLE);
  await expect(h1(page)).toBeFocused();
  await expect(page.getByRole('button', { name: 'Start', exact: true })).toBeVisible();

  // From a scenario before it is answered: Back returns to the same scenario, unanswered.
  await startIn(page);
  await expect(h1(page)).toHaveText(FLAGSHIP_BEST[0]!.title);
  await page.getByRole('button', { name: 'Accessibility statement' }).click();
  await expect(h1(page)).toHaveText('Accessibility statement');
  await expect(h1(page)).toBeFocused();
  await page.getByRole('button', { name: 'Back', exact: true }).click();
  await expect(h1(page)).toHaveText(FLAGSHIP_BEST[0]!.title);
  await expect(h1(page)).toBeFocused();
  await expect(page.getByText('Scenario 1 of 13')).toBeVisible();
  await expect(feedbackIn(page)).toHaveCount(0);

  // ...and after it is answered: Back returns to the feedback.
  await answerIn(page, FLAGSHIP_BEST[0]!.choices);
  await page.getByRole('button', { name: 'Accessibility statement' }).click();
  await expect(h1(page)).toHaveText('Accessibility statement');
  await page.getByRole('button', { name: 'Back', exact: true }).click();
  await expect(h1(page)).toHaveText(FLAGSHIP_BEST[0]!.title);
  await expect(feedbackIn(page)).toBeFocused();
  await expect(page.getByText('✓ Your answer: Best choice')).toBeVisible();
  await expect(page.getByRole('button', { name: en.continue, exact: true })).toBeVisible();
});
