/**
 * The sample module against LMSs that misbehave (scorm/player/player.js fault profiles):
 * what the learner is told, that every decision reaches the LMS once it recovers (or stays
 * in the local journal and is restored on relaunch), and that the SCO's calls stay valid.
 */
import type { Page } from '@playwright/test';
import {
  elements,
  expect,
  expectCleanCalls,
  interactions,
  readCmi,
  readLog,
  test,
  type Call,
  type Version,
} from './helpers.js';
import {
  BEST,
  MODULE,
  TEXT,
  WORST,
  answerIn,
  collectWarnings,
  continueIn,
  expectCleanApartFromFault,
  expectDecisionsReported,
  expectGradable,
  expectNothingAfterTerminate,
  expectResults,
  expectResultsNotSaved,
  expectResultsSaved,
  finishButton,
  finishIn,
  heading1,
  lms,
  moduleFrame,
  openPlayer,
  playSteps,
  playerUrl,
  readFirstDecisionDom,
  readJournal,
  readStoredAttempt,
  expectStatusesShown,
  readViolations,
  recordStatusHistory,
  saveStatus,
  startIn,
  waitForModule,
  watchFirstDecisionWrite,
  type Profile,
  type Scope,
  type Step,
} from './fault-helpers.js';

test.describe.configure({ mode: 'parallel' });

/** A failed save: the first failures say "retrying", later ones "not responding". */
const EITHER_FAILING = new RegExp(`^(${TEXT.retrying}|${TEXT.unresponsive})$`);

function retryButton(scope: Scope) {
  return scope.getByRole('button', { name: TEXT.tryAgain });
}

/** A full run in a healthy LMS reached in some way (a frame, nested frames, a popup): saved, reported, clean. */
async function runToTheEnd(scope: Scope, steps: readonly Step[], timeout?: number): Promise<void> {
  await expect(heading1(scope)).toHaveText(MODULE.title, { timeout });
  await expect(scope.getByText(TEXT.notRecording)).toHaveCount(0);
  await startIn(scope);
  await playSteps(scope, steps, timeout);
  await expectResults(scope, steps, timeout);
  await expect(saveStatus(scope)).toHaveText(TEXT.saved, { timeout });
  await expectResultsSaved(scope);
  await finishIn(scope);
}

async function expectReportedAndClean(page: Page, version: Version, steps: readonly Step[]): Promise<Call[]> {
  const cmi = await readCmi(page);
  expectDecisionsReported(version, cmi, steps);
  const log = await readLog(page);
  expectCleanCalls(version, log);
  expectNothingAfterTerminate(version, log);
  expectGradable(version, cmi, log);
  return log;
}

for (const version of ['2004', '1.2'] as const) {
  test(`strict, SCORM ${version}: a full passing run breaks no rule`, async ({ page }) => {
    const frame = await openPlayer(page, { version, profiles: ['strict'] });
    await runToTheEnd(frame, BEST);
    expect(await readViolations(page), 'window.lmsViolations').toEqual([]);
    await expectReportedAndClean(page, version, BEST);
  });
}

interface CommitFault {
  profile: Profile;
  version: Version;
  steps: readonly Step[];
  /** How the learner gets the save through once the LMS recovers: the automatic retry, or the button. */
  recoverBy: 'backoff' | 'button';
  /** The learner id the module sees (an LMS returning "" for every GetValue gives none). */
  learner?: string;
  faulted: (call: Call) => boolean;
}

const commitFn = (version: Version) => (version === '1.2' ? 'LMSCommit' : 'Commit');
const COMMIT_FAULTS: CommitFault[] = [
  {
    profile: 'commit-false',
    version: '2004',
    steps: BEST,
    recoverBy: 'backoff',
    faulted: (c) => c.fn === 'Commit' && c.result === 'false' && c.error === '391',
  },
  {
    profile: 'commit-false',
    version: '1.2',
    steps: WORST,
    recoverBy: 'button',
    faulted: (c) => c.fn === 'LMSCommit' && c.result === 'false' && c.error === '391',
  },
  {
    profile: 'commit-throws',
    version: '2004',
    steps: WORST,
    recoverBy: 'button',
    faulted: (c) => c.fn === 'Commit' && c.result === 'exception',
  },
  {
    profile: 'empty',
    version: '2004',
    steps: BEST,
    recoverBy: 'button',
    learner: 'anonymous',
    faulted: (c) => (c.fn === 'Commit' && c.result === 'null') || (c.fn === 'GetValue' && c.result === ''),
  },
];

