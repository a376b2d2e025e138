/**
 * Steps shared by the fault and review tests: launch the sample module in the local LMS
 * page with a fault profile (scorm/player/player.js), play a path through it wherever it
 * runs (a frame, nested frames, a popup), and check what reached the LMS.
 * Builds on helpers.ts (the test fixture, the log and the cmi readers).
 */
import type { ConsoleMessage, FrameLocator, Locator, Page } from '@playwright/test';
import { checkCalls } from '../../scorm/strict.js';
import {
  MODULE_READY,
  SAVE_STATUS,
  elements,
  expect,
  expectCleanCalls,
  interactions,
  type Call,
  type Version,
} from './helpers.js';

/** Somewhere the module runs: the frame inside the player, a frame further down, or a popup. */
export type Scope = Pick<FrameLocator, 'getByRole' | 'getByText' | 'locator'>;

export type Profile =
  | 'strict'
  | 'commit-false'
  | 'commit-throws'
  | 'empty'
  | 'vanish'
  | 'slow'
  | 'opener'
  | 'deep'
  | 'cross-origin'
  | 'none';

/** The learner id the player gives, and the sample module's id and version (the journal's key). */
export const LEARNER_ID = 'learner-1';
export const MODULE = { id: 'sample', version: '1.0.0', title: 'Frontline sample module', passMark: 80 };

export const TEXT = {
  saving: 'Saving your progress…',
  saved: 'Progress saved',
  retrying: 'Not saved yet, retrying',
  unresponsive: 'Your learning system is not responding: do not close this window yet',
  standalone: 'Progress kept in this browser only',
  tryAgain: 'Try saving again',
  pending: 'Your result has not been saved by your learning system yet',
  recorded: /Your learning system has recorded/,
  finish: 'Finish and exit',
  left: 'You have left the module',
  completed: 'You have completed this module',
  notRecording: 'Your progress is not being recorded',
} as const;

export interface Step {
  scenarioId: string;
  title: string;
  /** The choice as the learner sees it. */
  text: string;
  /** The choice as the LMS stores it (learner_response / student_response). */
  response: string;
  /** The correct response the LMS is told. */
  pattern: string;
  objective: string;
  correct: boolean;
}

const WARD = {
  scenarioId: 'ward-selfie',
  title: 'A selfie on the ward',
  objective: 'confidentiality',
  pattern: 'delete_and_report',
};
const MANAGER = {
  scenarioId: 'ward-selfie-manager',
  title: 'Your manager asks about the selfie',
  objective: 'confidentiality',
  pattern: 'be_open',
};
const FRIEND = {
  scenarioId: 'friend-request',
  title: 'A friend request from a former patient',
  objective: 'boundaries',
  pattern: 'decline_and_signpost',
};
const NIGHT = {
  scenarioId: 'night-shift-post',
  title: 'A post after a hard shift',
  objective: 'confidentiality',
  pattern: 'debrief_instead',
};

/** Best answers: 100%, passed. */
export const BEST: readonly Step[] = [
  {
    ...WARD,
    text: 'Ask Priya to delete it now and report it as an incident',
    response: 'delete_and_report',
    correct: true,
  },
  {
    ...FRIEND,
    text: 'Decline, and suggest she asks her GP or pharmacist',
    response: 'decline_and_signpost',
    correct: true,
  },
  { ...NIGHT, text: 'Do not post it; talk it through at the team debrief', response: 'debrief_instead', correct: true },
];

/** Worst answers, through the "Leave it" branch to the manager's follow-up: 0%, failed. */
export const WORST: readonly Step[] = [
  { ...WARD, text: 'Leave it: it will only be up for a few minutes', response: 'leave_it', correct: false },
  {
    ...MANAGER,
    text: 'Say you did not notice the patient board in the photo',
    response: 'say_nothing',
    correct: false,
  },
  {
    ...FRIEND,
    text: 'Accept and answer her question in a private message',
    response: 'accept_and_advise',
    correct: false,
  },
  {
    ...NIGHT,
    text: 'Post it, but change the settings so only friends see it',
    response: 'friends_only',
    correct: false,
  },
];

