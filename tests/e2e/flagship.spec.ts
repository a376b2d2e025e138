/**
 * The flagship module (social-media-nhs) end to end: it builds into both packages, and a
 * learner can finish it with every best answer (passed, full marks), with every worst
 * answer (failed), and down every branch. The paths are worked out from the content, so
 * the tests follow the content as it changes. What the LMS is told is checked against
 * the decisions made, and the resume data is measured against SCORM 1.2's limit.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test as plain } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { SUSPEND_DATA_BUDGET } from '../../src/compiler/course.js';
import { worstCaseLength } from '../../src/core/resume.js';
import {
  VERSIONS,
  elements,
  expect,
  expectCleanLog,
  expectFinished,
  finishAndExit,
  interactions,
  launch,
  readCmi,
  test,
  type Version,
} from './helpers.js';
import {
  BEST,
  MODULE,
  ROOT,
  WORST,
  branchChoices,
  expectedInteractions,
  expectedRaw,
  flagship,
  followUps,
  lmsId,
  plan,
  playPlan,
  type Policy,
  type Step,
} from './flagship-helpers.js';

/** The runs below between them take every branch: best takes the good ones, worst the bad ones. */
const RUNS: readonly Policy[] = [BEST, WORST];

function ids(steps: readonly Step[]): string[] {
  return steps.map((s) => s.scenario.id);
}

plain.describe('social-media-nhs, built', () => {
  plain('builds into a SCORM 1.2 and a SCORM 2004 package', () => {
    for (const [file, schema] of [
      ['scorm12', '1.2'],
      ['scorm2004', '2004 4th Edition'],
    ] as const) {
      const path = join(ROOT, 'dist', `${MODULE}-${file}.zip`);
      expect(existsSync(path), `${path} exists (run npm run build first)`).toBe(true);
      const files = unzipSync(new Uint8Array(readFileSync(path)));
      expect(Object.keys(files)).toEqual(expect.arrayContaining(['imsmanifest.xml', 'index.html']));
      expect(strFromU8(files['imsmanifest.xml']!)).toContain(`<schemaversion>${schema}</schemaversion>`);
    }
  });

  plain('its worst-case suspend_data fits SCORM 1.2 with the margin (at most 4,000 characters)', () => {
    const course = flagship();
    const worst = worstCaseLength(course);
    console.log(
      `social-media-nhs worst-case suspend_data: ${worst} characters (budget ${SUSPEND_DATA_BUDGET}, SCORM 1.2 limit 4096)`,
    );
    expect(SUSPEND_DATA_BUDGET).toBe(4000);
    expect(worst).toBeLessThanOrEqual(4000);
    // The bound really is a bound: every scenario answered, every feed item picked.
    expect(worst).toBeGreaterThanOrEqual(`1:${course.fingerprint}:`.length + course.scenarios.length * 5 - 1);
  });

  plain('has 13 main-path scenarios and 4 follow-ups, and the planned runs take every branch', () => {
    const course = flagship();
    expect(course.order).toHaveLength(13);
    expect(followUps(course)).toHaveLength(4);
    const branches = branchChoices(course);
    expect(branches).toHaveLength(4);
    // Every follow-up is reached by some branch.
    expect(new Set(branches.map((b) => b.choice.next))).toEqual(new Set(followUps(course).map((s) => s.id)));

    const taken = new Set(
      RUNS.flatMap((policy) =>
        plan(course, policy).flatMap((step) => step.picks.filter((c) => c.next).map((c) => c.id)),
      ),
    );
    expect([...taken].sort()).toEqual(branches.map((b) => b.choice.id).sort());
    const visited = new Set(RUNS.flatMap((policy) => ids(plan(course, policy))));
    for (const s of course.scenarios) expect(visited.has(s.id), `some run visits ${s.id}`).toBe(true);
    // Each follow-up comes straight after the choice that leads to it.
    for (const policy of RUNS) {
      const steps = plan(course, policy);
      steps.forEach((step, i) => {
        const next = step.picks[0]!.next;
        if (step.scenario.select === 'one' && next) expect(steps[i + 1]?.scenario.id).toBe(next);
      });
    }
  });
});

