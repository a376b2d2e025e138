import { html, nothing } from 'lit';
import { customElement } from 'lit/decorators.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import type { Block } from '../core/model.js';
import { actionBar, avatar } from './social.js';
import { SocialElement } from './social-element.js';

type Request = Extract<Block, { kind: 'request' }>;

/**
 * A friend or follow request.
 * @fires fl-action - the learner pressed an action; detail `{ choice }`
 */
@customElement('fl-friend-request')
export class FlFriendRequest extends SocialElement<Request> {
  override render() {
    const r = this.block;
    const t = this.strings;
    return html`<article class="social ${this.arriving ? 'social--arriving' : ''}" aria-labelledby="h">
      <div class="social__head">${avatar(r.from)}
        <h2 class="social__name" id="h">${t.friendRequestFrom(r.from)} <span class="social__handle">@${r.handle}</span></h2>
      </div>
      ${r.mutual !== undefined ? html`<p class="social__meta">${t.mutualFriends(r.mutual)}</p>` : nothing}
      <div class="social__text">${unsafeHTML(r.textHtml)}</div>
      ${actionBar(this, t, this.actions, r.from, 'request', this.answered, this.picked)}
    </article>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'fl-friend-request': FlFriendRequest;
  }
}