export interface PlayerOptions {
  version: Version;
  profiles?: Profile[];
  delay?: number;
  mode?: 'review' | 'browse';
  attempt?: 'same';
}

/** The local LMS page's address for these options. */
export function playerUrl(options: PlayerOptions): string {
  const params = new URLSearchParams({ module: MODULE.id, version: options.version });
  if (options.profiles?.length) params.set('profile', options.profiles.join(','));
  if (options.delay !== undefined) params.set('delay', String(options.delay));
  if (options.mode) params.set('mode', options.mode);
  if (options.attempt) params.set('attempt', options.attempt);
  return `/player/?${params}`;
}

/** Where the module is inside the player for a profile: #sco, or frames below it (scorm/player/frame.html). */
export function moduleFrame(page: Page, profiles: readonly Profile[] = []): FrameLocator {
  const sco = page.frameLocator('#sco');
  if (profiles.includes('deep')) return sco.frameLocator('#inner').frameLocator('#inner').frameLocator('#inner');
  if (profiles.includes('cross-origin')) return sco.frameLocator('#inner');
  return sco;
}

/** Opens the player and waits for the module's first screen; returns where the module runs. */
export async function openPlayer(page: Page, options: PlayerOptions): Promise<FrameLocator> {
  await page.goto(playerUrl(options));
  const scope = moduleFrame(page, options.profiles);
  await waitForModule(scope, options.delay);
  return scope;
}

/** Waits for the module to have read the LMS, and its h1 (a slow LMS holds the launch up: allow for it). */
export async function waitForModule(scope: Scope, delay = 0): Promise<void> {
  const timeout = 10_000 + 40 * delay;
  await expect(scope.locator(MODULE_READY).first()).toBeAttached({ timeout });
  await expect(scope.getByRole('heading', { level: 1 })).toBeVisible({ timeout });
}

/** The save status line of the course shell (not the feedback's live region). */
export function saveStatus(scope: Scope): Locator {
  return scope.locator(SAVE_STATUS);
}

export function heading1(scope: Scope): Locator {
  return scope.getByRole('heading', { level: 1 });
}

export function finishButton(scope: Scope): Locator {
  return scope.getByRole('button', { name: TEXT.finish });
}

/** Presses Start (or "Continue where you left off"). */
export async function startIn(scope: Scope): Promise<void> {
  const button = scope.getByRole('button', { name: /^(Start|Continue where you left off)$/ });
  await button.click();
  await expect(button).toHaveCount(0);
}

/** Answers the scenario on screen (the sample's scenarios all use radios) and waits for the feedback. */
export async function answerIn(scope: Scope, step: Step, timeout?: number): Promise<void> {
  await expect(heading1(scope)).toHaveText(step.title, { timeout });
  await scope.getByRole('radio', { name: step.text, exact: true }).check({ timeout });
  await scope.getByRole('button', { name: 'Submit answer' }).click({ timeout });
  await expect(scope.getByRole('heading', { name: 'Feedback', level: 2 })).toBeVisible({ timeout });
}

/** Presses Continue / See your results and waits for the next screen. */
export async function continueIn(scope: Scope, timeout?: number): Promise<void> {
  await scope.getByRole('button', { name: /^(Continue|See your results)$/ }).click({ timeout });
  await expect(scope.getByRole('heading', { name: 'Feedback', level: 2 })).toHaveCount(0, { timeout });
}

/** Answers each step and continues, ending on the results (or on the next scenario). */
export async function playSteps(scope: Scope, steps: readonly Step[], timeout?: number): Promise<void> {
  for (const step of steps) {
    await answerIn(scope, step, timeout);
    await continueIn(scope, timeout);
  }
}