/** Plays a whole run, finishes, and checks everything the LMS holds against the plan. */
async function playRun(page: import('@playwright/test').Page, version: Version, policy: Policy) {
  const course = flagship();
  const steps = plan(course, policy);
  test.slow(); // a whole run of 15 screens; the machine is shared
  const frame = await launch(page, { module: MODULE, version });
  await playPlan(course, frame, steps, {
    // A follow-up says it is one ("What happens next") and shows no "Scenario n of 13".
    // (answerStep checks the kicker of every screen: "Scenario n of 13" or "What happens next".)
    before: async (step) => {
      if (step.main >= 0) return;
      await expect(frame.getByText('What happens next', { exact: true })).toBeVisible();
      await expect(frame.getByText(/^Scenario \d+ of \d+$/)).toHaveCount(0);
    },
  });
  const raw = expectedRaw(steps);
  await expect(frame.getByText(`${raw}%`, { exact: true })).toBeVisible();
  await finishAndExit(frame);

  const cmi = await readCmi(page);
  const el = elements(version);
  const found = interactions(version, cmi);
  const suspend = cmi['cmi.suspend_data'] ?? '';
  console.log(
    `social-media-nhs ${policy.name} run, SCORM ${version}: ${steps.length} decisions, ` +
      `${steps.filter((s) => s.main < 0).length} follow-ups, score ${cmi[el.raw]}, suspend_data ${suspend.length} characters`,
  );

  // One interaction per decision, in path order, with the choice ids as SCORM ids.
  expect(found).toHaveLength(steps.length);
  expect(found.map((x) => x.id)).toEqual(ids(steps));
  expect(found).toEqual(expectedInteractions(version, steps));
  if (version === '2004') {
    for (const x of found) {
      expect(x.response, `${x.id} learner_response`).not.toContain('-');
      expect(x.pattern, `${x.id} correct_responses pattern`).not.toContain('-');
    }
  }
  expect(cmi[el.raw]).toBe(String(raw));
  expect(cmi[el.min]).toBe('0');
  expect(cmi[el.max]).toBe('100');
  expect(suspend.length).toBeGreaterThan(0);
  expect(suspend.length).toBeLessThanOrEqual(4000);
  expect(suspend.length).toBeLessThanOrEqual(worstCaseLength(course));

  await expectCleanLog(page, version);
  expectFinished(version, cmi);
  return { steps, cmi, found };
}

test.describe.configure({ mode: 'parallel' });

for (const version of VERSIONS) {
  test.describe(`social-media-nhs, SCORM ${version}`, () => {
    test('every best answer: passed with full marks, one correct interaction per decision', async ({ page }) => {
      const { steps, cmi, found } = await playRun(page, version, BEST);
      expect(steps.every((s) => s.score === 1)).toBe(true);
      expect(cmi[elements(version).raw]).toBe('100');
      if (version === '2004') {
        expect(cmi['cmi.completion_status']).toBe('completed');
        expect(cmi['cmi.success_status']).toBe('passed');
        expect(cmi['cmi.score.scaled']).toBe('1');
      } else {
        expect(cmi['cmi.core.lesson_status']).toBe('passed');
      }
      expect(found.map((x) => x.result)).toEqual(steps.map(() => 'correct'));
      // The best answers lead down the good branches, each reported under the follow-up's id.
      expect(found.map((x) => x.id)).toEqual(expect.arrayContaining(['trending-complaint-comms', 'clinic-page-login']));
      expect(found.find((x) => x.id === 'trending-complaint')?.response).toBe(lmsId('tell-comms'));
      expect(found.find((x) => x.id === 'clinic-page')?.response).toBe(lmsId('phone-and-tell-comms'));
    });

    test('every worst answer: failed, one wrong interaction per decision, down the bad branches', async ({ page }) => {
      const { steps, cmi, found } = await playRun(page, version, WORST);
      expect(steps.every((s) => s.score === 0)).toBe(true);
      expect(cmi[elements(version).raw]).toBe('0');
      if (version === '2004') {
        expect(cmi['cmi.completion_status']).toBe('completed');
        expect(cmi['cmi.success_status']).toBe('failed');
        expect(Number(cmi['cmi.score.scaled'])).toBe(0);
      } else {
        expect(cmi['cmi.core.lesson_status']).toBe('failed');
      }
      expect(found.map((x) => x.result)).toEqual(steps.map(() => elements(version).wrong));
      expect(found.map((x) => x.id)).toEqual(
        expect.arrayContaining(['trending-complaint-replies', 'missed-observations-manager']),
      );
      expect(found.find((x) => x.id === 'trending-complaint')?.response).toBe(lmsId('reply-to-sian'));
      expect(found.find((x) => x.id === 'missed-observations')?.response).toBe(lmsId('post-publicly'));
    });
  });
}