for (const fault of COMMIT_FAULTS) {
  const { profile, version, steps } = fault;
  test(`${profile}, SCORM ${version}: the learner is told, nothing is claimed saved, every decision arrives after recovery`, async ({
    page,
  }) => {
    // Backoff after recovery can be 15-30 s on a slow machine (see the recovery wait below).
    test.setTimeout(90_000);
    await recordStatusHistory(page);
    const frame = await openPlayer(page, { version, profiles: [profile] });
    const status = saveStatus(frame);
    // The launch commit already failed: the learner is told before starting (retries may have failed too by now).
    await expect(status).toHaveText(EITHER_FAILING);
    await expect(retryButton(frame)).toBeVisible();
    await expectStatusesShown(frame, [TEXT.retrying]);

    await startIn(frame);
    for (const [i, step] of steps.entries()) {
      await answerIn(frame, step);
      // Feedback is shown although the LMS did not save it.
      await expect(status).toHaveText(i === 0 ? EITHER_FAILING : TEXT.unresponsive);
      await continueIn(frame);
    }
    await expectResults(frame, steps);
    await expect(status).toHaveText(TEXT.unresponsive);
    await expect(retryButton(frame)).toBeVisible();
    await expectResultsNotSaved(frame);

    if (fault.recoverBy === 'button') {
      // Pressing "Try saving again" while the LMS still fails claims nothing.
      await retryButton(frame).click();
      await expect(status).toHaveText(TEXT.unresponsive);
      await expectResultsNotSaved(frame);
    }

    const journal = await readJournal(frame, version, fault.learner);
    expect(journal, 'the journal holds every decision, not yet acknowledged').toMatchObject({
      decisions: steps.length,
      acknowledged: false,
      finished: true,
    });
    expect(await readStoredAttempt(page, version), 'the LMS has saved nothing').toBeNull();

    await lms(page, 'lmsRecover');
    if (fault.recoverBy === 'button') await retryButton(frame).click();
    // Retries back off (1 s, 2 s, 4 s, 8 s...): wait for the automatic one.
    await expect(status).toHaveText(TEXT.saved, { timeout: fault.recoverBy === 'backoff' ? 35_000 : 10_000 });
    await expectStatusesShown(frame, [TEXT.retrying, TEXT.unresponsive, TEXT.saved]);
    await expect(retryButton(frame)).toHaveCount(0);
    await expectResultsSaved(frame);

    expect(await readJournal(frame, version, fault.learner)).toMatchObject({
      decisions: steps.length,
      acknowledged: true,
    });
    const stored = await readStoredAttempt(page, version);
    expect(stored, 'the LMS saved the attempt').not.toBeNull();
    expectDecisionsReported(version, stored!, steps);

    await finishIn(frame);
    const cmi = await readCmi(page);
    expectDecisionsReported(version, cmi, steps);
    const log = await readLog(page);
    const failed = expectCleanApartFromFault(version, log, fault.faulted);
    expect(failed.filter((c) => c.fn === commitFn(version)).length, 'failed commits').toBeGreaterThanOrEqual(
      steps.length + 1,
    );
    expectNothingAfterTerminate(version, log);
    expectGradable(version, cmi, log);
  });
}

