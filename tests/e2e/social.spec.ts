/**
 * The social media elements of the flagship module, rendered from its content: a post with
 * a thread (trending-complaint), the feed (colleague-posts), a friend request, a group chat
 * and a page post. They must be operable by keyboard, name whose post an action acts on,
 * report the right interactions in SCORM 1.2 and 2004, and pass axe.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import type { Block, Scenario } from '../../src/core/model.js';
import { RESPONSE_SEPARATOR } from '../../src/core/scorm-names.js';
import { actionName } from '../../src/components/social.js';
import { en } from '../../src/components/strings.js';
import {
  VERSIONS,
  elements,
  escapeRegExp,
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
  bestChoices,
  expectedRaw,
  flagship,
  lmsId,
  openStandalone,
  overriding,
  plan,
  playPlan,
  pressWithKeyboard,
  scenario,
  type Root,
  type Step,
} from './flagship-helpers.js';

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'];

/** The owner an action names, and the word for the thing it acts on. */
function owner(block: Block): { name: string; thing: string } {
  switch (block.kind) {
    case 'post':
      return { name: block.author, thing: 'post' };
    case 'page-post':
      return { name: block.page, thing: 'post' };
    case 'chat':
      return { name: block.group, thing: 'group' };
    case 'request':
      return { name: block.from, thing: 'request' };
    case 'message':
      return { name: block.from, thing: 'message' };
  }
}

/** The label of the list of actions on a block: "Actions on Sian Morris's post". */
function actionsLabel(block: Block): string {
  const { name, thing } = owner(block);
  return `Actions on ${name}'s ${thing}`;
}

function blockOf(s: Scenario, id: string): Block {
  const part = s.situation.find((p) => p.kind !== 'html' && p.id === id);
  if (!part || part.kind === 'html') throw new Error(`no block "${id}" in ${s.id}`);
  return part;
}

function onlyBlock(s: Scenario): Block {
  const blocks = s.situation.filter((p): p is Block => p.kind !== 'html');
  expect(blocks, `${s.id} has one social media block`).toHaveLength(1);
  return blocks[0]!;
}

/** Plain text of a block's HTML (first line is enough to find it on the page). */
function firstText(html: string): string {
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 40);
}

/**
 * Every action on a scenario is a button named by the choice's own words (with the verb it
 * shows first, where the words do not start with it), in a list named after the block's
 * owner; the other choices are buttons outside those lists.
 */
async function expectActionNames(root: Root, s: Scenario): Promise<void> {
  const actions = s.choices.filter((c) => c.action);
  expect(actions.length, `${s.id} has actions`).toBeGreaterThan(0);
  for (const c of actions) {
    const list = root.getByRole('list', { name: actionsLabel(blockOf(s, c.target!)), exact: true });
    await expect(list.getByRole('button', { name: actionName(en, c), exact: true }), `action ${c.id}`).toBeVisible();
  }
  for (const c of s.choices.filter((x) => !x.action)) {
    await expect(root.getByRole('button', { name: c.text, exact: true })).toBeVisible();
    await expect(
      root.getByRole('list', { name: /^Actions on / }).getByRole('button', { name: c.text, exact: true }),
    ).toHaveCount(0);
  }
  await expect(root.getByRole('radio')).toHaveCount(0);
}

/** Runs axe on the page and fails with the rule ids and the elements they hit. */
async function expectNoAxeViolations(page: Page, where: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  const found = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  expect.soft(found, `axe violations on ${where}`).toEqual([]);
}

/**
 * Text the page offers to assistive technology through live regions (role=status, log,
 * alert or aria-live), looking through shadow roots.
 */
async function liveRegionText(root: Root): Promise<string[]> {
  return root.locator('body').evaluate(() => {
    const texts: string[] = [];
    const deepText = (node: Node): string => {
      let out = '';
      if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
      const el = node as Element;
      if (el.shadowRoot) for (const child of el.shadowRoot.childNodes) out += deepText(child);
      for (const child of node.childNodes) out += deepText(child);
      return out;
    };
    const walk = (rootNode: Document | ShadowRoot) => {
      for (const el of rootNode.querySelectorAll('*')) {
        const live = el.getAttribute('aria-live');
        const role = el.getAttribute('role');
        if ((live && live !== 'off') || ['status', 'log', 'alert'].includes(role ?? '') || el.tagName === 'OUTPUT') {
          texts.push(deepText(el).replace(/\s+/g, ' ').trim());
        }
        if (el.shadowRoot) walk(el.shadowRoot);
      }
    };
    walk(document);
    return texts.filter(Boolean);
  });
}