/** The results screen, with one reviewed decision (h3) per step, in order. */
export async function expectResults(scope: Scope, steps: readonly Step[], timeout?: number): Promise<void> {
  await expect(heading1(scope)).toHaveText('Your results', { timeout });
  const passed = steps.filter((s) => s.correct).length / steps.length >= MODULE.passMark / 100;
  await expect(scope.getByText(passed ? 'You passed' : 'You did not pass')).toBeVisible();
  await scope.getByText(/^Show each decision and why/).click(); // the review is folded away until asked for
  await expect(scope.getByRole('heading', { level: 3 })).toHaveText(steps.map((s) => s.title));
}

/**
 * The results say the result is not saved yet, and "Finish and exit" cannot be pressed.
 * Soft, so that a run where this is wrong still goes on to check the recovery (the test fails either way);
 * the results and the save status have settled by the time this is called, so a short wait is enough.
 */
export async function expectResultsNotSaved(scope: Scope): Promise<void> {
  const timeout = 1_000;
  await expect.soft(scope.getByText(TEXT.pending), 'results say the result is not saved yet').toBeVisible({ timeout });
  await expect
    .soft(scope.getByText(TEXT.recorded), 'results do not claim the LMS recorded it')
    .toHaveCount(0, { timeout });
  await expect.soft(finishButton(scope), '"Finish and exit" is disabled until saved').toBeDisabled({ timeout });
}

/** The results say the LMS recorded the result, and "Finish and exit" can be pressed. */
export async function expectResultsSaved(scope: Scope): Promise<void> {
  await expect(scope.getByText(TEXT.pending)).toHaveCount(0);
  await expect(scope.getByText(TEXT.recorded)).toBeVisible();
  await expect(finishButton(scope)).toBeEnabled();
}

export async function finishIn(scope: Scope): Promise<void> {
  await finishButton(scope).click();
  await expect(heading1(scope)).toHaveText(TEXT.left);
}

/** What the LMS should hold for a path: one interaction per decision, in order. */
export function expectedInteractions(version: Version, steps: readonly Step[]) {
  return steps.map((s) => ({
    id: s.scenarioId,
    type: 'choice',
    response: s.response,
    pattern: s.pattern,
    result: s.correct ? 'correct' : elements(version).wrong,
    objective: s.objective,
  }));
}

/** Every decision reached the LMS exactly once, in the order made. */
export function expectDecisionsReported(version: Version, cmi: Record<string, string>, steps: readonly Step[]): void {
  const found = interactions(version, cmi);
  expect(found, 'interactions in the LMS data').toEqual(expectedInteractions(version, steps));
  expect(new Set(found.map((x) => x.id)).size, 'no interaction reported twice').toBe(found.length);
}

/** Initialize and Terminate (LMSFinish) once each, Terminate last: nothing was called after it. */
export function expectNothingAfterTerminate(version: Version, log: readonly Call[]): void {
  const el = elements(version);
  expect(
    log.filter((c) => c.fn === el.init),
    `${el.init} calls`,
  ).toHaveLength(1);
  expect(
    log.filter((c) => c.fn === el.term),
    `${el.term} calls`,
  ).toHaveLength(1);
  const after = log.slice(log.findIndex((c) => c.fn === el.term) + 1);
  expect(
    after.map((c) => c.fn),
    `calls after ${el.term}`,
  ).toEqual([]);
}

/**
 * The strict checks of helpers.expectCleanCalls, leaving out only the calls the fault
 * itself made fail (commits that returned false / null / threw, GetValues an LMS emptied).
 * Every SetValue must still have been accepted.
 */
export function expectCleanApartFromFault(
  version: Version,
  log: readonly Call[],
  faulted: (call: Call) => boolean,
): Call[] {
  expect(checkCalls(version, log), 'strict rules broken by the SCO (whole log)').toEqual([]);
  const set = elements(version).set;
  const sets = log.filter((c) => c.fn === set);
  expect(
    sets.filter((c) => c.result !== 'true' || c.error !== '0'),
    'SetValue calls the LMS refused',
  ).toEqual([]);
  const failed = log.filter(faulted);
  expect(failed.length, 'the fault made some calls fail').toBeGreaterThan(0);
  expectCleanCalls(
    version,
    log.filter((c) => !faulted(c)),
  );
  return failed;
}

