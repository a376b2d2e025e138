/**
 * Paths through the flagship module (social-media-nhs), worked out from its content rather
 * than written out by hand: a policy picks the choices on each screen, `plan` follows the
 * branches the way the module should, and `playPlan` answers each screen the way its UI
 * needs (radio + Submit, an action button on a post, a plain button, or the feed's
 * checkboxes + Submit) and presses Continue until "Your results".
 */
import { fileURLToPath } from 'node:url';
import type { FrameLocator, Page } from '@playwright/test';
import { loadCourse } from '../../src/compiler/course.js';
import type { Choice, Course, Scenario } from '../../src/core/model.js';
import { RESPONSE_SEPARATOR } from '../../src/core/scorm-names.js';
import {
  answer,
  choiceName,
  elements,
  expect,
  feedbackHeading,
  heading,
  pressContinue,
  start,
  type Interaction,
  type Version,
} from './helpers.js';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const MODULE = 'social-media-nhs';
export const MODULE_TITLE = 'Social media and the NHS';
/** The page the SCO runs from, opened on its own (no LMS: standalone mode, no player frame). */
export const STANDALONE_URL = `/content/${MODULE}/index.html`;

let cached: Course | undefined;
/** The flagship course, compiled from content/ and modules/ as the build does. */
export function flagship(): Course {
  cached ??= loadCourse(ROOT, MODULE).course;
  return cached;
}

export function scenario(course: Course, id: string): Scenario {
  const found = course.scenarios.find((s) => s.id === id);
  if (!found) throw new Error(`no scenario "${id}" in ${course.id}`);
  return found;
}

/** The id as SCORM reports it: letters, digits and `_`. */
export function lmsId(id: string): string {
  return id.replace(/-/g, '_');
}

/** Which choices a learner makes on a screen. */
export interface Policy {
  name: string;
  pick(s: Scenario): Choice[];
}

const maxScore = (s: Scenario) => Math.max(...s.choices.map((c) => c.score));
const minScore = (s: Scenario) => Math.min(...s.choices.map((c) => c.score));
/** Of equally scored choices, take the one that branches (so a policy also walks the branches). */
const preferBranch = (choices: Choice[]): Choice => choices.find((c) => c.next) ?? choices[0]!;

/** The choices that earn full marks: the best one, or in a feed every item rated best. */
export function bestChoices(s: Scenario): Choice[] {
  return s.select === 'many'
    ? s.choices.filter((c) => c.rating === 'best')
    : s.choices.filter((c) => c.score === maxScore(s));
}

/** Full marks everywhere. */
export const BEST: Policy = {
  name: 'best',
  pick: (s) => (s.select === 'many' ? bestChoices(s) : [preferBranch(bestChoices(s))]),
};

/** No marks anywhere: the lowest-scored choice (a branching one when there is one); in a feed every wrong item and no right one. */
export const WORST: Policy = {
  name: 'worst',
  pick: (s) =>
    s.select === 'many'
      ? s.choices.filter((c) => c.rating !== 'best')
      : [preferBranch(s.choices.filter((c) => c.score === minScore(s)))],
};

/** `base`, except on the scenarios named in `picks`, where those choice ids are picked. */
export function overriding(
  base: Policy,
  picks: Record<string, string[]>,
  name = `${base.name} with ${JSON.stringify(picks)}`,
): Policy {
  return {
    name,
    pick: (s) => (picks[s.id] ? s.choices.filter((c) => picks[s.id]!.includes(c.id)) : base.pick(s)),
  };
}

/** `base`, except that the scenario holding the choice `choiceId` takes that choice. */
export function taking(course: Course, base: Policy, choiceId: string): Policy {
  const holder = course.scenarios.find((s) => s.choices.some((c) => c.id === choiceId));
  if (!holder) throw new Error(`no choice "${choiceId}"`);
  return overriding(base, { [holder.id]: [choiceId] }, `${base.name}, taking ${choiceId}`);
}

/** How a screen is answered. */
export type Ui = 'radio' | 'action' | 'button' | 'feed';

export interface Step {
  scenario: Scenario;
  /** The choices picked, in content order. */
  picks: Choice[];
  /** Position on the main path (0-based), or -1 for a follow-up reached by a branch. */
  main: number;
  ui: Ui;
  /** The decision's score, 0..1, against the best available. */
  score: number;
}

/** How the UI asks for the answer: a feed has checkboxes; a scenario with actions has buttons; else radios. */
export function uiFor(s: Scenario, picks: readonly Choice[]): Ui {
  if (s.select === 'many') return 'feed';
  if (!s.choices.some((c) => c.action)) return 'radio';
  return picks[0]!.action ? 'action' : 'button';
}

function stepScore(s: Scenario, picks: readonly Choice[]): number {
  if (s.select === 'many')
    return s.choices.filter((c) => (c.rating === 'best') === picks.includes(c)).length / s.choices.length;
  return picks[0]!.score / maxScore(s);
}