test.describe.configure({ mode: 'parallel' });

const course = flagship();
const TRENDING = scenario(course, 'trending-complaint');
const COLLEAGUES = scenario(course, 'colleague-posts');

for (const version of VERSIONS) {
  test.describe(`social media elements, SCORM ${version}`, () => {
    test('trending-complaint: the post and its thread render, an action works by keyboard, and the branch arrives', async ({
      page,
    }) => {
      const post = blockOf(TRENDING, 'sian-post');
      if (post.kind !== 'post') throw new Error('sian-post is a post');
      const frame = await launch(page, { module: MODULE, version });
      await start(frame);
      await expect(heading(frame)).toHaveText(TRENDING.title);

      // An article named by its heading, which names the author.
      const article = frame.getByRole('article', { name: new RegExp(`^${post.author}`) });
      await expect(article).toBeVisible();
      await expect(article.getByRole('heading', { level: 2 })).toContainText(post.author);
      await expect(article.getByRole('heading', { level: 2 })).toContainText(`@${post.handle}`);
      // The thread: one reply per item, each with its author and words.
      const replies = frame.getByRole('list', { name: `Replies to ${post.author}` });
      await expect(replies.getByRole('listitem')).toHaveCount(post.thread.length);
      for (const [i, r] of post.thread.entries()) {
        await expect(replies.getByRole('listitem').nth(i)).toContainText(r.author);
        await expect(replies.getByRole('listitem').nth(i)).toContainText(firstText(r.textHtml));
      }
      // Every action names Sian Morris's post; the other choice is a plain button.
      await expectActionNames(frame, TRENDING);
      const actions = TRENDING.choices.filter((c) => c.action);
      const onPost = frame.getByRole('list', { name: "Actions on Sian Morris's post" });
      await expect(onPost.getByRole('button')).toHaveCount(actions.length);

      // Keyboard only: Tab to the reply action (it branches), press Enter to select it, then Submit.
      const reply = TRENDING.choices.find((c) => c.action && c.next)!;
      expect(reply.id).toBe('reply-to-sian');
      const button = onPost.getByRole('button', { name: actionName(en, reply), exact: true });
      await pressWithKeyboard(frame, reply.text);
      await expect(button).toHaveAttribute('aria-pressed', 'true');
      await pressWithKeyboard(frame, 'Submit answer');
      await expect(feedbackHeading(frame)).toBeVisible();
      await expect(feedbackHeading(frame)).toBeFocused();
      await expect(button).toHaveAttribute('aria-pressed', 'true');
      await expect(button).toBeDisabled();

      const cmi = await readCmi(page);
      expect(interactions(version, cmi)).toEqual([
        {
          id: 'trending-complaint',
          type: 'choice',
          response: lmsId(reply.id),
          pattern: bestChoices(TRENDING)
            .map((c) => lmsId(c.id))
            .join(RESPONSE_SEPARATOR[version]),
          result: elements(version).wrong,
          objective: TRENDING.objective,
        },
      ]);
      await expectCleanLog(page, version);

      // The branch: the follow-up arrives with the learner's own reply and the thread under it.
      await pressContinue(frame);
      const follow = scenario(course, reply.next!);
      await expect(heading(frame)).toHaveText(follow.title);
      await expect(frame.getByText('What happens next', { exact: true })).toBeVisible();
      const arrived = onlyBlock(follow);
      if (arrived.kind !== 'post') throw new Error(`${follow.id} shows a post`);
      const thread = frame.getByRole('list', { name: `Replies to ${arrived.author}` });
      await expect(thread.getByRole('listitem')).toHaveCount(arrived.thread.length);
      for (const r of arrived.thread) await expect(thread).toContainText(firstText(r.textHtml));

      // Arriving content is announced: a live region (role=status or aria-live) says it came.
      const words = [...arrived.thread.map((r) => firstText(r.textHtml)), firstText(arrived.textHtml)];
      // The announcement follows the render by a moment, so the page has settled when it is read.
      await expect
        .poll(
          async () =>
            (await liveRegionText(frame)).some((text) => /New:/.test(text) || words.some((w) => text.includes(w))),
          { message: `a live region announces the arriving ${arrived.kind} in ${follow.id}` },
        )
        .toBe(true);
    });

    test('colleague-posts: the feed is answered by keyboard and reported as one interaction', async ({ page }) => {
      const steps = plan(course, BEST);
      const at = steps.findIndex((s) => s.scenario.id === COLLEAGUES.id);
      const frame = await launch(page, { module: MODULE, version });
      await playPlan(course, frame, steps, {
        stopAfter: at + 1,
        before: async (step) => {
          if (step.scenario !== COLLEAGUES) return;
          // Each item is a post with a checkbox under it; the question says to pick every one that applies.
          await expect(frame.getByText('Select all that apply.')).toBeVisible();
          await expect(frame.getByRole('checkbox')).toHaveCount(COLLEAGUES.choices.length);
          for (const c of COLLEAGUES.choices) {
            const block = blockOf(COLLEAGUES, c.target!);
            if (block.kind === 'post')
              await expect(frame.getByRole('article', { name: new RegExp(`^${block.author}`) })).toBeVisible();
          }
          await expect(frame.getByRole('button', { name: 'Submit answer' })).toBeVisible();
        },
      });
      const picked = steps[at]!.picks;
      expect(picked.map((c) => c.id)).toEqual(COLLEAGUES.choices.filter((c) => c.rating === 'best').map((c) => c.id));
      await expect(frame.getByText(/^✓ You picked ".+": correct$/)).toHaveCount(picked.length);

      const cmi = await readCmi(page);
      const feed = interactions(version, cmi).filter((x) => x.id === COLLEAGUES.id);
      expect(feed).toHaveLength(1);
      expect(feed[0]).toEqual({
        id: COLLEAGUES.id,
        type: 'choice',
        response: picked.map((c) => lmsId(c.id)).join(RESPONSE_SEPARATOR[version]),
        pattern: ['jess_mrs_bell', 'ravi_footballer', 'amy_xray'].join(RESPONSE_SEPARATOR[version]),
        result: 'correct',
        objective: COLLEAGUES.objective,
      });
      expect(interactions(version, cmi)).toHaveLength(at + 1);
      await expectCleanLog(page, version);
    });

    test('colleague-posts: one wrong item too is reported incorrect and shown as partly right', async ({ page }) => {
      test.slow(); // a whole run of 15 screens; the machine is shared
      const right = COLLEAGUES.choices.filter((c) => c.rating === 'best');
      const wrong = COLLEAGUES.choices.find((c) => c.rating === 'wrong')!;
      const picks = COLLEAGUES.choices.filter((c) => right.includes(c) || c === wrong);
      const steps = plan(course, overriding(BEST, { [COLLEAGUES.id]: picks.map((c) => c.id) }));
      const step: Step = steps.find((s) => s.scenario === COLLEAGUES)!;
      expect(step.score).toBe((COLLEAGUES.choices.length - 1) / COLLEAGUES.choices.length);

      const frame = await launch(page, { module: MODULE, version });
      await playPlan(course, frame, steps);
      await expect(frame.getByText(`${expectedRaw(steps)}%`, { exact: true })).toBeVisible();
      // The review shows the feed as partly right, with the wrong pick marked.
      await frame.getByText(/^Show each decision and why/).click(); // folded away until asked for
      const percent = Math.round(step.score * 100);
      const item = frame
        .getByRole('listitem')
        .filter({ has: frame.getByRole('heading', { level: 3, name: COLLEAGUES.title }) });
      await expect(item.getByText(`Partly right: ${percent}%`)).toBeVisible();
      await expect(item.getByText(`${wrong.text}: you picked it (not correct)`)).toBeVisible();

      const cmi = await readCmi(page);
      const feed = interactions(version, cmi).filter((x) => x.id === COLLEAGUES.id);
      expect(feed).toHaveLength(1);
      expect(feed[0]!.response).toBe(picks.map((c) => lmsId(c.id)).join(RESPONSE_SEPARATOR[version]));
      expect(feed[0]!.response.split(RESPONSE_SEPARATOR[version])).toHaveLength(right.length + 1);
      expect(feed[0]!.pattern).toBe(right.map((c) => lmsId(c.id)).join(RESPONSE_SEPARATOR[version]));
      expect(feed[0]!.result).toBe(elements(version).wrong);
      expect(interactions(version, cmi)).toHaveLength(steps.length);
      await expectCleanLog(page, version);
    });
  });
}