/** What the finished attempt tells a grading LMS such as Moodle (docs/DESIGN.md, "What real LMSs enforce"). */
export function expectGradable(version: Version, cmi: Record<string, string>, log: readonly Call[]): void {
  const el = elements(version);
  const raw = cmi[el.raw] ?? '';
  expect(raw, `${el.raw} is set`).toMatch(/^\d+(\.\d+)?$/);
  expect(Number(raw)).toBeGreaterThanOrEqual(0);
  expect(Number(raw)).toBeLessThanOrEqual(100);
  expect(cmi[el.min], el.min).toBe('0');
  expect(cmi[el.max], el.max).toBe('100');
  const expected = Number(raw) >= MODULE.passMark ? 'passed' : 'failed';
  if (version === '2004') {
    expect(cmi['cmi.success_status'], 'cmi.success_status set by the SCO').toBe(expected);
    expect(cmi['cmi.completion_status']).toBe('completed');
    expect(Number(cmi['cmi.score.scaled'])).toBeCloseTo(Number(raw) / 100, 2);
    // Moodle rejects a hyphen in a choice response (error 406), in the data and in every write.
    const responses = Object.entries(cmi).filter(([k]) =>
      /^cmi\.interactions\.\d+\.(learner_response|correct_responses\.\d+\.pattern)$/.test(k),
    );
    expect(responses.length, 'responses and patterns in the data').toBeGreaterThan(0);
    expect(
      responses.filter(([, v]) => v.includes('-')),
      'responses or patterns with a hyphen',
    ).toEqual([]);
    const written = log.filter(
      (c) => c.fn === el.set && /\.(learner_response|correct_responses\.\d+\.pattern)$/.test(c.args[0] ?? ''),
    );
    expect(written.length).toBeGreaterThan(0);
    expect(
      written.filter((c) => (c.args[1] ?? '').includes('-')),
      'responses or patterns written with a hyphen',
    ).toEqual([]);
  } else {
    expect(cmi['cmi.core.lesson_status'], `lesson_status for a score of ${raw} (mastery ${MODULE.passMark})`).toBe(
      expected,
    );
  }
}

/** The journal's key in the module's local storage ('anonymous' when the LMS gave no learner id). */
export function journalKey(version: Version, learner = LEARNER_ID): string {
  return `frontline:journal:${learner}:${MODULE.id}:${MODULE.version}:${version}`;
}

export interface JournalEntry {
  data: string;
  decisions: number;
  acknowledged: boolean;
  finished: boolean;
  attempt: number;
}

/** Reads the journal in the module's own origin (the frame or popup it runs in). */
export async function readJournal(scope: Scope, version: Version, learner = LEARNER_ID): Promise<JournalEntry | null> {
  return scope
    .locator('body')
    .evaluate(
      (_body, key) => JSON.parse(localStorage.getItem(key) ?? 'null') as JournalEntry | null,
      journalKey(version, learner),
    );
}

/** Removes every frontline:journal:* key from the module's local storage; returns the keys removed. */
export async function clearJournals(scope: Scope): Promise<string[]> {
  return scope.locator('body').evaluate(() => {
    const keys = Object.keys(localStorage).filter((k) => k.startsWith('frontline:journal:'));
    for (const k of keys) localStorage.removeItem(k);
    return keys;
  });
}

/** The local LMS's stored attempt (what a relaunch gets), read from the player's origin. */
export async function readStoredAttempt(page: Page, version: Version): Promise<Record<string, string> | null> {
  return page.evaluate(
    (key) => JSON.parse(localStorage.getItem(key) ?? 'null') as Record<string, string> | null,
    `frontline-lms:${MODULE.id}:${version}`,
  );
}

/** The player's window.lmsViolations (strict profile). */
export async function readViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { lmsViolations: string[] }).lmsViolations);
}

