import { html, nothing } from 'lit';
import { customElement } from 'lit/decorators.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import type { Block } from '../core/model.js';
import { actionBar, avatar } from './social.js';
import { SocialElement } from './social-element.js';

type Message = Extract<Block, { kind: 'message' }>;

/**
 * An email or direct message, often arriving as a consequence of a choice.
 * @fires fl-action - the learner pressed an action; detail `{ choice }`
 */
@customElement('fl-message-card')
export class FlMessageCard extends SocialElement<Message> {
  override render() {
    const m = this.block;
    const t = this.strings;
    const kind = m.messageKind === 'email' ? t.email : t.directMessage;
    return html`<article class="social ${this.arriving ? 'social--arriving' : ''}" aria-labelledby="h">
      <div class="social__head">${avatar(m.from)}
        <h2 class="social__name" id="h">${kind} ${t.from} ${m.from}</h2>
      </div>
      <dl class="message__fields">
        ${m.to ? html`<dt>${t.to}</dt><dd>${m.to}</dd>` : nothing}
        ${m.subject ? html`<dt>${t.subject}</dt><dd>${m.subject}</dd>` : nothing}
        <dt>${t.received}</dt><dd>${m.time}</dd>
      </dl>
      <div class="social__text">${unsafeHTML(m.textHtml)}</div>
      ${actionBar(this, t, this.actions, m.from, 'message', this.answered, this.picked)}
    </article>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'fl-message-card': FlMessageCard;
  }
}
