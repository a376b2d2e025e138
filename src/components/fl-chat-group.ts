import { html, nothing } from 'lit';
import { customElement } from 'lit/decorators.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import type { Block } from '../core/model.js';
import { actionBar, avatar, timeAgo } from './social.js';
import './fl-social-image.js';
import { SocialElement } from './social-element.js';

type Chat = Extract<Block, { kind: 'chat' }>;

/**
 * A messaging group: its members and a run of chat bubbles.
 * @fires fl-action - the learner pressed an action; detail `{ choice }`
 */
@customElement('fl-chat-group')
export class FlChatGroup extends SocialElement<Chat> {
  override render() {
    const c = this.block;
    const t = this.strings;
    return html`<article class="social ${this.arriving ? 'social--arriving' : ''}" aria-labelledby="h">
      <div class="social__head">${avatar(c.group)}
        <h2 class="social__name" id="h">${c.group} <span class="social__meta">${t.groupChat}</span></h2>
      </div>
      <p class="social__meta">${t.members(c.members.length, c.members.join(', '))}</p>
      <ol class="social__replies" aria-label=${t.messagesIn(c.group)}>
        ${c.messages.map(
          (
            m,
          ) => html`<li class="chat__bubble"><p class="chat__from">${m.from} <span class="social__time">${timeAgo(t, m.time)}</span></p>
          ${unsafeHTML(m.textHtml)}${m.image ? html`<fl-social-image src=${m.image} alt=${m.alt ?? ''} .strings=${t}></fl-social-image>` : nothing}</li>`,
        )}
      </ol>
      ${actionBar(this, t, this.actions, c.group, 'group', this.answered, this.picked)}
    </article>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'fl-chat-group': FlChatGroup;
  }
}
