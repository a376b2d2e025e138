/**
 * The scenario screen as a learner meets it: a choice is selected (and can be changed) before
 * Submit answer records it; what happens next is shown before the feedback; errors, names,
 * reading order and live-region announcements. Both SCORM versions where the LMS is told.
 */
import type { Page } from '@playwright/test';
import { en } from '../../src/components/strings.js';
import {
  SAVE_STATUS,
  VERSIONS,
  answer,
  expect,
  expectCleanLog,
  feedbackHeading,
  heading,
  interactions,
  launch,
  pressContinue,
  readCmi,
  start,
  test,
} from './helpers.js';
import {
  BEST,
  MODULE,
  asFrame,
  flagship,
  focused,
  lmsId,
  openStandalone,
  pageOf,
  plan,
  playPlan,
  scenario,
  tabUntil,
  type Root,
} from './flagship-helpers.js';

const course = flagship();
/** The first flagship scenario whose choices include actions on a post and plain buttons. */
const ACTIONS = course.scenarios.find(
  (s) => course.order[0] === s.id && s.choices.some((c) => c.action) && s.choices.some((c) => !c.action),
)!;

for (const version of VERSIONS) {
  test(`a choice is selected, changed by keyboard, and recorded only on Submit answer, SCORM ${version}`, async ({
    page,
  }) => {
    expect(ACTIONS, 'the flagship starts with a scenario that has actions and plain choices').toBeDefined();
    const frame = await launch(page, { module: MODULE, version });
    await start(frame);
    await expect(heading(frame)).toHaveText(ACTIONS.title);
    const action = ACTIONS.choices.find((c) => c.action)!;
    const plain = ACTIONS.choices.find((c) => !c.action)!;
    const first = frame.getByRole('button', { name: action.text, exact: true });
    const second = frame.getByRole('button', { name: plain.text, exact: true });
    await expect(first).toHaveAttribute('aria-pressed', 'false');

    await tabUntil(frame, (f) => f.tag === 'button' && f.text.endsWith(action.text));
    await pageOf(frame).keyboard.press('Enter');
    await expect(first).toHaveAttribute('aria-pressed', 'true');
    // Focus stays on the button pressed; nothing is recorded yet.
    expect((await focused(frame)).text).toContain(action.text);
    await tabUntil(frame, (f) => f.tag === 'button' && f.text.endsWith(plain.text));
    await pageOf(frame).keyboard.press('Space');
    await expect(second).toHaveAttribute('aria-pressed', 'true');
    await expect(first).toHaveAttribute('aria-pressed', 'false');
    await expect(feedbackHeading(frame)).toHaveCount(0);
    expect(interactions(version, await readCmi(page)), 'nothing recorded before Submit').toEqual([]);

    await tabUntil(frame, (f) => f.tag === 'button' && f.text === 'Submit answer');
    await pageOf(frame).keyboard.press('Enter');
    await expect(feedbackHeading(frame)).toBeFocused();
    // Feedback is on screen before the LMS is called: wait for the commit.
    await expect
      .poll(async () => interactions(version, await readCmi(page)).map((x) => [x.id, x.response]))
      .toEqual([[ACTIONS.id, lmsId(plain.id)]]);
    await expect(second).toBeDisabled();
    await expect(second).toHaveAttribute('aria-pressed', 'true');
    await expect(frame.getByText('Your choice', { exact: true })).toHaveCount(1);
    await expectCleanLog(page, version);
  });

  test(`what happens next is shown after Submit and before the feedback, focus on it, SCORM ${version}`, async ({
    page,
  }) => {
    const frame = await launch(page, { version });
    await start(frame);
    await frame.getByRole('radio', { name: 'Ask Priya to crop the patient board out of the photo' }).check();
    // Before Submit there is no consequence on the page.
    await expect(frame.getByRole('heading', { name: 'What happens next', level: 2 })).toHaveCount(0);
    await frame.getByRole('button', { name: 'Submit answer' }).click();

    const next = frame.getByRole('heading', { name: 'What happens next', level: 2 });
    await expect(next).toBeFocused();
    const message = frame.getByRole('article', { name: /^Direct message from Priya Shah/ });
    await expect(message).toContainText('Two people had already shared the first one');
    await expect(feedbackHeading(frame)).toBeVisible();
    // The consequence comes before the feedback, in reading order.
    const order = await frame.locator('fl-scenario').evaluate((el) => {
      const root = el.shadowRoot!;
      const a = root.querySelector('#consequence-heading')!;
      const b = root.querySelector('#feedback-heading')!;
      return a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? 'consequence first' : 'feedback first';
    });
    expect(order).toBe('consequence first');
    expect(interactions(version, await readCmi(page)).map((x) => x.response)).toEqual(['crop_photo']);
    await expectCleanLog(page, version);
  });
}

