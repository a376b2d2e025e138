/**
 * Reusable steps for the end-to-end tests: launch a built module in the local LMS page,
 * answer scenarios, and read what the SCO told the LMS (window.lmsLog, window.lmsApi).
 */
import { test as base, expect, type FrameLocator, type Locator, type Page } from '@playwright/test';
import { checkCalls, checkFinished, type Call, type Version } from '../../scorm/strict.js';
import { PROFILE_INTERACTION } from '../../src/core/profile.js';

export type { Call, Version };
export const VERSIONS: readonly Version[] = ['2004', '1.2'];

/** What the player page exposes to tests (see scorm/player/player.ts). */
interface PlayerWindow {
  lmsLog: Call[];
  lmsApi: { getFlattenedCMI(): Record<string, unknown> };
  lmsVersion: Version;
}

/**
 * The test fixture every spec uses: it collects console errors and uncaught exceptions
 * from the player and the SCO frame (a CSP violation is a console error) and fails the
 * test when there are any.
 */
export const test = base.extend<{ pageErrors: string[] }>({
  pageErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(`console error: ${message.text()} (${message.location().url})`);
      });
      page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
      await use(errors);
      expect(errors, 'console errors or uncaught exceptions in the player or the module').toEqual([]);
    },
    { auto: true },
  ],
});
export { expect };

export interface LaunchOptions {
  module?: string;
  version: Version;
  mode?: 'normal' | 'review' | 'browse';
  learner?: string;
  /** The player's fault profiles (scorm/player/player.ts), such as `moodle`. */
  profile?: string;
}

/**
 * The module is running and has read the LMS: <fl-course> is on the page, or the first
 * screen that index.html shows before the app runs has its Start button enabled.
 */
export const MODULE_READY = 'fl-course, #fl-first-screen [data-start]:not([disabled])';

/** The save status line, on <fl-course> or on the first screen. */
export const SAVE_STATUS = 'fl-course [data-save-status], #fl-first-screen [data-save-status]';

/** Opens the local LMS page with a module and waits for the module's first screen. */
export async function launch(page: Page, options: LaunchOptions): Promise<FrameLocator> {
  const params = new URLSearchParams({ module: options.module ?? 'sample', version: options.version });
  if (options.mode) params.set('mode', options.mode);
  if (options.learner) params.set('learner', options.learner);
  if (options.profile) params.set('profile', options.profile);
  await page.goto(`/player/?${params}`);
  const frame = page.frameLocator('#sco');
  await expect(frame.locator(MODULE_READY).first()).toBeAttached();
  await expect(frame.getByRole('heading', { level: 1 })).toBeVisible();
  return frame;
}

/** The h1 on screen (the intro, a scenario or the results). */
export function heading(frame: FrameLocator): Locator {
  return frame.getByRole('heading', { level: 1 });
}

/** Presses Start (or "Continue where you left off") on the introduction. */
export async function start(frame: FrameLocator): Promise<void> {
  const button = frame.getByRole('button', { name: /^(Start|Continue where you left off)$/ });
  await button.click();
  await expect(button).toHaveCount(0);
}

/**
 * The name of a choice's button, from the choice's words: an action on a post whose words do
 * not start with its verb is named with the verb first ("Reply: Thank Marcus…").
 */
export function choiceName(text: string): RegExp {
  return new RegExp(`(^|: )${escapeRegExp(text)}$`);
}

/** `text` as a regular expression that matches it literally. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Answers the scenario on screen with the choice whose text is `choiceText`: picks the
 * radio, or selects the choice's button (an action on a post or a plain button, named by
 * the choice's words), then presses "Submit answer" and waits for the feedback.
 */
export async function answer(frame: FrameLocator, choiceText: string): Promise<void> {
  const radio = frame.getByRole('radio', { name: choiceText, exact: true });
  const button = frame.getByRole('button', { name: choiceName(choiceText) });
  await expect(radio.or(button).first()).toBeVisible();
  if ((await radio.count()) > 0) await radio.check();
  else {
    await button.click();
    await expect(button).toHaveAttribute('aria-pressed', 'true');
  }
  await frame.getByRole('button', { name: 'Submit answer' }).click();
  await expect(feedbackHeading(frame)).toBeVisible();
}

/** The "Feedback" heading shown once a scenario is answered. */
export function feedbackHeading(frame: FrameLocator): Locator {
  return frame.getByRole('heading', { name: 'Feedback', level: 2 });
}

/** Presses "Continue" (or "See your results" after the last scenario). `continue` is a reserved word. */
export async function pressContinue(frame: FrameLocator): Promise<void> {
  await frame.getByRole('button', { name: /^(Continue|See your results)$/ }).click();
  await expect(feedbackHeading(frame)).toHaveCount(0);
}

/** The title of the scenario (or screen) now showing. */
export async function expectScreen(frame: FrameLocator, title: string | RegExp): Promise<void> {
  await expect(heading(frame)).toHaveText(title);
}