test.describe('social media elements, standalone', () => {
  // One walk down the best path in the SCO page opened on its own (no player frame), by
  // keyboard: axe on trending-complaint and colleague-posts before and after answering, and
  // the friend request, group chat and page post checked as they come.
  test('friend request, group chat and page post render their parts and name the owner; axe finds no violations', async ({
    page,
  }) => {
    test.slow(); // walks 11 screens
    const root = await openStandalone(page);
    await expectNoAxeViolations(page, 'the introduction');
    const steps = plan(course, BEST);
    const components = ['clinic-page', 'friend-request', 'ward-group-chat'];
    const audited = [TRENDING.id, COLLEAGUES.id];
    const last = Math.max(...components.map((id) => steps.findIndex((s) => s.scenario.id === id)));
    const checked: string[] = [];
    await playPlan(course, root, steps, {
      stopAfter: last + 1,
      keyboard: true,
      before: async (step) => {
        const s = step.scenario;
        if (audited.includes(s.id)) await expectNoAxeViolations(page, `${s.id}, unanswered`);
        if (!components.includes(s.id)) return;
        const block = onlyBlock(s);
        if (block.kind === 'page-post') {
          const article = root.getByRole('article', { name: new RegExp(`^${escapeRegExp(block.page)}`) });
          await expect(article).toBeVisible();
          await expect(article.getByRole('heading', { level: 2 })).toContainText('page post');
          const comments = root.getByRole('list', { name: `Comments on ${block.page}'s post` });
          await expect(comments.getByRole('listitem')).toHaveCount(block.comments.length);
          for (const c of block.comments) {
            await expect(comments).toContainText(c.author);
            await expect(comments).toContainText(firstText(c.textHtml));
          }
          const n = block.comments.length;
          await expect(article).toContainText(`${n} ${n === 1 ? 'comment' : 'comments'}`);
        } else if (block.kind === 'request') {
          const article = root.getByRole('article', {
            name: new RegExp(`^Friend request from ${escapeRegExp(block.from)}`),
          });
          await expect(article).toBeVisible();
          await expect(article.getByRole('heading', { level: 2 })).toContainText(`Friend request from ${block.from}`);
          if (block.mutual !== undefined)
            await expect(article).toContainText(`${block.mutual} mutual ${block.mutual === 1 ? 'friend' : 'friends'}`);
          await expect(article).toContainText(firstText(block.textHtml));
          expect(s.choices.filter((c) => c.action).map((c) => c.action)).toEqual(
            expect.arrayContaining(['accept', 'decline']),
          );
        } else if (block.kind === 'chat') {
          const article = root.getByRole('article', { name: new RegExp(`^${escapeRegExp(block.group)}`) });
          await expect(article).toBeVisible();
          await expect(article.getByRole('heading', { level: 2 })).toContainText('group chat');
          const n = block.members.length;
          await expect(article).toContainText(`${n} ${n === 1 ? 'member' : 'members'}: ${block.members.join(', ')}`);
          const messages = root.getByRole('list', { name: `Messages in ${block.group}` });
          await expect(messages.getByRole('listitem')).toHaveCount(block.messages.length);
          for (const m of block.messages) await expect(messages).toContainText(m.from);
        } else {
          throw new Error(`${s.id} shows a ${block.kind}`);
        }
        await expectActionNames(root, s);
        // The actions on the block sit in a list named after the owner.
        await expect(root.getByRole('list', { name: actionsLabel(block) })).toBeVisible();
        checked.push(s.id);
      },
      after: async (step) => {
        if (audited.includes(step.scenario.id)) await expectNoAxeViolations(page, `${step.scenario.id}, answered`);
      },
    });
    expect(checked).toEqual(components);
  });
});
