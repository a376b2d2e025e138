/**
 * Whole runs of the built sample module inside the local LMS page (scorm-again), for
 * SCORM 2004 and 1.2: what the learner sees, where focus goes, and what the LMS is told.
 */
import {
  VERSIONS,
  answer,
  deepFocus,
  elements,
  expect,
  expectCleanCalls,
  expectCleanLog,
  expectFinished,
  expectScreen,
  feedbackHeading,
  finishAndExit,
  heading,
  interactions,
  launch,
  pressContinue,
  readCmi,
  readLog,
  start,
  test,
  type Call,
  type Version,
} from './helpers.js';

/** The sample module's scenarios and the choices the tests make (text as the learner sees it). */
const TITLE = 'Frontline sample module';
const S = {
  wardSelfie: { id: 'ward-selfie', title: 'A selfie on the ward' },
  manager: { id: 'ward-selfie-manager', title: 'Your manager asks about the selfie' },
  friendRequest: { id: 'friend-request', title: 'A friend request from a former patient' },
  nightShift: { id: 'night-shift-post', title: 'A post after a hard shift' },
};
const BEST = [
  {
    scenario: S.wardSelfie,
    text: 'Ask Priya to delete it now and report it as an incident',
    response: 'delete_and_report',
  },
  {
    scenario: S.friendRequest,
    text: 'Decline, and suggest she asks her GP or pharmacist',
    response: 'decline_and_signpost',
  },
  { scenario: S.nightShift, text: 'Do not post it; talk it through at the team debrief', response: 'debrief_instead' },
];
const WORST = [
  {
    scenario: S.wardSelfie,
    text: 'Leave it: it will only be up for a few minutes',
    response: 'leave_it',
    pattern: 'delete_and_report',
  },
  {
    scenario: S.manager,
    text: 'Say you did not notice the patient board in the photo',
    response: 'say_nothing',
    pattern: 'be_open',
  },
  {
    scenario: S.friendRequest,
    text: 'Accept and answer her question in a private message',
    response: 'accept_and_advise',
    pattern: 'decline_and_signpost',
  },
  {
    scenario: S.nightShift,
    text: 'Post it, but change the settings so only friends see it',
    response: 'friends_only',
    pattern: 'debrief_instead',
  },
];

function count(log: readonly Call[], fn: string): number {
  return log.filter((c) => c.fn === fn).length;
}

/** Terminate (LMSFinish) exactly once, as the very last call, and Initialize exactly once. */
function expectTerminatedOnce(version: Version, log: readonly Call[]): void {
  const el = elements(version);
  expect(count(log, el.init), `${el.init} calls`).toBe(1);
  expect(count(log, el.term), `${el.term} calls`).toBe(1);
  expect(log.at(-1)?.fn, `the last call is ${el.term}`).toBe(el.term);
}

/** The exit the SCO asked for, read from the last SetValue of it (1.2's cmi.core.exit is write-only). */
function lastWritten(version: Version, log: readonly Call[], element: string): string | undefined {
  return log.filter((c) => c.fn === elements(version).set && c.args[0] === element).at(-1)?.args[1];
}

test.describe.configure({ mode: 'parallel' });

