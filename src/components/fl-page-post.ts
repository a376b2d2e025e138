import { html, nothing } from 'lit';
import { customElement } from 'lit/decorators.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import type { Block } from '../core/model.js';
import { actionBar, avatar, countItem, timeAgo } from './social.js';
import './fl-social-image.js';
import { SocialElement } from './social-element.js';

type PagePost = Extract<Block, { kind: 'page-post' }>;

/**
 * A post on an organisation's page, with its comments.
 * @fires fl-action - the learner pressed an action; detail `{ choice }`
 */
@customElement('fl-page-post')
export class FlPagePost extends SocialElement<PagePost> {
  override render() {
    const p = this.block;
    const t = this.strings;
    const shown = p.likes !== undefined || p.shares !== undefined || p.comments.length > 0;
    return html`<article class="social ${this.arriving ? 'social--arriving' : ''}" aria-labelledby="h">
      <div class="social__head">${avatar(p.page)}
        <h2 class="social__name" id="h">${p.page} <span class="social__meta">${t.pagePost} · ${timeAgo(t, p.time)}</span></h2>
      </div>
      <div class="social__text">${unsafeHTML(p.textHtml)}</div>
      ${p.image ? html`<fl-social-image src=${p.image} alt=${p.alt ?? ''} .strings=${t}></fl-social-image>` : nothing}
      ${
        shown
          ? html`<ul class="social__counts">
        ${p.likes !== undefined ? countItem(p.likes, t.counts.likes) : nothing}
        ${p.shares !== undefined ? countItem(p.shares, t.counts.shares) : nothing}
        ${p.comments.length ? countItem(p.comments.length, t.counts.comments) : nothing}
      </ul>`
          : nothing
      }
      ${
        p.comments.length
          ? html`<ul class="social__replies" aria-label=${t.commentsOn(p.page)}>
        ${p.comments.map((c) => html`<li><article class="social__reply"><h3>${c.author} <span class="social__time">· ${timeAgo(t, c.time)}</span></h3>${unsafeHTML(c.textHtml)}</article></li>`)}
      </ul>`
          : nothing
      }
      ${actionBar(this, t, this.actions, p.page, 'post', this.answered, this.picked)}
    </article>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'fl-page-post': FlPagePost;
  }
}