/**
 * Text the page offers to assistive technology through live regions (role=status, alert or
 * log, or aria-live), looking through shadow roots; empty regions are left out.
 */
async function liveRegionText(root: Root): Promise<string[]> {
  return root.locator('body').evaluate(() => {
    const texts: string[] = [];
    const deepText = (node: Node): string => {
      if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
      let out = '';
      const el = node as Element;
      if (el.shadowRoot) for (const child of el.shadowRoot.childNodes) out += deepText(child);
      for (const child of node.childNodes) out += deepText(child);
      return out;
    };
    const walk = (rootNode: Document | ShadowRoot) => {
      for (const el of rootNode.querySelectorAll('*')) {
        const live = el.getAttribute('aria-live');
        if ((live && live !== 'off') || ['status', 'log', 'alert'].includes(el.getAttribute('role') ?? ''))
          texts.push(deepText(el).replace(/\s+/g, ' ').trim());
        if (el.shadowRoot) walk(el.shadowRoot);
      }
    };
    walk(document);
    return texts.filter(Boolean);
  });
}

/** Opens the flagship on its own page and plays the best path up to (not answering) `id`. */
async function openAt(page: Page, id: string): Promise<Root> {
  const root = await openStandalone(page);
  const steps = plan(course, BEST);
  const at = steps.findIndex((s) => s.scenario.id === id);
  expect(at, `${id} is on the best path`).toBeGreaterThanOrEqual(0);
  if (at === 0) await start(asFrame(root));
  else {
    await playPlan(course, root, steps, { stopAfter: at });
    await pressContinue(asFrame(root));
  }
  await expect(heading(asFrame(root))).toHaveText(scenario(course, id).title);
  return root;
}

test('a post scenario asks its question before the first choice on a post, in reading and tab order', async ({
  page,
}) => {
  const root = await openAt(page, ACTIONS.id);
  const order = await root.locator('fl-scenario').evaluate((el) => {
    const shadow = el.shadowRoot!;
    const question = shadow.querySelector('.scenario__question')!;
    const firstBlock = [...shadow.querySelectorAll('fl-social-block')].find(
      (b) => (b as unknown as { actions: unknown[] }).actions.length > 0,
    )!;
    return {
      questionFirst: !!(question.compareDocumentPosition(firstBlock) & Node.DOCUMENT_POSITION_FOLLOWING),
      text: question.textContent?.replace(/\s+/g, ' ').trim(),
    };
  });
  expect(order.questionFirst, 'the question comes before the block that carries actions').toBe(true);
  expect(order.text).toBe(`${ACTIONS.question} ${en.useButtons}`);

  // From the heading, Tab meets the choices on the post, then the other options, then Submit answer.
  await expect(heading(asFrame(root))).toBeFocused();
  const expected = [
    ...ACTIONS.choices.filter((c) => c.action).map((c) => c.text),
    ...ACTIONS.choices.filter((c) => !c.action).map((c) => c.text),
    'Submit answer',
  ];
  const met: string[] = [];
  await tabUntil(
    root,
    (f) => f.tag === 'button' && f.text === 'Submit answer',
    async (f) => {
      if (f.tag === 'button') met.push(expected.find((e) => f.text.endsWith(e)) ?? f.text);
    },
  );
  met.push('Submit answer');
  expect(met.filter((m) => m !== en.enlargeImage)).toEqual(expected);
});

test('live regions: nothing on the introduction or after a successful save, one "New:" when a follow-up arrives', async ({
  page,
}) => {
  const frame = await launch(page, { module: MODULE, version: '2004' });
  await expect(frame.locator(SAVE_STATUS)).toHaveText('Progress saved');
  expect(await liveRegionText(frame), 'the introduction announces nothing').toEqual([]);
  await start(frame);
  await expect(heading(frame)).toHaveText(ACTIONS.title);
  const branch = ACTIONS.choices.find((c) => c.action && c.next)!;
  await frame.getByRole('button', { name: branch.text, exact: true }).click();
  expect(await liveRegionText(frame), 'selecting announces nothing (aria-pressed says it)').toEqual([]);
  await frame.getByRole('button', { name: 'Submit answer' }).click();
  await expect(feedbackHeading(frame)).toBeFocused();
  await expect(frame.locator(SAVE_STATUS)).toHaveText('Progress saved');
  expect(await liveRegionText(frame), 'the feedback and the save announce nothing: focus moved').toEqual([]);

  await pressContinue(frame);
  const follow = scenario(course, branch.next!);
  await expect(heading(frame)).toHaveText(follow.title);
  await expect.poll(() => liveRegionText(frame)).toHaveLength(1);
  const [said] = await liveRegionText(frame);
  expect(said).toMatch(/^New: /);
  const own = follow.situation.find((p) => p.kind === 'post' && p.author === 'You');
  if (own) expect(said).toContain('your post');
});