/** Presses "Finish and exit" on the results and waits for the goodbye screen. */
export async function finishAndExit(frame: FrameLocator): Promise<void> {
  await frame.getByRole('button', { name: 'Finish and exit' }).click();
  await expectScreen(frame, 'You have left the module');
}

/** The LMS data now, flattened (`cmi.core.score.raw` -> "100"), including 1.2's write-only fields. */
export async function readCmi(page: Page): Promise<Record<string, string>> {
  const flat = await page.evaluate(() => (window as unknown as PlayerWindow).lmsApi.getFlattenedCMI());
  return Object.fromEntries(Object.entries(flat).map(([k, v]) => [k, v == null ? '' : String(v)]));
}

/**
 * Every API call the SCO made in this page load, in order: none yet where the player page has
 * only started loading (just after a reload), before it has made its log.
 */
export async function readLog(page: Page): Promise<Call[]> {
  return page.evaluate(() =>
    ((window as unknown as Partial<PlayerWindow>).lmsLog ?? []).map((c) => ({
      fn: c.fn,
      args: c.args.map(String),
      result: String(c.result),
      error: String(c.error),
    })),
  );
}

/** Asserts that every call passes the strict checker and that none set an error code. */
export function expectCleanCalls(version: Version, log: readonly Call[]): void {
  expect(log.length, 'the SCO made API calls').toBeGreaterThan(0);
  expect(checkCalls(version, log), 'strict rules broken by the SCO').toEqual([]);
  expect(
    log.filter((c) => c.error !== '0'),
    'calls with a non-zero error code',
  ).toEqual([]);
  expect(
    log.filter((c) => c.result === 'false'),
    'calls that returned false',
  ).toEqual([]);
}

/** Reads the log and checks it with expectCleanCalls. */
export async function expectCleanLog(page: Page, version: Version): Promise<Call[]> {
  const log = await readLog(page);
  expectCleanCalls(version, log);
  return log;
}

/** Asserts that the final data is what an LMS such as Moodle needs to grade a finished attempt. */
export function expectFinished(version: Version, cmi: Record<string, string>): void {
  expect(checkFinished(version, cmi), 'finished attempt data').toEqual([]);
}

export interface Interaction {
  id: string;
  type: string;
  response: string;
  pattern: string;
  result: string;
  objective: string;
}

/** The decisions in the LMS data, in order (the learner's profile, not a decision, left out: profileResponses). */
export function interactions(version: Version, cmi: Record<string, string>): Interaction[] {
  return allInteractions(version, cmi).filter((i) => i.id !== PROFILE_INTERACTION);
}

/** The responses of the `learner-profile` interactions, in order (1.2 adds one per change; 2004 keeps one). */
export function profileResponses(version: Version, cmi: Record<string, string>): string[] {
  return allInteractions(version, cmi)
    .filter((i) => i.id === PROFILE_INTERACTION)
    .map((i) => i.response);
}

function allInteractions(version: Version, cmi: Record<string, string>): Interaction[] {
  const out: Interaction[] = [];
  const response = version === '1.2' ? 'student_response' : 'learner_response';
  for (let n = 0; `cmi.interactions.${n}.id` in cmi; n++) {
    const p = `cmi.interactions.${n}`;
    out.push({
      id: cmi[`${p}.id`] ?? '',
      type: cmi[`${p}.type`] ?? '',
      response: cmi[`${p}.${response}`] ?? '',
      pattern: cmi[`${p}.correct_responses.0.pattern`] ?? '',
      result: cmi[`${p}.result`] ?? '',
      objective: cmi[`${p}.objectives.0.id`] ?? '',
    });
  }
  return out;
}

/** The element names that differ between the versions. */
export function elements(version: Version) {
  return version === '1.2'
    ? {
        exit: 'cmi.core.exit',
        sessionTime: 'cmi.core.session_time',
        status: 'cmi.core.lesson_status',
        raw: 'cmi.core.score.raw',
        min: 'cmi.core.score.min',
        max: 'cmi.core.score.max',
        wrong: 'wrong',
        term: 'LMSFinish',
        init: 'LMSInitialize',
        set: 'LMSSetValue',
      }
    : {
        exit: 'cmi.exit',
        sessionTime: 'cmi.session_time',
        status: 'cmi.success_status',
        raw: 'cmi.score.raw',
        min: 'cmi.score.min',
        max: 'cmi.score.max',
        wrong: 'incorrect',
        term: 'Terminate',
        init: 'Initialize',
        set: 'SetValue',
      };
}

/** The element that is really focused, looking through shadow roots, inside the SCO frame. */
export async function deepFocus(frame: FrameLocator): Promise<{ tag: string; id: string; text: string }> {
  return frame.locator('body').evaluate(() => {
    let el: Element | null = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return { tag: el?.tagName.toLowerCase() ?? '', id: el?.id ?? '', text: (el?.textContent ?? '').trim() };
  });
}