for (const version of VERSIONS) {
  test.describe(`sample module, SCORM ${version}`, () => {
    const el = elements(version);

    test('passes with the best answers and reports a passed, finished attempt', async ({ page }) => {
      const frame = await launch(page, { version });
      await expectScreen(frame, TITLE);
      await expect(frame.getByRole('button', { name: 'Start', exact: true })).toBeVisible();
      await start(frame);

      for (const [i, step] of BEST.entries()) {
        await expectScreen(frame, step.scenario.title);
        await expect(frame.getByText(`Scenario ${i + 1} of 3`)).toBeVisible();
        await answer(frame, step.text);
        await expect(frame.getByText('Your answer: Best choice')).toBeVisible();
        if (i === BEST.length - 1) await expect(frame.getByRole('button', { name: 'See your results' })).toBeVisible();
        await pressContinue(frame);
      }

      await expectScreen(frame, 'Your results');
      await expect(frame.getByText('You passed')).toBeVisible();
      await expect(frame.getByText('100%', { exact: true })).toBeVisible();
      // The closing summary comes from summary.js, fetched only for the results.
      await expect(frame.getByRole('heading', { name: 'Key points' })).toBeVisible();
      await expect(frame.getByText('Keep friendships with patients off your personal accounts.')).toBeVisible();
      await finishAndExit(frame);

      const cmi = await readCmi(page);
      if (version === '2004') {
        expect(cmi['cmi.completion_status']).toBe('completed');
        expect(cmi['cmi.success_status']).toBe('passed');
        expect(cmi['cmi.score.scaled']).toBe('1');
        expect(cmi['cmi.exit']).toBe('normal');
      } else {
        expect(cmi['cmi.core.lesson_status']).toBe('passed');
        expect(cmi['cmi.core.exit']).toBe('');
      }
      expect(cmi[el.raw]).toBe('100');
      expect(cmi[el.min]).toBe('0');
      expect(cmi[el.max]).toBe('100');
      expect(cmi['cmi.suspend_data']?.length).toBeGreaterThan(0);
      expect(cmi['cmi.suspend_data']?.length).toBeLessThan(100);

      expect(interactions(version, cmi)).toEqual(
        BEST.map((step) => ({
          id: step.scenario.id,
          type: 'choice',
          response: step.response,
          pattern: step.response,
          result: 'correct',
          objective: step.scenario.id === 'friend-request' ? 'boundaries' : 'confidentiality',
        })),
      );

      const log = await expectCleanLog(page, version);
      expectTerminatedOnce(version, log);
      expect(lastWritten(version, log, el.exit)).toBe(version === '2004' ? 'normal' : '');
      expectFinished(version, cmi);
    });

    test('fails with the worst answers, through the branch to the follow-up', async ({ page }) => {
      const frame = await launch(page, { version });
      await start(frame);

      for (const [i, step] of WORST.entries()) {
        await expectScreen(frame, step.scenario.title);
        if (step.scenario === S.manager) await expect(frame.getByText('What happens next')).toBeVisible();
        await answer(frame, step.text);
        await expect(frame.getByText('Your answer: Not the best choice')).toBeVisible();
        if (i === WORST.length - 1) await expect(frame.getByRole('button', { name: 'See your results' })).toBeVisible();
        await pressContinue(frame);
      }

      await expectScreen(frame, 'Your results');
      await expect(frame.getByText('You did not pass')).toBeVisible();
      await expect(frame.getByText('You passed')).toHaveCount(0);

      const before = await readCmi(page);
      await finishAndExit(frame);
      const cmi = await readCmi(page);
      if (version === '2004') {
        expect(cmi['cmi.completion_status']).toBe('completed');
        expect(cmi['cmi.success_status']).toBe('failed');
        expect(Number(cmi['cmi.score.scaled'])).toBeLessThan(0.8);
        expect(cmi['cmi.exit']).toBe('normal');
      } else {
        expect(cmi['cmi.core.lesson_status']).toBe('failed');
        expect(cmi['cmi.core.exit']).toBe('');
      }
      expect(cmi[el.raw]).toBe(before[el.raw]);
      expect(Number(cmi[el.raw])).toBeLessThan(80);
      expect(cmi[el.raw]).toBe('0');

      const found = interactions(version, cmi);
      expect(found).toHaveLength(4);
      expect(found.map((x) => x.id)).toEqual(WORST.map((s) => s.scenario.id));
      expect(found.map((x) => x.response)).toEqual(WORST.map((s) => s.response));
      expect(found.map((x) => x.pattern)).toEqual(WORST.map((s) => s.pattern));
      expect(found.map((x) => x.result)).toEqual(WORST.map(() => el.wrong));

      const log = await expectCleanLog(page, version);
      expectTerminatedOnce(version, log);
      expectFinished(version, cmi);
    });

    test('resumes after a reload part way through', async ({ page }) => {
      let frame = await launch(page, { version });
      await start(frame);
      await answer(frame, BEST[0]!.text);
      await pressContinue(frame);
      await expectScreen(frame, S.friendRequest.title);
      expectCleanCalls(version, await readLog(page));

      await page.reload();
      frame = page.frameLocator('#sco');
      await expect(heading(frame)).toHaveText(TITLE);
      // The local LMS kept a suspended attempt (the SCO said so before the page went away).
      const saved = await page.evaluate(
        (key) => JSON.parse(localStorage.getItem(key) ?? 'null') as Record<string, string> | null,
        `frontline-lms:sample:${version}`,
      );
      expect(saved?.[el.exit]).toBe('suspend');
      // ...and ended the first session on pagehide (Terminate writes the session time).
      expect(saved?.[elements(version).sessionTime]).toBeTruthy();

      await expect(frame.getByRole('button', { name: 'Continue where you left off' })).toBeVisible();
      await expect(frame.getByRole('button', { name: 'Start', exact: true })).toHaveCount(0);
      await start(frame);
      await expectScreen(frame, S.friendRequest.title);
      await expect(frame.getByText('Scenario 2 of 3')).toBeVisible();

      for (const step of BEST.slice(1)) {
        await expectScreen(frame, step.scenario.title);
        await answer(frame, step.text);
        await pressContinue(frame);
      }
      await expectScreen(frame, 'Your results');
      await expect(frame.getByText('You passed')).toBeVisible();
      await expect(frame.getByText('100%', { exact: true })).toBeVisible();
      // The review lists all three decisions, including the one made before the reload.
      await frame.getByText(/^Show each decision and why/).click(); // folded away until asked for
      await expect(frame.getByRole('heading', { level: 3 })).toHaveText(BEST.map((s) => s.scenario.title));
      await finishAndExit(frame);

      const cmi = await readCmi(page);
      const found = interactions(version, cmi);
      expect(found.map((x) => x.id)).toEqual(BEST.map((s) => s.scenario.id));
      expect(found.map((x) => x.response)).toEqual(BEST.map((s) => s.response));
      expect(found.map((x) => x.result)).toEqual(['correct', 'correct', 'correct']);
      expect(cmi[el.status]).toBe('passed');
      if (version === '2004') expect(cmi['cmi.completion_status']).toBe('completed');
      expect(cmi[el.raw]).toBe('100');

      const log = await expectCleanLog(page, version);
      expectTerminatedOnce(version, log);
      // The second session appends: it never rewrites the first interaction.
      expect(log.filter((c) => c.fn === el.set && c.args[0]?.startsWith('cmi.interactions.0.'))).toEqual([]);
      expectFinished(version, cmi);
    });

    test('moves focus to the new heading after each step', async ({ page }) => {
      const frame = await launch(page, { version });
      await start(frame);
      const h1 = heading(frame);
      await expect(h1).toHaveText(S.wardSelfie.title);
      await expect(h1).toBeFocused();
      expect(await deepFocus(frame)).toEqual({ tag: 'h1', id: '', text: S.wardSelfie.title });

      await answer(frame, BEST[0]!.text);
      await expect(feedbackHeading(frame)).toBeFocused();
      expect(await deepFocus(frame)).toMatchObject({ tag: 'h2', id: 'feedback-heading', text: 'Feedback' });

      await pressContinue(frame);
      await expect(h1).toHaveText(S.friendRequest.title);
      await expect(h1).toBeFocused();
      expect(await deepFocus(frame)).toMatchObject({ tag: 'h1', text: S.friendRequest.title });

      for (const step of BEST.slice(1)) {
        await answer(frame, step.text);
        await expect(feedbackHeading(frame)).toBeFocused();
        await pressContinue(frame);
      }
      await expect(h1).toHaveText('Your results');
      await expect(h1).toBeFocused();
      expectCleanCalls(version, await readLog(page));
    });

    test('asks for an answer when none is chosen, and records nothing', async ({ page }) => {
      const frame = await launch(page, { version });
      await start(frame);
      const before = await readLog(page);

      await frame.getByRole('button', { name: 'Submit answer' }).click();
      await expect(frame.getByText('Choose an answer')).toBeVisible();
      await expect(feedbackHeading(frame)).toHaveCount(0);
      await expectScreen(frame, S.wardSelfie.title);
      // Give a wrongly fired event time to reach the LMS before comparing.
      await page.waitForTimeout(300);
      expect(await readLog(page)).toEqual(before);
      expect(interactions(version, await readCmi(page))).toEqual([]);

      // Choosing then submitting clears the error and records one decision.
      await answer(frame, BEST[0]!.text);
      await expect(frame.getByText('Choose an answer')).toHaveCount(0);
      const cmi = await readCmi(page);
      expect(interactions(version, cmi).map((x) => x.id)).toEqual([S.wardSelfie.id]);
      expect(cmi[el.status]).toBe(version === '2004' ? 'unknown' : 'incomplete');
      expectCleanCalls(version, await readLog(page));
    });
  });
}

