/**
 * The certificate of completion: what it says after a pass in the player (name from the
 * LMS, module, version, date, score, time, CPD time, objectives, the NMC Code sections the
 * module covers, the reflective-account questions), the learner's reflection, that it prints
 * on exactly one A4 page with the reflection, and that a fail offers no certificate.
 */
import { answer, expect, heading, launch, pressContinue, readCmi, start, test } from './helpers.js';
import { SAMPLE_BEST, SAMPLE_WORST, answerIn, continueIn, h1, openSco, startIn } from './a11y-helpers.js';

test.describe.configure({ mode: 'parallel' });

const TITLE = 'Frontline sample module';
const OBJECTIVES = [
  "Keep patients' information confidential online",
  'Keep clear professional boundaries on social media',
];
/** The sections the sample's sources cite ("NMC Code, section 5.1"), with their short names. */
const CODE_SECTIONS = [
  '5: Respecting privacy and confidentiality',
  "5.1: Respecting a person's right to privacy",
  '14: Being open and candid when things go wrong',
  '20.2: Acting with honesty and integrity',
  '20.6: Keeping clear professional boundaries',
];
const REFLECTION =
  'I will check the background of any photo taken at work.\nI will talk to my team at the debrief instead of posting.';

/** Today as the certificate writes it in English: "5 March 2026". */
function today(): string {
  return new Date().toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
}

test('after a pass in the player the certificate names the learner, the module, the date, score, time and objectives', async ({
  page,
}) => {
  const frame = await launch(page, { module: 'sample', version: '2004', learner: 'Priya Shah' });
  await expect(frame.getByText('Welcome, Priya Shah.')).toBeVisible();
  await start(frame);
  for (const step of SAMPLE_BEST) {
    await answer(frame, step.choices[0]!);
    await pressContinue(frame);
  }
  await expect(heading(frame)).toHaveText('Your results');
  await expect(frame.getByText('✓ You passed.')).toBeVisible();

  await frame.getByRole('button', { name: 'View your certificate' }).click();
  await expect(heading(frame)).toHaveText('Certificate of completion');
  await expect(heading(frame), 'focus moves to the certificate heading').toBeFocused();
  const certificate = frame.getByRole('region', { name: 'Certificate of completion' });
  await expect(certificate).toBeVisible();
  await expect(certificate.getByText('This is to certify that')).toBeVisible();
  await expect(certificate.locator('.certificate__name')).toHaveText('Priya Shah');
  await expect(certificate.getByText('has completed the e-learning module')).toBeVisible();
  await expect(certificate.locator('.certificate__module')).toHaveText(TITLE);
  await expect(certificate.getByText('Version 1.0.0', { exact: true })).toBeVisible();
  await expect(certificate.locator('dt')).toHaveText(['Date completed', 'Score', 'Time spent', 'CPD time']);
  await expect(certificate.locator('dd')).toHaveText([
    today(),
    '100%',
    /^\d+ minutes?$/,
    '5 minutes of individual learning',
  ]);
  await expect(certificate.getByRole('heading', { name: 'Learning objectives', level: 2 })).toBeVisible();
  await expect(certificate.locator('.certificate__objectives li')).toHaveText(OBJECTIVES);
  await expect(certificate.getByText(/^For your CPD record: .*individual learning, not participatory/)).toBeVisible();

  // The NMC Code sections the module's feedback cites, in the Code's order.
  await expect(certificate.getByRole('heading', { name: 'NMC Code sections covered', level: 2 })).toBeVisible();
  await expect(certificate.locator('.certificate__code li')).toHaveText(CODE_SECTIONS);

  // The reflective-account questions, the last naming the Code's themes those sections fall under.
  await expect(certificate.getByRole('heading', { name: 'For a reflective account', level: 2 })).toBeVisible();
  await expect(certificate.locator('.certificate__prompts li')).toHaveText([
    'What was the learning, and what did it cover?',
    'What did you learn from it?',
    'How did you change or improve your practice as a result?',
    'How is this relevant to the Code? This module relates to the themes: Prioritise people, Preserve safety, Promote professionalism and trust.',
  ]);

  // The reflection: labelled, described by its hint, kept on this device.
  const reflection = frame.getByRole('textbox', { name: 'Your reflection' });
  await expect(reflection).toHaveAccessibleDescription(
    'Your answers stay on this device. Print them with your certificate.',
  );
  await reflection.fill(REFLECTION);
  await expect(reflection).toHaveValue(REFLECTION);
  expect(await frame.locator('html').evaluate(() => localStorage.getItem('frontline:reflection:sample'))).toBe(
    REFLECTION,
  );

  // "Print or save as PDF" opens the browser's print dialog (stubbed here).
  await frame.locator('html').evaluate(() => {
    (window as unknown as { printed: number }).printed = 0;
    window.print = () => {
      (window as unknown as { printed: number }).printed++;
    };
  });
  await frame.getByRole('button', { name: 'Print or save as PDF' }).click();
  expect(await frame.locator('html').evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);

  // Back to the results, and the certificate again keeps the reflection.
  await frame.getByRole('button', { name: 'Back to your results' }).click();
  await expect(heading(frame)).toHaveText('Your results');
  await expect(
    frame.getByRole('button', { name: 'View your certificate' }),
    'focus returns to the button',
  ).toBeFocused();
  await frame.getByRole('button', { name: 'View your certificate' }).click();
  await expect(frame.getByRole('textbox', { name: 'Your reflection' })).toHaveValue(REFLECTION);

  const cmi = await readCmi(page);
  expect(cmi['cmi.success_status']).toBe('passed');
  expect(cmi['cmi.learner_name']).toBe('Priya Shah');
});

