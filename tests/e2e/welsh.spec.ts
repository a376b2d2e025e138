/**
 * Welsh (Cymraeg) in social-media-nhs: the learner switches language in the player at any
 * point without losing their place, the whole module works in Welsh, and the LMS is told
 * exactly what it is told for an English run: language never changes what HR sees (the
 * English run that reports FLAGSHIP_INTERACTIONS is the keyboard-only run in a11y.spec.ts).
 */
import { deepFocus, expect, launch, readCmi, readLog, test } from './helpers.js';
import {
  FLAGSHIP_BEST,
  FLAGSHIP_INTERACTIONS as EXPECTED,
  answerIn,
  continueIn,
  cy,
  en,
  expectDescribedInEnglish,
  expectNoAxeViolations,
  expectNoHorizontalScroll,
  feedbackIn,
  h1,
  openSco,
  reported,
  startIn,
} from './a11y-helpers.js';
import { flagship } from './flagship-helpers.js';

const FLAGSHIP = 'social-media-nhs';

test.describe.configure({ mode: 'parallel', timeout: 180_000 });

/** The months in Welsh, as a Welsh certificate dates itself ("30 Tachwedd 2026"). */
const CY_MONTHS = [
  'Ionawr',
  'Chwefror',
  'Mawrth',
  'Ebrill',
  'Mai',
  'Mehefin',
  'Gorffennaf',
  'Awst',
  'Medi',
  'Hydref',
  'Tachwedd',
  'Rhagfyr',
];

/** How many SetValue calls wrote an interaction. */
function interactionWrites(log: readonly { fn: string; args: string[] }[]): number {
  return log.filter((c) => c.fn === 'SetValue' && c.args[0]?.startsWith('cmi.interactions.')).length;
}

