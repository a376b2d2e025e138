import { describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import type { Block } from '../../src/core/model.js';
import '../../src/components/fl-chat-group.js';
import { actionChoice, mount } from './mount.js';

type Chat = Extract<Block, { kind: 'chat' }>;

const chat: Chat = {
  kind: 'chat',
  id: 'ward-chat',
  group: 'Ward 7 nights',
  members: ['Priya Shah', 'Tom Reed', 'Ade Bello'],
  messages: [
    { from: 'Tom Reed', time: '22:14', textHtml: '<p>Bed 4 was a handful tonight.</p>' },
    {
      from: 'Priya Shah',
      time: '22:16',
      textHtml: '<p>Look at this.</p>',
      image: 'media/fictional-photo.png',
      alt: 'A photo of a ward whiteboard',
    },
  ],
};

describe('fl-chat-group', () => {
  it('is an article named by the group, saying how many are in it and who', async () => {
    await mount('fl-chat-group', { block: chat });
    await expect.element(page.getByRole('article', { name: 'Ward 7 nights group chat' })).toBeVisible();
    await expect.element(page.getByText('3 members: Priya Shah, Tom Reed, Ade Bello')).toBeVisible();
  });

  it('lists the messages in order, each with who sent it and any image described', async () => {
    await mount('fl-chat-group', { block: chat });
    const list = page.getByRole('list', { name: 'Messages in Ward 7 nights' });
    const items = list.getByRole('listitem').elements();
    expect(items.map((li) => li.querySelector('.chat__from')?.textContent?.trim())).toEqual([
      'Tom Reed 22:14',
      'Priya Shah 22:16',
    ]);
    await expect.element(list.getByRole('img', { name: 'A photo of a ward whiteboard' })).toBeInTheDocument();
  });

  it('lists the leave action under the group, named by its choice', async () => {
    const leave = actionChoice('leave-group', 'leave', 'Leave the group quietly');
    await mount('fl-chat-group', { block: chat, actions: [leave] });
    await expect
      .element(
        page.getByRole('list', { name: /Ward 7 nights/ }).getByRole('button', { name: /Leave the group quietly$/ }),
      )
      .toBeEnabled();
  });
});