test('the certificate prints on exactly one A4 page, with the reflection and without the screen controls', async ({
  page,
}) => {
  await openSco(page, 'sample');
  await startIn(page);
  for (const step of SAMPLE_BEST) {
    await expect(h1(page)).toHaveText(step.title);
    await answerIn(page, step.choices);
    await continueIn(page);
  }
  await expect(h1(page)).toHaveText('Your results');
  await page.getByRole('button', { name: 'View your certificate' }).click();
  await expect(h1(page)).toHaveText('Certificate of completion');
  await page.getByRole('textbox', { name: 'Your reflection' }).fill(REFLECTION);

  // On screen the printed copy of the reflection is hidden; the textarea is what shows.
  const printed = page.locator('.reflection-print');
  await expect(printed).toBeHidden();

  await page.emulateMedia({ media: 'print' });
  await expect(printed).toBeVisible();
  await expect(printed).toHaveText(REFLECTION);
  await expect(page.getByRole('textbox', { name: 'Your reflection' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Print or save as PDF' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Back to your results' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Accessibility statement' })).toBeHidden();
  await expect(page.getByText('Your progress is not being recorded.')).toBeHidden();
  await expect(page.locator('.certificate__module')).toBeVisible();

  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  const pages = pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? [];
  expect(pages.length, 'pages in the printed certificate').toBe(1);
});

test('a module not passed offers no certificate', async ({ page }) => {
  const frame = await launch(page, { module: 'sample', version: '2004', learner: 'Priya Shah' });
  await start(frame);
  for (const step of SAMPLE_WORST) {
    await expect(heading(frame)).toHaveText(step.title);
    await answer(frame, step.choices[0]!);
    await pressContinue(frame);
  }
  await expect(heading(frame)).toHaveText('Your results');
  await expect(frame.getByText('✗ You did not pass this time.')).toBeVisible();
  await expect(frame.getByRole('button', { name: 'Finish and exit' })).toBeVisible();
  await expect(frame.getByRole('button', { name: 'View your certificate' })).toHaveCount(0);
  await expect(frame.locator('fl-certificate')).toHaveCount(0);
  expect((await readCmi(page))['cmi.success_status']).toBe('failed');
});
