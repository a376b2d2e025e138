/**
 * What a real LMS (Moodle 4.5; docs/DESIGN.md, "What real LMSs enforce") expects when a finished
 * attempt is relaunched: review mode and a normal-mode relaunch write nothing and end no session, a passed
 * attempt stays passed, browse mode records nothing; and a full run leaves gradable data.
 */
import type { FrameLocator, Page } from '@playwright/test';
import {
  VERSIONS,
  elements,
  expect,
  expectCleanCalls,
  interactions,
  readCmi,
  readLog,
  test,
  type Version,
} from './helpers.js';
import {
  BEST,
  MODULE,
  TEXT,
  clearJournals,
  expectDecisionsReported,
  expectGradable,
  expectNothingAfterTerminate,
  expectResults,
  expectResultsSaved,
  finishButton,
  finishIn,
  heading1,
  journalKey,
  moduleFrame,
  openPlayer,
  playSteps,
  readJournal,
  readStoredAttempt,
  saveStatus,
  startIn,
} from './fault-helpers.js';

test.describe.configure({ mode: 'parallel' });

const REVIEW_NOTICE = 'This is a read-only review of your result';
const BROWSE_NOTICE = 'You can look around, but your answers and score are not recorded';

/** Where the stored result lives: 2004 success_status, 1.2 lesson_status. */
function statusOf(version: Version, data: Record<string, string>): string | undefined {
  return data[elements(version).status];
}

/** A passing run to the end, "Finish and exit", and the data a grading LMS needs. */
async function finishPassingAttempt(page: Page, version: Version): Promise<void> {
  const frame = await openPlayer(page, { version });
  await startIn(frame);
  await playSteps(frame, BEST);
  await expectResults(frame, BEST);
  await expect(saveStatus(frame)).toHaveText(TEXT.saved);
  await expectResultsSaved(frame);
  await finishIn(frame);

  const cmi = await readCmi(page);
  const log = await readLog(page);
  expectCleanCalls(version, log);
  expectNothingAfterTerminate(version, log);
  expectDecisionsReported(version, cmi, BEST);
  expectGradable(version, cmi, log);
  expect(cmi[elements(version).raw]).toBe('100');

  const stored = await readStoredAttempt(page, version);
  expect(statusOf(version, stored!), 'the LMS stored a passed attempt').toBe('passed');
  expect(await readJournal(frame, version)).toMatchObject({
    decisions: BEST.length,
    acknowledged: true,
    finished: true,
  });
}

/**
 * Leaves the page the way the learner does (the app ends its session on pagehide), then checks
 * the session only read: no value set, no Commit, and no Terminate either, because Moodle
 * recomputes the stored total time at Terminate (docs/LMS.md, "Review mode").
 */
async function expectSessionWroteNothing(page: Page, frame: FrameLocator, version: Version): Promise<void> {
  await frame.locator('body').evaluate(() => window.dispatchEvent(new Event('pagehide')));
  const el = elements(version);
  const log = await readLog(page);
  expect(
    log.filter((c) => c.fn === el.init),
    `${el.init} calls`,
  ).toHaveLength(1);
  expect(
    log.filter((c) => c.fn !== el.init && !/GetValue$/.test(c.fn)).map((c) => [c.fn, ...c.args]),
    'calls other than reads in a read-only session',
  ).toEqual([]);
  expectCleanCalls(version, log);
}

function modeElement(version: Version): string {
  return version === '1.2' ? 'cmi.core.lesson_mode' : 'cmi.mode';
}

async function expectNoExitButton(frame: FrameLocator): Promise<void> {
  await expect(finishButton(frame)).toHaveCount(0);
  await expect(frame.getByRole('button', { name: /^(Start|Continue where you left off)$/ })).toHaveCount(0);
}