test.describe('social media module', () => {
  for (const version of VERSIONS) {
    test(`social-media-nhs loads its introduction and first scenario, SCORM ${version}`, async ({ page, request }) => {
      const modules = (await (await request.get('/api/modules')).json()) as { id: string }[];
      test.skip(!modules.some((m) => m.id === 'social-media-nhs'), 'social-media-nhs is not built into dist/');

      const frame = await launch(page, { module: 'social-media-nhs', version });
      await expectScreen(frame, 'Social media and the NHS');
      await start(frame);
      await expectScreen(frame, 'A complaint that is trending');
      await expect(frame.getByText('Scenario 1 of', { exact: false })).toBeVisible();
      await expect(frame.getByRole('article', { name: /Sian Morris/ })).toBeVisible();
      await expect(
        frame
          .getByRole('list', { name: "Actions on Sian Morris's post" })
          .getByRole('button', { name: /^Repost it/ })
          .first(),
      ).toBeVisible();
      await expect(heading(frame)).toBeFocused();

      await answer(frame, 'Stay off the post; tell comms and report the gap');
      const cmi = await readCmi(page);
      expect(interactions(version, cmi).map((x) => [x.id, x.response])).toEqual([['trending-complaint', 'tell_comms']]);
      expectCleanCalls(version, await readLog(page));
    });
  }
});