test('vanish, SCORM 2004: decisions made after the LMS has gone stay in the journal and are restored on relaunch', async ({
  page,
}) => {
  const version = '2004';
  const warnings = collectWarnings(page);
  await recordStatusHistory(page);
  let frame = await openPlayer(page, { version, profiles: ['vanish'] });
  const status = saveStatus(frame);
  await startIn(frame);
  await answerIn(frame, BEST[0]!);
  await expect(status).toHaveText(TEXT.saved);
  await continueIn(frame);
  const before = await readLog(page);

  await lms(page, 'lmsVanish');
  await answerIn(frame, BEST[1]!);
  await expect(status).toHaveText(EITHER_FAILING);
  await expect(retryButton(frame)).toBeVisible();
  await expectStatusesShown(frame, [TEXT.saved, TEXT.retrying]);
  await continueIn(frame);
  await expect(heading1(frame)).toHaveText(BEST[2]!.title);

  expect(await readJournal(frame, version), 'the journal keeps both decisions').toMatchObject({
    decisions: 2,
    acknowledged: false,
    finished: false,
  });
  const stored = await readStoredAttempt(page, version);
  expect(stored?.['cmi.exit']).toBe('suspend');
  expect(
    interactions(version, stored!).map((x) => x.id),
    'the LMS kept only the first decision',
  ).toEqual([BEST[0]!.scenarioId]);
  // Nothing reached the LMS after it vanished (every call threw before it was logged).
  expect(await readLog(page)).toEqual(before);
  expectCleanCalls(version, before);

  // Relaunch in normal mode, as the learner would from the LMS.
  await page.goto(playerUrl({ version }));
  frame = moduleFrame(page);
  await waitForModule(frame);
  await expect(frame.getByRole('button', { name: 'Continue where you left off' })).toBeVisible();
  await expect(saveStatus(frame)).toHaveText(TEXT.saved);
  await expect.poll(() => warnings.filter((w) => w.startsWith('[frontline] restored 1 decision(s)'))).toHaveLength(1);
  // The relaunched LMS data lacked the second decision; the module reported it as interaction 1, leaving interaction 0 alone.
  const relaunchLog = await readLog(page);
  expect(relaunchLog.find((c) => c.fn === 'GetValue' && c.args[0] === 'cmi.interactions._count')?.result).toBe('1');
  const writes = relaunchLog.filter((c) => c.fn === 'SetValue').map((c) => c.args);
  expect(writes).toContainEqual(['cmi.interactions.1.id', BEST[1]!.scenarioId]);
  expect(writes.filter(([el]) => el!.startsWith('cmi.interactions.0.'))).toEqual([]);
  expect((await readJournal(frame, version))?.acknowledged).toBe(true);

  // The learner continues where they were: the third scenario.
  await startIn(frame);
  await expect(heading1(frame)).toHaveText(BEST[2]!.title);
  await expect(frame.getByText('Scenario 3 of 3')).toBeVisible();
  await playSteps(frame, BEST.slice(2));
  await expectResults(frame, BEST);
  await expect(saveStatus(frame)).toHaveText(TEXT.saved);
  await expectResultsSaved(frame);
  await finishIn(frame);
  await expectReportedAndClean(page, version, BEST);
});

test('slow, SCORM 2004: feedback is on screen before the LMS is called, and the run completes', async ({ page }) => {
  test.setTimeout(120_000);
  const version = '2004';
  const delay = 300;
  const timeout = 30_000;
  const frame = await openPlayer(page, { version, profiles: ['slow'], delay });
  await watchFirstDecisionWrite(page, version);
  await expect(saveStatus(frame)).toHaveText(TEXT.saved, { timeout });
  await startIn(frame);
  await answerIn(frame, BEST[0]!, timeout);
  await expect(saveStatus(frame)).toHaveText(TEXT.saved, { timeout });
  // Journal first, render, then the LMS: when the first decision reached the LMS, the feedback was already shown.
  expect(await readFirstDecisionDom(page)).toEqual({ feedback: true, status: TEXT.saving });
  await continueIn(frame, timeout);
  await playSteps(frame, BEST.slice(1), timeout);
  await expectResults(frame, BEST, timeout);
  await expect(saveStatus(frame)).toHaveText(TEXT.saved, { timeout });
  await expectResultsSaved(frame);
  await finishButton(frame).click();
  await expect(heading1(frame)).toHaveText(TEXT.left, { timeout });
  await expectReportedAndClean(page, version, BEST);
});

test('opener, SCORM 2004: the module in a popup finds the API through window.opener and completes', async ({
  page,
  pageErrors,
}) => {
  const version = '2004';
  await page.goto(playerUrl({ version, profiles: ['opener'] }));
  const [popup] = await Promise.all([page.waitForEvent('popup'), page.locator('#open-module').click()]);
  popup.on('console', (m) => {
    if (m.type() === 'error') pageErrors.push(`popup console error: ${m.text()}`);
  });
  popup.on('pageerror', (e) => pageErrors.push(`popup uncaught: ${e.message}`));
  await waitForModule(popup);
  expect(popup.url()).toContain(`/content/${MODULE.id}/index.html`);
  await runToTheEnd(popup, BEST);
  await expectReportedAndClean(page, version, BEST);
});

test('deep, SCORM 2004: the module three frames below the API completes and reports', async ({ page }) => {
  const version = '2004';
  const frame = await openPlayer(page, { version, profiles: ['deep'] });
  await runToTheEnd(frame, BEST);
  await expectReportedAndClean(page, version, BEST);
});