test("the learner's own post is named as theirs, and counts and times are said in full", async ({ page }) => {
  const root = await openAt(page, ACTIONS.id);
  const branch = ACTIONS.choices.find((c) => c.action && c.next)!;
  await answer(asFrame(root), branch.text);
  await pressContinue(asFrame(root));
  const follow = scenario(course, branch.next!);
  const post = follow.situation.find((p) => p.kind === 'post' && p.author === 'You');
  test.skip(!post, `${follow.id} has no post by the learner`);
  if (post?.kind !== 'post') return;
  if (post.thread.length)
    await expect(root.getByRole('list', { name: 'Replies to your post', exact: true })).toBeVisible();
  if (follow.choices.some((c) => c.action && c.target === post.id))
    await expect(root.getByRole('list', { name: 'Actions on your post', exact: true })).toBeVisible();
  await expect(root.getByRole('list', { name: /You's|Replies to You$/ })).toHaveCount(0);
  const article = root.getByRole('article', { name: /^You / });
  const time = /^(\d+)h$/.exec(post.time);
  if (time) await expect(article.getByText(`${time[1]} hours ago`)).toBeAttached();
});

test('a feed submitted with nothing ticked says so and moves focus to the error; ticks survive the statement', async ({
  page,
}) => {
  test.slow(); // plays the best path up to the feed
  const feed = course.scenarios.find((s) => s.select === 'many' && course.order.includes(s.id))!;
  const root = await openAt(page, feed.id);
  await root.getByRole('button', { name: 'Submit answer' }).click();
  const error = root.getByText('Error: Select at least one post');
  await expect(error).toBeVisible();
  expect((await focused(root)).text).toBe('Error: Select at least one post');
  await expect(feedbackHeading(asFrame(root))).toHaveCount(0);

  const [a, b] = feed.choices;
  await root.getByRole('checkbox', { name: a!.text, exact: true }).check();
  await root.getByRole('checkbox', { name: b!.text, exact: true }).check();
  await expect(error).toHaveCount(0);
  await root.getByRole('button', { name: 'Accessibility statement' }).click();
  await expect(heading(asFrame(root))).toHaveText('Accessibility statement');
  await root.getByRole('button', { name: 'Back', exact: true }).click();
  await expect(heading(asFrame(root))).toHaveText(feed.title);
  await expect(root.getByRole('checkbox', { name: a!.text, exact: true })).toBeChecked();
  await expect(root.getByRole('checkbox', { name: b!.text, exact: true })).toBeChecked();
  await expect(feedbackHeading(asFrame(root))).toHaveCount(0);
});

test('a selected action survives the statement', async ({ page }) => {
  const root = await openAt(page, ACTIONS.id);
  const action = ACTIONS.choices.find((c) => c.action)!;
  const button = root.getByRole('button', { name: action.text, exact: true });
  await button.click();
  await root.getByRole('button', { name: 'Accessibility statement' }).click();
  await expect(heading(asFrame(root))).toHaveText('Accessibility statement');
  await root.getByRole('button', { name: 'Back', exact: true }).click();
  await expect(button).toHaveAttribute('aria-pressed', 'true');
  await expect(feedbackHeading(asFrame(root))).toHaveCount(0);
});

test('an image in a post opens full size in a dialog, by keyboard, and closes back to its button', async ({ page }) => {
  const withImage = course.order
    .map((id) => scenario(course, id))
    .find((s) => s.situation.some((p) => p.kind === 'post' && p.image));
  test.skip(!withImage, 'no post with an image on the main path');
  const post = withImage!.situation.find((p) => p.kind === 'post' && p.image)!;
  if (post.kind !== 'post') return;
  const root = await openAt(page, withImage!.id);
  const open = root.getByRole('button', { name: en.enlargeImage, exact: true });
  await expect(root.getByRole('img', { name: post.alt, exact: true }).first()).toBeVisible();
  await open.focus();
  await pageOf(root).keyboard.press('Enter');
  const dialog = root.getByRole('dialog', { name: post.alt, exact: true });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: en.close })).toBeFocused();
  await expect(dialog.getByRole('img', { name: post.alt, exact: true })).toBeVisible();
  await pageOf(root).keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(open).toBeFocused();
});