test("the next scenario's text does not arrive: the learner is told, stays on the feedback, and Try again goes on", async ({
  page,
  pageErrors,
}) => {
  // A connection dropped mid-module: the next scenario must not show without its words, nor the learner lose their place.
  let block = true;
  await page.route(/\/text\/friend-request\.js(\?|$)/, (route) =>
    block ? route.abort('internetdisconnected') : route.continue(),
  );
  const frame = await launch(page, { version: '2004' });
  await start(frame);
  await expectScreen(frame, S.wardSelfie.title);
  await answer(frame, BEST[0]!.text);
  await frame.getByRole('button', { name: 'Continue' }).click();
  await expect(frame.getByRole('alert')).toHaveText(
    /This part of the module did not load\. Check your connection, then try again\./,
  );
  await expect(feedbackHeading(frame)).toBeVisible();
  await expectScreen(frame, S.wardSelfie.title);
  block = false;
  await frame.getByRole('button', { name: 'Try again' }).click();
  await expectScreen(frame, S.friendRequest.title);
  await expect(frame.getByRole('alert')).toHaveCount(0);
  await answer(frame, BEST[1]!.text);
  await expect
    .poll(async () => interactions('2004', await readCmi(page)).map((x) => x.response))
    .toEqual([BEST[0]!.response, BEST[1]!.response]);
  // The failed fetches are expected here: the browser reports them, and the module logs what it could not load.
  const expected =
    /friend-request\.js|could not load part of the module|Failed to fetch dynamically imported module|ERR_INTERNET_DISCONNECTED/;
  pageErrors.splice(0, pageErrors.length, ...pageErrors.filter((e) => !expected.test(e)));
});
