/**
 * The flagship module through the player's Moodle 4.5 profile (scorm/player/moodle.ts), in
 * both versions: the best and worst learners, a resume, and a review relaunch. Moodle fills
 * objective 0 from the manifest and keeps ids write-once, recomputes total time at Terminate,
 * applies 1.2's mastery score at LMSFinish, and checks activity completion after each commit.
 * The record must be exact: no value refused, every objective under its own id, completion
 * under "Require status: Passed" for exactly the learners who passed, and a review that
 * changes nothing.
 */
import type { FrameLocator, Page } from '@playwright/test';
import { parseSpan } from '../../src/core/scorm-time.js';
import { objectiveScores } from '../../src/core/state.js';
import type { MoodleAttempt } from '../../scorm/player/moodle.js';
import { BEST, MODULE, WORST, flagship, plan, expectedRaw, playPlan, type Policy } from './flagship-helpers.js';
import {
  MODULE_READY,
  VERSIONS,
  elements,
  expect,
  finishAndExit,
  heading,
  pressContinue,
  readLog,
  test,
  type Version,
} from './helpers.js';

test.describe.configure({ mode: 'parallel' });

const course = flagship();

async function openMoodle(page: Page, version: Version, mode?: 'review'): Promise<FrameLocator> {
  const params = new URLSearchParams({ module: MODULE, version, profile: 'moodle' });
  if (mode) params.set('mode', mode);
  await page.goto(`/player/?${params}`);
  const frame = page.frameLocator('#sco');
  await expect(frame.locator(MODULE_READY).first()).toBeAttached();
  await expect(frame.getByRole('heading', { level: 1 })).toBeVisible();
  return frame;
}

/** What Moodle keeps of the attempt (what the next launch is given). */
async function stored(page: Page, version: Version): Promise<MoodleAttempt> {
  const attempt = await page.evaluate(
    (key) => JSON.parse(localStorage.getItem(key) ?? 'null') as MoodleAttempt | null,
    `frontline-moodle:${MODULE}:${version}`,
  );
  expect(attempt, 'the Moodle profile stored the attempt').not.toBeNull();
  return attempt!;
}

async function violations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { lmsViolations: string[] }).lmsViolations);
}

/** Each of the course's objectives is in a slot of its own with its own score; slot 0 is Moodle's. */
function expectObjectivesById(version: Version, attempt: MoodleAttempt, policy: Policy): void {
  const cmi = attempt.cmi;
  const slot = (id: string) =>
    Object.keys(cmi)
      .find((k) => /^cmi\.objectives\.\d+\.id$/.test(k) && cmi[k] === id)
      ?.split('.')[2];
  if (version === '2004') expect(cmi['cmi.objectives.0.id'], "Moodle's primary objective").toBe(`${MODULE}-passed`);
  const decisions = plan(course, policy).map((s) => ({
    scenarioId: s.scenario.id,
    choiceIds: s.picks.map((c) => c.id),
    at: 0,
    latencyMs: 0,
  }));
  const scores = objectiveScores(course, decisions);
  for (const o of course.objectives) {
    const n = slot(o.id);
    expect(n, `objective ${o.id} is stored under its own id`).toBeDefined();
    expect(cmi[`cmi.objectives.${n}.score.raw`], `objective ${o.id}'s score`).toBe(String(scores.get(o.id)!.raw));
  }
  const slots = course.objectives.map((o) => slot(o.id));
  expect(new Set(slots).size, 'no two objectives share a slot').toBe(slots.length);
}

async function expectNothingRefused(page: Page): Promise<void> {
  expect(await violations(page), 'values the Moodle profile refused').toEqual([]);
  const log = await readLog(page);
  expect(log.filter((c) => c.error !== '0' || c.result === 'false')).toEqual([]);
}

/** A review launch of the finished attempt: it is shown, and Moodle's record is the same afterwards. */
async function reviewChangesNothing(page: Page, version: Version): Promise<void> {
  const before = await stored(page, version);
  const frame = await openMoodle(page, version, 'review');
  await expect(frame.getByText('This is a read-only review of your result')).toBeVisible();
  // Leaving the page ends the module's session as the learner would.
  await frame.locator('body').evaluate(() => window.dispatchEvent(new Event('pagehide')));
  await page.goto('/player/frame.html');
  expect(await stored(page, version), 'the stored attempt after a review launch').toEqual(before);
}