test('cross-origin, SCORM 2004: a frame from another origin in between does not stop the module', async ({ page }) => {
  const version = '2004';
  const frame = await openPlayer(page, { version, profiles: ['cross-origin'] });
  expect(new URL(page.url()).hostname).toBe('127.0.0.1');
  expect(
    page.frames().some((f) => new URL(f.url() || 'about:blank').hostname === 'localhost'),
    'a localhost frame sits in between',
  ).toBe(true);
  await runToTheEnd(frame, WORST);
  await expectReportedAndClean(page, version, WORST);
});

test('none: standalone, the learner is told nothing is recorded, progress survives a reload', async ({ page }) => {
  const version = '2004';
  let frame = await openPlayer(page, { version, profiles: ['none'] });
  await expect(frame.getByText(TEXT.notRecording)).toBeVisible();
  await startIn(frame);
  await answerIn(frame, BEST[0]!);
  await expect(saveStatus(frame)).toHaveText(TEXT.standalone);
  await continueIn(frame);
  await expect(heading1(frame)).toHaveText(BEST[1]!.title);
  const kept = await frame
    .locator('body')
    .evaluate(
      (_b, key) => JSON.parse(localStorage.getItem(key) ?? 'null') as Record<string, string> | null,
      `frontline:${MODULE.id}:${MODULE.version}`,
    );
  expect(kept?.['cmi.exit']).toBe('suspend');
  expect(kept?.['cmi.suspend_data']).toBeTruthy();

  await page.reload();
  frame = moduleFrame(page);
  await waitForModule(frame);
  await expect(frame.getByText(TEXT.notRecording)).toBeVisible();
  await expect(frame.getByRole('button', { name: 'Continue where you left off' })).toBeVisible();
  await startIn(frame);
  await expect(heading1(frame)).toHaveText(BEST[1]!.title);
  await expect(frame.getByText('Scenario 2 of 3')).toBeVisible();
  await playSteps(frame, BEST.slice(1));
  await expectResults(frame, BEST);
  await expect(frame.getByText(TEXT.notRecording)).toBeVisible();
  // There is no learning system: the results must not say one recorded anything.
  await expect
    .soft(frame.getByText(TEXT.recorded), 'standalone results claim a learning system recorded the result')
    .toHaveCount(0, { timeout: 1_000 });
  await finishIn(frame);
  expect(await readLog(page), 'no LMS calls').toEqual([]);
});

for (const version of ['2004', '1.2'] as const) {
  test(`damaged suspend_data, SCORM ${version}: a fresh start with the reason logged, never a crash`, async ({
    page,
  }) => {
    const el = elements(version);
    // Seed the local LMS's stored attempt in the player's origin before launching.
    await page.goto('/player/frame.html');
    await page.evaluate(
      ([key, value]) => localStorage.setItem(key!, value!),
      [
        `frontline-lms:${MODULE.id}:${version}`,
        JSON.stringify({
          [el.exit]: 'suspend',
          'cmi.suspend_data': 'garbage!!',
          [version === '1.2' ? 'cmi.core.lesson_status' : 'cmi.completion_status']: 'incomplete',
        }),
      ],
    );
    const warnings = collectWarnings(page);
    const frame = await openPlayer(page, { version });
    await expect(heading1(frame)).toHaveText(MODULE.title);
    await expect(frame.getByRole('button', { name: 'Start', exact: true })).toBeVisible();
    await expect(frame.getByRole('button', { name: 'Continue where you left off' })).toHaveCount(0);
    await expect
      .poll(() =>
        warnings.filter(
          (w) => w.startsWith('[frontline]') && w.includes('saved data is not in a format this module writes'),
        ),
      )
      .toHaveLength(1);
    const log = await readLog(page);
    expect(
      log.find((c) => c.args[0] === 'cmi.suspend_data' && /GetValue$/.test(c.fn))?.result,
      'the module read the damaged data',
    ).toBe('garbage!!');

    await startIn(frame);
    await answerIn(frame, BEST[0]!);
    await expect(saveStatus(frame)).toHaveText(TEXT.saved);
    const cmi = await readCmi(page);
    expect(interactions(version, cmi).map((x) => x.id)).toEqual([BEST[0]!.scenarioId]);
    expectCleanCalls(version, await readLog(page));
  });
}