test("switching to Cymraeg and back keeps the learner's place, and the whole module works in Welsh", async ({
  page,
}) => {
  const frame = await launch(page, { module: FLAGSHIP, version: '2004' });
  const html = frame.locator('html');
  await expect(h1(frame)).toHaveText('Social media and the NHS');
  await expect(html).toHaveAttribute('lang', 'en-GB');

  // The introduction in Welsh.
  const cymraeg = frame.getByRole('button', { name: 'Cymraeg', exact: true });
  await expect(cymraeg).toHaveAttribute('lang', 'cy');
  // Pressed from the keyboard, the switch keeps focus on itself (now offering English).
  await cymraeg.focus();
  await page.keyboard.press('Enter');
  await expect(html).toHaveAttribute('lang', 'cy');
  expect(await deepFocus(frame), 'focus stays on the language button').toMatchObject({
    tag: 'button',
    text: 'English',
  });
  await expect(h1(frame)).toHaveText("Y cyfryngau cymdeithasol a'r GIG");
  await expect(frame.getByRole('button', { name: 'Dechrau', exact: true })).toBeVisible();
  await expect(frame.getByRole('button', { name: 'Start', exact: true })).toHaveCount(0);
  await expect(frame.getByRole('heading', { name: "Beth fyddwch chi'n gallu ei wneud", level: 2 })).toBeVisible();
  await expect(frame.getByText('Cadw gwybodaeth cleifion yn gyfrinachol ar y cyfryngau cymdeithasol')).toBeVisible();
  await expect(frame.getByRole('button', { name: 'Datganiad hygyrchedd' })).toBeVisible();
  const english = frame.getByRole('button', { name: 'English', exact: true });
  await expect(english).toHaveAttribute('lang', 'en-GB');
  await expect(frame.getByRole('progressbar', { name: 'Cynnydd: 0%' })).toBeVisible();

  // The first scenario, answered in Welsh: the action buttons have Welsh names too, the verb
  // they show first.
  await startIn(frame, cy);
  const first = FLAGSHIP_BEST[0]!;
  await expect(h1(frame)).toHaveText(first.cyTitle);
  await expect(h1(frame)).toBeFocused();
  await expect(frame.getByText('Senario 1 o 13')).toBeVisible();
  await expect(
    frame
      .getByRole('list', { name: 'Camau ar gyfer postiad Sian Morris' })
      .getByRole('button', { name: /^Ailbostio: Ei ailbostio/ })
      .first(),
  ).toBeVisible();
  await answerIn(frame, first.cyChoices, cy);
  await expect(feedbackIn(frame, cy)).toBeFocused();
  await expect(frame.getByText('✓ Eich ateb: Y dewis gorau', { exact: true })).toBeVisible();
  await expect(frame.getByRole('button', { name: 'Parhau', exact: true })).toBeVisible();

  const progress = frame.getByRole('progressbar');
  const progressBefore = await progress.getAttribute('aria-valuenow');
  expect(Number(progressBefore)).toBeGreaterThan(0);
  const cmiBefore = await readCmi(page);
  expect(reported(cmiBefore).interactions).toEqual(EXPECTED.slice(0, 1));
  const writesBefore = interactionWrites(await readLog(page));

  // Back to English mid-way: the same scenario, still answered, the same progress, nothing new in the LMS.
  await english.click();
  await expect(html).toHaveAttribute('lang', 'en-GB');
  await expect(h1(frame)).toHaveText(first.title);
  await expect(frame.getByText('Scenario 1 of 13')).toBeVisible();
  await expect(feedbackIn(frame, en)).toBeVisible();
  await expect(frame.getByText('✓ Your answer: Best choice', { exact: true })).toBeVisible();
  await expect(frame.getByRole('button', { name: 'Continue', exact: true })).toBeVisible();
  // Two reposts (with and without a comment): every action is disabled once answered.
  for (const b of await frame
    .getByRole('list', { name: "Actions on Sian Morris's post" })
    .getByRole('button', { name: /^Repost it/ })
    .all())
    await expect(b).toBeDisabled();
  await expect(progress).toHaveAttribute('aria-valuenow', progressBefore!);
  await expect(frame.getByRole('progressbar', { name: `Progress: ${progressBefore}%` })).toBeVisible();
  const cmiEnglish = await readCmi(page);
  expect(reported(cmiEnglish).interactions, 'the interactions are unchanged by the switch').toEqual(
    reported(cmiBefore).interactions,
  );
  expect(interactionWrites(await readLog(page)), 'switching language writes no interaction').toBe(writesBefore);

  // And to Welsh again, for the rest of the module.
  await frame.getByRole('button', { name: 'Cymraeg', exact: true }).click();
  await expect(html).toHaveAttribute('lang', 'cy');
  await expect(h1(frame)).toHaveText(first.cyTitle);
  await expect(feedbackIn(frame, cy)).toBeVisible();
  await expect(progress).toHaveAttribute('aria-valuenow', progressBefore!);
  await continueIn(frame, cy);

  let main = 1;
  for (const step of FLAGSHIP_BEST.slice(1)) {
    await expect(h1(frame)).toHaveText(step.cyTitle);
    await expect(h1(frame)).toBeFocused();
    await expect(
      frame.getByText(step.followUp ? "Beth sy'n digwydd nesaf" : `Senario ${++main} o 13`, { exact: true }),
    ).toBeVisible();
    await answerIn(frame, step.cyChoices, cy);
    await expect(frame.getByText(/^✓ (Eich ateb: Y dewis gorau|Fe wnaethoch chi ddewis)/).first()).toBeVisible();
    await continueIn(frame, cy);
  }

  // The results, in Welsh.
  await expect(h1(frame)).toHaveText('Eich canlyniadau');
  await expect(h1(frame)).toBeFocused();
  await expect(html).toHaveAttribute('lang', 'cy');
  await expect(frame.getByText('✓ Rydych chi wedi pasio.')).toBeVisible();
  await expect(frame.getByText('100%', { exact: true })).toBeVisible();
  await expect(frame.getByRole('heading', { name: 'Eich penderfyniadau', level: 2 })).toBeVisible();
  await frame.getByText(/^Dangos pob penderfyniad/).click(); // the review is folded away until asked for
  await expect(frame.getByRole('heading', { level: 3 })).toHaveText(FLAGSHIP_BEST.map((s) => s.cyTitle));
  await expect(frame.getByText('Pob un yn gywir', { exact: false })).toBeVisible();
  await expect(frame.getByText('Your results')).toHaveCount(0);

  // The certificate in Welsh.
  await frame.getByRole('button', { name: 'Gweld eich tystysgrif' }).click();
  await expect(h1(frame)).toHaveText('Tystysgrif cwblhau');
  await expect(frame.locator('.certificate__module')).toHaveText("Y cyfryngau cymdeithasol a'r GIG");
  await expect(frame.getByText(`Fersiwn ${flagship().version}`)).toBeVisible();
  // Written out here: browsers without Welsh locale data (Chromium, Chrome) must still show a Welsh date.
  const now = new Date();
  const cyToday = `${now.getDate()} ${CY_MONTHS[now.getMonth()]} ${now.getFullYear()}`;
  await expect(frame.locator('fl-certificate dl:not([data-profile-facts]) dt')).toHaveText([
    'Dyddiad cwblhau',
    'Sgôr',
    'Amser a dreuliwyd',
    'Amser DPP',
  ]);
  expect
    .soft(
      await frame.locator('fl-certificate dl:not([data-profile-facts]) dd').first().textContent(),
      'the Welsh certificate dates itself in Welsh',
    )
    .toBe(cyToday);
  await expect(frame.locator('fl-certificate dl:not([data-profile-facts]) dd')).toHaveText([
    /\d{4}/,
    '100%',
    /^\d+ (munud|funud)$/,
    '25 munud o ddysgu unigol',
  ]);
  // The Welsh interface chose Wales on the introduction: the learner's route, in Welsh.
  await expect(frame.locator('fl-certificate [data-profile-facts] dt')).toContainText([
    'Llwybr codi llais ar gyfer Cymru',
  ]);
  await expect(
    frame.getByRole('heading', { name: "Adrannau Cod yr NMC sy'n cael eu cynnwys", level: 2 }),
  ).toBeVisible();
  await expect(frame.getByRole('heading', { name: 'Amcanion dysgu', level: 2 })).toBeVisible();
  await frame.getByRole('button', { name: "Yn ôl i'ch canlyniadau" }).click();
  await expect(h1(frame)).toHaveText('Eich canlyniadau');

  await frame.getByRole('button', { name: 'Gorffen a gadael' }).click();
  await expect(h1(frame)).toHaveText('Rydych chi wedi gadael y modiwl');

  // What HR sees: the same ids, responses, patterns and results as an English run, described in English.
  const cmi = await readCmi(page);
  expect(cmi['cmi.success_status']).toBe('passed');
  expect(cmi['cmi.completion_status']).toBe('completed');
  expect(cmi['cmi.score.raw']).toBe('100');
  const r = reported(cmi);
  expect(r.interactions).toEqual(EXPECTED);
  expectDescribedInEnglish(r.descriptions);
});