/**
 * The screens a learner following `policy` sees, in order: a choice's `next` wins, then the
 * scenario's own `next`, else the main path carries on after the last main-path scenario.
 */
export function plan(course: Course, policy: Policy): Step[] {
  const steps: Step[] = [];
  let mainIndex = -1;
  let id: string | undefined = course.order[0];
  while (id && id !== 'end') {
    const s = scenario(course, id);
    const chosen = policy.pick(s);
    const picks = s.choices.filter((c) => chosen.includes(c));
    if (s.select === 'one' ? picks.length !== 1 : picks.length === 0)
      throw new Error(`policy ${policy.name} made no valid pick on ${s.id}`);
    const main = course.order.indexOf(s.id);
    if (main >= 0) mainIndex = main;
    steps.push({ scenario: s, picks, main, ui: uiFor(s, picks), score: stepScore(s, picks) });
    const branch = s.select === 'one' ? picks[0]!.next : undefined;
    id = branch ?? s.next ?? course.order[mainIndex + 1];
    if (steps.length > course.scenarios.length) throw new Error(`policy ${policy.name} goes round a loop`);
  }
  return steps;
}

/** The module score for a plan, as a whole per cent (scaled is kept to 4 decimal places). */
export function expectedRaw(steps: readonly Step[]): number {
  const scaled = Math.round((steps.reduce((a, s) => a + s.score, 0) / steps.length) * 10000) / 10000;
  return Math.round(scaled * 100);
}

/** What the LMS should hold for each decision of a plan. */
export function expectedInteractions(version: Version, steps: readonly Step[]): Interaction[] {
  return steps.map((step) => ({
    id: step.scenario.id,
    type: 'choice',
    response: step.picks.map((c) => lmsId(c.id)).join(RESPONSE_SEPARATOR[version]),
    pattern: bestChoices(step.scenario)
      .map((c) => lmsId(c.id))
      .join(RESPONSE_SEPARATOR[version]),
    result: step.score === 1 ? 'correct' : elements(version).wrong,
    objective: step.scenario.objective,
  }));
}

/** The LMS-mode player frame, or the SCO page itself in standalone mode. */
export type Root = FrameLocator | Page;

/**
 * helpers.ts takes a FrameLocator; it only calls getByRole and getByText on it, which a
 * Page has too, so the standalone SCO page can use the same steps.
 */
export function asFrame(root: Root): FrameLocator {
  return root as FrameLocator;
}

/** Opens the SCO page on its own (no LMS) and waits for the introduction. */
export async function openStandalone(page: Page): Promise<Page> {
  await page.goto(STANDALONE_URL);
  await expect(page.locator('fl-course')).toBeAttached();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(MODULE_TITLE);
  return page;
}

const RATING_WORDS = { best: 'Best choice', acceptable: 'Partly right', wrong: 'Not the best choice' } as const;

/** The kicker above the title: "Scenario 3 of 13", or "What happens next" on a follow-up. */
export function kicker(course: Course, step: Step): string {
  return step.main >= 0 ? `Scenario ${step.main + 1} of ${course.order.length}` : 'What happens next';
}

/** The page a root belongs to (for the keyboard). */
export function pageOf(root: Root): Page {
  return 'keyboard' in root ? root : root.owner().page();
}

/** What has focus, looking through shadow roots. */
export interface Focused {
  tag: string;
  type: string;
  value: string;
  checked: boolean;
  text: string;
}

export async function focused(root: Root): Promise<Focused> {
  return root.locator('body').evaluate(() => {
    let el: Element | null = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    const input = el instanceof HTMLInputElement ? el : null;
    return {
      tag: el?.tagName.toLowerCase() ?? '',
      type: input?.type ?? '',
      value: input?.value ?? '',
      checked: input?.checked ?? false,
      text: (el?.textContent ?? '').replace(/\s+/g, ' ').trim(),
    };
  });
}

/**
 * Presses Tab (at most `limit` times) until `done` says the focused element is the one
 * wanted; `visit` sees each element on the way. Fails if it is never reached.
 */
export async function tabUntil(
  root: Root,
  done: (f: Focused) => boolean,
  visit?: (f: Focused) => Promise<void>,
  limit = 40,
): Promise<Focused> {
  const page = pageOf(root);
  const seen: string[] = [];
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(root);
    seen.push(`${f.tag}${f.type ? `[${f.type}]` : ''} ${f.text.slice(0, 40)}`);
    if (done(f)) return f;
    await visit?.(f);
  }
  throw new Error(`Tab never reached the element; focus went through:\n${seen.join('\n')}`);
}

/** Tabs to a button whose text content ends with `text` and presses Enter (a selected choice's text starts with a tick). */
export async function pressWithKeyboard(root: Root, text: string): Promise<void> {
  await tabUntil(root, (f) => f.tag === 'button' && f.text.endsWith(text));
  await pageOf(root).keyboard.press('Enter');
}