/** Calls window.lmsRecover() or window.lmsVanish() on the player. */
export async function lms(page: Page, action: 'lmsRecover' | 'lmsVanish'): Promise<void> {
  await page.evaluate((name) => (window as unknown as Record<string, () => void>)[name]!(), action);
}

export interface DomSnapshot {
  feedback: boolean;
  status: string;
}

/**
 * Hooks the player's API so that, when the SCO writes the id of interaction 0 (the first
 * decision reaching the LMS), it records what the module's page held at that moment.
 */
export async function watchFirstDecisionWrite(page: Page, version: Version): Promise<void> {
  await page.evaluate((v) => {
    const w = window as unknown as Record<string, unknown> & { lmsFirstDecisionDom?: unknown };
    const api = w[v === '1.2' ? 'API' : 'API_1484_11'] as Record<string, (...a: string[]) => unknown>;
    const set = v === '1.2' ? 'LMSSetValue' : 'SetValue';
    const original = api[set]!;
    api[set] = (...args: string[]) => {
      if (args[0] === 'cmi.interactions.0.id' && !w.lmsFirstDecisionDom) {
        const doc = (document.getElementById('sco') as HTMLIFrameElement).contentDocument!;
        const all: Element[] = [];
        const walk = (root: Document | ShadowRoot) =>
          root.querySelectorAll('*').forEach((e) => {
            all.push(e);
            if (e.shadowRoot) walk(e.shadowRoot);
          });
        walk(doc);
        w.lmsFirstDecisionDom = {
          feedback: all.some((e) => e.tagName === 'H2' && e.textContent?.trim() === 'Feedback'),
          status: all.find((e) => e.matches('[data-save-status]'))?.textContent?.trim() ?? '',
        };
      }
      return original(...args);
    };
  }, version);
}

export async function readFirstDecisionDom(page: Page): Promise<DomSnapshot | undefined> {
  return page.evaluate(() => (window as unknown as { lmsFirstDecisionDom?: DomSnapshot }).lmsFirstDecisionDom);
}

/** Collects console warnings (from every frame of the page) as text. */
export function collectWarnings(page: Page): string[] {
  const warnings: string[] = [];
  page.on('console', (m: ConsoleMessage) => {
    if (m.type() === 'warning') warnings.push(m.text());
  });
  return warnings;
}

/**
 * Records, in every module page of this browser page, each save status the learner was
 * shown, in order (sampled every 20 ms), so that a status shown only briefly is still seen
 * on a slow machine. Call before the player is opened; read with readStatusHistory.
 */
export async function recordStatusHistory(page: Page): Promise<void> {
  await page.addInitScript(() => {
    if (!location.pathname.startsWith('/content/')) return;
    const history: string[] = [];
    (window as unknown as { flStatusHistory: string[] }).flStatusHistory = history;
    setInterval(() => {
      const region =
        document.querySelector('fl-course')?.shadowRoot?.querySelector('[data-save-status]') ??
        document.querySelector('#fl-first-screen [data-save-status]');
      const text = region?.textContent?.trim() ?? '';
      if (text && history[history.length - 1] !== text) history.push(text);
    }, 20);
  });
}

export async function readStatusHistory(scope: Scope): Promise<string[]> {
  return scope
    .locator('body')
    .evaluate(() => [...((window as unknown as { flStatusHistory?: string[] }).flStatusHistory ?? [])]);
}

/** The learner was shown these statuses in this order (others may come between). */
export async function expectStatusesShown(scope: Scope, expected: readonly string[]): Promise<void> {
  const history = await readStatusHistory(scope);
  let from = 0;
  for (const text of expected) {
    const at = history.indexOf(text, from);
    expect(
      at,
      `"${text}" shown after ${JSON.stringify(expected.slice(0, expected.indexOf(text)))}; history ${JSON.stringify(history)}`,
    ).toBeGreaterThanOrEqual(0);
    from = at + 1;
  }
}