test('axe finds no WCAG 2.2 AA violations on Welsh screens, and the longer Welsh words reflow at 320px', async ({
  page,
}) => {
  await page.setViewportSize({ width: 320, height: 640 });
  const check = async (screen: string) => {
    await expectNoAxeViolations(page, screen);
    await expectNoHorizontalScroll(page, `320px, ${screen}`);
  };
  await openSco(page, FLAGSHIP);
  await page.getByRole('button', { name: 'Cymraeg', exact: true }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'cy');
  await expect(h1(page)).toHaveText("Y cyfryngau cymdeithasol a'r GIG");
  await check('the Welsh introduction');
  await startIn(page, cy);
  await expect(h1(page)).toHaveText(FLAGSHIP_BEST[0]!.cyTitle);
  await check(`the Welsh scenario "${FLAGSHIP_BEST[0]!.cyTitle}"`);
  await answerIn(page, FLAGSHIP_BEST[0]!.cyChoices, cy);
  await check(`the Welsh scenario "${FLAGSHIP_BEST[0]!.cyTitle}" with its feedback`);
  // A Welsh follow-up whose blocks have just arrived.
  await continueIn(page, cy);
  await expect(h1(page)).toHaveText(FLAGSHIP_BEST[1]!.cyTitle);
  await check(`the Welsh follow-up "${FLAGSHIP_BEST[1]!.cyTitle}"`);
  await page.getByRole('button', { name: 'Datganiad hygyrchedd' }).click();
  await expect(h1(page)).toHaveText('Datganiad hygyrchedd');
  await check('the Welsh accessibility statement');
});