/**
 * Picks the feed's items with the keyboard alone: Tab through the checkboxes, Space on each
 * one to pick, then Tab to "Submit answer" and press Enter.
 */
export async function answerFeedByKeyboard(root: Root, step: Step): Promise<void> {
  const wanted = new Set(step.picks.map((c) => c.id));
  await tabUntil(
    root,
    (f) => f.tag === 'button' && f.text === 'Submit answer',
    async (f) => {
      if (f.tag === 'input' && f.type === 'checkbox' && wanted.has(f.value) && !f.checked)
        await pageOf(root).keyboard.press('Space');
    },
  );
  for (const c of step.scenario.choices) {
    const box = root.getByRole('checkbox', { name: c.text, exact: true });
    if (wanted.has(c.id)) await expect(box, `${c.id} is ticked`).toBeChecked();
    else await expect(box, `${c.id} is not ticked`).not.toBeChecked();
  }
  await pageOf(root).keyboard.press('Enter');
  await expect(feedbackHeading(asFrame(root))).toBeVisible();
}

/**
 * Answers the screen on show as the step says, checking first that the screen is the
 * right one and asks for the answer the right way, then checks the feedback's verdict.
 */
export async function answerStep(course: Course, root: Root, step: Step, keyboard = false): Promise<void> {
  const s = step.scenario;
  await expect(heading(asFrame(root))).toHaveText(s.title);
  await expect(root.getByText(kicker(course, step), { exact: true })).toBeVisible();
  const radios = root.getByRole('radio');
  const boxes = root.getByRole('checkbox');
  switch (step.ui) {
    case 'radio':
      await expect(radios).toHaveCount(s.choices.length);
      await answer(asFrame(root), step.picks[0]!.text);
      break;
    case 'action':
    case 'button': {
      await expect(radios).toHaveCount(0);
      const pick = step.picks[0]!;
      // Every choice is a button named by its words: on the post (an action) or in the list under it.
      const button = root.getByRole('button', { name: choiceName(pick.text) });
      await expect(button).toHaveCount(1);
      const onPost = root
        .getByRole('list', { name: /^Actions on / })
        .getByRole('button', { name: choiceName(pick.text) });
      await expect(onPost).toHaveCount(step.ui === 'action' ? 1 : 0);
      if (keyboard) {
        await pressWithKeyboard(root, pick.text);
        await expect(button).toHaveAttribute('aria-pressed', 'true');
        await expect(feedbackHeading(asFrame(root)), 'nothing is recorded before Submit').toHaveCount(0);
        await pressWithKeyboard(root, 'Submit answer');
        await expect(feedbackHeading(asFrame(root))).toBeVisible();
      } else {
        await answer(asFrame(root), pick.text);
      }
      break;
    }
    case 'feed':
      await expect(boxes).toHaveCount(s.choices.length);
      await answerFeedByKeyboard(root, step);
      break;
  }
  if (step.ui !== 'feed')
    await expect(root.getByText(`Your answer: ${RATING_WORDS[step.picks[0]!.rating]}`)).toBeVisible();
}

export interface PlayOptions {
  /** Called on each screen before it is answered. */
  before?: (step: Step, index: number) => Promise<void>;
  /** Called on each screen once it is answered and shows its feedback. */
  after?: (step: Step, index: number) => Promise<void>;
  /** Stop once this many steps are answered (the last one is left showing its feedback). */
  stopAfter?: number;
  /** Press action and plain buttons with Tab and Enter rather than a click (feeds always use the keyboard). */
  keyboard?: boolean;
}

/** Presses Start, then answers every step and presses Continue, until "Your results". */
export async function playPlan(
  course: Course,
  root: Root,
  steps: readonly Step[],
  options: PlayOptions = {},
): Promise<void> {
  await start(asFrame(root));
  const count = options.stopAfter ?? steps.length;
  for (const [i, step] of steps.slice(0, count).entries()) {
    await options.before?.(step, i);
    await answerStep(course, root, step, options.keyboard);
    await options.after?.(step, i);
    if (i === count - 1 && options.stopAfter !== undefined) return;
    if (i === steps.length - 1)
      await expect(root.getByRole('button', { name: 'See your results', exact: true })).toBeVisible();
    await pressContinue(asFrame(root));
  }
  await expect(heading(asFrame(root))).toHaveText('Your results');
}

/** The choices across the course that branch to a follow-up. */
export function branchChoices(course: Course): { scenario: Scenario; choice: Choice }[] {
  return course.scenarios.flatMap((s) =>
    s.choices.filter((c) => c.next && c.next !== 'end').map((choice) => ({ scenario: s, choice })),
  );
}

/** The scenarios reached only by a branch. */
export function followUps(course: Course): Scenario[] {
  return course.scenarios.filter((s) => !course.order.includes(s.id));
}