for (const version of VERSIONS) {
  const raw = elements(version).raw;

  test(`SCORM ${version}: the best learner is stored exactly, complete under both rules, and a review changes nothing`, async ({
    page,
  }) => {
    test.setTimeout(180_000);
    const steps = plan(course, BEST);
    const frame = await openMoodle(page, version);
    await playPlan(course, frame, steps);
    await finishAndExit(frame);
    await expectNothingRefused(page);
    const attempt = await stored(page, version);
    expectObjectivesById(version, attempt, BEST);
    expect(attempt.cmi[raw]).toBe(String(expectedRaw(steps)));
    expect(attempt.cmi[version === '1.2' ? 'cmi.core.lesson_status' : 'cmi.success_status']).toBe('passed');
    expect(attempt.completion, 'complete under "Completed" (the default) and "Passed"').toEqual({
      completed: true,
      passed: true,
    });
    const total = attempt.cmi[version === '1.2' ? 'cmi.core.total_time' : 'cmi.total_time']!;
    expect(parseSpan(total), `total time ${total}`).toBeGreaterThan(0);
    await reviewChangesNothing(page, version);
  });

  test(`SCORM ${version}: the worst learner is stored exactly and is never complete under "Passed"`, async ({
    page,
  }) => {
    test.setTimeout(180_000);
    const steps = plan(course, WORST);
    const frame = await openMoodle(page, version);
    await playPlan(course, frame, steps);
    await finishAndExit(frame);
    await expectNothingRefused(page);
    const attempt = await stored(page, version);
    expectObjectivesById(version, attempt, WORST);
    expect(attempt.cmi[raw]).toBe(String(expectedRaw(steps)));
    expect(attempt.cmi[version === '1.2' ? 'cmi.core.lesson_status' : 'cmi.success_status']).toBe('failed');
    // 2004 reports completion apart from success, so Moodle's default rule counts any finisher.
    expect(attempt.completion).toEqual({ completed: version === '2004', passed: false });
    await reviewChangesNothing(page, version);
  });

  test(`SCORM ${version}: a resumed attempt keeps its objectives in their slots and adds up its time`, async ({
    page,
  }) => {
    test.setTimeout(180_000);
    const steps = plan(course, BEST);
    let frame = await openMoodle(page, version);
    await playPlan(course, frame, steps, { stopAfter: 3 });
    await pressContinue(frame);
    await page.reload();
    const first = await stored(page, version);
    const firstTotal = parseSpan(first.cmi[version === '1.2' ? 'cmi.core.total_time' : 'cmi.total_time'] ?? '');
    expect(firstTotal, 'the first session added its time').toBeGreaterThan(0);
    expect(first.completion).toEqual({ completed: false, passed: false });

    frame = page.frameLocator('#sco');
    await expect(frame.locator(MODULE_READY).first()).toBeAttached();
    await playPlan(course, frame, steps.slice(3));
    await finishAndExit(frame);
    await expectNothingRefused(page);
    const attempt = await stored(page, version);
    expectObjectivesById(version, attempt, BEST);
    const total = parseSpan(attempt.cmi[version === '1.2' ? 'cmi.core.total_time' : 'cmi.total_time'] ?? '');
    expect(total, 'the total time grew by the second session').toBeGreaterThan(firstTotal!);
    expect(attempt.completion).toEqual({ completed: true, passed: true });
  });
}

test('SCORM 2004: a module page loaded again after its session ended says Moodle will not save it, and writes nothing', async ({
  page,
}) => {
  const frame = await openMoodle(page, '2004');
  await expect(frame.getByText('Progress saved')).toBeVisible();
  // The page ends its session as the learner leaves, then loads again in the same frame: Moodle
  // keeps that frame's API, terminated, and refuses a second Initialize (104).
  await frame.locator('body').evaluate(() => location.reload());
  await expect(heading(frame)).toHaveText('Your progress cannot be saved');
  await expect(frame.getByText('The learning system gave error 104.')).toBeVisible();
  await expect(
    frame.getByRole('button', { name: /^(Start|Continue where you left off|Try saving again)$/ }),
  ).toHaveCount(0);
  const log = await readLog(page);
  const afterLeaving = log.slice(log.findIndex((c) => c.fn === 'Terminate') + 1);
  expect(
    afterLeaving.map((c) => c.fn),
    'Initialize and one read, refused; nothing written',
  ).toEqual(['Initialize', 'GetValue']);
  expect(afterLeaving.map((c) => c.error)).toEqual(['104', '123']);
});