for (const version of VERSIONS) {
  test(`SCORM ${version}: a finished attempt relaunched in review mode or in normal mode shows the result and writes nothing`, async ({
    page,
  }) => {
    // A full run and four launches: more than the default minute on a busy machine.
    test.setTimeout(120_000);
    await test.step('a passing run to "Finish and exit" leaves gradable data', async () => {
      await finishPassingAttempt(page, version);
    });

    await test.step('review mode, with the journal in this browser: the results of each decision', async () => {
      const frame = await openPlayer(page, { version, mode: 'review' });
      expect((await readLog(page)).find((c) => c.args[0] === modeElement(version))?.result).toBe('review');
      await expect(frame.getByText(REVIEW_NOTICE)).toBeVisible();
      await expectResults(frame, BEST);
      await expect(frame.getByText('100%', { exact: true })).toBeVisible();
      await expectNoExitButton(frame);
      await expectSessionWroteNothing(page, frame, version);
    });

    await test.step('normal mode on the same finished attempt: still passed, results shown, nothing written', async () => {
      const frame = await openPlayer(page, { version, attempt: 'same' });
      expect((await readLog(page)).find((c) => c.args[0] === modeElement(version))?.result).toBe('normal');
      expect(statusOf(version, await readCmi(page)), 'the LMS hands back a passed attempt').toBe('passed');
      await expectResults(frame, BEST);
      await expect(frame.getByText('100%', { exact: true })).toBeVisible();
      await expectNoExitButton(frame);
      await expectSessionWroteNothing(page, frame, version);

      const cmi = await readCmi(page);
      expect(statusOf(version, cmi), 'never back to incomplete').toBe('passed');
      if (version === '2004') expect(cmi['cmi.completion_status']).toBe('completed');
      expect(cmi[elements(version).raw]).toBe('100');
      expectDecisionsReported(version, cmi, BEST);
    });

    await test.step('review mode without the journal: 1.2 still has the LMS data; 2004 gets none, so a plain "completed" page', async () => {
      let frame = moduleFrame(page);
      expect(await clearJournals(frame)).toContain(journalKey(version));
      frame = await openPlayer(page, { version, mode: 'review' });
      await expect(frame.getByText(REVIEW_NOTICE)).toBeVisible();
      if (version === '1.2') {
        await expectResults(frame, BEST);
      } else {
        await expect(heading1(frame)).toHaveText(TEXT.completed);
        await expect(
          frame.getByText(`Your learning system has recorded that you passed ${MODULE.title}.`),
        ).toBeVisible();
        await expect(frame.getByText('The details of each decision are not available on this device.')).toBeVisible();
        await expect(frame.getByRole('heading', { level: 3 })).toHaveCount(0);
      }
      await expectNoExitButton(frame);
      await expectSessionWroteNothing(page, frame, version);
      expect(await readJournal(frame, version), 'a read-only session starts no journal').toBeNull();
    });

    await test.step('what the LMS keeps once the window has gone: still passed, score unchanged', async () => {
      await page.goto('/player/frame.html');
      const stored = await readStoredAttempt(page, version);
      expect(statusOf(version, stored!), 'stored status after the relaunches').toBe('passed');
      if (version === '2004') expect(stored!['cmi.completion_status']).toBe('completed');
      expect(stored![elements(version).raw]).toBe('100');
      expect(interactions(version, stored!).map((x) => x.id)).toEqual(BEST.map((s) => s.scenarioId));
    });
  });
}

test('browse mode, SCORM 1.2: the learner can answer, is told nothing is recorded, and nothing is written', async ({
  page,
}) => {
  const version = '1.2';
  const frame = await openPlayer(page, { version, mode: 'browse' });
  expect((await readLog(page)).find((c) => c.args[0] === 'cmi.core.lesson_mode')?.result).toBe('browse');
  await expect(frame.getByText('Browse mode.', { exact: true })).toBeVisible();
  await expect(frame.getByText(BROWSE_NOTICE)).toBeVisible();
  await startIn(frame);
  await playSteps(frame, BEST);
  await expectResults(frame, BEST);
  await expect(frame.getByText(BROWSE_NOTICE)).toBeVisible();
  await expect(frame.getByText('Browse mode: this result was not recorded.')).toBeVisible();
  await expect(frame.getByText(TEXT.recorded)).toHaveCount(0);

  const cmi = await readCmi(page);
  expect(cmi['cmi.core.lesson_status'], 'no status written').toBe('not attempted');
  expect(cmi['cmi.core.score.raw'] ?? '', 'no score written').toBe('');
  expect(interactions(version, cmi), 'no interactions written').toEqual([]);
  expect((await readLog(page)).filter((c) => c.fn === 'LMSSetValue')).toEqual([]);

  await finishIn(frame);
  const log = await readLog(page);
  expect(
    log.filter((c) => c.fn === 'LMSSetValue').map((c) => c.args),
    'LMSSetValue calls in browse mode',
  ).toEqual([]);
  expect(
    log.filter((c) => c.fn === 'LMSCommit'),
    'LMSCommit calls in browse mode',
  ).toEqual([]);
  expect(
    log.filter((c) => c.fn === 'LMSFinish'),
    'LMSFinish in browse mode (the LMS would recompute the time)',
  ).toEqual([]);
  expectCleanCalls(version, log);
});
