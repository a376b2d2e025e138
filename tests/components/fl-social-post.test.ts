import { describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import type { Block } from '../../src/core/model.js';
import '../../src/components/fl-social-post.js';
import { cy } from '../../src/components/strings-cy.js';
import { actionChoice, mount } from './mount.js';

type Post = Extract<Block, { kind: 'post' }>;

const post: Post = {
  kind: 'post',
  id: 'rota-post',
  author: 'Dawn Hughes',
  handle: 'dawnh_fictional',
  time: '2h',
  textHtml: '<p>Another double shift on the ward. Who else is running on empty?</p>',
  replies: 12,
  reposts: 1240,
  thread: [{ author: 'Sam Price', handle: 'samp_fictional', time: '1h', textHtml: '<p>Same here.</p>' }],
};

const repost = actionChoice('repost-it', 'repost', 'Repost it to show support');
const report = actionChoice('report-it', 'report', 'Report the post');

describe('fl-social-post', () => {
  it('shows the counts the post has, shortened as social sites do, in full for assistive technology, and none it lacks', async () => {
    const el = await mount('fl-social-post', { block: post });
    const items = [...el.shadowRoot!.querySelectorAll('.social__counts li')];
    const shown = items.map((li) => (li.querySelector('[aria-hidden="true"]') ?? li).textContent?.trim());
    const spoken = items.map((li) => (li.querySelector('.fl-visually-hidden') ?? li).textContent?.trim());
    expect(shown).toEqual(['12 replies', '1.2K reposts']);
    expect(spoken).toEqual(['12 replies', '1,240 reposts']);
  });

  it('is an article named by its author, with its replies in a named list', async () => {
    await mount('fl-social-post', { block: post });
    await expect.element(page.getByRole('article', { name: /^Dawn Hughes @dawnh_fictional posted/ })).toBeVisible();
    const replies = page.getByRole('list', { name: 'Replies to Dawn Hughes' });
    await expect.element(replies).toBeVisible();
    await expect.element(replies.getByText('Same here.')).toBeVisible();
  });

  it('names each action by its choice in a list named after whose post it is, and tells the page which was pressed', async () => {
    const el = await mount('fl-social-post', { block: post, actions: [repost, report] });
    await expect.element(page.getByRole('list', { name: "Actions on Dawn Hughes's post" })).toBeVisible();
    const picked: string[] = [];
    el.addEventListener('fl-action', (e) =>
      picked.push((e as CustomEvent<{ choice: { id: string } }>).detail.choice.id),
    );
    const actions = page.getByRole('list', { name: "Actions on Dawn Hughes's post" });
    await actions.getByRole('button', { name: /Report the post$/ }).click();
    expect(picked).toEqual(['report-it']);
  });

  it('names an action by the verb it shows when its words do not start with it, so a learner can say what they see', async () => {
    const thank = actionChoice('thank-dawn', 'reply', 'Thank Dawn, but ask her to keep patients out of it');
    await mount('fl-social-post', { block: post, actions: [repost, thank] });
    const actions = page.getByRole('list', { name: "Actions on Dawn Hughes's post" });
    await expect
      .element(
        actions.getByRole('button', { name: 'Reply: Thank Dawn, but ask her to keep patients out of it', exact: true }),
      )
      .toBeVisible();
    // Words that already start with the verb are the whole name, without the verb said twice.
    await expect.element(actions.getByRole('button', { name: 'Repost it to show support', exact: true })).toBeVisible();
  });

  it('once answered, disables the actions and marks the one picked as pressed', async () => {
    await mount('fl-social-post', { block: post, actions: [repost, report], answered: true, picked: ['repost-it'] });
    const pressed = page.getByRole('button', { pressed: true });
    await expect.element(pressed).toHaveTextContent('Repost it to show support');
    await expect.element(pressed).toBeDisabled();
    const notPressed = page.getByRole('button', { pressed: false });
    await expect.element(notPressed).toHaveTextContent('Report the post');
    await expect.element(notPressed).toBeDisabled();
  });

  it('speaks Welsh when given the Welsh strings', async () => {
    await mount('fl-social-post', { block: post, actions: [repost], strings: cy });
    await expect.element(page.getByRole('list', { name: 'Atebion i bostiad Dawn Hughes' })).toBeVisible();
    await expect.element(page.getByRole('list', { name: 'Camau ar gyfer postiad Dawn Hughes' })).toBeVisible();
  });
});
